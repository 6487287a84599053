"""The packaged lexicon on British English council-chat phrasing: disclosures and idioms."""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine


def categories(engine: TextEngine, text: str) -> set[str]:
    return {flag.category for flag in engine.analyse(text).flags}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my mum has dementia and keeps falling", "health"),
        ("I'm diabetic and the fridge has my insulin", "health"),
        ("my son has autism", "health"),
        ("I've got COPD so the damp is bad for me", "health"),
        ("I was sectioned last year", "health"),
        ("we go to the mosque on fridays", "religion"),
        ("I'm a practising Catholic", "religion"),
        ("we're fasting for Ramadan", "religion"),
        ("we are Roma family", "ethnicity"),
        ("my neighbour is Irish", "ethnicity"),
        ("I came from Eritrea as a refugee", "ethnicity"),
        ("the kids shout at us because we're Somali", "ethnicity"),
        ("my ex was arrested for assaulting me", "criminal"),
        ("my son is on probation", "criminal"),
        ("he's got a conviction for burglary", "criminal"),
        ("the bloke at number 12 is dealing drugs", "criminal"),
        ("I'm gay and my partner is moving in", "sexual_orientation"),
        ("I'm a Labour party member", "political"),
        ("I'm a Unison rep", "trade_union"),
        ("I tested positive for the BRCA gene", "genetic"),
        ("can I log in with my fingerprint", "biometric"),
    ],
)
def test_disclosures_are_flagged(engine: TextEngine, text: str, category: str) -> None:
    """Typical disclosures of each UK GDPR Art. 9 / Art. 10 category are flagged."""
    assert category in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm sick of waiting for the bin",  # idioms named in the issue
        "sick and tired of the noise",
        "god knows when they'll come",
        "thank god someone answered",
        "27 Church Lane NG24 1BY",
        "that's criminal, £300 for a fence",
        "I dropped it at the cancer research shop",
        "it's daylight robbery",
        "the labour costs were high",
        "can I have a green bin",
        "we got a chinese takeaway",
        "my card was declined",
        "I nearly had a heart attack when I saw the bill",
        "I've fallen behind on rent",
        "my car was stolen last week",
        "I'm the parish administrator",
        "polish the floor",
        "my address is 5 Mosque Lane",  # street names
        "can you collect from St Leonard's Court",
        "the depression in the road is getting bigger",
        "he's deaf to my complaints",
        "I'm on trial shifts at work",
        "I'm a carer for a living",
    ],
)
def test_idioms_and_false_friends_are_not_flagged(engine: TextEngine, text: str) -> None:
    """Everyday phrases that contain a category word are not disclosures."""
    assert categories(engine, text) == set()
