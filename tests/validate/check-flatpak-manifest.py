#!/usr/bin/env python3
"""The Flatpak manifests: the local one and the release one made from it.

    check-flatpak-manifest.py SOURCE-ROOT VERSION

Both parse, name the app and its GNOME runtime, grant no more than the app
needs, and pin every module's source (an archive or a file by its sha256,
a git source by its commit). The release manifest differs from the local
one only in where the app's source comes from. Every library meson.build
asks for is either in the GNOME runtime or a module of the manifest, and
the README names those modules.
"""
import copy
import importlib.util
import json
import os
import re
import sys

APP_ID = "io.github.regards.Regards"
GIT_URL = "https://github.com/regards/regards.git"

# What the sandbox may do, and why. Anything else needs a reason here.
FINISH_ARGS = {
    "--share=ipc": "X11's shared memory, which GTK uses under X11",
    "--socket=wayland": "the window",
    "--socket=fallback-x11": "the window where there is no Wayland",
    "--device=dri": "GTK's OpenGL renderer",
}
# Not granted, on purpose: --share=network (sessions hold children's
# personal data, and Regards never goes online); any --filesystem. Sessions
# are opened and saved, and the library folder chosen, through the file
# chooser portal, which gives the app each file or folder the person
# picks, for good. The default library folder is in the app's own data
# folder (rg_paths_get_default_library_dir (): g_get_user_data_dir (),
# inside the sandbox ~/.var/app/io.github.regards.Regards/data), and the
# index in its cache folder, which the sandbox always has. Deleting goes
# through GLib's trash portal.

# The pkg-config names meson.build asks for, and where the Flatpak gets them.
RUNTIME = {
    "glib-2.0", "gobject-2.0", "gio-2.0",   # GLib
    "gtk4", "libadwaita-1", "json-glib-1.0",  # GNOME
    "libxml-2.0", "sqlite3",               # freedesktop
}
MODULES = {"libgsf-1": "libgsf"}

errors = []


def error(message):
    errors.append(message)


def walk_modules(modules):
    for module in modules:
        if isinstance(module, str):
            error(f"module {module}: a module in another file is not checked; write it inline")
            continue
        yield module
        yield from walk_modules(module.get("modules", []))


def check_pinned(manifest, label, allow_dir):
    for module in walk_modules(manifest.get("modules", [])):
        name = module.get("name", "?")
        for source in module.get("sources", []):
            if isinstance(source, str):
                error(f"{label}: {name}: a source in another file is not checked; write it inline")
                continue
            kind = source.get("type")
            if kind in ("archive", "file", "extra-data") and "url" in source:
                if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                    error(f"{label}: {name}: the {kind} {source['url']} has no sha256 of 64 hexadecimal digits")
            elif kind == "git":
                if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                    error(f"{label}: {name}: the git source {source.get('url')} is not pinned by its commit")
                if "branch" in source:
                    error(f"{label}: {name}: a git source follows a tag and a commit, not a branch")
            elif kind == "dir":
                if not allow_dir or name != "regards":
                    error(f"{label}: {name}: a dir source is only for the local build of regards")
            elif kind in ("patch", "script", "shell", "inline", "file"):
                pass  # in the repository, or written in the manifest
            else:
                error(f"{label}: {name}: a {kind} source cannot be pinned")


def check_manifest(manifest, label):
    for key in ("id", "runtime", "runtime-version", "sdk", "command", "finish-args", "modules"):
        if key not in manifest:
            error(f"{label}: {key} is missing")
    if manifest.get("id") != APP_ID:
        error(f"{label}: the id is {manifest.get('id')}, not {APP_ID}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        error(f"{label}: the runtime and SDK are GNOME's")
    if not re.fullmatch(r"[0-9]+", str(manifest.get("runtime-version", ""))):
        error(f"{label}: the runtime-version is a GNOME version, as 50")
    if manifest.get("command") != "regards":
        error(f"{label}: the command is regards")

    args = manifest.get("finish-args", [])
    for arg in args:
        if arg not in FINISH_ARGS:
            error(f"{label}: {arg} is not something Regards needs (see FINISH_ARGS)")
    for arg in FINISH_ARGS:
        if arg not in args:
            error(f"{label}: {arg} is missing")

    modules = manifest.get("modules", [])
    app = modules[-1] if modules else {}
    if app.get("name") != "regards" or app.get("buildsystem") != "meson":
        error(f"{label}: the last module is regards, built with meson")
    if "-Dtests=true" not in app.get("config-opts", []):
        error(f"{label}: regards is built with its tests, which the CI runs inside the build")
    tests = " ".join(app.get("test-commands", []))
    if "meson test" not in tests:
        error(f"{label}: regards' test-commands run meson test")
    check_pinned(manifest, label, allow_dir=(label == "local"))


def meson_dependencies(root):
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"\bdependency\(\s*'([^']+)'", text))


def readme_dependencies(root):
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"^## Dependencies\n(.*?)^## ", text, re.S | re.M)
    return match.group(1) if match else ""


def main():
    root, version = sys.argv[1], sys.argv[2]
    path = os.path.join(root, "flatpak", APP_ID + ".json")
    with open(path, encoding="utf-8") as f:
        local = json.load(f)
    check_manifest(local, "local")

    app = local["modules"][-1]
    dirs = [s for s in app.get("sources", []) if s.get("type") == "dir"]
    if len(dirs) != 1 or not os.path.isfile(
            os.path.join(os.path.dirname(path), dirs[0].get("path", ""), "meson.build")):
        error("local: regards is built from the folder holding meson.build")

    # The release manifest, as the CI writes it on the tag of this version.
    spec = importlib.util.spec_from_file_location(
        "release_manifest", os.path.join(root, "flatpak", "release-manifest.py"))
    release_manifest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(release_manifest)
    commit = "0123456789abcdef0123456789abcdef01234567"
    release = release_manifest.release_manifest(local, "v" + version, commit)
    check_manifest(release, "release")
    source = release["modules"][-1]["sources"]
    if source != [{"type": "git", "url": GIT_URL, "tag": "v" + version, "commit": commit}]:
        error(f"release: regards is built from {GIT_URL}, its tag and commit: {source}")
    same = copy.deepcopy(release)
    same["modules"][-1]["sources"] = app["sources"]
    if same != local:
        error("release: it differs from the local manifest elsewhere than the app's source")
    for bad in (("0.1.0", commit), ("v" + version, "main")):
        try:
            release_manifest.release_manifest(local, *bad)
            error(f"release: {bad} was taken for a tag and a commit")
        except ValueError:
            pass

    # Dependencies: the runtime's, or a module's, which the README names.
    names = {m.get("name") for m in walk_modules(local["modules"])} - {"regards"}
    for dep in sorted(meson_dependencies(root)):
        if dep not in RUNTIME and MODULES.get(dep) not in names:
            error(f"meson.build asks for {dep}, neither in the GNOME runtime nor a module")
    readme = readme_dependencies(root)
    for name in sorted(names):
        if name not in MODULES.values():
            error(f"the module {name} builds nothing meson.build asks for")
        if not re.search(r"\b" + re.escape(name) + r"\b", readme):
            error(f"README.md's Dependencies do not name {name}, a module of the Flatpak")
    if "GNOME runtime" not in readme:
        error("README.md's Dependencies do not say what the GNOME runtime provides")

    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(errors)} problems in the Flatpak manifests")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
