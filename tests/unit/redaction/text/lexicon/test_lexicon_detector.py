"""The special-category detector on a small fixture lexicon (format of the packaged file)."""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine


def flagged(engine: TextEngine, text: str) -> list[tuple[str, str]]:
    """(category, flagged text) pairs, in text order."""
    return [(f.category, text[f.start : f.end]) for f in engine.analyse(text).flags]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have Diabetes", [("health", "Diabetes")]),  # case-insensitive
        ("diabetesfree and prediabetes", []),  # whole words only
        ("my mental   health", [("health", "mental   health")]),  # any whitespace
        ("my mental\nhealth", [("health", "mental\nhealth")]),
        ("she was diagnosed last year", [("health", "diagnosed")]),  # trailing *
        ("awaiting a diagnosis", [("health", "diagnosis")]),
        ("he has seizures", [("health", "seizures")]),  # plural through the lemma
        ("my son's crohn's disease", [("health", "crohn's disease")]),
        ("my son’s crohn’s disease", [("health", "crohn’s disease")]),  # curly apostrophes
        ("history of self harm", [("health", "self harm")]),  # hyphen or space
        ("history of self-harm", [("health", "self-harm")]),
        ("she has MS", [("health", "MS")]),  # abbreviations are case-sensitive
        ("Ms Smith called, ms", []),
        ("COPD and PTSD", [("health", "COPD and PTSD")]),  # one mention, merged
        ("i have diabetis", [("health", "diabetis")]),  # one typo from a term
        ("i have diabetse", [("health", "diabetse")]),  # two letters swapped
        ("multiple sclerodis", [("health", "multiple sclerodis")]),  # a key next to it
        ("multiple sclersis", [("health", "multiple sclersis")]),  # a letter missing
        ("dementia and hdementia", [("health", "dementia")]),  # the first letter is no typo
        ("Diabetis", []),  # capitalised words are mostly names: left alone
        ("we go to the mosque", [("religion", "mosque")]),
        ("he is on probation", [("criminal", "on probation")]),
    ],
)
def test_terms(fixture_engine: TextEngine, text: str, expected: list[tuple[str, str]]) -> None:
    """Terms match whole words, phrases across whitespace, inflections and one typo."""
    assert flagged(fixture_engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm sick of waiting", []),  # false friend around the term
        ("I've been sick all week", [("health", "sick")]),
        ("27 Church Lane", []),
        ("the church on the corner", [("religion", "church")]),
        ("that's criminal", []),  # "criminal" is not even a term here; no partial hits
        ("I feel depressed", []),  # ambiguous without context
        ("I feel depressed, my GP knows", [("health", "depressed")]),
        ("depressed and diabetic", [("health", "depressed and diabetic")]),  # with a term
        ("polish the floor", []),
        ("hes Polish", [("ethnicity", "Polish")]),  # ambiguous, said of a person
        ("we're Indian", [("ethnicity", "Indian")]),  # predicate, said of a person
        ("an Indian takeaway", []),  # predicate, not said of a person
        # A predicate joined to another by "and" is said of the same subject.
        ("we're Muslim and Indian", [("religion", "Muslim"), ("ethnicity", "Indian")]),
        ("I came from Eritrea last year", [("ethnicity", "Eritrea")]),  # origin frame
        ("aid from Eritrea", []),
        ("his trial is in March", [("criminal", "trial")]),  # possessive frame
        ("the trial period", []),
        ("labour costs", []),
        ("I voted labour", [("political", "labour")]),  # context word nearby
    ],
)
def test_ambiguity(fixture_engine: TextEngine, text: str, expected: list[tuple[str, str]]) -> None:
    """False friends silence hits; ambiguous words need context or a person frame."""
    assert flagged(fixture_engine, text) == expected


def test_flag_carries_category_offsets_confidence_and_detector(
    fixture_engine: TextEngine,
) -> None:
    """Each flag says what, where, how sure, and which recognizer rule fired."""
    text = "my mum has dementia"
    (flag,) = fixture_engine.analyse(text).flags
    assert (flag.category, text[flag.start : flag.end]) == ("health", "dementia")
    assert flag.confidence == pytest.approx(0.85)
    assert flag.detector == "lexicon.health.term"


def test_context_words_raise_confidence(fixture_engine: TextEngine) -> None:
    """A context word nearby (matched on stems: "doctors" ~ "doctor") boosts the score."""
    plain = fixture_engine.analyse("my mum has dementia").flags[0]
    boosted = fixture_engine.analyse("the doctors say my mum has dementia").flags[0]
    assert boosted.confidence > plain.confidence


def test_agent_questions_and_rules_are_not_flagged(fixture_engine: TextEngine) -> None:
    """An agent's yes/no question or rule statement is nobody's data; a reference to a
    person's data is, even inside a question or next to a rule."""
    question = "Do you have diabetes or any other condition?"
    rule = "Someone in prison can usually keep their tenancy."
    hypothetical = "If your son went to prison the discount would change."
    reference = "I'll note your son's diabetes on the file."
    owned_in_question = "Is she on any medication for her diabetes?"
    owned_beside_rule = "As your husband is in prison, he is usually disregarded."
    for generic in (question, rule, hypothetical):
        assert fixture_engine.analyse(generic, speaker="agent").flags == ()
    for specific in (reference, owned_in_question, owned_beside_rule):
        assert len(fixture_engine.analyse(specific, speaker="agent").flags) == 1
    assert len(fixture_engine.analyse(question).flags) == 1  # unknown speaker: flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Acts count only when someone identifiable does them.
        ("he smashed my window", [("criminal", "smashed my window")]),
        ("the bloke upstairs keyed our car", [("criminal", "keyed our car")]),
        ("my front door was smashed by my ex", []),  # "smashed my" is not there
        ("my car was keyed", []),  # a victim, no offender
        ("someone smashed my window", []),  # nobody identifiable
        ("I was told they smashed our car", []),  # "they": nobody identifiable
        # Possession frames: "<subject> has/got <word>" (health has them on).
        ("she's got a dodgy knee", [("health", "dodgy knee")]),
        ("a dodgy knee brace", []),  # the word modifies another noun
        # A medical ending stands for an unlisted condition, but not a listed exception.
        ("my son has tonsillitis", [("health", "tonsillitis")]),
        ("Tonsillitis again this week", [("health", "Tonsillitis")]),
        ("a bad case of fakeitis", []),
    ],
)
def test_acts_possession_and_endings(
    fixture_engine: TextEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    """Offence acts need an offender; possession frames and word endings find conditions."""
    assert flagged(fixture_engine, text) == expected
