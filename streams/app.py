"""The Faust application: ``faust -A ringfence.streams.app worker`` or ``ringfence worker`` runs it.

Topics carry raw bytes; agents decode them with pydantic themselves so that a malformed
event becomes a dead-letter record instead of a crashed stream.
"""

from __future__ import annotations

import faust

from ringfence.streams.settings import StreamSettings


def broker_url(bootstrap_servers: str) -> str:
    """``host:port,host:port`` (Kafka style) to Faust's ``kafka://host:port;kafka://...``."""
    hosts = [host.strip() for host in bootstrap_servers.split(",") if host.strip()]
    return ";".join(f"kafka://{host}" for host in hosts)


def create_app(settings: StreamSettings | None = None) -> faust.App:
    settings = settings or StreamSettings()
    # Faust creates only the last directory level of its data dir.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=broker_url(settings.kafka_bootstrap_servers),
        store="memory://",
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        web_host=settings.web_host,
        # Faust binds every interface by default; the ops endpoints stay where configured.
        web_bind=settings.web_host,
        web_port=settings.web_port,
        # Faust's own pages would serve the chat-sessions table (/table/...) and key routing
        # to anyone who can reach the port: only /health and /metrics are served.
        web_tables_enabled=False,
        web_router_enabled=False,
        web_graph_enabled=False,
        web_stats_enabled=False,
        datadir=str(settings.data_dir),
        producer_acks=-1,
        producer_max_request_size=settings.max_session_bytes,
    )
    from ringfence.streams.worker import wire

    wire(app, settings)
    return app


app = create_app()
