#!/usr/bin/env bash
# run-paint-bench.sh — the library window's first paint, seen from outside
#
# Starts Regards itself (not a benchmark program) on a library of N
# generated sessions (10,000 by default), and a bare libadwaita window
# (`regards-bench-desk bare --stay`) just before it, each ROUNDS times
# (5 by default), on an Xvfb of its own, and watches the screen with
# `xwd -root` (bench/paint-poll.py) from the start of each process:
# when the bare window is first painted, and when Regards' window is
# painted with the first page of rows of its list. Prints each time, the
# ratio of each round and their median.
#
#   ninja -C build bench-paint     (or: run-paint-bench.sh APP BENCH GENERATE CLI SCHEMAS [N])
#
# Environment: LIBRARY=DIR reuses sessions generated before (and keeps
# them); ROUNDS; INTERVAL_MS (30); DISPLAY_NUMBER (the display of the
# Xvfb, 99 by default); SAVE=DIR keeps the pictures of each time found
# and what Regards wrote on stderr; BASELINE=PATH runs another build's
# `regards` (of the commit before a change, say) in each round too,
# after the bare window and before this one.
# Needs Xvfb and xwd (packages xvfb and x11-apps).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
app=$1 bench=$2 generate=$3 cli=$4 schemas=$5 n=${6:-10000}
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-5} interval=${INTERVAL_MS:-30} display=${DISPLAY_NUMBER:-99}

for tool in Xvfb xwd python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d /tmp/regards-paint-XXXXXX)
library=${LIBRARY:-$work/sessions}
xvfb_pid=
trap '[ -z "$xvfb_pid" ] || kill "$xvfb_pid"; rm -rf "$work"' EXIT

# Regards opens the default library folder, $XDG_DATA_HOME/regards/sessions:
# the settings stay in memory, as for a first start.
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
export XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export GSK_RENDERER=cairo LANGUAGE=en LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME/regards" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
[ -n "${LIBRARY:-}" ] || "$generate" "$library" "$n" >/dev/null
ln -s "$library" "$XDG_DATA_HOME/regards/sessions"
# The index is made once, as on a coordinator's computer after the first start
"$cli" index --library "$XDG_DATA_HOME/regards/sessions" >/dev/null

# Both windows open at 1280 × 800 in the top left corner (there is no
# window manager); the rows of Regards' lists are in the middle.
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xwd -root -silent >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "library: $(find -L "$XDG_DATA_HOME/regards/sessions" -name '*.regards' | wc -l) sessions"

# The time of one measure, in ms, from paint-poll.py's line
time_of () {
  sed -n "s/.*$1 \([0-9]*\) ms.*/\1/p"
}

ratios="" base_ratios=""
for round in $(seq "$rounds"); do
  save_bare=() save_app=()
  if [ -n "${SAVE:-}" ]; then
    save_bare=(--save "$SAVE/bare-$round") save_app=(--save "$SAVE/regards-$round" --log "$SAVE/regards-$round.log")
  fi
  bare=$(python3 "$here/paint-poll.py" --interval-ms "$interval" --duration-s 3 "${save_bare[@]}" \
           -- "$bench" bare --stay || true)
  if [ -n "${BASELINE:-}" ]; then
    baseline=$(python3 "$here/paint-poll.py" --interval-ms "$interval" --duration-s 6 \
                 --rows 200,60,880,700 -- "$BASELINE" || true)
  fi
  # The rows are what is measured; "settled" says when the picture
  # stops changing
  regards=$(python3 "$here/paint-poll.py" --interval-ms "$interval" --duration-s 6 \
              --rows 200,60,880,700 "${save_app[@]}" -- "$app" || true)
  echo "round $round: bare window: $bare"
  [ -z "${BASELINE:-}" ] || echo "round $round: baseline, $n sessions: $baseline"
  echo "round $round: Regards, $n sessions: $regards"
  bare_ms=$(echo "$bare" | time_of "first paint")
  rows_ms=$(echo "$regards" | time_of "rows")
  if [ -n "$bare_ms" ] && [ -n "$rows_ms" ]; then
    ratio=$(awk -v a="$rows_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", a / b }')
    ratios="$ratios $ratio"
    echo "round $round: Regards' rows ÷ bare window's first paint = $ratio"
  fi
  base_ms=$(echo "${baseline:-}" | time_of "rows")
  if [ -n "$bare_ms" ] && [ -n "$base_ms" ]; then
    ratio=$(awk -v a="$base_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", a / b }')
    base_ratios="$base_ratios $ratio"
    echo "round $round: baseline's rows ÷ bare window's first paint = $ratio"
  fi
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done

median () {
  tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
[ -z "$base_ratios" ] ||
  echo "baseline's ratios, sorted:$(echo $base_ratios | tr ' ' '\n' | sort -g | tr '\n' ' ') — median" \
       "$(echo $base_ratios | median)×"
echo "ratios, sorted:$(echo $ratios | tr ' ' '\n' | sort -g | tr '\n' ' ') — median" \
     "$(echo $ratios | tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')×" \
     "(target ≤ 1.3×)"
