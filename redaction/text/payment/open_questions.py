"""What a message asks for and does not get, so the next message's bare answer is found.

"And the security code?" -> "418": three digits alone are not card data, but as the answer
to that question they are. The chat state carries only the name of the open question.
"""

from __future__ import annotations

from ringfence.redaction.findings import Redaction, RedactionKind
from ringfence.redaction.text.payment.payment_scan import NO_CUES, AskedFor, CueKind, PaymentScan

# The redaction kinds that answer each question.
ANSWERS: dict[AskedFor, frozenset[RedactionKind]] = {
    "card": frozenset({"payment_card"}),
    "card_details": frozenset({"card_security_code", "card_expiry"}),
    "expiry": frozenset({"card_expiry"}),
    "security_code": frozenset({"card_security_code"}),
    "bank_details": frozenset({"sort_code", "bank_account"}),
}
_QUESTION_CUES: tuple[tuple[CueKind, AskedFor], ...] = (
    ("card_number", "card"),
    ("security_code", "security_code"),
    ("expiry", "expiry"),
    ("sort_code", "bank_details"),
    ("account", "bank_details"),
)


_QUESTION_KINDS = frozenset(cue for cue, _ in _QUESTION_CUES)


def open_question(scan: PaymentScan, redactions: tuple[Redaction, ...]) -> AskedFor | None:
    """The payment detail the next message is expected to answer, if any.

    A question asked here and not answered here stays open; with no question here, the one
    carried in stays open until answered (people answer in pieces, or say "hang on"), unless
    the talk moves on to a reference or a phone number. After a whole card number, its
    expiry and security code are what comes next.
    """
    carried = scan.carried.asked_for
    if not redactions and (
        scan.cues is NO_CUES or (carried is None and _QUESTION_KINDS.isdisjoint(scan.cues))
    ):
        return carried  # no question asked here, none answered

    asked, position = _asked_here(scan)
    if scan.cues["reference"].last_start() >= position:
        return None  # "what's your council tax account number?": not a payment question
    if asked is None:
        asked = carried
    answered = {r.kind for r in redactions if r.start >= position}
    if asked in (None, "card") and _full_card(scan, redactions):
        return "card_details"
    return _still_open(asked, answered)


def _asked_here(scan: PaymentScan) -> tuple[AskedFor | None, int]:
    """The last payment question in the message and where it starts (0 if none)."""
    found = [
        (scan.cues[cue].last_start(), asked)
        for cue, asked in _QUESTION_CUES
        if scan.cues[cue] and (cue != "account" or scan.bank_context)
    ]
    if not found:
        return None, 0
    position, asked = max(found)
    if asked in ("security_code", "expiry"):
        card = scan.cues["card_number"].last_start()
        details = [p for p, a in found if a in ("security_code", "expiry") and p > card]
        if {a for p, a in found if p in details} == {"security_code", "expiry"}:
            return "card_details", min(details)  # "expiry and security code please"
    return asked, position


def _still_open(asked: AskedFor | None, answered: set[RedactionKind]) -> AskedFor | None:
    if asked is None:
        return None
    left = ANSWERS[asked] - answered
    if left == ANSWERS[asked]:
        return asked
    if asked == "card_details" and left:
        return "expiry" if "card_expiry" in left else "security_code"
    return None if not left or asked != "bank_details" else asked


def _full_card(scan: PaymentScan, redactions: tuple[Redaction, ...]) -> bool:
    return any(r.kind == "payment_card" and digits_within(scan, r) >= 13 for r in redactions)


def digits_within(scan: PaymentScan, redaction: Redaction) -> int:
    """How many digits of the message's runs lie inside ``redaction``."""
    return sum(
        len(group.digits)
        for run in scan.runs
        for group in run.groups
        if redaction.start <= group.start and group.end <= redaction.end
    )
