"""Bad input never crashes the engine: empty, huge, emoji, right-to-left, odd characters."""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine, apply_redactions

ONE_MB = 1_000_000


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "\x00\x01",
        "🙂🙏🏽👍",
        "السلام عليكم, I'm Arab",
        "שלום 4111 1111 1111 1111",
        "\ufeffBOM then text",
        "a\u200bzero\u200bwidth",
        "٤١١١ ١١١١ ١١١١ ١١١١",
    ],
)
def test_odd_text_is_analysed(engine: TextEngine, text: str) -> None:
    """Empty, control, emoji, RTL and non-Latin-digit text is analysed without error."""
    findings = engine.analyse(text, payment_context=True)
    redacted = apply_redactions(text, findings.redactions)
    assert all(0 <= r.start < r.end <= len(text) for r in findings.redactions)
    assert len(redacted) >= 0


def test_card_in_rtl_text_is_removed(engine: TextEngine) -> None:
    """A card number inside right-to-left text is still found, offsets intact."""
    text = "שלום 4111 1111 1111 1111 תודה"
    assert apply_redactions(text, engine.analyse(text).redactions) == "שלום [REDACTED] תודה"


@pytest.mark.parametrize("text", ["٤١١١ ١١١١ ١١١١ ١١١١", "４１１１ １１１１ １１１１ １１１１"])
def test_card_in_other_digit_scripts_is_removed(engine: TextEngine, text: str) -> None:
    """Arabic-Indic and full-width digits are digits: a card written in them goes too."""
    assert apply_redactions(text, engine.analyse(text).redactions) == "[REDACTED]"


def test_emoji_do_not_shift_offsets(engine: TextEngine) -> None:
    """Offsets are in characters of the original text, emoji included."""
    text = "🙂🙂 card 4111 1111 1111 1111 🙂 I have diabetes"
    findings = engine.analyse(text)
    assert text[findings.redactions[0].start : findings.redactions[0].end] == "4111 1111 1111 1111"
    assert [text[f.start : f.end] for f in findings.flags] == ["diabetes"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "unit",
    [
        "my son has diabetes and we pay by card 4111 1111 1111 1111 exp 03/27. ",
        "4 ",  # one enormous run of digits
        "GB29 ",  # endless IBAN false starts
        "x",  # one enormous word
    ],
)
def test_one_megabyte_message(engine: TextEngine, unit: str) -> None:
    """A 1 MB message is analysed (in linear time: no regex backtracking blow-up)."""
    text = (unit * (ONE_MB // len(unit) + 1))[:ONE_MB]
    findings = engine.analyse(text, payment_context=True)
    redacted = apply_redactions(text, findings.redactions)
    if "4111" in unit:
        assert "4111" not in redacted
    assert len(redacted) > 0


def test_huge_unbroken_digit_string_in_payment_context(engine: TextEngine) -> None:
    """More digits than any card, typed without a break, are all removed in context."""
    text = "card " + "4" * 5000
    assert apply_redactions(text, engine.analyse(text).redactions) == "card [REDACTED]"
