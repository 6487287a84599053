"""Build ``chats.jsonl`` from the hand-written chat sources in ``source/*.txt``.

Why a builder: labels are written inline next to the words they cover, so a human can
read a chat and its labels together, and offsets/occurrences are computed, never typed.
The builder also checks what people get wrong by hand: Luhn on card numbers, mod-97 on
IBANs, and that a label's text really is in its message.

Source format (one or more chats per file)::

    ## eval-001 | housing_services
    > note: why this case exists
    c: customer message with a [[health|diabetes]] label
    a: agent message with a [[keep|CT 1234 5678]] reference

Label tags: card (Luhn-valid), card! (deliberately Luhn-invalid misread), cardpart (one
fragment of a number split or garbled across messages), cardw (card spelled in words),
cvv, exp, acct, sort, iban, keep, and the special categories (``sexual`` and ``union``
abbreviate sexual_orientation and trade_union).

Run: ``python tests/eval/build_eval_set.py`` (rewrites tests/eval/chats.jsonl).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABEL = re.compile(r"\[\[([a-z_!]+)\|(.+?)\]\]")
HEADER = re.compile(r"^##\s*(\S+)\s*\|\s*(\S+)\s*$")

PAYMENT_TAGS = {
    "card": "payment_card",
    "card!": "payment_card",
    "cardpart": "payment_card",
    "cardw": "payment_card",
    "cvv": "card_security_code",
    "exp": "card_expiry",
    "acct": "bank_account",
    "sort": "sort_code",
    "iban": "iban",
}
SPECIAL_TAGS = {
    "health": "health",
    "religion": "religion",
    "ethnicity": "ethnicity",
    "criminal": "criminal",
    "sexual": "sexual_orientation",
    "political": "political",
    "union": "trade_union",
    "genetic": "genetic",
    "biometric": "biometric",
}


def luhn_valid(digits: str) -> bool:
    """Standard Luhn (mod 10) check over a digit string."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def iban_valid(text: str) -> bool:
    """ISO 13616 mod-97 check, spaces ignored."""
    compact = text.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def check_label(tag: str, text: str, where: str) -> None:
    """Fail loudly when a hand-written number is not what its tag claims."""
    digits = re.sub(r"\D", "", text)
    if tag == "card" and not (13 <= len(digits) <= 19 and luhn_valid(digits)):
        raise SystemExit(f"{where}: card label is not a Luhn-valid 13-19 digit number")
    if tag == "card!" and luhn_valid(digits):
        raise SystemExit(f"{where}: card! label is meant to fail Luhn but passes")
    if tag == "iban" and not iban_valid(text):
        raise SystemExit(f"{where}: IBAN fails mod-97")


def strip_labels(marked: str, seq: int, where: str) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    """Remove inline markup; return clean text and (tag, label) pairs with occurrences."""
    clean, cursor = "", 0
    found: list[tuple[str, str, int]] = []
    for match in LABEL.finditer(marked):
        clean += marked[cursor : match.start()]
        tag, span = match.group(1), match.group(2)
        if tag not in PAYMENT_TAGS and tag not in SPECIAL_TAGS and tag != "keep":
            raise SystemExit(f"{where}: unknown tag {tag!r}")
        check_label(tag, span, where)
        found.append((tag, span, len(clean)))
        clean += span
        cursor = match.end()
    clean += marked[cursor:]
    return clean, [(tag, make_label(clean, span, at, seq)) for tag, span, at in found]


def make_label(text: str, span: str, position: int, seq: int) -> dict[str, Any]:
    """A label dict; ``occurrence`` only when the span is not the first one in the text."""
    label: dict[str, Any] = {"seq": seq, "text": span}
    occurrence = occurrence_at(text, span, position)
    if occurrence > 1:
        label["occurrence"] = occurrence
    return label


def occurrence_at(text: str, span: str, position: int) -> int:
    """1-based index of the occurrence of ``span`` that starts at ``position``."""
    starts = [m.start() for m in re.finditer(f"(?={re.escape(span)})", text)]
    return starts.index(position) + 1


def new_chat(header: re.Match[str]) -> dict[str, Any]:
    return {
        "chat_id": header.group(1),
        "team": header.group(2),
        "note": "",
        "messages": [],
        "payment": [],
        "keep": [],
        "special": [],
    }


def add_message(chat: dict[str, Any], line: str, where: str) -> None:
    """Append one ``c:``/``a:`` line as a message and file its labels."""
    sender = {"c": "customer", "a": "agent"}[line[0]]
    seq = len(chat["messages"]) + 1
    text, labels = strip_labels(line[2:].strip(), seq, where)
    chat["messages"].append({"seq": seq, "sender": sender, "text": text})
    for tag, label in labels:
        if tag in PAYMENT_TAGS:
            chat["payment"].append({**label, "kind": PAYMENT_TAGS[tag]})
        elif tag in SPECIAL_TAGS:
            chat["special"].append({**label, "category": SPECIAL_TAGS[tag]})
        else:
            chat["keep"].append(label)


def parse_source(path: Path) -> list[dict[str, Any]]:
    """Parse one source file into chat dicts in file order."""
    chats: list[dict[str, Any]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line, where = raw.rstrip(), f"{path.name}:{number}"
        if not line.strip() or line.startswith("//"):
            continue
        if header := HEADER.match(line):
            chats.append(new_chat(header))
        elif line.startswith("> "):
            chats[-1]["note"] = (chats[-1]["note"] + " " + line[2:].strip()).strip()
        elif line[:2] in ("c:", "a:"):
            add_message(chats[-1], line, where)
        else:
            raise SystemExit(f"{where}: cannot parse line {line[:30]!r}")
    return chats


def main() -> None:
    sources = sorted((HERE / "source").glob("*.txt"))
    chats = [chat for path in sources for chat in parse_source(path)]
    ids = [chat["chat_id"] for chat in chats]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate chat_id in sources")
    with (HERE / "chats.jsonl").open("w", encoding="utf-8") as out:
        for chat in chats:
            out.write(json.dumps(chat, ensure_ascii=False) + "\n")
    messages = sum(len(chat["messages"]) for chat in chats)
    print(f"wrote {len(chats)} chats, {messages} messages", file=sys.stderr)


if __name__ == "__main__":
    main()
