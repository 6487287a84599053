"""Wording classes from independent held-back chats (paraphrased, new sentences written here).

Each table is a class: idioms and civil process around criminal words, roles and offers,
offences by people named by their trade, text-speak health.
"""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine


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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("the hospital discharge team will contact you", None),  # a team
        ("we can arrange a commode or a toilet frame", "agent"),  # an offer
        ("I can book a BSL interpreter for the appointment", "agent"),  # an offer
        ("we can request a medical assessment if needed", "agent"),  # an offer
        ("I've attached your support worker's letter", None),  # a document
        ("there's a letter from the paediatrician in the file", None),  # a document
        ("an OT assessment is available from adult social care", "agent"),  # a service
    ],
)
def test_services_offers_and_documents_are_not_health(
    engine: TextEngine, text: str, speaker: str | None
) -> None:
    """A service, a team, an offer or a document is no one's health by itself."""
    assert "health" not in categories(engine, text, speaker=speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("his wheelchair has broken again", None),  # possessed aid
        ("we can arrange a repair to his wheelchair", "agent"),  # offer, but his aid
        ("her commode needs emptying twice a day", None),  # possessed aid
        ("my mum has just been discharged from hospital", None),  # discharge of a person
    ],
)
def test_aids_held_by_a_person_are_health(
    engine: TextEngine, text: str, speaker: str | None
) -> None:
    """An aid or treatment belonging to someone stays health data."""
    assert "health" in categories(engine, text, speaker=speaker)


@pytest.mark.parametrize(
    ("text", "speaker", "flagged"),
    [
        # Suppositions about nobody in particular, by anyone: not flagged.
        ("If someone in the house gets sent to prison does the bill change?", None, False),
        ("if anybody here has a disability is there a discount", "customer", False),
        ("Please include strike pay as income on the form", "agent", False),
        ("is it the strike? the bins haven't been done", None, False),
        # A named or possessed person in the same supposition: flagged.
        ("if my son gets sent to prison does the bill change?", None, True),
        ("if he goes to prison what happens to the discount", None, True),
        ("my union is balloting next week", None, True),
        ("I'm a Unite member so I'll be on strike", None, True),
    ],
)
def test_suppositions_and_rules_versus_people(
    engine: TextEngine, text: str, speaker: str | None, flagged: bool
) -> None:
    """A supposition about 'someone' or an income rule is nobody's data; a named person is."""
    assert bool(categories(engine, text, speaker=speaker)) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "had a m/c in march so not been great",  # text-speak miscarriage
        "im preg again so need a bigger place",  # text-speak pregnancy
        "my art writis is really bad in the cold",  # sound-alike split (autocorrect)
        "dad has die a bettys and cant do stairs",  # sound-alike split
        "she's very chesty this week",  # colloquial chest complaint
        "hes on oxygen at night",  # treatment
        "been on antideppresants for a year",  # doubled-letter slip in a plural
        "my hips dodgy so I can't carry the bins",  # body part in a bad way, no verb
        "his knee's knackered after the fall",  # same, clitic verb
    ],
)
def test_text_speak_and_autocorrect_health(engine: TextEngine, text: str) -> None:
    """Health in text-speak, sound-alike splits and slips is still health."""
    assert "health" in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "your back garden is a mess",  # a garden, not a back
        "the signal is bad round here",  # no body part
        "my phone is dodgy so text me",  # not a body part
    ],
)
def test_things_in_a_bad_way_are_not_health(engine: TextEngine, text: str) -> None:
    """Only a person's body part in a bad way is health."""
    assert "health" not in categories(engine, text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Animals, vehicles and weather do not commit offences.
        ("next door's cat scratched my car again", False),
        ("the dog next door bit my daughter through the fence", False),
        ("the bin lorry smashed our wall reversing", False),
        ("the wind smashed my window last night", False),
        # A person doing it, even to an animal or near one: flagged.
        ("he kicked my dog in the street", True),
        ("the man in the white van smashed my window", True),
        ("my neighbour's son keyed my car", True),
    ],
)
def test_offences_need_a_human_actor(engine: TextEngine, text: str, flagged: bool) -> None:
    """An offence act needs a person doing it, not an animal or a thing."""
    assert ("criminal" in categories(engine, text)) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "he got time off work for the move",  # leave, not prison
        "we got time and a half on bank holidays",  # overtime pay
        "I'm not mad at you, just the system",  # temper idiom
        "I'm a bit OCD about the recycling",  # fussiness idiom
    ],
)
def test_everyday_idioms_are_not_flagged(engine: TextEngine, text: str) -> None:
    """Everyday idioms built on category words are nobody's data."""
    assert categories(engine, text) == set()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A named disease referred back to, or said of a person: a second health span.
        ("My dad had Huntington's. I'm scared I'll get the disease too", True),
        ("he has the disease and can't manage the stairs", True),
        # No disease named, no person: not health.
        ("the disease in the trees on the green needs sorting", False),
        ("the disease on the roses has spread over the fence", False),
    ],
)
def test_a_disease_referred_back_to(engine: TextEngine, text: str, flagged: bool) -> None:
    """'the disease' counts when it refers to a named disease or to someone's own."""
    spans = {text[f.start : f.end] for f in engine.analyse(text).flags if f.category == "health"}
    assert any("the disease" in span for span in spans) is flagged


@pytest.mark.parametrize(
    ("text", "speaker", "category", "flagged"),
    [
        ("our branch is balloting next month", None, "trade_union", True),  # membership
        ("my branch voted to strike last night", None, "trade_union", True),  # membership
        ("our branch is closing on Friday", None, "trade_union", False),  # a bank branch
        ("we can fit a grab rail for your mum's arthritis", "agent", "health", True),  # hers
    ],
)
def test_branches_and_fitted_aids(
    engine: TextEngine, text: str, speaker: str | None, category: str, flagged: bool
) -> None:
    """A union branch taking action is membership; an aid for someone's condition is health."""
    assert (category in categories(engine, text, speaker=speaker)) is flagged


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("our mental health liaison officer can call you back", "agent"),  # a staff role
        ("I'll pass this to our disability adviser", "agent"),  # a staff role
        ("I've been doing time on hold for an hour", None),  # waiting, not custody
        ("paying this bill feels like a life sentence", None),  # idiom
    ],
)
def test_staff_roles_and_waiting_idioms(engine: TextEngine, text: str, speaker: str | None) -> None:
    """A staff role or an idiom about waiting is nobody's data."""
    assert categories(engine, text, speaker=speaker) == set()


@pytest.mark.parametrize(
    "text",
    [
        "my son is under the mental health team",  # a person's care
        "she's got a disability and can't use the stairs",  # a person's disability
        "he's doing time in Durham",  # custody
        "he got a life sentence for it",  # custody
    ],
)
def test_people_under_those_services_still_count(engine: TextEngine, text: str) -> None:
    """The same words said of a person are still special-category data."""
    assert categories(engine, text)
