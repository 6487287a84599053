"""Settings of the stream workers, read from RINGFENCE_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StreamSettings(BaseSettings):
    """Kafka, topic and worker settings. Topic *names* are contracts and are not settings."""

    model_config = SettingsConfigDict(env_prefix="RINGFENCE_", extra="ignore")

    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    app_id: str = "ringfence"
    topic_partitions: int = Field(default=3, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    # Raw input topics can hold card data until redaction: keep them for hours, not days.
    raw_retention_hours: float = Field(default=6.0, gt=0, le=72)
    output_retention_days: float = Field(default=30.0, gt=0)
    deadletter_retention_days: float = Field(default=14.0, gt=0)
    # The chat table's changelog: stored chats' sessions are compacted away within this.
    changelog_compaction_lag_hours: float = Field(default=24.0, gt=0, le=24 * 7)
    policy_file: Path | None = None
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    data_dir: Path = Path("var/faust")
    # Retriable failures (store or broker down) are retried with backoff up to this delay.
    retry_max_delay_s: float = Field(default=30.0, gt=0)
    log_level: str = "info"

    @property
    def tombstone_ttl_hours(self) -> float:
        """Closed-chat markers outlive the raw topic: no replayed close can be older."""
        return self.raw_retention_hours + 1.0

    # A chat with no event for this long is closed and stored; sweeps run this often.
    chat_idle_close_hours: float = Field(default=2.0, gt=0)
    sweep_interval_s: float = Field(default=300.0, gt=0)
    # Ops: lag is measured this often; /health says "lagging" above the threshold.
    lag_interval_s: float = Field(default=15.0, gt=0)
    lag_alert_messages: int = Field(default=1000, ge=0)
    # A chat session (redacted messages so far) is one changelog record: allow big chats.
    max_session_bytes: int = Field(default=16 * 1024 * 1024, ge=1024 * 1024)
    # Call redaction runs in this many processes; a call taking longer than
    # call_timeout_s + call_timeout_per_audio_second x its length is quarantined.
    call_workers: int = Field(default=1, ge=1)
    call_timeout_s: float = Field(default=600.0, gt=0)
    call_timeout_per_audio_second: float = Field(default=2.0, ge=0)
