"""The special-category lexicon file (``data/special_categories.yaml``) and its loader."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ringfence.errors import ConfigurationError
from ringfence.redaction.data_files import first_line, read_data_text
from ringfence.redaction.findings import Category
from ringfence.redaction.text.lexicon.templates import TemplateError, is_template, parse


class LexiconError(ConfigurationError):
    """The lexicon file is missing or invalid."""

    reason = "invalid_lexicon"


class CategoryLexicon(BaseModel):
    """Terms of one category. Unknown keys are ignored so the data can grow notes."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    confidence: float = Field(default=0.85, gt=0, le=1)
    ambiguous_confidence: float = Field(default=0.6, gt=0, le=1)
    terms: list[str] = []
    abbreviations: list[str] = []
    ambiguous: list[str] = []
    # Count only when said of a person ("we're Indian", "I'm from Eritrea"): see frames.py.
    predicates: list[str] = []
    # Count only when an identifiable person does them ("he smashed my window", not "my
    # window was smashed"): see frames.py.
    acts: list[str] = []
    context: list[str] = []
    # Which person frames make an ambiguous word a disclosure (frames.py): "possessive"
    # ("his trial"; not for ethnicity: "my English is not good" is a language), "copula"
    # ("we're Polish", "Polish lodger", "I'm from Eritrea"; not for trade unions: "they're
    # always on strike" needs a union word), "possession" ("I've got anxiety", "making me
    # ill": health).
    frames: frozenset[Literal["possessive", "copula", "possession"]] = frozenset(
        {"possessive", "copula"}
    )
    # Word endings that mark an unlisted word as a term ("-itis", "-osis"), and ordinary
    # words with those endings ("sympathy", "diploma"): see spelling.py.
    suffixes: list[str] = []
    suffix_exceptions: list[str] = []

    def templates(self) -> list[str]:
        """Every entry that is a template (see ``templates.py``)."""
        lists = (self.terms, self.ambiguous, self.predicates, self.acts)
        return [phrase for entries in lists for phrase in entries if is_template(phrase)]


class FalseFriend(BaseModel):
    """A phrase inside which a term of ``category`` (every category if None) is not a hit."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    phrase: str
    category: Category | None = None


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    version: int = 1
    # Word lists that templates name as @slot ("@body_part"): see templates.py.
    slots: dict[str, list[str]] = {}
    categories: dict[Category, CategoryLexicon]
    false_friends: list[FalseFriend] = []

    def checked(self) -> Lexicon:
        """The lexicon, once every template reads and names only known slots."""
        templates = [t for entry in self.categories.values() for t in entry.templates()]
        templates += [friend.phrase for friend in self.false_friends if is_template(friend.phrase)]
        for template in templates:
            parse(template, self.slots)
        for entry in self.categories.values():
            if any(is_template(word) for word in (*entry.context, *entry.abbreviations)):
                raise TemplateError("templates are for terms, ambiguous, predicates and acts")
        return self


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load the packaged lexicon, or ``path`` when given."""
    try:
        text = read_data_text("special_categories.yaml", path)
        return Lexicon.model_validate(yaml.safe_load(text)).checked()
    except (OSError, yaml.YAMLError, ValidationError, TemplateError) as error:
        raise LexiconError(f"lexicon {path or 'default'}: {first_line(error)}") from error
