#!/usr/bin/env bash
# Performance measurements side by side with their bars (see the performance
# issue and README). Builds in release, generates size S and size L portfolios
# in a temporary folder, times each measurement (median of several runs) and
# prints one table: measurement, figure, bar, ratio, pass/fail.
#
# Needs: cargo, sqlite3 (apt-get install sqlite3). Size L takes a minute or
# two to generate; BENCH_QUICK=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
TODAY=2026-11-23
cargo build --release --quiet
BIN="$PWD/target/release/folio"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
command -v sqlite3 >/dev/null || { echo "bench.sh needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

# Median wall time in milliseconds of running "$@" $RUNS times.
RUNS=${RUNS:-5}
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

ROWS=()
row() { ROWS+=("$(printf '%-52s %12s %12s %8s %s' "$1" "$2" "$3" "$4" "$5")"); }
verdict() { awk -v f="$1" -v b="$2" 'BEGIN { r = f / b; printf "%.2f %s", r, (r <= 1 ? "pass" : "FAIL") }'; }

echo "generating S..." >&2
S="$TMP/s.db"
"$BIN" --today $TODAY gen --db "$S" --clients 50 --touchpoints 5000 --months 24 > /dev/null

for size in S L; do
  if [ "$size" = L ]; then
    [ "${BENCH_QUICK:-0}" = 1 ] && break
    echo "generating L (10k clients, 1M touchpoints, 120 months)..." >&2
    L="$TMP/l.db"
    t0=$(date +%s%N)
    "$BIN" --today $TODAY gen --db "$L" --clients 10000 --touchpoints 1000000 --months 120 > /dev/null
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    read -r ratio ok <<< "$(verdict "$ms" 10000)"
    row "gen size L" "${ms} ms" "10000 ms" "$ratio" "$ok"
    DB="$L"
  else
    DB="$S"
  fi
  for cmd in "plan show --month 2026-11 --json:plan_show" "report --month 2026-11 --format json:report"; do
    args=${cmd%%:*}; sql=${cmd##*:}
    # shellcheck disable=SC2086
    f=$(median_ms "$BIN" --db "$DB" --today $TODAY $args)
    q=$(median_ms sqlite3 "$DB" ".read benches/sql/$sql.sql")
    read -r ratio ok <<< "$(verdict "$f" 50)"
    row "folio $args ($size)" "${f} ms" "50 ms" "$ratio" "$ok"
    qb=$(( q > 0 ? q * 3 / 2 : 1 ))
    read -r ratio ok <<< "$(verdict "$f" "$qb")"
    row "  vs sqlite3 shell, same aggregates (${q} ms)" "${f} ms" "${qb} ms" "$ratio" "$ok"
  done
done

if [ "${BENCH_QUICK:-0}" != 1 ]; then
  echo "import: exporting 1M touchpoints from L..." >&2
  "$BIN" --db "$L" export clients --out "$TMP/clients.csv" > /dev/null
  "$BIN" --db "$L" export touchpoints --out "$TMP/touch.csv" > /dev/null
  I="$TMP/import.db"
  "$BIN" --db "$I" --today $TODAY import clients "$TMP/clients.csv" > /dev/null
  t0=$(date +%s%N)
  "$BIN" --db "$I" --today $TODAY import touchpoints "$TMP/touch.csv" > /dev/null
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  rate=$(( 1000000 * 1000 / (ms > 0 ? ms : 1) ))
  read -r ratio ok <<< "$(awk -v r="$rate" 'BEGIN { x = 300000 / r; printf "%.2f %s", x, (x <= 1 ? "pass" : "FAIL") }')"
  row "import 1M touchpoints (one transaction)" "${rate} rows/s" "300000 rows/s" "$ratio" "$ok"

  echo "months scaling: L with 12 months..." >&2
  L12="$TMP/l12.db"
  "$BIN" --today $TODAY gen --db "$L12" --clients 10000 --touchpoints 1000000 --months 12 > /dev/null
  a=$(median_ms "$BIN" --db "$L" --today $TODAY report --format json)
  b=$(median_ms "$BIN" --db "$L12" --today $TODAY report --format json)
  bb=$(( b * 13 / 10 ))
  read -r ratio ok <<< "$(verdict "$a" "$bb")"
  row "report, 120 vs 12 months of history (${b} ms)" "${a} ms" "${bb} ms" "$ratio" "$ok"
fi

row "frames, key latency, start, memory" "-" "-" "-" "see cargo bench; not yet scripted"

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
printf '%-52s %12s %12s %8s %s\n' "measurement" "figure" "bar" "ratio" "result"
printf '%s\n' "${ROWS[@]}"
