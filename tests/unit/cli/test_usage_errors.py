"""A user's mistake at the command line is one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer

from ringfence.cli import main as cli_main


def _command_names() -> list[str]:
    cli_main._register_commands()
    group = typer.main.get_command(cli_main.app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["ringfence", *args])
    with pytest.raises(SystemExit) as exit_:
        cli_main.main()
    captured = capsys.readouterr()
    return int(exit_.value.code or 0), captured.out, captured.err


def test_every_command_is_covered() -> None:
    """The parametrised list below is every registered command (a new one joins it)."""
    assert len(_command_names()) >= 9


@pytest.mark.parametrize("command", _command_names())
def test_wrong_option_is_one_line_and_exit_2(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(monkeypatch, capsys, command, "--no-such-option")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("ringfence: error: No such option: --no-such-option")
    assert f"ringfence {command} --help" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nosuch"], "No such command 'nosuch'"),
        (["redact-chat"], "Missing argument"),
        (["redact-call", "x.wav"], "Missing option '--meta'"),
        (["worker", "--log-format", "xml"], "choose json or text"),
        (["lag", "--alert-at", "many"], "Invalid value for '--alert-at'"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(
    args: list[str],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_main(monkeypatch, capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert expected in err


def test_installed_console_script_prints_no_traceback() -> None:
    """The real entry point, as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-c", "from ringfence.cli.main import main; main()", "nosuch"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "ringfence: error: No such command 'nosuch'. (see 'ringfence --help')\n"
