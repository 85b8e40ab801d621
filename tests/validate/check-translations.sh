#!/bin/sh
# Fails on any user-visible string that po/fr.po leaves untranslated or
# fuzzy, including strings added to the sources since fr.po was merged.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check --statistics -o /dev/null "$src/po/fr.po" 2> "$tmp/stats-file"
cat "$tmp/stats-file"

grep -v '^#' "$src/po/POTFILES.in" | grep -v '^$' > "$tmp/potfiles"
xgettext --directory="$src" --files-from="$tmp/potfiles" --output="$tmp/regards.pot" \
  --from-code=UTF-8 --add-comments --package-name=regards \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_printerr:1:c-format --flag=g_print:1:c-format 2> "$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching "$src/po/fr.po" "$tmp/regards.pot" -o "$tmp/fr.po"
msgfmt --check --statistics -o /dev/null "$tmp/fr.po" 2> "$tmp/stats-sources"
echo "against the sources: $(cat "$tmp/stats-sources")"

if grep -Eq 'untranslated|fuzzy' "$tmp/stats-file" "$tmp/stats-sources"; then
  echo "Untranslated or fuzzy messages in po/fr.po; missing ones:" >&2
  msgattrib --untranslated --no-obsolete "$tmp/fr.po" | grep '^msgid' | tail -n +2 >&2 || true
  msgattrib --only-fuzzy --no-obsolete "$src/po/fr.po" | grep '^msgid' | tail -n +2 >&2 || true
  exit 1
fi
