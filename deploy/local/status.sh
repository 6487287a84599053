#!/usr/bin/env bash
# Prints the state of each service; exits 0 when both are healthy, 3 otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

describe() {
  local name="$1" address="$2" check="$3" pid
  if ! pid="$(service_pid "$name")"; then
    printf '%-6s stopped\n' "$name"
    return 1
  fi
  if "$check"; then
    printf '%-6s healthy    pid %s  %s\n' "$name" "$pid" "$address"
  else
    printf '%-6s UNHEALTHY  pid %s  %s\n' "$name" "$pid" "$address"
    return 1
  fi
}

printf 'state: %s\n' "$RINGFENCE_STATE_DIR"
healthy=0
describe kafka "127.0.0.1:$RINGFENCE_KAFKA_PORT" kafka_healthy || healthy=3
describe minio "http://127.0.0.1:$RINGFENCE_MINIO_PORT" minio_healthy || healthy=3
exit "$healthy"
