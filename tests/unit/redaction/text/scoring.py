"""Score the text engine on the labelled chat set (tests/eval/chats.jsonl).

Payment recall: every digit of every labelled payment item is removed (for an item spelled
in words, every letter of it). Keep rate: every labelled keep item survives verbatim (no
redaction overlaps it). Special categories: span overlap per category; a flag overlapping
a labelled span of its category is a true positive, any other flag a false positive.

Run ``python -m tests.unit.redaction.text.scoring`` to print the numbers and every miss.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringfence.redaction.findings import CATEGORIES
from ringfence.redaction.text.conversation import MessageResult, redact_chat
from ringfence.redaction.text.engine import TextEngine, default_engine

EVAL_FILE = Path(__file__).resolve().parents[3] / "eval" / "chats.jsonl"


def load_chats(path: Path = EVAL_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def label_span(text: str, label: dict[str, Any]) -> tuple[int, int]:
    """Offsets of the label's ``occurrence``-th (1-based) occurrence in ``text``."""
    start = -1
    for _ in range(int(label.get("occurrence", 1))):
        start = text.index(label["text"], start + 1)
    return start, start + len(label["text"])


@dataclass
class Score:
    payment_total: int = 0
    payment_missed: list[str] = field(default_factory=list)
    keep_total: int = 0
    keep_lost: list[str] = field(default_factory=list)
    true_flags: Counter[str] = field(default_factory=Counter)
    false_flags: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    found_labels: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def payment_recall(self) -> float:
        return 1 - len(self.payment_missed) / max(1, self.payment_total)

    @property
    def keep_rate(self) -> float:
        return 1 - len(self.keep_lost) / max(1, self.keep_total)

    def precision(self, category: str) -> float:
        flagged = self.true_flags[category] + self.false_flags[category]
        return self.true_flags[category] / flagged if flagged else 1.0

    def recall(self, category: str) -> float:
        labelled = self.labels[category]
        return self.found_labels[category] / labelled if labelled else 1.0


def score_chats(chats: list[dict[str, Any]], engine: TextEngine) -> Score:
    score = Score()
    for chat in chats:
        texts = {m["seq"]: m["text"] for m in chat["messages"]}
        messages = [(m["seq"], m["sender"], m["text"]) for m in chat["messages"]]
        results = {r.seq: r for r in redact_chat(messages, engine)}
        _score_payment(chat, texts, results, score)
        _score_keep(chat, texts, results, score)
        _score_special(chat, texts, results, score)
    return score


def _covered(result: MessageResult, start: int, end: int, text: str) -> bool:
    wanted = [i for i in range(start, end) if text[i].isdigit()] or [
        i for i in range(start, end) if text[i].isalnum()
    ]
    return all(any(r.start <= i < r.end for r in result.redactions) for i in wanted)


def _score_payment(
    chat: dict[str, Any], texts: dict[int, str], results: dict[int, MessageResult], score: Score
) -> None:
    for label in chat["payment"]:
        text = texts[label["seq"]]
        start, end = label_span(text, label)
        score.payment_total += 1
        if not _covered(results[label["seq"]], start, end, text):
            score.payment_missed.append(
                f"{chat['chat_id']}#{label['seq']} {label['kind']}: {label['text']!r} in {text!r}"
            )


def _score_keep(
    chat: dict[str, Any], texts: dict[int, str], results: dict[int, MessageResult], score: Score
) -> None:
    for label in chat["keep"]:
        text = texts[label["seq"]]
        start, end = label_span(text, label)
        score.keep_total += 1
        if any(r.start < end and start < r.end for r in results[label["seq"]].redactions):
            score.keep_lost.append(
                f"{chat['chat_id']}#{label['seq']}: {label['text']!r} in {text!r}"
            )


def _score_special(
    chat: dict[str, Any], texts: dict[int, str], results: dict[int, MessageResult], score: Score
) -> None:
    spans = [
        (label["seq"], *label_span(texts[label["seq"]], label), label["category"])
        for label in chat["special"]
    ]
    for seq, start, end, category in spans:
        score.labels[category] += 1
        if any(
            f.category == category and f.start < end and start < f.end for f in results[seq].flags
        ):
            score.found_labels[category] += 1
        else:
            score.misses.append(
                f"FN {category} {chat['chat_id']}#{seq}: "
                f"{texts[seq][start:end]!r} in {texts[seq]!r}"
            )
    for seq, result in results.items():
        for flag in result.flags:
            if any(
                s == seq and c == flag.category and a < flag.end and flag.start < b
                for s, a, b, c in spans
            ):
                score.true_flags[flag.category] += 1
            else:
                score.false_flags[flag.category] += 1
                score.misses.append(
                    f"FP {flag.category} {chat['chat_id']}#{seq}: "
                    f"{texts[seq][flag.start : flag.end]!r} ({flag.detector}) "
                    f"in {texts[seq]!r}"
                )


def report(score: Score) -> str:
    lines = [
        f"payment recall {score.payment_recall:.3f} ({score.payment_total} items), "
        f"keep rate {score.keep_rate:.3f} ({score.keep_total} items)"
    ]
    for category in CATEGORIES:
        lines.append(
            f"{category:20} precision {score.precision(category):.3f} "
            f"recall {score.recall(category):.3f} labels {score.labels[category]} "
            f"flags {score.true_flags[category] + score.false_flags[category]}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    result = score_chats(load_chats(), default_engine())
    print(report(result))
    for line in [*result.payment_missed, *result.keep_lost, *result.misses]:
        print(line)
