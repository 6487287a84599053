"""Build an S3 client. Only the S3 API is used, so any S3-compatible store works."""

from __future__ import annotations

from minio import Minio

from ringfence.storage.settings import StorageSettings


def make_client(settings: StorageSettings) -> Minio:
    return Minio(
        settings.endpoint,
        access_key=settings.access_key,
        secret_key=settings.secret_key.get_secret_value(),
        secure=settings.secure,
        region=settings.region,
    )
