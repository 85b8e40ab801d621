#!/usr/bin/env python3
"""Writes the release manifest: the local one, with the app built from a tag.

    flatpak/release-manifest.py TAG COMMIT [-o OUT]

io.github.regards.Regards.json builds the folder it sits in (source `dir`);
a release builds the tagged commit from the forge instead (source `git`
with `tag` and `commit`, which flatpak-builder checks against each other).
Everything else is the local manifest's, so the two cannot drift apart.
The CI writes it on each tag (.github/workflows/flatpak.yml) and attaches
it to the release.
"""
import argparse
import json
import os
import re
import sys

GIT_URL = "https://github.com/regards/regards.git"
HERE = os.path.dirname(os.path.abspath(__file__))
LOCAL = os.path.join(HERE, "io.github.regards.Regards.json")


def release_manifest(local, tag, commit):
    if not re.fullmatch(r"v[0-9]+(\.[0-9]+)*", tag):
        raise ValueError(f"{tag}: a release tag reads v followed by the version, as v0.1.0")
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise ValueError(f"{commit}: the commit is 40 lowercase hexadecimal digits")
    manifest = json.loads(json.dumps(local))
    app = manifest["modules"][-1]
    if app.get("name") != "regards" or [s.get("type") for s in app["sources"]] != ["dir"]:
        raise ValueError("the local manifest's last module must be regards, built from its folder")
    app["sources"] = [{"type": "git", "url": GIT_URL, "tag": tag, "commit": commit}]
    return manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag")
    parser.add_argument("commit")
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    with open(LOCAL, encoding="utf-8") as f:
        local = json.load(f)
    try:
        manifest = release_manifest(local, args.tag, args.commit)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 1
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
