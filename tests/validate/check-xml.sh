#!/bin/sh
# Every GtkBuilder file, schema and session file in the tree is well-formed XML.
set -eu
cd "$1"
status=0
for f in $(find src data -name '*.ui' -o -name '*.rng' -o -name '*.regards' -o -name '*.gresource.xml' | sort); do
  xmllint --noout --nonet "$f" || status=1
done
exit $status
