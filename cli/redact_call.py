"""``ringfence redact-call AUDIO --meta META.json --out-dir DIR``: offline call redaction.

Runs exactly the code the stream workers run (``ringfence.redaction.call.redact.redact_call``
with the recording
policy). Nothing is written unless the call decodes, its metadata fits the audio, the policy
records its team, and the redacted result passes verification: fail closed.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.metadata import CallMeta, parse_call_meta
from ringfence.redaction.call.redact import CallRedaction, redact_call
from ringfence.redaction.policy import Policy, load_policy


def redact_call_command(
    audio: Annotated[Path, typer.Argument(help="The recording: any format ffmpeg reads.")],
    meta: Annotated[Path, typer.Option("--meta", help="META.json: id, team, events, words.")],
    out_dir: Annotated[Path, typer.Option("--out-dir", help="Gets audio.wav, manifest.json.")],
) -> None:
    """Remove payments (markers, DTMF, spoken card data) and everything after a transfer away
    from the recorded teams; write the redacted audio and a manifest of what was removed."""
    audio_bytes, call = _read(audio), parse_call_meta(_read(meta))
    policy = load_policy(_policy_path())
    _check_recorded(call, policy)
    result = redact_call(audio_bytes, call, policy.recorded_teams("call"))
    if not result.passed:
        raise InvalidInputError(
            f"call {call.call_id} failed verification, nothing written: "
            + "; ".join(result.verification.failures())
        )
    _write(out_dir, result)
    removed = len(result.manifest["removed"])
    typer.echo(f"redacted call {call.call_id}: {removed} spans removed -> {out_dir}", err=True)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InvalidInputError(f"{path}: cannot read ({error.strerror})") from None


def _check_recorded(call: CallMeta, policy: Policy) -> None:
    decision = policy.decide("call", call.team, call.started_at or datetime.now(UTC))
    if not decision.recorded:
        raise InvalidInputError(f"call {call.call_id} is not recorded: {decision.reason}")


def _policy_path() -> Path | None:
    value = os.environ.get("RINGFENCE_POLICY_FILE", "").strip()
    return Path(value) if value else None


def _write(out_dir: Path, result: CallRedaction) -> None:
    """Both files land under temporary names first, then are renamed into place."""
    manifest = json.dumps(result.manifest, indent=2, ensure_ascii=False).encode("utf-8")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staged = [
            (_stage(out_dir, "audio.wav", result.audio_wav), out_dir / "audio.wav"),
            (_stage(out_dir, "manifest.json", manifest + b"\n"), out_dir / "manifest.json"),
        ]
        for temporary, final in staged:
            temporary.replace(final)
    except OSError as error:
        raise InvalidInputError(f"{out_dir}: cannot write ({error.strerror})") from None


def _stage(out_dir: Path, name: str, content: bytes) -> Path:
    with tempfile.NamedTemporaryFile(dir=out_dir, prefix=f".{name}.", delete=False) as handle:
        handle.write(content)
    return Path(handle.name)
