"""Recognizers are pure functions of the shared artifacts: order and company do not matter.

Every message of the labelled set (tests/eval/chats.jsonl) is analysed by each recognizer
alone, on artifacts built fresh for it, and by all recognizers in turn (forwards, backwards)
on one shared copy; each recognizer must find the same either way, and the shared copy must
come out as it went in.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from presidio_analyzer import RecognizerRegistry

from ringfence.redaction.text.artifacts import ArtifactRecognizer, TextArtifacts
from ringfence.redaction.text.engine import TextEngine
from ringfence.redaction.text.payment.payment_scan import Carried

CHATS = Path(__file__).parents[3] / "eval" / "chats.jsonl"
Found = list[tuple[str, int, int, float, str]]


def _texts() -> list[str]:
    with CHATS.open(encoding="utf-8") as lines:
        chats = [json.loads(line) for line in lines if line.strip()]
    return [message["text"] for chat in chats for message in chat["messages"]]


TEXTS = _texts()
# Outside and inside a payment context (the second is what a card number or a cue gives).
CONTEXTS = [Carried(), Carried(payment_context=True, bank_context=True)]


def _recognizers(engine: TextEngine) -> list[ArtifactRecognizer]:
    found = engine._pipeline.registry.get_recognizers(language="en", all_fields=True)
    return [r for r in found if isinstance(r, ArtifactRecognizer)]


def _artifacts(engine: TextEngine, text: str, carried: Carried) -> TextArtifacts:
    """What the engine hands its recognizers: the shared pass, digit runs found."""
    artifacts = engine._artifacts(text, carried)
    return artifacts.with_payment(engine._pipeline.scanner.with_runs(artifacts.payment))


def _found(recognizer: ArtifactRecognizer, text: str, artifacts: TextArtifacts) -> Found:
    return [
        (r.entity_type, r.start, r.end, r.score, str(r.recognition_metadata))
        for r in recognizer.analyze(text, [], artifacts)
    ]


@pytest.mark.parametrize("carried", CONTEXTS, ids=["no_context", "payment_context"])
def test_each_recognizer_finds_the_same_alone_and_in_any_order(
    engine: TextEngine, carried: Carried
) -> None:
    """Alone on fresh artifacts, or after all the others on shared ones: the same hits."""
    recognizers = _recognizers(engine)
    for text in TEXTS:
        alone = {r.name: _found(r, text, _artifacts(engine, text, carried)) for r in recognizers}
        for order in (recognizers, recognizers[::-1]):
            shared = _artifacts(engine, text, carried)
            before = (shared.words, shared.payment, shared.lexicon_matches)
            together = {r.name: _found(r, text, shared) for r in order}
            assert together == alone, text
            assert (shared.words, shared.payment, shared.lexicon_matches) == before, text


def test_engine_findings_do_not_depend_on_registry_order(engine: TextEngine) -> None:
    """An engine whose registry lists the recognizers backwards finds exactly the same."""
    pipeline = engine._pipeline
    backwards = RecognizerRegistry(
        recognizers=pipeline.registry.recognizers[::-1], supported_languages=["en"]
    )
    reversed_engine = TextEngine(dataclasses.replace(pipeline, registry=backwards))
    for carried in CONTEXTS:
        for text in TEXTS:
            assert reversed_engine.analyse(text, carried=carried) == engine.analyse(
                text, carried=carried
            ), text


def test_running_the_recognizers_leaves_the_artifacts_as_built(engine: TextEngine) -> None:
    """The engine's recognizer pass (a card number implying a payment context included)
    hands on new artifacts where it needs another view; the ones it built stay as built."""
    for carried in CONTEXTS:
        for text in TEXTS:
            built = engine._artifacts(text, carried)
            engine._results(text, built)
            fresh = engine._artifacts(text, carried)
            assert (built.payment, built.lexicon_matches) == (fresh.payment, fresh.lexicon_matches)


def test_shared_artifacts_are_read_only(engine: TextEngine) -> None:
    """A recognizer cannot swap what the others read: assignment raises. (The records inside
    are plain slots dataclasses for speed; the test above holds them as built.)"""
    artifacts = _artifacts(engine, "card 4929 1234 5678 9012 exp 03/27", Carried())
    with pytest.raises(AttributeError):
        artifacts.payment = artifacts.payment  # type: ignore[misc]
    with pytest.raises(AttributeError):
        artifacts.words = artifacts.words  # type: ignore[misc]
    with pytest.raises(TypeError):
        artifacts.payment.cues["card"] = artifacts.payment.cues["expiry"]
