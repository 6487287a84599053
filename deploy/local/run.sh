#!/usr/bin/env bash
# `make run`: starts the development Kafka and MinIO, creates topics and buckets with
# `ringfence bootstrap`, then runs `ringfence worker` in the foreground. Ctrl-C (or SIGTERM)
# stops the worker first, so it can commit its offsets, then the services.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

ringfence="$RINGFENCE_VENV/bin/ringfence"
[[ -x "$ringfence" ]] || die "$ringfence missing: run make install"
worker_pid=""

stop_everything() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$worker_pid" ]] && kill -0 "$worker_pid" 2>/dev/null; then
    say "stopping the worker (pid $worker_pid)"
    kill -TERM "$worker_pid" 2>/dev/null || true
    wait_for_exit "$worker_pid" "${RINGFENCE_STOP_TIMEOUT:-30}"
  fi
  "$here/stop.sh" || status=1
  exit "$status"
}

wait_for_exit() {
  local pid="$1" timeout="$2" waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout * 10)); then
      say "worker did not stop within ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

trap stop_everything EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$here/start.sh"
"$ringfence" bootstrap
# In the background so this shell can react to signals while the worker runs; a
# background job of a non-interactive shell ignores SIGINT, hence the explicit SIGTERM above.
"$ringfence" worker &
worker_pid=$!
wait "$worker_pid"
