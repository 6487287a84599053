#!/usr/bin/env bash
# Stops the services and deletes their state (topics, offsets, buckets, objects, logs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

"$here/stop.sh"
case "$RINGFENCE_STATE_DIR" in
  "" | / | "$HOME" | "$RINGFENCE_CACHE") die "refusing to delete RINGFENCE_STATE_DIR=$RINGFENCE_STATE_DIR" ;;
esac
rm -rf "$RINGFENCE_STATE_DIR"
say "wiped $RINGFENCE_STATE_DIR"
