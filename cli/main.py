"""Entry point of the ``ringfence`` console script.

Each command lives in its own module and is registered here. User errors end as one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import logging
import sys

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


def main() -> None:
    """Run the CLI; turn Ringfence errors into one clear line."""
    _register_commands()
    _quiet_client_libraries()
    try:
        app(standalone_mode=False)
    except RingfenceError as error:
        typer.echo(f"ringfence: error: {error}", err=True)
        sys.exit(2)
    except SERVICE_ERRORS as error:
        typer.echo(f"ringfence: error: {describe(error)}", err=True)
        sys.exit(3)
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except typer.Abort:
        typer.echo("ringfence: aborted", err=True)
        sys.exit(130)
    except Exception as error:
        from click import ClickException

        if isinstance(error, ClickException):
            error.show()
            sys.exit(error.exit_code)
        raise
