"""Create the buckets idempotently (``ringfence bootstrap``)."""

from __future__ import annotations

from minio import Minio

from ringfence.storage.recordings import translate_errors
from ringfence.storage.settings import StorageSettings


def ensure_buckets(client: Minio, settings: StorageSettings) -> list[str]:
    """Create missing buckets; return the names created.

    The recordings bucket has object locking enabled (it can only be set at creation),
    so legal holds can keep a recording past its default deletion date.
    """
    created = []
    wanted = [(settings.recordings_bucket, True), (settings.landing_bucket, False)]
    for bucket, object_lock in wanted:
        with translate_errors(f"create bucket {bucket}"):
            if client.bucket_exists(bucket):
                continue
            client.make_bucket(bucket, object_lock=object_lock)
        created.append(bucket)
    return created
