"""Wording classes from independent held-back chats (paraphrased, new sentences written here).

Each table is a class: idioms and civil process around criminal words, roles and offers,
offences by people named by their trade, text-speak health.
"""

from __future__ import annotations

import pytest

from redaction.text_engine import TextEngine


def categories(engine: TextEngine, text: str, speaker: str | None = None) -> set[str]:
    return {flag.category for flag in engine.analyse(text, speaker=speaker).flags}


@pytest.mark.parametrize(
    "text",
    [
        "I've got time to sort it this afternoon",  # having time, not prison
        "have you got time for a quick call tomorrow",  # same idiom, a question
        "not got the time today, can I ring back",  # same idiom
        "£60 paid off your court costs this month",  # council tax enforcement, civil
        "why are there court fees on my bill",  # civil
        "do the court charges come off first",  # civil
        "our domestic abuse lead will ring you back",  # a role
        "the domestic abuse team can help with rehousing",  # a service
        "I dumped it at the tip myself",  # lawful disposal
        "a dog bit me through the letterbox",  # no human actor
    ],
)
def test_civil_process_idioms_and_roles_are_not_offences(engine: TextEngine, text: str) -> None:
    """Civil costs, idioms and service names around criminal words are not offence data."""
    assert "criminal" not in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "he got time for burglary",  # custody with an offence
        "her brother is doing time",  # custody
        "the man at number 21 came out and he keyed both our cars",  # act, identifiable actor
        "my builder who dumped it in the lane",  # fly-tipping by a named trade
        "the plumber dumped all the old pipes in the alley",  # same class
        "the lad next door smashed all our windows",  # "all our" property
    ],
)
def test_offences_by_people_named_by_trade_or_address(engine: TextEngine, text: str) -> None:
    """An offence act by a person named by trade or address is offence data."""
    assert "criminal" in categories(engine, text)
