"""Messages per second per core: Ringfence's text engine vs stock presidio, same corpus.

Stock presidio is an ``AnalyzerEngine`` with its default predefined recognizers on a blank
spaCy English pipeline (saved to a temporary directory and loaded through presidio's
``NlpEngineProvider``, so nothing is downloaded). Ringfence is ``default_engine().analyse``.
Both analyse the messages of the labelled chat set (tests/eval/chats.jsonl), repeated, in
one process pinned to one core, in alternating rounds, timed in CPU seconds of the process
(so other load on the machine does not skew either side); the median round of each is
reported with the ratio.

    python benchmarks/text_throughput.py [--messages 3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
import tldextract

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "eval" / "chats.jsonl"


def corpus(size: int) -> list[str]:
    """The eval set's message texts, repeated up to ``size`` messages."""
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [m["text"] for line in lines if line.strip() for m in json.loads(line)["messages"]]
    return (texts * (size // len(texts) + 1))[:size]


def stock_presidio(model_dir: Path) -> Callable[[str], object]:
    """Stock AnalyzerEngine: default recognizers, blank spaCy pipeline, no network."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer import predefined_recognizers as predefined
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's email recognizer calls tldextract, which would fetch the public suffix list;
    # use the snapshot bundled with tldextract instead.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    predefined.generic.email_recognizer.tldextract.extract = offline  # type: ignore[attr-defined]
    spacy.blank("en").to_disk(model_dir)
    configuration = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": str(model_dir)}],
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    return lambda text: analyzer.analyze(text, language="en")


def ringfence() -> Callable[[str], object]:
    from ringfence.redaction.text.engine import default_engine

    engine = default_engine()
    return engine.analyse


def rate(analyse: Callable[[str], object], texts: list[str]) -> float:
    """Messages per CPU second of this process: other work on the machine does not count."""
    started = time.process_time()
    for text in texts:
        analyse(text)
    return len(texts) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, honestly "per core"
    texts = corpus(args.messages)
    with tempfile.TemporaryDirectory() as model_dir:
        engines = {"stock presidio": stock_presidio(Path(model_dir)), "ringfence": ringfence()}
        for analyse in engines.values():  # warm up caches and lazy loading
            rate(analyse, texts[:50])
        rates: dict[str, list[float]] = {name: [] for name in engines}
        for _ in range(args.rounds):
            for name, analyse in engines.items():
                rates[name].append(rate(analyse, texts))
    medians = {name: statistics.median(values) for name, values in rates.items()}
    print(f"corpus: {len(texts)} messages from {CORPUS.name}, {args.rounds} rounds, one core")
    for name, value in medians.items():
        rounds = ", ".join(f"{v:.0f}" for v in rates[name])
        print(f"{name:15} {value:10.0f} msgs/s per core  (rounds: {rounds})")
    ratio = medians["ringfence"] / medians["stock presidio"]
    print(f"ratio ringfence / stock presidio: {ratio:.1f}x")


if __name__ == "__main__":
    main()
