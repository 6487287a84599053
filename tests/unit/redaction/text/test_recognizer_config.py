"""The recognizers file: which recognizers run, their reaches, and bad files."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from ringfence.errors import ConfigurationError, is_fatal
from ringfence.redaction.text.components import payment_recognizers
from ringfence.redaction.text.engine import TextEngine, apply_redactions
from ringfence.redaction.text.recognizer_config import (
    KNOWN_NAMES,
    PAYMENT_NAMES,
    CardDetailsConfig,
    IbanConfig,
    PaymentCardConfig,
    RecognizerConfigError,
    SpecialCategoryConfig,
    UkBankDetailsConfig,
    load_recognizer_config,
)
from ringfence.redaction.text.settings import TextSettings

Edit = Callable[[dict[str, Any]], None]


def _packaged() -> dict[str, Any]:
    data = resources.files("ringfence.redaction").joinpath("data/recognizers.yaml")
    loaded = yaml.safe_load(data.read_text("utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _entry(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(entry for entry in data["recognizers"] if entry["name"] == name)


@pytest.fixture
def recognizers_file(tmp_path: Path) -> Callable[[Edit], Path]:
    """Factory: a copy of the packaged file, changed by ``edit``."""

    def write(edit: Edit) -> Path:
        data = _packaged()
        edit(data)
        path = tmp_path / "recognizers.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        return path

    return write


def _names(engine: TextEngine) -> list[str]:
    found = engine._pipeline.registry.get_recognizers(language="en", all_fields=True)
    return [recognizer.name for recognizer in found]


def test_packaged_file_lists_every_recognizer_at_its_default() -> None:
    """The packaged file spells out the defaults (they cannot drift apart)."""
    config = load_recognizer_config()
    defaults = [
        PaymentCardConfig(),
        CardDetailsConfig(),
        UkBankDetailsConfig(),
        IbanConfig(),
        *(SpecialCategoryConfig(name=name) for name in KNOWN_NAMES[len(PAYMENT_NAMES) :]),
    ]
    assert list(config.recognizers) == defaults


def test_default_engine_runs_every_recognizer(engine: TextEngine) -> None:
    """With the packaged file every recognizer is in the registry, in the fixed order."""
    assert _names(engine) == list(KNOWN_NAMES)


@pytest.mark.parametrize("name", PAYMENT_NAMES)
def test_turning_a_payment_recognizer_off_leaves_it_out(
    name: str, recognizers_file: Callable[[Edit], Path]
) -> None:
    """``enabled: false`` removes exactly that recognizer; the others keep their order."""
    path = recognizers_file(lambda data: _entry(data, name).update(enabled=False))
    built = [r.name for r in payment_recognizers(load_recognizer_config(path))]
    assert built == [other for other in PAYMENT_NAMES if other != name]


@pytest.fixture(scope="module")
def engine_without_cards_and_health(tmp_path_factory: pytest.TempPathFactory) -> TextEngine:
    """An engine whose file turns off the card-number and the health recognizers."""
    data = _packaged()
    for name in ("payment_card", "lexicon.health"):
        _entry(data, name)["enabled"] = False
    path = tmp_path_factory.mktemp("recognizers") / "recognizers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return TextEngine.from_settings(TextSettings(recognizers_path=path))


def test_turned_off_recognizers_are_not_in_the_registry(
    engine_without_cards_and_health: TextEngine,
) -> None:
    """Neither recognizer is built at all."""
    expected = [name for name in KNOWN_NAMES if name not in ("payment_card", "lexicon.health")]
    assert _names(engine_without_cards_and_health) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A Luhn-valid card number, alone and after a card cue: nothing else removes it.
        ("4111 1111 1111 1111", "4111 1111 1111 1111"),
        ("my card number is 4929 1234 5678 9012", "4929 1234 5678 9012"),
    ],
)
def test_card_numbers_stay_when_the_card_recognizer_is_off(
    engine_without_cards_and_health: TextEngine, engine: TextEngine, text: str, kept: str
) -> None:
    """The default engine removes the number; with the recognizer off, it stays."""
    assert kept not in apply_redactions(text, engine.analyse(text).redactions)
    findings = engine_without_cards_and_health.analyse(text)
    assert kept in apply_redactions(text, findings.redactions)


def test_other_recognizers_still_run(engine_without_cards_and_health: TextEngine) -> None:
    """Health flags stop; religion flags and security codes carry on."""
    text = "I have diabetes and go to the mosque. The security code is 123"
    findings = engine_without_cards_and_health.analyse(text, payment_context=True)
    assert [flag.category for flag in findings.flags] == ["religion"]
    assert [text[r.start : r.end] for r in findings.redactions] == ["123"]


def test_reaches_come_from_the_file(recognizers_file: Callable[[Edit], Path]) -> None:
    """A sort-code cue four characters before the number reaches it, unless the file
    shortens the reach to two."""
    text = "sort code is 20-00-00"
    path = recognizers_file(lambda data: _entry(data, "uk_bank_details").update(cue_before=2))
    near = TextEngine.from_settings(TextSettings(recognizers_path=path))
    assert near.analyse(text).redactions == ()


def test_file_order_does_not_matter(recognizers_file: Callable[[Edit], Path]) -> None:
    """Entries in any order give the same recognizers in the same order."""
    path = recognizers_file(lambda data: data["recognizers"].reverse())
    built = [r.name for r in payment_recognizers(load_recognizer_config(path))]
    assert built == list(PAYMENT_NAMES)


def test_environment_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """RINGFENCE_TEXT_RECOGNIZERS_PATH points the engine at a council's own file."""
    monkeypatch.setenv("RINGFENCE_TEXT_RECOGNIZERS_PATH", str(tmp_path / "ours.yaml"))
    assert TextSettings().recognizers_path == tmp_path / "ours.yaml"


def _unknown_name(data: dict[str, Any]) -> None:
    _entry(data, "lexicon.health")["name"] = "lexicon.helth"


def _misspelt_key(data: dict[str, Any]) -> None:
    _entry(data, "iban")["enabeld"] = False


def _missing(data: dict[str, Any]) -> None:
    data["recognizers"] = [e for e in data["recognizers"] if e["name"] != "card_details"]


def _twice(data: dict[str, Any]) -> None:
    data["recognizers"].append({"name": "iban", "enabled": False})


def _negative_reach(data: dict[str, Any]) -> None:
    _entry(data, "payment_card")["card_cue_before"] = -1


def _not_a_boolean(data: dict[str, Any]) -> None:
    _entry(data, "iban")["enabled"] = "sometimes"


def _wrong_version(data: dict[str, Any]) -> None:
    data["version"] = 2


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_unknown_name, r"recognizers\.4: unknown recognizer 'lexicon\.helth' \(known: "),
        (_misspelt_key, r"recognizers\.3\.iban\.enabeld: Extra inputs are not permitted"),
        (_missing, r"recognizers missing: card_details \(turn one off with enabled: false\)"),
        (_twice, r"recognizers listed twice: iban"),
        (_negative_reach, r"card_cue_before: Input should be greater than or equal to 0"),
        (_not_a_boolean, r"iban\.enabled: Input should be a valid boolean"),
        (_wrong_version, r"version: Input should be 1"),
    ],
)
def test_bad_file_is_one_fatal_line_naming_it(
    recognizers_file: Callable[[Edit], Path], edit: Edit, problem: str
) -> None:
    """Each mistake is a fatal configuration error: one line, the file, the problem."""
    path = recognizers_file(edit)
    with pytest.raises(RecognizerConfigError, match=problem) as raised:
        TextEngine.from_settings(TextSettings(recognizers_path=path))
    message = str(raised.value)
    assert message.startswith(f"recognizers {path}: ") and "\n" not in message
    assert isinstance(raised.value, ConfigurationError) and is_fatal(raised.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("version: 1\nrecognizers:\n  - name: [iban\n", r"not valid YAML \(.* at line 4\)"),
        ("- just a list\n", r"Input should be a valid dictionary"),
        ("", r"Input should be a valid dictionary"),
    ],
)
def test_unreadable_file_is_one_line(tmp_path: Path, content: str, problem: str) -> None:
    """Broken YAML or the wrong shape: one line naming the file."""
    path = tmp_path / "recognizers.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RecognizerConfigError, match=problem) as raised:
        load_recognizer_config(path)
    assert str(raised.value).startswith(f"recognizers {path}: ")
    assert "\n" not in str(raised.value)


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    """A path to nothing names the path."""
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(RecognizerConfigError, match=r"No such file") as raised:
        load_recognizer_config(path)
    assert str(raised.value).startswith(f"recognizers {path}: ")
