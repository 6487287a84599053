"""Shape and sanity checks for the special-category lexicon data file.

The detector is written against this format, so a malformed or contradictory entry
would silently stop matching; these tests catch that at the data level.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from ringfence.redaction.findings import CATEGORIES

LIST_KEYS = ("terms", "abbreviations", "ambiguous", "context")


def _load_lexicon() -> dict[str, Any]:
    data = resources.files("ringfence.redaction").joinpath("data/special_categories.yaml")
    text = data.read_text("utf-8")
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


LEXICON = _load_lexicon()
CATEGORY_TABLES: dict[str, dict[str, Any]] = LEXICON["categories"]


def _lists() -> list[tuple[str, str]]:
    return [(category, key) for category in CATEGORIES for key in LIST_KEYS]


def test_version_is_one() -> None:
    """The detector refuses unknown versions, so the file must say 1."""
    assert LEXICON["version"] == 1


def test_categories_match_findings() -> None:
    """Exactly the nine categories the Flag type allows, no more, no fewer."""
    assert set(CATEGORY_TABLES) == set(CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_all_lists_and_a_confidence(category: str) -> None:
    """Each category carries the four lists and a confidence in (0, 1]."""
    table = CATEGORY_TABLES[category]
    for key in LIST_KEYS:
        assert isinstance(table.get(key), list), f"{category}.{key} missing"
    confidence = table["confidence"]
    assert isinstance(confidence, float)
    assert 0.0 < confidence <= 1.0
    assert table["terms"], f"{category} has no terms"
    assert table["context"] or not table["ambiguous"], f"{category}: ambiguous needs context"


@pytest.mark.parametrize(("category", "key"), _lists())
def test_entries_are_clean_unique_strings(category: str, key: str) -> None:
    """Non-empty strings (YAML turns bare on/no/999 into bool/int), no duplicates."""
    entries = CATEGORY_TABLES[category][key]
    for entry in entries:
        assert isinstance(entry, str), f"{category}.{key}: {entry!r} is not a string"
        assert entry.strip() == entry and entry, f"{category}.{key}: {entry!r}"
        assert "*" not in entry[:-1], f"{category}.{key}: * only allowed at the end: {entry!r}"
    # Abbreviations match case-sensitively, so "Unison" and "UNISON" are two entries.
    folded = [entry if key == "abbreviations" else entry.casefold() for entry in entries]
    duplicates = sorted({entry for entry in folded if folded.count(entry) > 1})
    assert not duplicates, f"{category}.{key} duplicates: {duplicates}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_term_is_also_ambiguous(category: str) -> None:
    """A word cannot be both unconditional and context-dependent."""
    table = CATEGORY_TABLES[category]
    terms = {entry.casefold() for entry in table["terms"]}
    overlap = sorted(terms & {entry.casefold() for entry in table["ambiguous"]})
    assert not overlap


@pytest.mark.parametrize("category", CATEGORIES)
def test_abbreviations_contain_a_capital(category: str) -> None:
    """Abbreviations are matched case-sensitively; a lower-case one belongs in terms."""
    for entry in CATEGORY_TABLES[category]["abbreviations"]:
        assert any(char.isupper() for char in entry), entry


def test_false_friends_are_well_formed() -> None:
    """Every false friend is a non-empty phrase for a known category, listed once."""
    seen: set[tuple[str, str]] = set()
    for item in LEXICON["false_friends"]:
        assert set(item) == {"phrase", "category"}, item
        assert isinstance(item["phrase"], str) and item["phrase"].strip(), item
        assert item["category"] in CATEGORY_TABLES, item
        key = (item["phrase"].casefold(), item["category"])
        assert key not in seen, f"duplicate false friend {item}"
        seen.add(key)


def test_no_false_friend_equals_a_term() -> None:
    """A false friend identical to a term would cancel that term everywhere."""
    for item in LEXICON["false_friends"]:
        terms = {entry.casefold() for entry in CATEGORY_TABLES[item["category"]]["terms"]}
        assert item["phrase"].casefold() not in terms, item


# Required by the brief that defined the format (examples the detector is built on).
@pytest.mark.parametrize("abbreviation", ["MS", "COPD", "PTSD"])
def test_required_health_abbreviations(abbreviation: str) -> None:
    """The three abbreviations named in the format spec are present verbatim."""
    assert abbreviation in CATEGORY_TABLES["health"]["abbreviations"]


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("sick of", "health"),
        ("sick and tired", "health"),
        ("god knows", "religion"),
        ("church lane", "religion"),
        ("that's criminal", "criminal"),
        ("cancer research shop", "health"),
    ],
)
def test_required_false_friends(phrase: str, category: str) -> None:
    """The false friends named in the format spec are present for the right category."""
    assert {"phrase": phrase, "category": category} in LEXICON["false_friends"]


@pytest.mark.parametrize(
    ("category", "key", "entry"),
    [
        # Careline: a fall is health data in a telecare call.
        ("health", "terms", "had a fall"),
        ("health", "terms", "wheelchair*"),
        ("health", "terms", "sectioned"),
        ("health", "terms", "dementia"),
        ("health", "terms", "demensia"),  # common misspelling
        ("health", "ambiguous", "fits"),
        ("health", "ambiguous", "chair"),
        ("religion", "ambiguous", "pray"),
        ("ethnicity", "ambiguous", "polish"),  # verb vs nationality
        ("political", "ambiguous", "labour"),  # labour costs vs the party
        # Capitalised: "I'm in Unison myself" is the union, "said in unison" the idiom.
        ("trade_union", "abbreviations", "Unison"),
        ("genetic", "terms", "brca"),
        ("biometric", "terms", "fingerprint"),
    ],
)
def test_examples_from_the_brief_are_placed_deliberately(
    category: str, key: str, entry: str
) -> None:
    """Spot-check that tricky words sit in the list the brief reasoned them into."""
    assert entry in CATEGORY_TABLES[category][key]
