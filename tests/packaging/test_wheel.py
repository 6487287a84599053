"""The built wheel installs one import package, ``ringfence``, with its data files, and runs.

Builds the wheel the way a council's deployment would (``pip wheel``), then runs the
offline redaction command from the unpacked wheel, not from the editable checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("streams", "redaction", "storage", "cli")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (built,) = out.glob("ringfence-*.whl")
    return built


def test_only_the_ringfence_namespace_is_installed(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.startswith("ringfence-")}
    assert top_level == {"ringfence"}


def test_every_module_and_data_file_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"ringfence/{path.relative_to(ROOT).as_posix()}"
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected - names == set()
    assert "ringfence/redaction/data/special_categories.yaml" in names


def test_offline_redaction_runs_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    chats = tmp_path / "in.jsonl"
    chat = {
        "chat_id": "c-1",
        "team": "housing_services",
        "messages": [
            {
                "seq": 1,
                "sender": "customer",
                "text": "my card is 4111 1111 1111 1111",
                "sent_at": "2026-01-05T10:00:00Z",
            }
        ],
    }
    chats.write_text(json.dumps(chat) + "\n")
    out = tmp_path / "out.jsonl"
    # The unpacked wheel comes first on the path, ahead of the editable checkout.
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    code = (
        "import sys, ringfence; print(ringfence.__file__, file=sys.stderr); "
        "from ringfence.cli.main import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "redact-chat", str(chats), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(str(unpacked))
    redacted = json.loads(out.read_text())
    assert "4111" not in redacted["messages"][0]["text"]
    assert redacted["redactions"][0]["kind"] == "payment_card"
