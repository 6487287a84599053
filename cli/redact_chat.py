"""``ringfence redact-chat INPUT.jsonl --out OUTPUT.jsonl``: offline chat redaction.

Runs exactly the code the stream workers run
(``ringfence.redaction.text.conversation.redact_chat`` with the default
text engine and the recording policy). The whole input is checked before anything is
written, so a malformed file leaves no partial output.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from ringfence.cli.chat_file import ChatIn, read_chats
from ringfence.errors import InvalidInputError
from ringfence.redaction.findings import Flag
from ringfence.redaction.policy import Policy, load_policy
from ringfence.redaction.text.conversation import redact_chat as redact_messages
from ringfence.redaction.text.engine import TextEngine, default_engine


def redact_chat(
    input_file: Annotated[Path, typer.Argument(help="Chats, one JSON object per line.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the redacted chats.")],
) -> None:
    """Redact payment data and flag special-category mentions in chats from a file.

    Chats from teams (or dates) the recording policy does not cover are not processed;
    their output line says why: {"chat_id": ..., "skipped": "<reason>"}.
    """
    try:
        data = input_file.read_bytes()
    except OSError as error:
        raise InvalidInputError(f"{input_file}: cannot read ({error.strerror})") from None
    chats = list(read_chats(data, str(input_file)))
    policy = load_policy(_policy_path())
    engine = default_engine()
    lines = [json.dumps(chat_output(chat, policy, engine), ensure_ascii=False) for _, chat in chats]
    _write_atomically(out, "".join(line + "\n" for line in lines))
    typer.echo(f"redacted {len(lines)} chats -> {out}", err=True)


def chat_output(chat: ChatIn, policy: Policy, engine: TextEngine) -> dict[str, Any]:
    """The output object of one chat, per docs/contracts.md."""
    started = chat.started_at() or datetime.now(UTC)
    decision = policy.decide("chat", chat.team, started)
    if not decision.recorded:
        return {"chat_id": chat.chat_id, "skipped": decision.reason}
    results = redact_messages([(m.seq, m.sender, m.text) for m in chat.messages], engine)
    return {
        "chat_id": chat.chat_id,
        "messages": [{"seq": r.seq, "sender": r.sender, "text": r.text} for r in results],
        "redactions": [
            {"seq": r.seq, "start": item.start, "end": item.end, "kind": item.kind}
            for r in results
            for item in r.redactions
        ],
        "flags": [_flag(r.seq, flag) for r in results for flag in r.flags],
    }


def _flag(seq: int, flag: Flag) -> dict[str, Any]:
    # "detector" is an additive field: which recognizer (and rule) fired.
    return {
        "seq": seq,
        "start": flag.start,
        "end": flag.end,
        "category": flag.category,
        "confidence": flag.confidence,
        "detector": flag.detector,
    }


def _policy_path() -> Path | None:
    value = os.environ.get("RINGFENCE_POLICY_FILE", "").strip()
    return Path(value) if value else None


def _write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file next to ``path``, then rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as handle:
            handle.write(content)
        Path(handle.name).replace(path)
    except OSError as error:
        raise InvalidInputError(f"{path}: cannot write ({error.strerror})") from None
