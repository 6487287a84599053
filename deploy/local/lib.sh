# shellcheck shell=bash
# Helpers shared by start.sh, stop.sh, status.sh and wipe.sh. Source env.sh first.

say() { printf 'ringfence: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_file() { printf '%s/%s.pid' "$RINGFENCE_STATE_DIR" "$1"; }

# Prints the pid of service NAME when it is alive. The command line must mention this
# state dir, so a recycled pid or the other (dev/test) instance is never taken for ours.
service_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$RINGFENCE_STATE_DIR" || return 1
  printf '%s\n' "$pid"
}

# Starts a command detached in its own session (so a Ctrl-C meant for `make run` does not
# hit it before the worker has stopped) and records its pid in the state dir.
launch_detached() {
  local name="$1" log="$2"
  shift 2
  local file
  file="$(pid_file "$name")"
  rm -f "$file"
  # shellcheck disable=SC2016  # $$ must expand in the child shell, not here
  # fds 8/9 hold the test and provision locks: a daemon must not keep them locked.
  setsid bash -c 'echo "$$" >"$1"; shift; exec "$@"' _ "$file" "$@" \
    </dev/null >>"$log" 2>&1 8>&- 9>&- &
  local waited=0
  until [[ -s "$file" ]]; do
    sleep 0.05
    waited=$((waited + 1))
    ((waited < 100)) || die "$name did not start (see $log)"
  done
}

kafka_log() { printf '%s/kafka/logs/server.log' "$RINGFENCE_STATE_DIR"; }

# Healthy = our process is alive, the listener accepts connections and the broker has
# logged that it finished starting (it logs this only after it has been unfenced by the
# controller, i.e. it can serve metadata and produce requests).
kafka_healthy() {
  service_pid kafka >/dev/null || return 1
  port_open "$RINGFENCE_KAFKA_PORT" || return 1
  grep -qF 'Kafka Server started' "$(kafka_log)" 2>/dev/null
}

minio_healthy() {
  service_pid minio >/dev/null || return 1
  curl -fs -m 2 -o /dev/null "http://127.0.0.1:$RINGFENCE_MINIO_PORT/minio/health/ready"
}

# java for Kafka's short-lived tools (storage format, kafka-topics): small heap, fast start.
kafka_tool() {
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$RINGFENCE_ROOT/deploy/kafka/tools-log4j2.properties" \
    -cp "$RINGFENCE_KAFKA_LIBS/*" "$@"
}

# SIGTERM, then SIGKILL after TIMEOUT seconds. Returns once the process is gone.
stop_service() {
  local name="$1" timeout="$2" pid waited=0
  if ! pid="$(service_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout * 10)); then
      say "$name did not stop within ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "$name")"
}
