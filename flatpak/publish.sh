#!/bin/sh
# Turns the OSTree repository that flatpak-builder exported the app into
# (flatpak-builder --repo=REPO, its own `flatpak build-export`) into what
# people install from:
#
#   - BUNDLE, the single-file bundle attached to each release; when signed,
#     it carries the repository's URL and public key, so that an app
#     installed from it updates from the repository with `flatpak update`;
#   - SITE, the static repository served by the forge's Pages, with
#     Regards.flatpakrepo and io.github.regards.Regards.flatpakref, when
#     the repository is signed (a key is given).
#
#   flatpak/publish.sh REPO BUNDLE [SITE KEY-ID]
#
# KEY-ID is the fingerprint of flatpak/regards-repo.gpg, whose private part
# is in the signing GnuPG keyring (in CI, imported from the repository
# secret FLATPAK_GPG_PRIVATE_KEY; see flatpak/README.md). Without SITE and
# KEY-ID only the bundle is made: pull requests have no secret.
# REGARDS_REPO_URL and REGARDS_REPO_PUBLIC_KEY override the repository's URL
# and public key (the tests use file:// and a key of their own).
set -eu

app_id=io.github.regards.Regards
branch=stable
here=$(cd "$(dirname "$0")" && pwd)
public_key=${REGARDS_REPO_PUBLIC_KEY:-$here/regards-repo.gpg}
repo_url=${REGARDS_REPO_URL:-https://regards.github.io/regards/}
homepage=https://github.com/regards/regards
runtime_repo=https://dl.flathub.org/repo/flathub.flatpakrepo

[ $# -eq 2 ] || [ $# -eq 4 ] || {
  echo "usage: $0 REPO BUNDLE [SITE KEY-ID]" >&2
  exit 2
}
repo=$1 bundle=$2 site=${3:-} key=${4:-}

# The key that signs must be the one whose public part people import.
if [ -n "$key" ]; then
  committed=$(gpg --batch --with-colons --import-options show-only --import "$public_key" 2>/dev/null |
              awk -F: '/^fpr/ { print $10; exit }')
  if [ "$key" != "$committed" ]; then
    echo "the signing key $key is not the one in $public_key ($committed)" >&2
    exit 1
  fi
fi

# The summary (signed), the appstream branch and the static deltas that let
# `flatpak update` download only what changed.
set --
[ -z "$key" ] || set -- --gpg-sign="$key"
flatpak build-update-repo "$@" \
  --title="Regards" \
  --comment="Shared diagnosis sessions for multidisciplinary teams" \
  --homepage="$homepage" \
  --default-branch="$branch" \
  --generate-static-deltas \
  --prune \
  "$repo"

# Only a signed bundle names the repository: Flatpak refuses to install an
# unsigned one that carries a key, and one without a key would update
# unchecked. An unsigned bundle (a pull request's) is one to try, which
# never updates.
if [ -n "$key" ]; then
  set -- --repo-url="$repo_url" --gpg-keys="$public_key"
fi
flatpak build-bundle "$@" \
  --runtime-repo="$runtime_repo" \
  "$repo" "$bundle" "$app_id" "$branch"
echo "bundle: $bundle"

if [ -z "$key" ]; then
  echo "no signing key: the repository is not published"
  exit 0
fi

mkdir -p "$site"
cp -a "$repo/." "$site/"
rm -rf "$site/tmp"
gpg_key=$(base64 -w 0 "$public_key")

cat > "$site/Regards.flatpakrepo" <<EOF
[Flatpak Repo]
Title=Regards
Url=$repo_url
Homepage=$homepage
Comment=Shared diagnosis sessions for multidisciplinary teams
DefaultBranch=$branch
GPGKey=$gpg_key
EOF

cat > "$site/$app_id.flatpakref" <<EOF
[Flatpak Ref]
Title=Regards
Name=$app_id
Branch=$branch
Url=$repo_url
SuggestRemoteName=regards
Homepage=$homepage
IsRuntime=false
RuntimeRepo=$runtime_repo
GPGKey=$gpg_key
EOF
echo "site: $site"
