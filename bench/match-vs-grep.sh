#!/usr/bin/env bash
# `alerts match` end to end against `grep -oF` on the same text and terms, side by side in one run (issue 18;
# docs/performance.md, "alerts match against grep"). The benchmark's workload is exported once: a ~20 MB corpus
# (one normalised notice a line), and for 100 and 10,000 companies × 20 items a subscriptions file and the matcher
# automaton's patterns. Then, best of three each:
#   alerts match --file corpus.txt --companies companies-N.json   (process start, parse, index build, match, output)
#   LC_ALL=C grep -oF -f patterns-N.txt corpus.txt                (every occurrence, byte comparison: grep's fastest)
# and the two ratios the issue asks for: alerts at 10,000 / grep at 10,000, and alerts at 10,000 / alerts at 100.
# Usage: bench/match-vs-grep.sh [work-dir]   (ALERTS_BENCH_CORPUS_MB overrides the 20 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work/data"
export ALERTS_BENCH_CORPUS_MB=${ALERTS_BENCH_CORPUS_MB:-20}

dotnet build -c Release src/Alerts.Cli -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet build -c Release bench/Alerts.Benchmarks -nologo -v:q -clp:ErrorsOnly >/dev/null
alerts=src/Alerts.Cli/bin/Release/net10.0/alerts
if [[ ! -f "$work/corpus.txt" || ! -f "$work/companies-10000.json" ]]; then
  ALERTS_BENCH_COMPANIES=100,10000 dotnet run -c Release --no-build --project bench/Alerts.Benchmarks -- export-matching "$work" >/dev/null
fi

best_of_three() {
  local best=""
  for _ in 1 2 3; do
    local start end took
    start=$(date +%s%N)
    # Into a file, not /dev/null: GNU grep notices /dev/null and stops at the first match.
    "$@" >"$work/run.out" || [[ $? -eq 1 ]] # grep: 1 = nothing matched, which is an answer too
    end=$(date +%s%N)
    took=$(( (end - start) / 1000000 ))
    if [[ -z "$best" || "$took" -lt "$best" ]]; then best=$took; fi
  done
  echo "$best"
}

declare -A match_ms grep_ms
printf 'corpus: %s bytes, %s notices; %s cores, load %s\n' "$(stat -c %s "$work/corpus.txt")" "$(wc -l < "$work/corpus.txt")" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-9s %-16s %-14s %-10s %-12s\n' companies patterns "alerts match ms" "grep -oF ms" alerts occurrences
for n in 100 10000; do
  match_ms[$n]=$(best_of_three "$alerts" match --file "$work/corpus.txt" --companies "$work/companies-$n.json" \
    --source cn-mofcom-announcements --data "$work/data")
  alerted=$(grep -c '^company-' "$work/run.out" || true)
  grep_ms[$n]=$(best_of_three env LC_ALL=C grep -oF -f "$work/patterns-$n.txt" "$work/corpus.txt")
  printf '%-10s %-9s %-16s %-14s %-10s %-12s\n' "$n" "$(wc -l < "$work/patterns-$n.txt")" "${match_ms[$n]}" "${grep_ms[$n]}" \
    "$alerted" "$(wc -l < "$work/run.out")"
done
awk -v m100="${match_ms[100]}" -v m10k="${match_ms[10000]}" -v g10k="${grep_ms[10000]}" 'BEGIN {
  printf "alerts match 10,000 / grep -oF 10,000: %.2f (acceptance: <= 2)\n", m10k / g10k
  printf "alerts match 10,000 / alerts match 100: %.2f (acceptance: <= 1.3)\n", m10k / m100
}'
