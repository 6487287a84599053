#!/usr/bin/env bash
# `make test`: runs the whole pytest suite against a separate, freshly wiped Kafka + MinIO
# instance (ports 19092/19093/19000/19001, state in $RINGFENCE_CACHE/state/test), so a
# running development instance is neither disturbed nor leaks data into tests. The test
# services are stopped whatever the result; the exit code is pytest's.
# Extra arguments go to pytest (deploy/local/test.sh tests/integration -x).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

# The test instance's settings win over anything in the environment or ringfence.env.
export RINGFENCE_STATE_DIR="$RINGFENCE_CACHE/state/test"
export RINGFENCE_KAFKA_PORT="${RINGFENCE_TEST_KAFKA_PORT:-19092}"
export RINGFENCE_KAFKA_CONTROLLER_PORT="${RINGFENCE_TEST_KAFKA_CONTROLLER_PORT:-19093}"
export RINGFENCE_MINIO_PORT="${RINGFENCE_TEST_MINIO_PORT:-19000}"
export RINGFENCE_MINIO_CONSOLE_PORT="${RINGFENCE_TEST_MINIO_CONSOLE_PORT:-19001}"
export RINGFENCE_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$RINGFENCE_KAFKA_PORT"
export RINGFENCE_S3_ENDPOINT="127.0.0.1:$RINGFENCE_MINIO_PORT"
export RINGFENCE_S3_ACCESS_KEY="$MINIO_ROOT_USER"
export RINGFENCE_S3_SECRET_KEY="$MINIO_ROOT_PASSWORD"
export RINGFENCE_S3_SECURE=false
# Expired segments are deleted every second, so a test can watch raw data go.
export RINGFENCE_KAFKA_RETENTION_CHECK_INTERVAL_MS=1000

pytest="$RINGFENCE_VENV/bin/pytest"
[[ -x "$pytest" ]] || die "$pytest missing: run make install"

# One test instance per machine: a second `make test` waits instead of wiping the first.
mkdir -p "$RINGFENCE_CACHE/state"
exec 8>"$RINGFENCE_CACHE/state/test.lock"
if ! flock -n 8; then
  say "another test run holds the test services; waiting for it"
  flock 8
fi

trap '"$here/stop.sh"' EXIT
"$here/wipe.sh"
"$here/start.sh"

cd "$RINGFENCE_ROOT"
status=0
"$pytest" -q "$@" || status=$?
exit "$status"
