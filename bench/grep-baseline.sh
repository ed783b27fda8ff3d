#!/usr/bin/env bash
# The grep baseline of the matcher benchmark (docs/performance.md, "Matching"): exports the benchmark's normalised corpus
# and the matcher automaton's patterns for 1, 100 and 10,000 companies, then times GNU grep on them.
#   -c : count the lines (notices) with any pattern — grep's fastest mode, it stops at a line's first hit;
#   -o : print every occurrence — the closer equivalent of the matcher's scan, which reports every hit.
# LC_ALL=C makes grep compare bytes (exact for fixed UTF-8 strings) and is its fastest setting.
# Usage: ALERTS_BENCH_CORPUS_MB=50 bench/grep-baseline.sh [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
rm -f "$work"/corpus.txt "$work"/patterns-*.txt
mkdir -p "$work"

dotnet run -c Release --project bench/Alerts.Benchmarks -- export-matching "$work"

best_of_three() {
  local best=""
  for _ in 1 2 3; do
    local start end took
    start=$(date +%s%N)
    # Into a file, not /dev/null: GNU grep notices /dev/null and stops at the first match.
    "$@" >"$work/grep.out" || [[ $? -eq 1 ]] # 1 = no line matched, which is an answer too
    end=$(date +%s%N)
    took=$(( (end - start) / 1000000 ))
    if [[ -z "$best" || "$took" -lt "$best" ]]; then best=$took; fi
  done
  echo "$best"
}

printf 'corpus: %s bytes, %s notices\n' "$(stat -c %s "$work/corpus.txt")" "$(wc -l < "$work/corpus.txt")"
printf '%-10s %-9s %-14s %-14s %-12s\n' companies patterns "grep -F -c ms" "grep -F -o ms" occurrences
for n in 1 100 10000; do
  patterns="$work/patterns-$n.txt"
  count_ms=$(best_of_three env LC_ALL=C grep -F -c -f "$patterns" "$work/corpus.txt")
  every_ms=$(best_of_three env LC_ALL=C grep -F -o -f "$patterns" "$work/corpus.txt")
  occurrences=$( (LC_ALL=C grep -F -o -f "$patterns" "$work/corpus.txt" || true) | wc -l)
  printf '%-10s %-9s %-14s %-14s %-12s\n' "$n" "$(wc -l < "$patterns")" "$count_ms" "$every_ms" "$occurrences"
done
