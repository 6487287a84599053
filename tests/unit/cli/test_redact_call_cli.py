"""``ringfence redact-call``: files in, files out, one-line errors and nothing written."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import ringfence.redaction.call.signals
from ringfence.cli.main import main
from tests.unit.redaction.call.audio.synth import CallBuilder, ffmpeg_encode, read_wav


def _call() -> tuple[bytes, dict[str, Any], tuple[float, float]]:
    call = CallBuilder()
    call.pause(0.5)
    call.say("please key in your card number")
    call.pause(0.5)
    keys = call.key_presses("4111111111111111")
    call.pause(1.0)
    call.say("thank you")
    call.pause(0.5)
    meta = {
        "call_id": "k-cli",
        "team": "customer_services",
        "started_at": "2026-01-05T10:00:00Z",
        "transcript": {"words": call.words},
    }
    return call.wav(), meta, keys


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["ringfence", "redact-call", *args])
    try:
        main()
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def _files(tmp_path: Path, audio: bytes, meta: dict[str, Any], name: str = "in.ogg") -> list[str]:
    (tmp_path / name).write_bytes(audio)
    (tmp_path / "META.json").write_text(json.dumps(meta))
    out = tmp_path / "out"
    return [str(tmp_path / name), "--meta", str(tmp_path / "META.json"), "--out-dir", str(out)]


def test_writes_redacted_audio_and_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wav, meta, (start, end) = _call()
    ogg = ffmpeg_encode(wav, "-c:a", "libopus", "-f", "ogg")
    assert _run(monkeypatch, *_files(tmp_path, ogg, meta)) == 0
    output, rate = read_wav((tmp_path / "out" / "audio.wav").read_bytes())
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert not output[int(start * rate) : int(end * rate)].any()
    assert manifest["call_id"] == "k-cli" and manifest["removed"][0]["reason"] == "dtmf"
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "audio.wav",
        "manifest.json",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"events": [{"at": 99.0, "kind": "payment_end"}]}, "past the end of the audio"),
        ({"team": "planning"}, "not recorded: team_not_recorded"),
        ({"call_id": None}, "invalid call metadata at call_id"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    message: str,
) -> None:
    wav, meta, _ = _call()
    assert _run(monkeypatch, *_files(tmp_path, wav, {**meta, **change}, "in.wav")) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1 and "Traceback" not in error
    assert not (tmp_path / "out").exists()


def test_missing_and_undecodable_audio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, meta, _ = _call()
    args = _files(tmp_path, b"not audio", meta, "in.wav")
    assert _run(monkeypatch, *args) == 2
    assert _run(monkeypatch, str(tmp_path / "absent.wav"), *args[1:]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert ["could not be decoded" in lines[0], "cannot read" in lines[1]] == [True, True]
    assert not (tmp_path / "out").exists()


def test_failed_verification_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A redaction bug (no windows) is caught by verification: exit 2, no files."""
    monkeypatch.setattr(ringfence.redaction.call.signals, "payment_windows", lambda *a, **k: [])
    wav, meta, _ = _call()
    assert _run(monkeypatch, *_files(tmp_path, wav, meta, "in.wav")) == 2
    error = capsys.readouterr().err
    assert "failed verification" in error and "no_dtmf" in error and "4111" not in error
    assert not (tmp_path / "out").exists()
