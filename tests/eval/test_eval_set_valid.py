"""Structural checks on the labelled chat evaluation set (tests/eval/chats.jsonl).

These guard the labels, not the engine: a label that is not in its message, a card
number that could not be a card, or an IBAN with a wrong check digit would silently
skew every precision/recall number computed from the set.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ringfence.redaction.findings import CATEGORIES

EVAL_FILE = Path(__file__).resolve().parent / "chats.jsonl"
TEAMS = {"customer_services", "housing_services", "careline_services"}
PAYMENT_KINDS = {
    "payment_card",
    "card_security_code",
    "card_expiry",
    "bank_account",
    "sort_code",
    "iban",
}
CHAT_KEYS = {"chat_id", "team", "note", "messages", "payment", "keep", "special"}
# Minimums agreed in the brief for the evaluation set (per category, labelled mentions).
MIN_SPECIAL = {
    "health": 40,
    "religion": 25,
    "ethnicity": 25,
    "criminal": 25,
    "sexual_orientation": 6,
    "political": 6,
    "trade_union": 6,
    "genetic": 6,
    "biometric": 6,
}
MIN_MESSAGES = 450
MIN_KEEP = 250


def load_chats() -> list[dict[str, Any]]:
    with EVAL_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


CHATS = load_chats()


def all_labels(chat: dict[str, Any]) -> list[dict[str, Any]]:
    return [*chat["payment"], *chat["keep"], *chat["special"]]


def message_text(chat: dict[str, Any], seq: int) -> str:
    matches: list[str] = [m["text"] for m in chat["messages"] if m["seq"] == seq]
    assert len(matches) == 1, f"{chat['chat_id']}: seq {seq} is not exactly one message"
    return matches[0]


def occurrence_count(text: str, span: str) -> int:
    return len(re.findall(f"(?={re.escape(span)})", text))


def iban_valid(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def card_digit_groups(chat: dict[str, Any]) -> list[int]:
    """Digit counts of each card number, joining fragments split over consecutive messages."""
    groups: list[int] = []
    pending = 0
    for label in chat["payment"]:
        digits = len(re.sub(r"\D", "", label["text"]))
        if label["kind"] != "payment_card" or re.search("[A-Za-z]", label["text"]):
            continue  # spelled out ("four nine seven three 6993 ...") is not "written as digits"
        pending += digits
        if pending >= 13:
            groups.append(pending)
            pending = 0
    assert pending == 0, f"{chat['chat_id']}: card fragment of {pending} digits never completes"
    return groups


def test_every_line_parses_to_an_object() -> None:
    raw = [line for line in EVAL_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(isinstance(json.loads(line), dict) for line in raw)
    assert len(raw) == len(CHATS)


def test_chat_ids_are_unique() -> None:
    ids = Counter(chat["chat_id"] for chat in CHATS)
    assert [chat_id for chat_id, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("chat", CHATS, ids=[c["chat_id"] for c in CHATS])
def test_chat_has_required_keys_and_valid_messages(chat: dict[str, Any]) -> None:
    assert CHAT_KEYS <= chat.keys()
    assert chat["team"] in TEAMS
    assert [m["seq"] for m in chat["messages"]] == list(range(1, len(chat["messages"]) + 1))
    assert all(m["sender"] in {"customer", "agent"} for m in chat["messages"])
    assert all(isinstance(m["text"], str) and m["text"] for m in chat["messages"])


@pytest.mark.parametrize("chat", CHATS, ids=[c["chat_id"] for c in CHATS])
def test_every_label_occurs_in_its_message(chat: dict[str, Any]) -> None:
    for label in all_labels(chat):
        text = message_text(chat, label["seq"])
        wanted = label.get("occurrence", 1)
        assert label["text"], f"{chat['chat_id']}: empty label"
        assert occurrence_count(text, label["text"]) >= wanted, (
            f"{chat['chat_id']} seq {label['seq']}: label occurrence {wanted} not in message"
        )


@pytest.mark.parametrize("chat", CHATS, ids=[c["chat_id"] for c in CHATS])
def test_kinds_and_categories_are_known(chat: dict[str, Any]) -> None:
    assert {label["kind"] for label in chat["payment"]} <= PAYMENT_KINDS
    assert {label["category"] for label in chat["special"]} <= set(CATEGORIES)


@pytest.mark.parametrize("chat", CHATS, ids=[c["chat_id"] for c in CHATS])
def test_card_numbers_have_13_to_19_digits(chat: dict[str, Any]) -> None:
    assert all(13 <= count <= 19 for count in card_digit_groups(chat))


def test_iban_labels_pass_mod_97() -> None:
    payment = [label for chat in CHATS for label in chat["payment"]]
    ibans = [label["text"] for label in payment if label["kind"] == "iban"]
    assert ibans, "the set should contain IBANs"
    assert [iban for iban in ibans if not iban_valid(iban)] == []


def test_iban_checker_rejects_a_wrong_check_digit() -> None:
    # Guards the guard: the published example IBAN with its check digits altered.
    assert iban_valid("GB29 NWBK 6016 1331 9268 19")
    assert not iban_valid("GB28 NWBK 6016 1331 9268 19")


def test_set_is_large_enough() -> None:
    assert sum(len(chat["messages"]) for chat in CHATS) >= MIN_MESSAGES
    assert sum(len(chat["keep"]) for chat in CHATS) >= MIN_KEEP
    senders = Counter(m["sender"] for chat in CHATS for m in chat["messages"])
    assert senders["customer"] > 0 and senders["agent"] > 0


def test_every_special_category_meets_its_minimum() -> None:
    counts = Counter(label["category"] for chat in CHATS for label in chat["special"])
    short = {cat: counts[cat] for cat, minimum in MIN_SPECIAL.items() if counts[cat] < minimum}
    assert short == {}


def test_every_payment_kind_is_represented() -> None:
    kinds = {label["kind"] for chat in CHATS for label in chat["payment"]}
    assert kinds == PAYMENT_KINDS
