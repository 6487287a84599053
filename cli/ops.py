"""Operations commands: bootstrap the topics and buckets, run the worker."""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer

from ringfence.storage.buckets import ensure_buckets
from ringfence.storage.client import make_client
from ringfence.storage.settings import StorageSettings
from ringfence.streams.ops.bootstrap import ensure_topics
from ringfence.streams.settings import StreamSettings


def bootstrap() -> None:
    """Create Ringfence's Kafka topics and S3 buckets (idempotent; safe to run again).

    Raw input topics get the short retention RINGFENCE_RAW_RETENTION_HOURS because they can
    hold card data; the recordings bucket is created with object locking for legal holds.
    """
    results = asyncio.run(ensure_topics(StreamSettings()))
    for name, action in results.items():
        typer.echo(f"topic  {name}: {action}")
    storage = StorageSettings()
    created = ensure_buckets(make_client(storage), storage)
    for bucket in (storage.recordings_bucket, storage.landing_bucket):
        typer.echo(f"bucket {bucket}: {'created' if bucket in created else 'exists'}")


def worker(
    loglevel: str = typer.Option("info", "--loglevel", "-l", help="Log level."),
    log_format: str = typer.Option(
        "json",
        "--log-format",
        envvar="RINGFENCE_LOG_FORMAT",
        help="json (one object per line, for log shippers) or text.",
    ),
) -> None:
    """Run the stream worker in the foreground (Ctrl-C stops it cleanly).

    Consumes chat events and call recordings, redacts payment data, publishes
    special-category flags and stores redacted recordings. Serves /health and /metrics on
    RINGFENCE_WEB_HOST:RINGFENCE_WEB_PORT.
    """
    from faust import Worker

    from ringfence.streams.app import app
    from ringfence.streams.ops.logs import logging_config

    if log_format not in ("json", "text"):
        raise typer.BadParameter("choose json or text", param_hint="--log-format")
    from ringfence.streams.worker import fatal_stop

    try:
        Worker(
            app, loglevel=loglevel, logging_config=logging_config(loglevel, log_format)
        ).execute_from_commandline()
    finally:
        if fatal_stop(app).error is not None:
            # Stopped on a fatal error (logged as "worker stopping: ..."): a supervisor
            # must see a failure, not a clean exit.
            raise SystemExit(1)


def schemas(
    out_dir: Path = typer.Option(Path("docs/schemas"), help="Where to write the schemas."),
) -> None:
    """Write the JSON Schema of every topic payload and stored document, from the pydantic
    models."""
    from ringfence.streams.schemas import write_schemas

    for path in write_schemas(out_dir):
        typer.echo(str(path))


def lag(
    alert_at: int = typer.Option(1000, help="Exit 1 when any partition lags more than this."),
) -> None:
    """Show the worker group's consumer lag per input partition (for ops and cron checks)."""
    from ringfence.streams.ops.deletion_bound import raw_deletion_bounds
    from ringfence.streams.ops.lag import measure_lag

    lags = asyncio.run(measure_lag(StreamSettings()))
    for item in lags:
        committed = "-" if item.committed is None else str(item.committed)
        typer.echo(
            f"{item.topic}[{item.partition}] end={item.end_offset} "
            f"committed={committed} lag={item.lag}"
        )
    for bound in asyncio.run(raw_deletion_bounds(StreamSettings())):
        typer.echo(
            f"{bound.topic} raw records deleted within {_duration(bound.bound_ms)} "
            f"(retention {_duration(bound.retention_ms)} + segment roll "
            f"{_duration(bound.segment_ms)} + broker check {_duration(bound.check_interval_ms)})"
        )
    if any(item.lag > alert_at for item in lags):
        raise typer.Exit(1)


def _duration(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{seconds:02d}s" if minutes else f"{ms / 1000:g}s"
