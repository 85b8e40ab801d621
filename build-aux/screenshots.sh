#!/usr/bin/env bash
# Takes the screenshots of the README and the metainfo: the example
# session in French at 1920×1080, light and dark, and the library
# holding it, under Xvfb.
#
#   build-aux/screenshots.sh [BUILD_DIR]    (default: build)
#
# Needs xvfb and imagemagick; writes data/screenshots/*.png.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
cd "$here"

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

prefix="$work/prefix"
meson setup "$work/build" --prefix="$prefix" -Dtests=false >/dev/null
meson install -C "$work/build" --quiet >/dev/null

display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1

mkdir -p "$work/config/glib-2.0/settings" data/screenshots
printf '[io/github/regards/Regards]\nwindow-width=1920\nwindow-height=1080\n' \
  > "$work/config/glib-2.0/settings/keyfile"

shoot() {
  local name=$1 scheme=$2; shift 2
  DISPLAY=$display LANG=fr_FR.UTF-8 LANGUAGE=fr \
  XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
  XDG_DATA_DIRS="$prefix/share:/usr/share" \
  GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas" \
  ADW_DEBUG_COLOR_SCHEME=$scheme GTK_A11Y=none NO_AT_BRIDGE=1 \
    "$prefix/bin/regards" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 4
  import -display "$display" -window root -crop 1920x1080+0+0 "data/screenshots/$name.png"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "data/screenshots/$name.png"
}

cp data/examples/exemple-eleve-a.regards "$work/exemple.regards"
shoot diagnosis prefer-light "$work/exemple.regards"
cp data/examples/exemple-eleve-a.regards "$work/exemple.regards"
shoot diagnosis-dark prefer-dark "$work/exemple.regards"
# The library window lists what its folder holds: the example session,
# copied where a first start would put it (the default library folder).
mkdir -p "$work/data/regards/sessions"
cp data/examples/exemple-eleve-a.regards "$work/data/regards/sessions/Exemple.regards"
shoot library prefer-light
