#!/bin/sh
# The example session and every template are valid sessions of the
# current format version: they are the first files a coordinator opens,
# and one of an older version would open only through a migration, or
# not at all once that migration is gone.
#
#   check-session-files.sh SOURCE_ROOT jing|xmllint
#
# jing, an implementation of RELAX NG independent of libxml2, shows that
# the schema says what it means, not what libxml2 happens to accept.
# Exits 77 (skipped) when the validator is not installed.
set -u
root=$1
validator=$2
schema="$root/data/schema/regards.rng"

version=$(sed -n 's/^#define RG_FORMAT_VERSION \([0-9][0-9]*\).*/\1/p' "$root/src/core/format/rg-session-xml.h")
if [ -z "$version" ]; then
  echo "RG_FORMAT_VERSION not found in src/core/format/rg-session-xml.h"
  exit 1
fi

if ! command -v "$validator" >/dev/null 2>&1; then
  echo "$validator is not installed: session files not checked with it"
  exit 77
fi

status=0
for f in "$root"/data/examples/*.regards "$root"/data/templates/*.regards; do
  if ! grep -q "^<session [^>]*format-version=\"$version\"" "$f"; then
    echo "$f: not written in format version $version"
    status=1
  fi
  case $validator in
    jing)
      # Debian's wrapper warns about optional jars it does not need
      if ! out=$(jing "$schema" "$f" 2>&1); then
        printf '%s\n' "$out" | grep -v 'Unable to locate'
        status=1
      fi
      ;;
    xmllint)
      xmllint --noout --nonet --relaxng "$schema" "$f" || status=1
      ;;
    *)
      echo "unknown validator $validator"
      exit 2
      ;;
  esac
done
exit $status
