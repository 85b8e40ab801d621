#!/bin/sh
# po/POTFILES.in lists every source file with a translatable string.
set -eu
cd "$1"
status=0
for f in $( (grep -rl --include='*.c' --include='*.h' -E '\b(N|C|NC)?_\(' src; \
             grep -rl --include='*.ui' 'translatable="yes"' src data; \
             ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in) | sort -u); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist" >&2; status=1; }
done
exit $status
