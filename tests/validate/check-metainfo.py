#!/usr/bin/env python3
"""What the metainfo says, against where things really are.

    check-metainfo.py SOURCE-ROOT METAINFO VERSION

The homepage and links are the forge's; each screenshot is a file of
data/screenshots/ read from the tag of this version (vVERSION), where it
will be once the version is tagged; every release has a date and a
description, newest first, and the newest is this version; the content
rating is there; the launchable and the MIME type are the desktop file's
and the MIME XML's.
"""
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

FORGE = "https://github.com/regards/regards"
RAW = "https://raw.githubusercontent.com/regards/regards/"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"

errors = []


def error(message):
    errors.append(message)


def version_key(version):
    return [int(part) for part in version.split(".")]


def main():
    root, path, version = sys.argv[1:4]
    component = ET.parse(path).getroot()
    app_id = component.findtext("id")

    urls = {u.get("type"): u.text for u in component.findall("url")}
    if urls.get("homepage") != FORGE:
        error(f"the homepage is {urls.get('homepage')}, not {FORGE}")
    for kind, url in urls.items():
        if not url.startswith(FORGE):
            error(f"the {kind} URL {url} is not on the forge")

    shots = component.findall("screenshots/screenshot")
    if not shots or sum(s.get("type") == "default" for s in shots) != 1:
        error("the metainfo has screenshots, one of them the default")
    prefix = f"{RAW}v{version}/"
    for shot in shots:
        if shot.find("caption") is None:
            error("a screenshot has no caption")
        for image in shot.findall("image"):
            url = image.text.strip()
            if not url.startswith(prefix):
                error(f"{url} is not read from the tag v{version}")
                continue
            file = url[len(prefix):]
            if not re.fullmatch(r"data/screenshots/[a-z0-9-]+\.png", file) or \
               not os.path.isfile(os.path.join(root, file)):
                error(f"{url}: {file} is not in data/screenshots/")

    releases = component.findall("releases/release")
    if not releases:
        error("the metainfo lists no release")
    versions = [r.get("version") for r in releases]
    if versions != sorted(versions, key=version_key, reverse=True):
        error(f"the releases are not newest first: {versions}")
    if versions and versions[0] != version:
        error(f"the newest release is {versions[0]}, and meson.build's version {version}")
    for release in releases:
        name = release.get("version")
        try:
            datetime.date.fromisoformat(release.get("date", ""))
        except ValueError:
            error(f"the release {name} has no date (YYYY-MM-DD)")
        description = release.find("description")
        if description is None or not any(p.get(LANG) is None and (p.text or "").strip()
                                          for p in description.iter() if p.tag in ("p", "li")):
            error(f"the release {name} has no description")

    rating = component.find("content_rating")
    if rating is None or rating.get("type") != "oars-1.1":
        error("the metainfo has no OARS 1.1 content rating")

    launchable = component.findtext("launchable[@type='desktop-id']")
    if launchable != app_id + ".desktop":
        error(f"the launchable {launchable} is not {app_id}.desktop")
    with open(os.path.join(root, "data", "io.github.regards.Regards.mime.xml"), encoding="utf-8") as f:
        mime_types = set(re.findall(r'<mime-type type="([^"]+)"', f.read()))
    for mediatype in component.findall("provides/mediatype"):
        if mediatype.text not in mime_types:
            error(f"the metainfo provides {mediatype.text}, which the MIME XML does not define")

    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(errors)} problems in {os.path.basename(path)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
