#!/usr/bin/env bash
# Opens the example session and a 9,600-card session in the real
# application under Xvfb, and prints how long each takes and weighs.
#
#   ninja -C build bench-diagnosis
set -euo pipefail
bench=$1 schemas=$2
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
export XDG_DATA_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
# Xvfb has no GPU: GTK's GL renderer runs on Mesa's software rasterizer
# there, which measures Mesa more than Regards. The cairo renderer is
# the fair figure here; the GL one is printed too, for the record.
for renderer in cairo gl; do
  for scenario in example example example large large; do
    printf '%s renderer, ' "$renderer"
    GSK_RENDERER=$renderer xvfb-run -a -s '-screen 0 1920x1080x24' "$bench" "$scenario" 2>/dev/null
  done
done
