"""Every document that leaves the process: round trip, old documents, versions, strictness.

The ``BEFORE`` documents are what the worker wrote before documents carried ``schema``
(recorded from the handlers at main before this change, trimmed); the chat transcript
always carried it.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from ringfence.documents import Document
from ringfence.errors import InvalidInputError
from ringfence.redaction.call.documents import CallManifest, CallTranscript
from ringfence.streams.chat.documents import ChatTranscript
from ringfence.streams.chat.sessions import ChatSession

_WORDS = [{"end": 8.949, "start": 8.532, "word": "asthma"}]
_MESSAGES = [
    {
        "sender": "customer",
        "sent_at": "2026-01-05T10:00:01+00:00",
        "seq": 1,
        "text": "my card is [REDACTED]",
    }
]
_REDACTIONS = [{"end": 20, "kind": "payment_card", "seq": 1, "start": 11}]
_FLAGS = [
    {
        "category": "health",
        "confidence": 0.85,
        "detector": "lexicon.health.term",
        "end": 32,
        "seq": 1,
        "start": 26,
    }
]

BEFORE: dict[type[Document], dict[str, Any]] = {
    ChatSession: {
        "captured_at": "2026-01-05T10:00:01+00:00",
        "closed": False,
        "dropped_reason": None,
        "flags": _FLAGS,
        "messages": _MESSAGES,
        "partition": 0,
        "redactions": _REDACTIONS,
        "state": {
            "asked_for": None,
            "bank_turns_left": 0,
            "card_digits_pending": 8,
            "payment_turns_left": 6,
        },
        "team": "housing_services",
        "updated_at": "2026-01-05T12:00:00+00:00",
    },
    ChatTranscript: {
        "schema": "ringfence.chat.transcript.v1",
        "captured_at": "2026-01-05T10:00:01+00:00",
        "categories": ["health"],
        "channel": "chat",
        "chat_id": "c-1",
        "closed_at": "2026-01-05T11:00:00+00:00",
        "flags": _FLAGS,
        "messages": _MESSAGES,
        "redactions": _REDACTIONS,
        "retain_until": "2026-02-14T10:00:01+00:00",
        "team": "housing_services",
    },
    CallManifest: {
        "call_id": "k-base",
        "caller_number": "+441636650000",
        "captured_at": "2026-01-05T10:00:00+00:00",
        "duration_s": 9.449,
        "flags": [
            {
                "category": "health",
                "confidence": 0.85,
                "detector": "lexicon.health.term",
                "end": 8.949,
                "start": 8.532,
            }
        ],
        "removed": [
            {
                "end": 5.86,
                "reason": "payment_marker",
                "reasons": ["payment_marker", "dtmf"],
                "start": 0.0,
            }
        ],
        "retain_until": "2026-02-14T10:00:00+00:00",
        "team": "customer_services",
        "transcript": {"source": "meta", "words": _WORDS},
        "verification": {
            "checks": [{"detail": "0 key presses", "name": "no_dtmf", "passed": True}],
            "passed": True,
        },
    },
    CallTranscript: {
        "call_id": "k-base",
        "caller_number": "+441636650000",
        "source": "meta",
        "team": "customer_services",
        "words": _WORDS,
    },
}
SCHEMAS = {
    ChatSession: "ringfence.chat.session.v1",
    ChatTranscript: "ringfence.chat.transcript.v1",
    CallManifest: "ringfence.call.manifest.v1",
    CallTranscript: "ringfence.call.transcript.v1",
}
MODELS = list(BEFORE)


def _before(model: type[Document]) -> dict[str, Any]:
    return copy.deepcopy(BEFORE[model])


def _error(model: type[Document], document: dict[str, Any]) -> str:
    with pytest.raises(InvalidInputError) as raised:
        model.from_json(json.dumps(document))
    return str(raised.value)


@pytest.mark.parametrize("model", MODELS)
def test_an_old_document_reads_as_version_one_and_writes_back_unchanged(
    model: type[Document],
) -> None:
    """Without ``schema`` a document is v1; writing it adds the field, and fields added since
    (additive, at their defaults), and changes nothing else."""
    document = model.from_document(_before(model)).to_document()
    assert document.pop("schema") == SCHEMAS[model] == model.schema_name()
    for field, default in ADDED_SINCE.get(model, {}).items():
        assert document.pop(field) == default
    assert document == {key: value for key, value in _before(model).items() if key != "schema"}


# Optional fields added after the recorded documents, with the value an old one reads as.
ADDED_SINCE: dict[type[Document], dict[str, object]] = {ChatSession: {"version": 1}}


@pytest.mark.parametrize("model", MODELS)
def test_round_trip_through_json(model: type[Document]) -> None:
    """What a writer serialises, a reader validates back to the same model."""
    parsed = model.from_document(_before(model))
    assert model.from_json(json.dumps(parsed.to_document())) == parsed


@pytest.mark.parametrize("model", MODELS)
def test_an_unknown_schema_version_is_refused_on_one_line(model: type[Document]) -> None:
    """A v2 document is not guessed at: the error names the field and quotes no content."""
    document = _before(model) | {"schema": SCHEMAS[model].replace(".v1", ".v7")}
    message = _error(model, document)
    assert message.startswith(f"invalid {SCHEMAS[model]} at schema: ")
    assert "\n" not in message and "v7" not in message


@pytest.mark.parametrize("model", MODELS)
def test_an_extra_field_is_refused_without_its_digits(model: type[Document]) -> None:
    """An unexpected key (here one holding card digits) is named with its digits masked."""
    message = _error(model, _before(model) | {"card 4111111111111111": "4111111111111111"})
    assert "4111" not in message and "1" not in message.split(" at ", 1)[1]
    assert "Extra inputs are not permitted" in message and "\n" not in message


@pytest.mark.parametrize("model", MODELS)
def test_a_missing_field_is_named(model: type[Document]) -> None:
    required = next(
        name
        for name, field in model.model_fields.items()
        if field.is_required() and name in _before(model)
    )
    document = _before(model)
    del document[required]
    assert _error(model, document) == f"invalid {SCHEMAS[model]} at {required}: Field required"


@pytest.mark.parametrize("model", MODELS)
def test_errors_never_quote_the_content(model: type[Document]) -> None:
    """A wrong value deep inside is located by path; its digits stay out of the message."""
    document = _before(model)
    digits = "4929123456789012"
    if model is ChatSession or model is ChatTranscript:
        document["messages"][0]["seq"] = digits + "x"
        where = "messages.0.seq"
    elif model is CallManifest:
        document["transcript"]["words"][0]["start"] = digits + "x"
        where = "transcript.words.0.start"
    else:
        document["words"][0]["start"] = digits + "x"
        where = "words.0.start"
    message = _error(model, document)
    assert message.startswith(f"invalid {SCHEMAS[model]} at {where}: ")
    assert not re.search(r"\d{3,}", message)


def test_text_that_is_not_json_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match=r"^invalid ringfence\.chat\.session\.v1 at "):
        ChatSession.from_json(b"{not json 4111")
