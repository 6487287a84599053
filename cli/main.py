"""Entry point of the ``ringfence`` console script.

Each command lives in its own module and is registered here. User errors end as one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from typing import NoReturn

import typer

from ringfence.cli.service_errors import SERVICE_ERRORS, describe
from ringfence.errors import RingfenceError

app = typer.Typer(
    name="ringfence",
    help="Redact payment data from council call recordings and web chats, flag "
    "special-category data, and store results with retention.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    # Imported here so `ringfence --help` stays fast and each command owns its module.
    from ringfence.cli import demo, ops, redact_chat, watch
    from ringfence.cli.redact_call import redact_call_command

    app.command("redact-chat")(redact_chat.redact_chat)
    app.command("redact-call")(redact_call_command)
    app.command("bootstrap")(ops.bootstrap)
    app.command("worker")(ops.worker)
    app.command("schemas")(ops.schemas)
    app.command("lag")(ops.lag)
    app.command("demo")(demo.demo)
    app.command("flags")(watch.flags)
    app.command("objects")(watch.objects)


def _quiet_client_libraries() -> None:
    # The Kafka client logs each failed connection attempt; a command reports the failure
    # itself in one line. (The worker's logging config takes these loggers over again.)
    for name in ("aiokafka", "kafka"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _usage_error_types() -> tuple[type[BaseException], ...]:
    # Typer vendors its own click in newer releases; a plain click may also raise.
    from click import ClickException

    return (typer.TyperException, ClickException)


def _fail(message: str, code: int) -> NoReturn:
    # One line, whatever the error said: a user's mistake never gets a traceback.
    typer.echo(f"ringfence: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def main() -> None:
    """Run the CLI; turn every user or service error into one clear line and an exit code.

    2: bad usage, input or configuration; 3: Kafka or the store unreachable; 130: aborted.
    """
    _register_commands()
    _quiet_client_libraries()
    try:
        app(standalone_mode=False, prog_name="ringfence")
    except SERVICE_ERRORS as error:
        _fail(describe(error), 3)
    except RingfenceError as error:
        _fail(str(error), 2)
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except typer.Abort:
        _fail("aborted", 130)
    except _usage_error_types() as error:
        code: int = getattr(error, "exit_code", 2)
        context = getattr(error, "ctx", None)
        command = getattr(context, "command_path", None) or "ringfence"
        hint = f" (see '{command} --help')" if code == 2 else ""
        _fail(f"{error.format_message()}{hint}", code)  # type: ignore[attr-defined]
