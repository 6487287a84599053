"""The landing bucket, where the phone platform leaves raw audio until it is redacted.

Raw audio holds card data, so it is read only from the configured landing bucket and is
deleted once the redacted copy is stored (or the policy says the call is not recorded).
"""

from __future__ import annotations

from minio import Minio

from ringfence.errors import InvalidInputError
from ringfence.storage.recordings import translate_errors


class LandingStore:
    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    def _check(self, bucket: str) -> None:
        if bucket != self.bucket:
            raise InvalidInputError(f"audio must be in the landing bucket {self.bucket}")

    def get_bytes(self, bucket: str, key: str, max_bytes: int | None = None) -> bytes:
        """The object's bytes; an object over ``max_bytes`` is refused before it is read."""
        self._check(bucket)
        if max_bytes is not None:
            with translate_errors(f"stat {bucket}/{key}"):
                size = self._client.stat_object(bucket, key).size or 0
            if size > max_bytes:
                raise InvalidInputError(
                    f"audio is {size} bytes, over the limit of {max_bytes} "
                    "(RINGFENCE_AUDIO_LIMIT_MAX_BYTES)"
                )
        with translate_errors(f"get {bucket}/{key}"):
            response = self._client.get_object(bucket, key)
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

    def delete(self, bucket: str, key: str) -> None:
        self._check(bucket)
        with translate_errors(f"delete {bucket}/{key}"):
            self._client.remove_object(bucket, key)
