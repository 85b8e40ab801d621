#!/bin/sh
# flatpak/publish.sh for real, on what meson installs: the installed files
# become a Flatpak build (flatpak build-finish with the manifest's
# finish-args), exported and signed with a key made here; publish.sh makes
# the bundle and the static repository. Then, as someone installing it:
# the .flatpakrepo adds the repository and lists the app, the bundle
# installs, and `flatpak update` brings the next published build from the
# repository the bundle names; a repository signed with another key is
# refused; an unsigned bundle installs too. No runtime is needed
# (--no-deps). Skipped (77) without flatpak or gpg.
#
#   check-flatpak-publish.sh BUILD-DIR PREFIX APP-ID SOURCE-ROOT
set -eu
build=$1 prefix=$2 app_id=$3 src=$4

for program in flatpak gpg python3; do
  if ! command -v $program > /dev/null; then
    echo "SKIP: $program is missing (apt-get install flatpak gnupg)"
    exit 77
  fi
done

# flatpak is a GLib program: the suite's fatal warnings are not for it.
unset G_DEBUG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
       XDG_CACHE_HOME="$tmp/home/cache" GNUPGHOME="$tmp/gnupg" \
       XDG_DATA_DIRS="$tmp/home/data/flatpak/exports/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
mkdir -p "$HOME" "$GNUPGHOME"
chmod 700 "$GNUPGHOME"

gpg --batch --quiet --passphrase '' --quick-gen-key "Regards test repository" ed25519 sign never 2> /dev/null
fingerprint=$(gpg --batch --with-colons --list-keys 2> /dev/null | awk -F: '/^fpr/ { print $10; exit }')
gpg --batch --export "$fingerprint" > "$tmp/public.gpg" 2> /dev/null
export REGARDS_REPO_PUBLIC_KEY="$tmp/public.gpg" REGARDS_REPO_URL="file://$tmp/site/"

# The installed files, as flatpak-builder leaves them in /app.
meson install -C "$build" --destdir "$tmp/install" --no-rebuild --quiet
mkdir -p "$tmp/app"
cp -a "$tmp/install$prefix" "$tmp/app/files"
arch=$(flatpak --default-arch)
python3 - "$src/flatpak/$app_id.json" "$arch" > "$tmp/app/metadata" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
arch, v = sys.argv[2], m["runtime-version"]
print(f"[Application]\nname={m['id']}\nruntime={m['runtime']}/{arch}/{v}\nsdk={m['sdk']}/{arch}/{v}")
EOF
finish_args=$(python3 -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))["finish-args"]))' \
              "$src/flatpak/$app_id.json")
# shellcheck disable=SC2086
flatpak build-finish --command=regards $finish_args "$tmp/app" > /dev/null

status=0
fail() {
  echo "$*" >&2
  status=1
}
for f in share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg share/mime/packages/$app_id.xml; do
  [ -e "$tmp/app/export/$f" ] || fail "flatpak build-finish did not export $f"
done

publish() {
  flatpak build-export --gpg-sign="$fingerprint" "$tmp/repo" "$tmp/app" stable > /dev/null
  rm -rf "$tmp/site"
  "$src/flatpak/publish.sh" "$tmp/repo" "$1" "$tmp/site" "$fingerprint" > "$tmp/publish.log" 2>&1 ||
    { cat "$tmp/publish.log" >&2; exit 1; }
}
commit() {
  flatpak --user info --show-commit "$app_id"
}

publish "$tmp/first.flatpak"
for f in Regards.flatpakrepo "$app_id.flatpakref" summary summary.sig; do
  [ -e "$tmp/site/$f" ] || fail "the site has no $f"
done
[ -d "$tmp/site/deltas" ] || fail "the site has no static deltas"
key=$(base64 -w 0 "$tmp/public.gpg")
grep -qx "GPGKey=$key" "$tmp/site/Regards.flatpakrepo" || fail "Regards.flatpakrepo does not carry the public key"
grep -qx "GPGKey=$key" "$tmp/site/$app_id.flatpakref" || fail "the .flatpakref does not carry the public key"
grep -qx "Name=$app_id" "$tmp/site/$app_id.flatpakref" || fail "the .flatpakref does not name the app"
grep -qx "Url=file://$tmp/site/" "$tmp/site/Regards.flatpakrepo" || fail "Regards.flatpakrepo does not point at the repository"

# Another key than the repository's is refused before anything is signed.
if "$src/flatpak/publish.sh" "$tmp/repo" "$tmp/other.flatpak" "$tmp/other-site" \
     0000000000000000000000000000000000000000 > /dev/null 2>&1; then
  fail "publish.sh signed with a key that is not the repository's"
fi

# The repository, added from its .flatpakrepo, lists the app (signature checked).
flatpak --user remote-add --from regards "$tmp/site/Regards.flatpakrepo"
flatpak --user remote-ls --app regards | grep -q "$app_id" || fail "the repository does not list $app_id"

# The bundle installs, and names the repository it updates from.
flatpak --user install --noninteractive --no-deps "$tmp/first.flatpak" > /dev/null
first=$(commit)
origin=$(flatpak --user info --show-origin "$app_id")
flatpak --user remote-list --columns=name,url | grep -q "^$origin[[:space:]]*file://$tmp/site/" ||
  fail "installing the bundle did not add its repository as the app's origin"

# The next build, published: `flatpak update` brings it.
echo "next" > "$tmp/app/files/share/regards/next-build"
publish "$tmp/second.flatpak"
next=$(flatpak --user remote-info regards "$app_id" | sed -n 's/^ *Commit: //p')
flatpak --user update --noninteractive --no-deps > /dev/null
[ "$(commit)" != "$first" ] && [ "$(commit)" = "$next" ] ||
  fail "flatpak update did not bring the published build ($(commit), not $next)"

# A repository whose signature is not its key's is refused.
GNUPGHOME="$tmp/other-gnupg"
mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key "Someone else" ed25519 sign never 2> /dev/null
gpg --batch --export "Someone else" > "$tmp/other.gpg"
if flatpak --user remote-add --gpg-import="$tmp/other.gpg" impostor "file://$tmp/site/" 2> /dev/null &&
   flatpak --user remote-ls impostor > /dev/null 2>&1; then
  fail "a repository signed with another key was accepted"
fi

# A pull request's bundle, unsigned, names no repository and installs.
flatpak build-export "$tmp/unsigned" "$tmp/app" stable > /dev/null 2>&1
"$src/flatpak/publish.sh" "$tmp/unsigned" "$tmp/try.flatpak" > "$tmp/publish.log" 2>&1 ||
  { cat "$tmp/publish.log" >&2; fail "publish.sh made no unsigned bundle"; }
XDG_DATA_HOME="$tmp/home/try" flatpak --user install --noninteractive --no-deps "$tmp/try.flatpak" > /dev/null ||
  fail "the unsigned bundle does not install"

[ $status -eq 0 ] && echo "published, installed from the bundle and updated from the repository"
exit $status
