#!/usr/bin/env bash
# Starts Regards on a library of N generated sessions (10,000 by
# default: about 3,300 situations) under Xvfb, five times, and prints
# how long the Situations page takes to be painted, against a bare
# libadwaita window in the same run.
#
#   ninja -C build bench-desk            (or: run-desk-bench.sh BENCH GENERATE CLI SCHEMAS [N])
set -euo pipefail
bench=$1 generate=$2 cli=$3 schemas=$4 n=${5:-10000}
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
export XDG_DATA_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d)
# LIBRARY=DIR reuses sessions generated before (and keeps them)
library=${LIBRARY:-$(mktemp -d)}
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"; [ -n "${LIBRARY:-}" ] || rm -rf "$library"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
[ -n "${LIBRARY:-}" ] || "$generate" "$library" "$n"
# The index is made once, as on a coordinator's computer after the first start
"$cli" index --library "$library" >/dev/null
# Each run in its own process and display, the bare window just before
# Regards, so that both find the same machine
for run in 1 2 3 4 5; do
  GSK_RENDERER=cairo xvfb-run -a -s '-screen 0 1920x1080x24' "$bench" bare 2>/dev/null
  GSK_RENDERER=cairo xvfb-run -a -s '-screen 0 1920x1080x24' "$bench" "$library" 2>/dev/null
done
