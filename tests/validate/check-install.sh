#!/bin/sh
# meson install --destdir places every file where a Flatpak (prefix /app,
# as the test build of build-aux/regards-dev test has it) or a distribution
# expects it, and the installed programs run from there.
#
#   check-install.sh BUILD-DIR PREFIX APP-ID SOURCE-ROOT
set -eu
build=$1 prefix=$2 app_id=$3 src=$4
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

[ "$prefix" = /app ] || echo "note: the prefix is $prefix; a Flatpak builds with /app (the layout below is the same)"

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
root="$dest$prefix"
status=0
fail() {
  echo "$*" >&2
  status=1
}

for f in \
  bin/regards \
  bin/regards-cli \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/mime/packages/$app_id.xml \
  share/regards/schema/regards.rng \
  share/regards/templates \
  share/regards/examples/exemple-eleve-a.regards
do
  [ -e "$root/$f" ] || fail "missing: $prefix/$f"
done
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  [ -e "$root/share/locale/$lang/LC_MESSAGES/regards.mo" ] ||
    fail "missing: $prefix/share/locale/$lang/LC_MESSAGES/regards.mo"
done

# Flatpak exports from these folders only the files named after the app id
# (flatpak build-finish); anything else would be silently left behind.
for dir in share/applications share/metainfo share/mime/packages share/dbus-1/services \
           share/gnome-shell/search-providers share/icons/hicolor/*/apps; do
  [ -d "$root/$dir" ] || continue
  for f in "$root/$dir"/*; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in
      "$app_id".*|"$app_id"-*) ;;
      *) fail "$prefix/$dir/$(basename "$f") is not named after $app_id: Flatpak would not export it" ;;
    esac
  done
done

desktop="$root/share/applications/$app_id.desktop"
if [ -e "$desktop" ]; then
  if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate refuses $prefix/share/applications/$app_id.desktop"
  else
    echo "note: desktop-file-validate is missing (desktop-file-utils); the desktop file is not validated"
  fi
  exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
  [ -x "$root/bin/${exec_line%% *}" ] || fail "the desktop file runs ${exec_line%% *}, which is not in $prefix/bin"
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  [ "$icon" = "$app_id" ] || fail "the desktop file's icon is $icon, not $app_id"
  for type in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
    grep -q "<mime-type type=\"$type\"" "$root/share/mime/packages/$app_id.xml" ||
      fail "the desktop file opens $type, which the installed MIME XML does not define"
  done
fi

glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas" ||
  fail "the installed GSettings schema does not compile"

version=$("$root/bin/regards" --version)
echo "installed regards --version: $version"
case "$version" in "regards "*) ;; *) fail "unexpected version output" ;; esac
"$root/bin/regards-cli" --version || fail "the installed regards-cli does not run"
exit $status
