"""``ringfence redact-chat``: the offline command, end to end through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

CHAT = {
    "chat_id": "c-1",
    "team": "housing_services",
    "messages": [
        {
            "seq": 1,
            "sender": "agent",
            "text": "Can I take the long card number?",
            "sent_at": "2026-01-05T10:00:00Z",
        },
        {
            "seq": 2,
            "sender": "customer",
            "text": "its 4929 1234",
            "sent_at": "2026-01-05T10:01:00Z",
        },
        {
            "seq": 3,
            "sender": "customer",
            "text": "5678 9012 3456 and I have diabetes",
            "sent_at": "2026-01-05T10:01:30Z",
        },
    ],
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    entry = "from ringfence.cli.main import main; main()"
    command = [sys.executable, "-c", entry, "redact-chat", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def write_lines(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_redacts_chats_per_the_contract(tmp_path: Path) -> None:
    """One output line per chat: redacted messages, original offsets, kinds and flags."""
    planning = {**CHAT, "chat_id": "c-2", "team": "planning"}
    early = {
        **CHAT,
        "chat_id": "c-3",
        "messages": [{**CHAT["messages"][0], "sent_at": "2021-01-05T10:00:00Z"}],
    }
    source = write_lines(tmp_path / "in.jsonl", [CHAT, planning, early])
    result = run_cli(str(source), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    first, second, third = [json.loads(line) for line in (tmp_path / "out.jsonl").open()]
    assert [m["text"] for m in first["messages"]] == [
        "Can I take the long card number?",
        "its [REDACTED]",
        "[REDACTED] and I have diabetes",
    ]
    assert first["redactions"] == [
        {"seq": 2, "start": 4, "end": 13, "kind": "payment_card"},
        {"seq": 3, "start": 0, "end": 14, "kind": "payment_card"},
    ]
    (flag,) = first["flags"]
    assert (flag["seq"], flag["start"], flag["end"], flag["category"]) == (3, 26, 34, "health")
    assert 0 < flag["confidence"] <= 1 and flag["detector"].startswith("lexicon.health")
    assert second == {"chat_id": "c-2", "skipped": "team_not_recorded:chat:planning"}
    assert third["chat_id"] == "c-3" and third["skipped"].startswith("before_recording_start")
    assert "4929" not in (tmp_path / "out.jsonl").read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"chat_id": "x", "team": "housing_services", "messages": []}\nnot json\n',
            "line 2: not valid JSON",
        ),
        (
            b'{"chat_id": "x", "team": "t", "messages": '
            b'[{"seq": 1, "sender": "c", "text": "\xff"}]}\n',
            "line 1: not valid UTF-8",
        ),
        (b'{"chat_id": "x", "messages": []}\n', "line 1: team: Field required"),
        (b"[1, 2]\n", "line 1: expected a JSON object"),
        (
            b'{"chat_id": "x", "team": "t", "messages": '
            b'[{"seq": "a", "sender": "c", "text": ""}]}\n',
            "line 1: messages.0.seq",
        ),
    ],
)
def test_malformed_file_is_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    """A bad line stops the run with exit code 2 and one line naming it; nothing written."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(content)
    result = run_cli(str(source), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("ringfence: error: ") and message in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_error_never_quotes_card_data(tmp_path: Path) -> None:
    """A malformed line holding a card number is reported without echoing it."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"chat_id": "x", "text": "4111 1111 1111 1111"\n', encoding="utf-8")
    result = run_cli(str(source), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2 and "4111" not in result.stderr


def test_missing_input_file(tmp_path: Path) -> None:
    """A missing file is one clear line too."""
    result = run_cli(str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2 and "cannot read" in result.stderr
