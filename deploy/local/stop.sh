#!/usr/bin/env bash
# Stops the Kafka and MinIO started by start.sh for $RINGFENCE_STATE_DIR: SIGTERM (Kafka
# shuts down cleanly, flushing its logs), SIGKILL if still alive after the timeout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

# Both at once: neither depends on the other, and it halves the wait.
stop_service kafka "${RINGFENCE_STOP_TIMEOUT:-30}" &
kafka_stopper=$!
stop_service minio "${RINGFENCE_STOP_TIMEOUT:-30}"
wait "$kafka_stopper"
say "services stopped (state kept in $RINGFENCE_STATE_DIR)"
