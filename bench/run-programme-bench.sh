#!/bin/bash
# run-programme-bench.sh — the programme's evaluation benchmark of bench/README.md
#
#   bench/run-programme-bench.sh [N]        (N sessions, 10000 by default)
#
# Environment: BUILD_DIR (default: build), BENCH_WORK_DIR (default: a new
# folder in /tmp, kept afterwards), ROUNDS (default: 5).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

N=${1:-10000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${MESON_BUILD_ROOT:-${BUILD_DIR:-$SRC/build}}
WORK=${BENCH_WORK_DIR:-$(mktemp -d /tmp/regards-bench-XXXXXX)}
ROUNDS=${ROUNDS:-5}

if [ -z "${MESON_BUILD_ROOT:-}" ]; then
  ninja -C "$BUILD" bench/regards-bench-generate bench/regards-bench-programme \
    src/cli/regards-cli >/dev/null
fi

mkdir -p "$WORK/xdg"
export XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
export XDG_STATE_HOME="$WORK/xdg/state" XDG_CONFIG_HOME="$WORK/xdg/config"
export LC_ALL=C.UTF-8

LIB=$WORK/sessions
DB=$WORK/index.sqlite

if [ ! -f "$WORK/generated-$N" ]; then
  rm -rf "$LIB"
  echo "Generating $N sessions in $LIB…"
  "$BUILD/bench/regards-bench-generate" "$LIB" "$N"
  touch "$WORK/generated-$N"
fi

echo "Indexing…"
"$BUILD/src/cli/regards-cli" index --library "$LIB" --database "$DB" >/dev/null

# The period: from the first session of the library to its last
FROM=$(sqlite3 "$DB" "SELECT min (date) FROM sessions WHERE error IS NULL")
TO=$(sqlite3 "$DB" "SELECT max (date) FROM sessions WHERE error IS NULL")
echo "The whole library as one period, $FROM to $TO, $ROUNDS rounds…"
"$BUILD/bench/regards-bench-programme" --library "$LIB" --database "$DB" --rounds "$ROUNDS" \
  --from "$FROM" --to "$TO" |
  tee "$WORK/programme.txt"

echo "Through regards-cli (scan of the unchanged folder, figures, PDF written)…"
t0=$(date +%s%N)
"$BUILD/src/cli/regards-cli" report programme --from "$FROM" --to "$TO" \
  --library "$LIB" --database "$DB" --format pdf -o "$WORK/programme.pdf" >/dev/null
t1=$(date +%s%N)
echo "regards-cli report programme --format pdf: $(( (t1 - t0) / 1000000 )) ms"
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
