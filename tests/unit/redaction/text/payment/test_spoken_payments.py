"""Card data read out in call transcripts: run-on speech, "slash" dates, no cue words.

Speech-to-text gives one long lower-case run with no punctuation; callers read the card,
its expiry and its code in one breath, often without the words the chat rules look for.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

R = "[REDACTED]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Class: spoken MM slash YY after an expiry cue, in several wordings.
        ("the expiry date is oh three slash twenty eight", f"the expiry date is {R}"),
        ("valid until eleven slash twenty nine", f"valid until {R}"),
        ("the card runs out oh seven slash three oh", f"the card runs out {R}"),
        # A lone "o" (a weak zero elsewhere) belongs to the month before "slash".
        ("expiry o five slash twenty six", f"expiry {R}"),
        ("the expiry's o four two seven", f"the expiry's {R}"),  # and without "slash"
        # Typed digits with the word "slash" (a transcript mixing digits and words).
        ("expires 06 slash 27", f"expires {R}"),
    ],
)
def test_spoken_slash_expiry_dates(redact: Callable[..., str], text: str, expected: str) -> None:
    """ "MM slash YY" read out is an expiry date, as 03/28 typed is."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Class: the whole card read in one breath with no card word, then the expiry
        # with "slash" and the code with no cue at all (the card itself is the cue).
        (
            "yeah it's four five three two oh one five one one two eight three oh three "
            "double six and then oh nine slash twenty eight and one four seven",
            f"yeah it's {R} and then {R} and {R}",
        ),
        # Class: "triple"/"double" inside the number, details straight after with no pause.
        (
            "okay six oh one one triple oh nine nine oh one three nine four two four "
            "twelve slash two nine seven seven one",
            f"okay {R} {R}",
        ),
        # Class: an Amex (15 digits) with its four-digit code on the front, no code cue.
        (
            "amex yeah three seven one double four nine six three five three nine eight four "
            "three one the date's oh two slash two nine and on the front two five five one",
            f"amex yeah {R} the date's {R} and on the front {R}",
        ),
        # The code given after a spoken MMYY date with no "slash".
        (
            "right five four one triple two six three four five six seven eight nine double oh "
            "oh four twenty seven eight oh two",
            f"right {R}",
        ),
    ],
)
def test_card_read_out_with_details_and_no_cue(
    redact: Callable[..., str], text: str, expected: str
) -> None:
    """A Luhn-valid card puts the transcript in a payment context: what follows goes too."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the meeting was on twelve slash twelve",  # not a card year, no payment talk
        "flat four slash twenty seven Mill Lane",  # an address
        "I paid eleven slash twenty pounds",  # money after the "year"
    ],
)
def test_slash_numbers_that_are_not_expiry_dates(redact: Callable[..., str], text: str) -> None:
    """ "slash" between numbers is a date only with a card year and no money after it."""
    assert redact(text) == text


def test_cue_words_are_not_the_code(redact: Callable[..., str]) -> None:
    """ "last three" is the cue, not a digit of the code read after it."""
    text = "card's in context, last three eight oh two"
    assert redact(text, payment_context=True) == f"card's in context, last three {R}"


@pytest.mark.parametrize(
    "text",
    [
        # Class: an 8-digit council reference read out in payment talk, after a reference
        # word ("bill", "account", "reference"), mid-sentence.
        "I'll pay by card today, the number on my bill is six oh three double one "
        "four two eight and it's for march",
        "can I pay on my visa for account four oh two seven seven one nine three",
        "I'm paying by card for the business rates, that's six one two oh double eight four one",
    ],
)
def test_spoken_council_references_stay(redact: Callable[..., str], text: str) -> None:
    """A spoken reference is no card fragment, even with a payment cue in the sentence."""
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Class: the card read out in chunks with the agent's backchannel in between.
        (
            "the long number is six oh one one, yep, triple oh nine nine, okay, "
            "oh one three nine, right, four two four",
            f"the long number is {R}",
        ),
        (
            "card number five four one two go on two two six three got that "
            "four five six seven mhm eight nine double oh",
            f"card number {R}",
        ),
        ("so it's 6011 yeah 0009 okay 9013 yep 9424", f"so it's {R}"),  # digits from ASR
    ],
)
def test_card_read_in_chunks_with_backchannel(
    redact: Callable[..., str], text: str, expected: str
) -> None:
    """ "yep", "okay", "go on" between chunks do not break the card number."""
    assert redact(text) == expected
