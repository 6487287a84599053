"""Special-category data as British council callers and agents actually word it.

Each table is one class of wording: the sentences are examples of the class, not the only
phrasings the engine knows (the rules behind them are general: person frames, offence acts
done by someone, phrase templates, medical word endings).
"""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine


def categories(engine: TextEngine, text: str, speaker: str | None = None) -> set[str]:
    return {flag.category for flag in engine.analyse(text, speaker=speaker).flags}


@pytest.mark.parametrize(
    "text",
    [
        # Colloquial health: body part + complaint, nerves, "poorly", text-speak.
        "my grandad is terrible with his breathing at night",
        "her nerves are shattered since the fire",
        "he's been ever so poorly since christmas",
        "I'm 20 weeks preg so I can't carry the bins",
        "my husband is struggling with his memory",
        "the damp is making my little girl ill",
        # "<someone> has/got/suffers from <condition word>".
        "she suffers from anxiety and won't answer the door",
        "my son has got a chesty cough again",
        # Injuries: verb + possessive + body part, or a broken part.
        "mum sprained her ankle on the broken paving",
        "I fractured my wrist when I slipped on the ice outside",
        "he dislocated his shoulder carrying the sofa",
        # Treatment words said of a person.
        "my wife is having her knee op on tuesday",
        "dad is waiting for a new hip",
        "he had his gallbladder removed last month",
        "she has transfusions at the hospital every fortnight",
        "I get a tetanus booster after the dog bite",
        # Rarer conditions by their medical ending, listed nowhere.
        "my baby has bronchiolitis so we can't go out",
        "I was told I have sarcoidosis",
        "he has peripheral neuropathy in both feet",
        "she's recovering from a mastectomy",
        # Getting about, body parts in a state, the spectrum.
        "I can't walk far without my rollator",
        "my grandson was born prem and has a weak chest",
        "she's got really bad allergies to the mould",
        "I can't get up the stairs without help now",
        "his ankles are swollen again",
        "she's type 2 and it's getting worse",
        "our youngest is on the spectrum",
        # Services, care homes, sign language.
        "my brother is with the drug service now",
        "nan went into a care home in may",
        "I'm Deaf and I use BSL so please email me",
    ],
)
def test_colloquial_health(engine: TextEngine, text: str) -> None:
    """Health disclosed in everyday words, without a clinical term."""
    assert "health" in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # An identifiable person does the act (subject before it, or "by <person>").
        "the woman across the landing keyed my van",
        "my ex put a brick through our front window",
        "the lad at number 14 slashed my tyres",
        "he threw bleach at my door",
        "my neighbour punched my husband in the car park",
        "I was assaulted by the man in flat 6",
        "her boyfriend has been nicking parcels off the step",
        "the tenant downstairs is selling weed out of the flat",
        "he set fire to our wheelie bins",
        "my ex keeps sending me threatening texts",
        "the man opposite exposed himself to my daughter",
        "he booted our door in last night",
        "the police caught him selling drugs by the school",
        "the man over the road set his dog on my son",
        "my ex is still serving a sentence for it",  # a phrase holding "a sentence"
        # Custody and court in slang.
        "her brother's in the nick again",
        "my son got banged up last year",
        "he's on a tag till june",
        "my partner is up at crown court next week",
    ],
)
def test_offences_by_identifiable_people(engine: TextEngine, text: str) -> None:
    """Allegations of an offence by someone identifiable are criminal offence data."""
    assert "criminal" in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # Victims of nobody identifiable (label rules: not offence data).
        "my van was keyed in the night",
        "someone smashed the bus shelter",
        "our shed got broken into",
        "we were burgled at christmas",
        "my bike got nicked from the shed",  # stolen, not arrested
        "I was attacked walking home from the bus stop",
        "my daughter was assaulted outside the chippy",
        "we had a break in over the weekend",
        "he threatened to move out if I didn't sort it",  # not a threat of an offence
        # Idioms of the act words.
        "the landlord kicked us out in march",
        "I'm dealing with the housing officer myself",
        "my son hit the roof when he saw the bill",
        "it's a civil matter, not a police matter",
        # A crime reference for one's own report; a court as a place.
        "the police gave us a crime number for the burglary",
        "I have a crime reference for the break in",
        "the crown court car park is full",
    ],
)
def test_victims_idioms_and_places_are_not_offences(engine: TextEngine, text: str) -> None:
    """No identifiable offender, an idiom, or a building: not criminal offence data."""
    assert "criminal" not in categories(engine, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Religious practice without a faith noun.
        ("the vicar pops in to see her on wednesdays", "religion"),
        ("we can't come then, we'll be at mass", "religion"),
        ("my parents go to the gurdwara most evenings", "religion"),
        ("the priest brings her communion at home", "religion"),
        ("we're celebrating Eid with the family that weekend", "religion"),
        ("we only eat halal", "religion"),
        # Candidacy, membership and activism with any party.
        ("my husband is standing for Labour in the by-election", "political"),
        ("I leaflet for the Greens most weekends", "political"),
        ("I've been a Reform member since last year", "political"),
        # Union membership in plain words.
        ("I'm in Unite so I'll ask my rep", "trade_union"),
        ("we're living on strike pay at the moment", "trade_union"),
        # Biometric capture in plain words.
        ("I don't want them to scan my face at the desk", "biometric"),
        # Origin said of neighbours named by where they live.
        ("next door are Lithuanian and they've been lovely", "ethnicity"),
    ],
)
def test_practice_membership_and_origin(engine: TextEngine, text: str, category: str) -> None:
    """Faith practice, party activity and union membership said without the usual nouns."""
    assert category in categories(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "the noise from upstairs is doing my head in",  # idiom
        "my English is not very good, can you write it down",  # a language
        "is there a Polish bank in town",  # a bank, not a person
        "the party is at the Conservative Club",  # a venue
        "can I park in the disabled bay outside the office",  # a facility
        "the renal unit is on the second floor",  # a place, nobody in it
        "a minister of religion is exempt from this",  # exemption wording
        "we all said it in unison",  # idiom
        "I've got a scan of the tenancy agreement",  # a document
        "my new hip flask was a present",  # not a new hip
        "which councillor is in your ward",  # an electoral ward
        "the gas engineer gave us the all clear",  # not a cancer all-clear
        "I'm not sympathetic and I've got a diploma",  # medical-looking endings
        "I'll be straight round after work",  # not an orientation
        "worrying is in my genes",  # not genetic data
    ],
)
def test_idioms_venues_and_documents_are_not_flagged(engine: TextEngine, text: str) -> None:
    """Everyday senses of category words are not disclosures."""
    assert categories(engine, text) == set()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # The agent repeats or refers to someone's data: flagged.
        ("I'm so sorry to hear about your stroke", True),
        ("Is your daughter's epilepsy under control now?", True),
        ("Congratulations on your recovery, that's brilliant", True),
        ("As your son is in prison he won't count as an adult here", True),
        # Generic rules and hypotheticals: not flagged.
        ("A person in prison is disregarded for council tax", False),
        ("If someone is sent to prison, the discount can change", False),
        ("Racist abuse is taken very seriously by the council", False),
        ("If you ever feel unsafe because of domestic abuse, call 999", False),
        ("Have you had any falls recently?", False),
    ],
)
def test_agent_references_versus_rules(engine: TextEngine, text: str, flagged: bool) -> None:
    """An agent referring to a person's data is flagged; rules and questions are not."""
    assert bool(categories(engine, text, speaker="agent")) is flagged
