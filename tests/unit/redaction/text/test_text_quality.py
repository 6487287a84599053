"""The text engine against the labelled chat set (tests/eval/chats.jsonl): the targets.

Payment recall must be 100% (every digit of every labelled payment item removed) while at
least 98% of the labelled "keep" digits survive; precision and recall must be at least 0.95
for each of the four categories the privacy notice names, and are measured (with a lower
floor, as their samples are small) for the other five.
``python -m tests.unit.redaction.text.scoring`` prints the numbers and every miss.
"""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import default_engine
from tests.unit.redaction.text.scoring import Score, load_chats, report, score_chats

NAMED_CATEGORIES = ("health", "religion", "ethnicity", "criminal")
OTHER_CATEGORIES = ("sexual_orientation", "political", "trade_union", "genetic", "biometric")


@pytest.fixture(scope="module")
def score() -> Score:
    result = score_chats(load_chats(), default_engine())
    print("\n" + report(result))
    return result


def test_eval_set_is_big_enough(score: Score) -> None:
    """The targets mean something only on a set of the agreed size."""
    assert score.payment_total >= 100 and score.keep_total >= 250
    assert sum(score.labels.values()) >= 150


def test_payment_recall_is_total(score: Score) -> None:
    """Every digit of every labelled card number, code, expiry and bank detail is removed."""
    assert score.payment_missed == []
    assert score.payment_recall == 1.0


def test_keep_digits_survive(score: Score) -> None:
    """At least 98% of references, phones, amounts, dates and addresses stay verbatim."""
    assert score.keep_rate >= 0.98, score.keep_lost


@pytest.mark.parametrize("category", NAMED_CATEGORIES)
def test_named_categories(score: Score, category: str) -> None:
    """Health, religion, ethnicity and criminal: precision and recall of at least 0.95."""
    assert score.precision(category) >= 0.95, [m for m in score.misses if category in m]
    assert score.recall(category) >= 0.95, [m for m in score.misses if category in m]


@pytest.mark.parametrize("category", OTHER_CATEGORIES)
def test_other_categories_are_measured(score: Score, category: str) -> None:
    """The other Art. 9 categories are labelled and detected (small samples, lower floor)."""
    assert score.labels[category] >= 5
    assert score.precision(category) >= 0.8 and score.recall(category) >= 0.8
