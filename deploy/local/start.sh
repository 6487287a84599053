#!/usr/bin/env bash
# Starts a single-node Kafka (KRaft, broker and controller in one process) and a MinIO
# server in the background, state in $RINGFENCE_STATE_DIR, and waits until both are healthy.
# Already running and healthy: says so and exits 0. Run provision.sh first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

require_provisioned() {
  [[ -f "$RINGFENCE_KAFKA_HOME/.provisioned" ]] || die "Kafka jars missing: run deploy/local/provision.sh"
  [[ -x "$RINGFENCE_MINIO_BIN" ]] || die "MinIO binary missing: run deploy/local/provision.sh"
}

# A port held by something that is not our service would make the service fail obscurely.
require_free_port() {
  local port="$1" what="$2"
  if port_open "$port"; then
    die "port $port ($what) is in use by another process; set RINGFENCE_${what}_PORT"
  fi
}

write_kafka_config() {
  local dir="$1"
  cat >"$dir/server.properties" <<PROPS
# Written by deploy/local/start.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$RINGFENCE_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$RINGFENCE_KAFKA_PORT,CONTROLLER://127.0.0.1:$RINGFENCE_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$RINGFENCE_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
# Expired segments are deleted this often (bounds how long raw card data can stay).
log.retention.check.interval.ms=$RINGFENCE_KAFKA_RETENTION_CHECK_INTERVAL_MS
# ... and first this long after the broker starts (Kafka's default: 30 s).
log.initial.task.delay.ms=$RINGFENCE_KAFKA_RETENTION_CHECK_INTERVAL_MS
# One node: every internal topic has exactly one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Few internal partitions: creating 50 of them on the first group join costs seconds here.
offsets.topic.num.partitions=4
transaction.state.log.num.partitions=4
# Consumers (tests, workers) join their group at once instead of waiting 3 s.
group.initial.rebalance.delay.ms=0
# Topics are created by "ringfence bootstrap" with their retention; typos must fail loudly.
auto.create.topics.enable=false
PROPS
}

# Formats the log dir once, with a new cluster id (22 chars of URL-safe base64, as Kafka's
# own `kafka-storage.sh random-uuid` prints).
format_kafka_storage() {
  local dir="$1" cluster_id
  [[ -f "$dir/data/meta.properties" ]] && return 0
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  say "formatting Kafka storage (cluster id $cluster_id)"
  kafka_tool kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$dir/server.properties" >/dev/null
}

start_kafka() {
  local dir="$RINGFENCE_STATE_DIR/kafka"
  require_free_port "$RINGFENCE_KAFKA_PORT" KAFKA
  require_free_port "$RINGFENCE_KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER
  mkdir -p "$dir/data" "$dir/logs"
  write_kafka_config "$dir"
  format_kafka_storage "$dir"
  # A fresh server.log, so the health check never reads the previous run's start message.
  [[ -f "$dir/logs/server.log" ]] && mv -f "$dir/logs/server.log" "$dir/logs/server.log.previous"
  say "starting Kafka $RINGFENCE_KAFKA_VERSION on 127.0.0.1:$RINGFENCE_KAFKA_PORT"
  launch_detached kafka "$dir/logs/console.log" \
    java -Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dkafka.logs.dir="$dir/logs" \
    -Dlog4j2.configurationFile="$RINGFENCE_ROOT/deploy/kafka/log4j2.properties" \
    -cp "$RINGFENCE_KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties"
}

start_minio() {
  local dir="$RINGFENCE_STATE_DIR/minio"
  require_free_port "$RINGFENCE_MINIO_PORT" MINIO
  require_free_port "$RINGFENCE_MINIO_CONSOLE_PORT" MINIO_CONSOLE
  mkdir -p "$dir/data"
  say "starting MinIO on 127.0.0.1:$RINGFENCE_MINIO_PORT (console :$RINGFENCE_MINIO_CONSOLE_PORT)"
  # No update checks or call-home: this machine has no internet and the build is pinned.
  MINIO_UPDATE=off MINIO_CALLHOME_ENABLE=off \
    launch_detached minio "$dir/minio.log" \
    "$RINGFENCE_MINIO_BIN" server --quiet --anonymous \
    --address "127.0.0.1:$RINGFENCE_MINIO_PORT" \
    --console-address "127.0.0.1:$RINGFENCE_MINIO_CONSOLE_PORT" "$dir/data"
}

# Polls until both services are healthy; a service whose process died fails at once with
# the end of its log, instead of waiting for the timeout.
wait_until_healthy() {
  local started=$SECONDS kafka_ok=false minio_ok=false
  while ! $kafka_ok || ! $minio_ok; do
    if ! $kafka_ok && kafka_healthy; then
      kafka_ok=true && say "Kafka healthy after $((SECONDS - started))s"
    fi
    if ! $minio_ok && minio_healthy; then
      minio_ok=true && say "MinIO healthy after $((SECONDS - started))s"
    fi
    $kafka_ok || service_pid kafka >/dev/null || fail_with_log Kafka "$(kafka_log)"
    $minio_ok || service_pid minio >/dev/null || fail_with_log MinIO "$RINGFENCE_STATE_DIR/minio/minio.log"
    ((SECONDS - started < RINGFENCE_START_TIMEOUT)) || die "not healthy after ${RINGFENCE_START_TIMEOUT}s (logs in $RINGFENCE_STATE_DIR)"
    sleep 0.2
  done
}

fail_with_log() {
  say "$1 exited during start; last lines of $2:"
  tail -n 30 "$2" >&2 || true
  die "$1 failed to start"
}

main() {
  require_provisioned
  mkdir -p "$RINGFENCE_STATE_DIR"
  if kafka_healthy && minio_healthy; then
    say "already running and healthy (state in $RINGFENCE_STATE_DIR)"
    return 0
  fi
  service_pid minio >/dev/null || start_minio
  service_pid kafka >/dev/null || start_kafka
  wait_until_healthy
  say "services ready: Kafka 127.0.0.1:$RINGFENCE_KAFKA_PORT, MinIO http://127.0.0.1:$RINGFENCE_MINIO_PORT"
}

main "$@"
