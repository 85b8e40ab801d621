#!/bin/sh
# meson install --destdir places every file where a Flatpak (or a
# distribution) expects it, and the installed program runs from there.
set -eu
build=$1 prefix=$2 app_id=$3
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet
root="$dest$prefix"
status=0
for f in \
  bin/regards \
  bin/regards-cli \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/mime/packages/$app_id.xml \
  share/locale/fr/LC_MESSAGES/regards.mo \
  share/regards/schema/regards.rng
do
  if [ ! -e "$root/$f" ]; then
    echo "missing: $prefix/$f" >&2
    status=1
  fi
done

version=$("$root/bin/regards" --version)
echo "installed regards --version: $version"
case "$version" in "regards "*) ;; *) echo "unexpected version output" >&2; status=1 ;; esac
"$root/bin/regards-cli" --version
exit $status
