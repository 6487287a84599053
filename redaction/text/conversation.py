"""Redacting a chat message by message, carrying conversation state but never text.

The stream worker keeps a chat's state in a Faust table whose changelog is a Kafka topic,
and card data must never reach a topic after the raw input. So a card number split over
two messages ("its 4929 1234" / "5678 9012 3456") is handled by carrying *state*: the
chat is in a payment context, the previous message ended with N digits of a possible card,
the previous message asked for the security code. Each message is redacted when it
arrives; nothing is held back and no digit is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ringfence.redaction.findings import Flag, Redaction
from ringfence.redaction.text.engine import TextEngine, TextFindings, apply_redactions
from ringfence.redaction.text.payment.payment_scan import AskedFor, Carried


@dataclass(frozen=True, slots=True)
class ChatState:
    """Conversation state between messages. Holds no message text and no digits."""

    payment_turns_left: int = 0
    bank_turns_left: int = 0
    card_digits_pending: int = 0
    asked_for: AskedFor | None = None

    def carried(self) -> Carried:
        return Carried(
            payment_context=self.payment_turns_left > 0,
            bank_context=self.bank_turns_left > 0,
            card_digits_pending=self.card_digits_pending,
            asked_for=self.asked_for,
        )

    def after(self, findings: TextFindings, turns: int) -> ChatState:
        """The state once a message with ``findings`` has been seen."""
        payment = findings.payment_context or bool(findings.redactions)
        payment_turns_left = turns if payment else max(0, self.payment_turns_left - 1)
        return ChatState(
            payment_turns_left=payment_turns_left,
            bank_turns_left=turns if findings.bank_context else max(0, self.bank_turns_left - 1),
            card_digits_pending=findings.trailing_card_digits,
            asked_for=findings.asked_for if payment_turns_left else None,
        )


@dataclass(frozen=True, slots=True)
class MessageResult:
    seq: int
    sender: str
    text: str
    redactions: tuple[Redaction, ...]
    flags: tuple[Flag, ...]


def redact_message(
    seq: int, sender: str, text: str, state: ChatState, engine: TextEngine
) -> tuple[MessageResult, ChatState]:
    """Redact one message given the chat's state; return the result and the next state."""
    findings = engine.analyse(text, carried=state.carried(), speaker=sender)
    result = MessageResult(
        seq=seq,
        sender=sender,
        text=apply_redactions(text, findings.redactions),
        redactions=findings.redactions,
        flags=findings.flags,
    )
    return result, state.after(findings, engine.payment_context_turns)


def redact_chat(
    messages: Sequence[tuple[int, str, str]], engine: TextEngine
) -> list[MessageResult]:
    """Redact a whole chat, message by message in ``seq`` order."""
    state = ChatState()
    results: list[MessageResult] = []
    for seq, sender, text in sorted(messages, key=lambda message: message[0]):
        result, state = redact_message(seq, sender, text, state, engine)
        results.append(result)
    return results
