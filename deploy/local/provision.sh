#!/usr/bin/env bash
# Installs everything the project's services and audio code need, idempotently:
#   - system packages (ffmpeg, sox, espeak-ng, a JDK, Maven, Go, curl) when missing
#   - the Kafka broker jars, resolved by Maven into $RINGFENCE_CACHE/kafka-<version>/libs
#   - a MinIO server binary, built with `go install` into $RINGFENCE_CACHE/bin/minio-<version>
# A second run finds everything in place and returns in about a second.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

# Debian package names for whatever is missing, one apt-get update for all of them.
ensure_system_packages() {
  local missing=()
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  command -v sox >/dev/null || missing+=(sox)
  package_installed libsox-fmt-all || missing+=(libsox-fmt-all)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  command -v curl >/dev/null || missing+=(curl)
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v go >/dev/null || missing+=(golang-go)
  python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  ((${#missing[@]} == 0)) && return 0
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# The stamp holds a hash of the pom, so editing the pom re-resolves the jars.
ensure_kafka_jars() {
  local pom="$RINGFENCE_ROOT/deploy/kafka/pom.xml" stamp="$RINGFENCE_KAFKA_HOME/.provisioned"
  local want
  want="$(sha256sum "$pom" | cut -c1-16)"
  if [[ -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then return 0; fi
  say "resolving Kafka $RINGFENCE_KAFKA_VERSION jars with Maven"
  local staging
  staging="$(mktemp -d "$RINGFENCE_CACHE/.kafka-staging.XXXXXX")"
  local started=$SECONDS
  # Maven's output goes to a file (it is noisy even with -q) and is shown only on failure.
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -Dkafka.version="$RINGFENCE_KAFKA_VERSION" -DoutputDirectory="$staging/libs" \
    >"$staging/maven.log" 2>&1; then
    cat "$staging/maven.log" >&2
    die "Maven could not resolve the Kafka jars"
  fi
  # Swap in whole so an interrupted run never leaves a half-filled libs dir behind a stamp.
  rm -rf "$RINGFENCE_KAFKA_HOME"
  mkdir -p "$RINGFENCE_KAFKA_HOME"
  mv "$staging/libs" "$RINGFENCE_KAFKA_LIBS"
  rm -rf "$staging"
  printf '%s\n' "$want" >"$stamp"
  say "Kafka jars: $(find "$RINGFENCE_KAFKA_LIBS" -name '*.jar' | wc -l) in $RINGFENCE_KAFKA_LIBS ($((SECONDS - started))s)"
}

# MinIO no longer publishes community binaries; building the pinned module version from
# the Go module proxy is the one reproducible source left.
ensure_minio_binary() {
  [[ -x "$RINGFENCE_MINIO_BIN" ]] && return 0
  ensure_go_toolchain
  say "building MinIO $RINGFENCE_MINIO_VERSION with go install (a few minutes the first time)"
  local staging
  staging="$(mktemp -d "$RINGFENCE_CACHE/.minio-staging.XXXXXX")"
  local started=$SECONDS
  GOBIN="$staging" go install "github.com/minio/minio@$RINGFENCE_MINIO_VERSION"
  mkdir -p "$(dirname "$RINGFENCE_MINIO_BIN")"
  mv "$staging/minio" "$RINGFENCE_MINIO_BIN"
  rm -rf "$staging"
  say "MinIO: $RINGFENCE_MINIO_BIN ($((SECONDS - started))s)"
}

# MinIO needs Go >= 1.24. Debian 12's golang-go is 1.19, which cannot switch toolchains by
# itself, so fetch the official toolchain module through the Go module proxy and use it.
ensure_go_toolchain() {
  local minor
  minor="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
  ((minor >= 24)) && return 0
  local toolchain
  toolchain="golang.org/toolchain@v0.0.1-go1.24.8.linux-$(go env GOARCH)"
  say "Go $(go env GOVERSION) is too old for MinIO: fetching $toolchain"
  local gopath dir
  gopath="$(go env GOPATH)"
  (cd / && go mod download "$toolchain")
  dir="$gopath/pkg/mod/${toolchain}"
  chmod +x "$dir/bin/go" "$dir"/pkg/tool/*/* 2>/dev/null || true
  export PATH="$dir/bin:$PATH" GOTOOLCHAIN=local
}

main() {
  mkdir -p "$RINGFENCE_CACHE"
  # Two provisions at once (make test in parallel with make run) would race on the cache.
  exec 9>"$RINGFENCE_CACHE/.provision.lock"
  flock 9
  ensure_system_packages
  ensure_kafka_jars
  ensure_minio_binary
}

main "$@"
