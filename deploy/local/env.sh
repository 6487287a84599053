# shellcheck shell=bash
# Sourced by every deploy/local script. Loads deploy/ringfence.env as DEFAULTS (a variable
# already set in the environment wins, so `RINGFENCE_KAFKA_PORT=19092 start.sh` works) and
# derives where the provisioned binaries and the service state live.

RINGFENCE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export RINGFENCE_ROOT

# Reads KEY=VALUE lines; blank lines and comments are skipped, nothing is expanded
# (the same rules as compose's env_file, so both read the file identically).
ringfence_load_defaults() {
  local env_file="$1" line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    key="${line%%=*}"
    value="${line#*=}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    if [[ -z "${!key+set}" ]]; then
      export "$key=$value"
    fi
  done <"$env_file"
}

ringfence_load_defaults "$RINGFENCE_ROOT/deploy/ringfence.env"

# A Go toolchain unpacked in the usual place but not on PATH (CI's environment is minimal).
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
  export PATH="$PATH:/usr/local/go/bin"
fi

export RINGFENCE_CACHE="${RINGFENCE_CACHE:-$HOME/.cache/ringfence}"
export RINGFENCE_STATE_DIR="${RINGFENCE_STATE_DIR:-$RINGFENCE_CACHE/state/dev}"
export RINGFENCE_VENV="${RINGFENCE_VENV:-$RINGFENCE_ROOT/.venv}"
# Seconds start.sh waits for both services to become healthy.
export RINGFENCE_START_TIMEOUT="${RINGFENCE_START_TIMEOUT:-90}"

# Where provision.sh puts things; versioned paths so a version bump never reuses old files.
RINGFENCE_KAFKA_HOME="$RINGFENCE_CACHE/kafka-$RINGFENCE_KAFKA_VERSION"
RINGFENCE_KAFKA_LIBS="$RINGFENCE_KAFKA_HOME/libs"
RINGFENCE_MINIO_BIN="$RINGFENCE_CACHE/bin/minio-$RINGFENCE_MINIO_VERSION"
export RINGFENCE_KAFKA_HOME RINGFENCE_KAFKA_LIBS RINGFENCE_MINIO_BIN
