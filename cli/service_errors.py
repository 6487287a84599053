"""One clear line when Kafka or the object store can't be reached, instead of a traceback."""

from __future__ import annotations

import urllib3
from aiokafka.errors import KafkaError
from minio.error import S3Error

from ringfence.storage.errors import StorageError, StorageUnavailableError
from ringfence.storage.settings import StorageSettings
from ringfence.streams.settings import StreamSettings

SERVICE_ERRORS: tuple[type[BaseException], ...] = (
    StorageError,  # ours, translated from minio (before RingfenceError: exit 3, not 2)
    KafkaError,
    urllib3.exceptions.HTTPError,
    S3Error,
)


def describe(error: BaseException) -> str:
    """What went wrong and where, for an error in ``SERVICE_ERRORS``."""
    if isinstance(error, KafkaError):
        where = StreamSettings().kafka_bootstrap_servers
        return (
            f"Kafka at {where}: {type(error).__name__} "
            "(is it running? `make services-up`, or set RINGFENCE_KAFKA_BOOTSTRAP_SERVERS)"
        )
    if isinstance(error, StorageError) and not isinstance(error, StorageUnavailableError):
        return f"object store: {error}"
    if isinstance(error, S3Error):
        return f"object store: {error.code} on {error.bucket_name or 'request'}"
    where = StorageSettings().endpoint
    what = str(error) if isinstance(error, StorageUnavailableError) else type(error).__name__
    return (
        f"object store at {where}: {what} "
        "(is it running? `make services-up`, or set RINGFENCE_S3_ENDPOINT)"
    )
