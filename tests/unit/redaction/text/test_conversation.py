"""Chats redacted message by message, with state carried forward but never text or digits."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest

from ringfence.redaction.text.conversation import ChatState, redact_chat, redact_message
from ringfence.redaction.text.engine import TextEngine

R = "[REDACTED]"
Conversation = list[tuple[str, str]]


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        # A card number split over two messages (each half alone is not card length).
        (
            [
                ("agent", "Can I take the long number on the card please"),
                ("customer", "its 4929 1234"),
                ("customer", "5678 9012 3456"),
            ],
            ["Can I take the long number on the card please", f"its {R}", R],
        ),
        (
            [
                ("agent", "Whenever you're ready with the card number"),
                ("customer", "5288"),
                ("customer", "8539 3363"),
                ("customer", "3871"),
            ],
            ["Whenever you're ready with the card number", R, R, R],
        ),
        # Answers to the agent's questions, in any order and in pieces.
        (
            [
                ("agent", "What's the long card number?"),
                ("customer", "4526 0181 5908 3012"),
                ("agent", "And the expiry date?"),
                ("customer", "03/27"),
                ("agent", "and the 3 digits on the back?"),
                ("customer", "418"),
            ],
            [
                "What's the long card number?",
                R,
                "And the expiry date?",
                R,
                "and the 3 digits on the back?",
                R,
            ],
        ),
        (
            [("agent", "Thank you, expiry and security code please"), ("customer", "11/25 027")],
            ["Thank you, expiry and security code please", f"{R} {R}"],
        ),
        (
            [
                ("customer", "card is 4111 1111 1111 1111"),
                ("customer", "1/27"),
                ("customer", "992"),
            ],
            [f"card is {R}", R, R],  # after a whole card: its details come next
        ),
        (
            [
                ("agent", "What's your sort code?"),
                ("customer", "20-00-00"),
                ("agent", "and the account number at the bank?"),
                ("customer", "12345678"),
            ],
            ["What's your sort code?", R, "and the account number at the bank?", R],
        ),
        (
            [
                ("agent", "expiry and security code please"),
                ("customer", "03/27"),
                ("customer", "418"),
                ("customer", "my house number is 145 by the way"),
            ],
            ["expiry and security code please", R, R, "my house number is 145 by the way"],
        ),
        # Once the talk moves on to a reference or a phone number, its digits stay.
        (
            [
                ("agent", "Can I take the long card number please?"),
                ("customer", "hang on"),
                ("agent", "Also what's your council tax account number?"),
                ("customer", "50012345"),
            ],
            [
                "Can I take the long card number please?",
                "hang on",
                "Also what's your council tax account number?",
                "50012345",
            ],
        ),
        (
            [
                ("agent", "expiry and security code please"),
                ("customer", "09/27 123"),
                ("agent", "Thanks. What's the best phone number?"),
                ("customer", "07700 900123"),
            ],
            [
                "expiry and security code please",
                f"{R} {R}",
                "Thanks. What's the best phone number?",
                "07700 900123",
            ],
        ),
        # A payment context lasts a few messages, then ordinary numbers are safe again.
        (
            [
                ("agent", "card number please"),
                ("customer", "4111 1111 1111 1112"),
                ("customer", "thanks"),
                ("customer", "bye"),
                ("customer", "ok"),
                ("customer", "right"),
                ("customer", "so"),
                ("customer", "one more"),
                ("customer", "reference 4929 1234 5678 9013"),
            ],
            [
                "card number please",
                R,
                "thanks",
                "bye",
                "ok",
                "right",
                "so",
                "one more",
                "reference 4929 1234 5678 9013",
            ],
        ),
    ],
)
def test_conversations(
    redact_conversation: Callable[[Conversation], list[str]],
    conversation: Conversation,
    expected: list[str],
) -> None:
    """Payment data is removed in each message as it arrives, using only carried state."""
    assert redact_conversation(conversation) == expected


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        # Class: a council tax account number in direct debit talk stays, even right
        # after a bank was mentioned: only bank evidence in the message makes it a bank's.
        (
            [
                ("customer", "my direct debit comes out of my Halifax account"),
                ("customer", "can you move account 40338816 to the 28th"),
            ],
            [
                "my direct debit comes out of my Halifax account",
                "can you move account 40338816 to the 28th",
            ],
        ),
        # ... and the same number given with its sort code is bank data.
        (
            [
                ("agent", "For the direct debit I need your sort code and account number"),
                ("customer", "sort code 40-11-62 and the account is 40338816"),
            ],
            [
                "For the direct debit I need your sort code and account number",
                f"sort code {R} and the account is {R}",
            ],
        ),
        # An answer to a question about bank details, with the bank named in the question.
        (
            [
                ("agent", "Which bank account should the refund go to? Account number first"),
                ("customer", "it's 71204455"),
            ],
            ["Which bank account should the refund go to? Account number first", f"it's {R}"],
        ),
        # The agent asks for the council tax account number in payment talk: kept.
        (
            [
                ("agent", "I can take a card payment now. What's the account number?"),
                ("customer", "the account is six oh double one eight eight three seven"),
            ],
            [
                "I can take a card payment now. What's the account number?",
                "the account is six oh double one eight eight three seven",
            ],
        ),
    ],
)
def test_bank_accounts_need_bank_evidence(
    redact_conversation: Callable[[Conversation], list[str]],
    conversation: Conversation,
    expected: list[str],
) -> None:
    """Account numbers are bank data with a sort code or bank nearby, else references."""
    assert redact_conversation(conversation) == expected


def test_state_holds_no_text_and_no_digits(engine: TextEngine) -> None:
    """The state after a card fragment is plain JSON with no message text or card digit."""
    state = ChatState()
    for seq, text in enumerate(["card number please", "yep 4929 1234"], 1):
        _, state = redact_message(seq, "customer", text, state, engine)
    serialised = json.dumps(dataclasses.asdict(state))
    assert state.card_digits_pending == 8
    assert not any(part in serialised for part in ("4929", "1234", "yep"))
    assert ChatState(**json.loads(serialised)) == state  # how the stream worker restores it


def test_redact_chat_orders_by_seq(engine: TextEngine) -> None:
    """Messages are folded in seq order whatever order they are given in."""
    results = redact_chat(
        [(2, "customer", "5678 9012 3456"), (1, "customer", "card 4929 1234")], engine
    )
    assert [r.seq for r in results] == [1, 2]
    assert [r.text for r in results] == [f"card {R}", R]
    assert results[1].redactions[0].kind == "payment_card"
