"""UK sort codes and bank account numbers.

Both are short digit strings that look like many other things (dates, references), so
each needs its cue ("sort code", "account number") close by, or an unanswered question
from the previous message. An account cue only means a *bank* account with bank evidence
in the same message ("bank", a bank's name, a sort code); "council tax account number" and
"account 40917736" in council tax talk about a direct debit are references.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ringfence.redaction.text.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from ringfence.redaction.text.payment.digit_runs import has_reference_prefix
from ringfence.redaction.text.payment.payment_scan import PaymentScan
from ringfence.redaction.text.recognizer_config import UkBankDetailsConfig

SORT_CODE = "UK_SORT_CODE"
ACCOUNT = "UK_BANK_ACCOUNT"

_SORT_CODE = re.compile(r"(?<![\d\-/.])\d{2}([-–./ ]?)\d{2}\1\d{2}(?![\d\-/])")
_ACCOUNT = re.compile(
    r"(?<![\d\-/.])(?:\d{7,10}|\d{4}[ -]\d{4}|\d{2}[ -]\d{3}[ -]\d{3})(?![\d\-/])"
)


class UkBankDetailsRecognizer(ArtifactRecognizer):
    def __init__(self, config: UkBankDetailsConfig | None = None) -> None:
        super().__init__(supported_entities=[SORT_CODE, ACCOUNT], name="uk_bank_details")
        self.config = config or UkBankDetailsConfig()

    def can_find(self, artifacts: TextArtifacts) -> bool:
        # Exactly when ``find`` can yield: a bank mentioned only in an earlier message is
        # no evidence for an account number here (so no digit runs are found for it).
        scan = artifacts.payment
        asked = scan.carried.asked_for == "bank_details"
        return asked or "sort_code" in scan.cues or "bank" in scan.cues

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        scan = artifacts.payment
        sort_codes = list(sort_code_hits(scan, self.config))
        yield from sort_codes
        yield from account_hits(scan, [hit[2] for hit in sort_codes], self.config)


def _candidates(
    scan: PaymentScan, pattern: re.Pattern[str], lengths: range
) -> list[tuple[int, int]]:
    """Written matches of ``pattern`` plus spoken runs of the right length."""
    spans = [match.span() for match in pattern.finditer(scan.text)]
    spans += [
        (run.start, run.end) for run in scan.runs if run.spoken and len(run.digits) in lengths
    ]
    return sorted(set(spans))


def sort_code_hits(scan: PaymentScan, reach: UkBankDetailsConfig) -> Iterator[Hit]:
    asked = scan.carried.asked_for == "bank_details"
    if not asked and not scan.cues["sort_code"]:
        return
    for start, end in _candidates(scan, _SORT_CODE, range(6, 7)):
        if scan.cue_near("sort_code", start, end, reach.cue_before, reach.cue_after):
            yield SORT_CODE, start, end, 0.95, "cue"
        elif asked and scan.starts_message(start):
            yield SORT_CODE, start, end, 0.85, "answer"


def account_hits(
    scan: PaymentScan, sort_code_ends: list[int], reach: UkBankDetailsConfig
) -> Iterator[Hit]:
    """Account numbers with bank evidence in the message itself (a sort code, a bank's
    name, "bank account"), or answering an open question about bank details. An earlier
    mention of a bank alone is not enough: "account 40917736" in council tax talk is the
    council tax account."""
    in_message = bool(sort_code_ends) or bool(scan.cues["bank"])
    asked = scan.carried.asked_for == "bank_details"
    if not in_message and not asked:
        return
    for start, end in _candidates(scan, _ACCOUNT, range(7, 11)):
        if has_reference_prefix(scan.text, start) or (
            scan.reference_blocks(start, reach.cue_before)
            and not scan.cues["bank"].before(start, reach.cue_before)
        ):
            continue
        previous = bisect.bisect_left(sort_code_ends, start) - 1
        after_sort_code = (
            previous >= 0 and start - sort_code_ends[previous] <= reach.after_sort_code_reach
        )
        near_cue = scan.cue_near("account", start, end, reach.cue_before, reach.cue_after)
        if in_message and (near_cue or after_sort_code):
            yield ACCOUNT, start, end, 0.9, "cue"
        elif asked and scan.starts_message(start):
            yield ACCOUNT, start, end, 0.8, "answer"
