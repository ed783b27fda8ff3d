#!/usr/bin/env bash
# THE test command. Installs what the tests need (idempotently), builds, runs every test project of the solution and
# ends with one plain line: "N passed, N failed[, N skipped]". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# 1. npm packages (Azurite for the Table storage contract tests), from the committed lock file.
if [ -f package-lock.json ]; then
  stamp="node_modules/.package-lock.sha256"
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$want" > "$stamp"
  fi
fi

# 2. Debian chromium and CJK fonts (headless screenshots render Chinese and Japanese as boxes without them) for the
#    browser tests, when there are any and either is missing.
if grep -rqs --include='*.cs' 'Microsoft.Playwright' tests/; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      log "apt-get install ${missing[*]}"
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else
      log "missing ${missing[*]} and this is not root: browser tests will report it"
    fi
  fi
fi

# 3. Restore and build once, warnings as errors, then test without rebuilding.
log "dotnet build"
dotnet build Alerts.sln -warnaserror -nologo -v:q -clp:ErrorsOnly >&2

rm -rf "$results"
mkdir -p "$results"
set +e
dotnet test Alerts.sln --no-build -nologo -v:q --results-directory "$results" --logger "trx" -- RunConfiguration.TreatNoTestsAsError=false >&2
status=$?
set -e

# 4. One closing line from the TRX counters of every test project.
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test exited with $status without a failed test in the results (a test host crashed?)"
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
