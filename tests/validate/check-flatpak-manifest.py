#!/usr/bin/env python3
"""The Flatpak manifest parses and grants no more than a document app needs."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    manifest = json.load(f)

args = manifest.get("finish-args", [])
errors = []
for forbidden in ("--share=network",):
    if forbidden in args:
        errors.append(f"{forbidden} must not be granted")
for arg in args:
    if arg.startswith("--filesystem="):
        place = arg.split("=", 1)[1].split(":")[0]
        if place in ("home", "host", "host-os", "host-etc") or place.startswith("~"):
            errors.append(f"{arg}: files come through the portal file chooser")
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"):
    if needed not in args:
        errors.append(f"{needed} is missing")
if not manifest.get("id", manifest.get("app-id", "")).startswith("io.github.regards.Regards"):
    errors.append("wrong application id")
if manifest.get("modules", [])[-1].get("name") != "regards":
    errors.append("the last module must be regards itself")

for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
