"""The special-category lexicon file (``data/special_categories.yaml``) and its loader."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from redaction.exceptions import RingfenceError
from redaction.findings import Category


class LexiconError(RingfenceError):
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
    context: list[str] = []


class FalseFriend(BaseModel):
    """A phrase inside which a term of ``category`` (every category if None) is not a hit."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    phrase: str
    category: Category | None = None


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    version: int = 1
    categories: dict[Category, CategoryLexicon]
    false_friends: list[FalseFriend] = []


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load the packaged lexicon, or ``path`` when given."""
    try:
        if path is None:
            source = resources.files("redaction").joinpath("data/special_categories.yaml")
            text = source.read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return Lexicon.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise LexiconError(f"lexicon {path or 'default'}: {first_line}") from error
