"""Write and read redacted recordings. Blocking calls: stream code runs them in a thread."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import urllib3
from minio import Minio
from minio.error import InvalidResponseError, MinioException, S3Error, ServerError

from ringfence.storage.errors import ObjectMissingError, StorageError, StorageUnavailableError
from ringfence.storage.retention.metadata import RetentionMetadata

_MISSING_CODES = frozenset({"NoSuchKey", "NoSuchBucket", "NoSuchVersion"})
# S3 error codes that say "not now" rather than "never": retried, not dead-lettered.
_TRANSIENT_CODES = frozenset(
    {
        "InternalError",
        "ServiceUnavailable",
        "SlowDown",
        "RequestTimeout",
        "RequestTimeTooSkewed",
        "XMinioServerNotInitialized",
        "XMinioStorageFull",
        "XMinioReadQuorum",
        "XMinioWriteQuorum",
    }
)


def is_transient(error: S3Error) -> bool:
    status = getattr(error.response, "status", 0) or 0
    return error.code in _TRANSIENT_CODES or status >= 500


@contextmanager
def translate_errors(what: str) -> Iterator[None]:
    """Turn client errors into Ringfence errors that say whether a retry can help."""
    try:
        yield
    except S3Error as error:
        if error.code in _MISSING_CODES:
            raise ObjectMissingError(f"{what}: {error.code}") from error
        if is_transient(error):
            raise StorageUnavailableError(f"{what}: {error.code}") from error
        raise StorageError(f"{what}: {error.code}") from error
    except (ServerError, InvalidResponseError) as error:
        # 5xx without an S3 error body, or a body a proxy wrote: the store is not answering.
        raise StorageUnavailableError(f"{what}: {type(error).__name__}") from error
    except MinioException as error:
        raise StorageError(f"{what}: {type(error).__name__}") from error
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise StorageUnavailableError(f"{what}: {type(error).__name__}") from error


class RecordingStore:
    """The recordings bucket: redacted transcripts, audio and manifests with retention metadata."""

    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    def put_bytes(
        self, key: str, data: bytes, content_type: str, retention: RetentionMetadata
    ) -> None:
        with translate_errors(f"put {self.bucket}/{key}"):
            self._client.put_object(
                self.bucket,
                key,
                io.BytesIO(data),
                len(data),
                content_type=content_type,
                metadata=retention.to_metadata(),  # type: ignore[arg-type]
            )

    def put_json(self, key: str, document: dict[str, Any], retention: RetentionMetadata) -> None:
        body = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
        self.put_bytes(key, body, "application/json", retention)

    def get_bytes(self, key: str) -> bytes:
        with translate_errors(f"get {self.bucket}/{key}"):
            response = self._client.get_object(self.bucket, key)
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

    def get_json(self, key: str) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.get_bytes(key))
        return document

    def exists(self, key: str) -> bool:
        try:
            with translate_errors(f"stat {self.bucket}/{key}"):
                self._client.stat_object(self.bucket, key)
        except ObjectMissingError:
            return False
        return True

    def retention_of(self, key: str) -> RetentionMetadata:
        with translate_errors(f"stat {self.bucket}/{key}"):
            stat = self._client.stat_object(self.bucket, key)
        return RetentionMetadata.from_headers(dict(stat.metadata or {}))

    def listing(self, prefix: str = "") -> Iterator[tuple[str, int, RetentionMetadata]]:
        """Every object under ``prefix``: its key, size and retention metadata."""
        with translate_errors(f"list {self.bucket}/{prefix}"):
            items = list(self._client.list_objects(self.bucket, prefix=prefix, recursive=True))
        for item in items:
            key = item.object_name or ""
            yield key, item.size or 0, self.retention_of(key)
