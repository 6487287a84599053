"""Where the object store is and how to reach it (environment variables, never code)."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StorageSettings(BaseSettings):
    """S3-compatible store settings; any S3 API endpoint works, MinIO is the default."""

    model_config = SettingsConfigDict(env_prefix="RINGFENCE_S3_", extra="ignore")

    endpoint: str = "127.0.0.1:9000"
    access_key: str = "ringfence"
    secret_key: SecretStr = SecretStr("ringfence-dev-secret")
    secure: bool = False
    region: str = "us-east-1"
    recordings_bucket: str = "ringfence-recordings"
    landing_bucket: str = "ringfence-landing"
