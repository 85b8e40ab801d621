#!/bin/sh
# Runs the session loader's fuzzer: fuzz/run-fuzz.sh [BUILD_DIR [SECONDS]]
#
# Seeds are copied from the source tree into BUILD_DIR/fuzz/seeds at each
# run; what the fuzzer learns goes to BUILD_DIR/fuzz/corpus, and crashes
# to BUILD_DIR/fuzz/crash-*. Nothing generated is committed.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-fuzz}
seconds=${2:-600}

seeds="$build/fuzz/seeds"
corpus="$build/fuzz/corpus"
mkdir -p "$seeds" "$corpus"
for dir in data/examples data/templates tests/data/format tests/data/hostile; do
  cp "$root/$dir"/*.regards "$seeds/"
done

exec "$build/fuzz/fuzz-session" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -dict="$root/fuzz/session.dict" \
  -artifact_prefix="$build/fuzz/" \
  "$corpus" "$seeds"
