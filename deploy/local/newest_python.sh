#!/usr/bin/env bash
# Part of `make test`: the unit tests again on the newest Python that pyproject.toml's
# requires-python claims (3.13: audioop-lts stands in for the removed audioop), in a
# virtualenv cached outside the repo. Skipped, saying so, on a machine without it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/env.sh
source "$here/env.sh"
# shellcheck source=deploy/local/lib.sh
source "$here/lib.sh"

version="3.13"
python=""
# A pyenv shim may exist without that version being selected: try each, keep one that runs.
for candidate in "$HOME/.pyenv/versions/$version"*/bin/python3 "python$version"; do
  if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 13)' >/dev/null 2>&1; then
    python="$(command -v "$candidate")"
    break
  fi
done
if [[ -z "$python" ]]; then
  say "newest Python check skipped: no python$version on this machine"
  exit 0
fi

venv="$RINGFENCE_CACHE/venv-$version"
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
say "unit tests on $("$venv/bin/python" --version) ($venv)"
# Editable, so this checkout is the one tested; quick when the dependencies are in place.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$RINGFENCE_ROOT[dev]"
cd "$RINGFENCE_ROOT"
"$venv/bin/pytest" -q -p no:cacheprovider tests/unit
