"""Card numbers: Luhn as a signal, groupings, spoken digits, payment context."""

from __future__ import annotations

from collections.abc import Callable

import pytest

R = "[REDACTED]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Luhn-valid numbers are removed even with no payment context at all.
        ("my card is 4111 1111 1111 1111 thanks", f"my card is {R} thanks"),
        ("4111111111111111", R),
        ("4111-1111-1111-1111", R),
        ("4111.1111.1111.1111", R),
        ("5288/8539/3363/3871 ok", f"{R} ok"),  # eval set: slashes between fours
        ("amex 3782 822463 10005", f"amex {R}"),  # Amex 4-6-5 grouping, 15 digits
        ("ref:4111111111111111", f"ref:{R}"),  # glued to punctuation
        ("its 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok", f"its {R} ok"),  # one digit at a time
        # Spoken, as transcripts and some chats write it.
        ("four one one one one one one one one one one one one one one one", R),
        ("four one one one double one one one one one one triple one one one", R),
        ("four one one one, one one one one, one one one one, one one one one", R),
        ("4111 one one one one 1111 one one one one", R),  # mixed digits and words
        ("five five five five five five five five five five five five four four four four", R),
        # Outside a payment context a Luhn-invalid number stays (a reference, a misread).
        ("reference 4111 1111 1111 1112", "reference 4111 1111 1111 1112"),
        # Outside a payment context, Luhn-valid but no card network starts with 0/1/7/8/9.
        ("case 0000 0000 0000 0000", "case 0000 0000 0000 0000"),
        ("UPRN 100032145678", "UPRN 100032145678"),  # 12 digits is not card length
    ],
)
def test_card_numbers_outside_payment_context(
    redact: Callable[..., str], text: str, expected: str
) -> None:
    """Luhn-valid card-length numbers go; everything else is kept verbatim."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a payment context a misread (Luhn-invalid) number is still card data.
        ("4111 1111 1111 1112", R),
        ("its 4929 1234 5678 9012", f"its {R}"),
        ("4929123456789012", R),
        ("four nine two nine one two three four five six seven eight nine oh one two", R),
        ("oh sorry 4929 1234 5678 901", f"oh sorry {R}"),  # 15 digits: a digit dropped
        # Card digits fused with the expiry and code, or with a phone number after it.
        ("49291234567890120327123", R),
        ("4929 1234 5678 9012 0327 123", R),
        ("4929 1234 5678 9013 and my number is 07700 900123", f"{R} and my number is 07700 900123"),
        # Part of a number in card-like grouping, as typed before the rest follows.
        ("its 4929 1234", f"its {R}"),
        ("5678 9012 3456", R),
        # Amounts, dates and references stay even in a payment context.
        ("that's £123.45 for the year", "that's £123.45 for the year"),
        ("paid on 12/03/2026 at 10:30", "paid on 12/03/2026 at 10:30"),
        ("council tax ref 50012345", "council tax ref 50012345"),
        ("my account reference is CT 4401 2298", "my account reference is CT 4401 2298"),
        ("call me on 01636 650000", "call me on 01636 650000"),
        ("+44 7700 900123 is my mobile", "+44 7700 900123 is my mobile"),
    ],
)
def test_card_numbers_in_payment_context(
    redact: Callable[..., str], text: str, expected: str
) -> None:
    """In a payment context every card-length run (and card-like fragment) goes."""
    assert redact(text, payment_context=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "card number 4111 1111 1111 1111",  # the cue itself makes the payment context
        "pay by visa: 4929 1234 5678 9012",
        "debit card 4929-1234-5678-9013",
    ],
)
def test_payment_cue_in_the_message_makes_the_context(
    redact: Callable[..., str], text: str
) -> None:
    """A card cue in the same message is enough context for Luhn-invalid numbers too."""
    assert not any(char.isdigit() for char in redact(text))
