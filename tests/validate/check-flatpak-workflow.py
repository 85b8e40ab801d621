#!/usr/bin/env python3
"""The Flatpak workflow of the forge (.github/workflows/flatpak.yml).

    check-flatpak-workflow.py SOURCE-ROOT

It cannot run here (it needs the GNOME SDK and the forge), so this checks
what can be: its YAML parses, its container is the GNOME SDK of the
manifest's runtime-version, it runs the tests inside the build, signs with
the documented secret, bundles, publishes the repository on tags and
attaches the bundle to the release, and every script and step it refers
to exists. Skipped (77) without python3-yaml.
"""
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("SKIP: python3-yaml is not installed")
    sys.exit(77)

APP_ID = "io.github.regards.Regards"
SECRET = "FLATPAK_GPG_PRIVATE_KEY"

errors = []


def error(message):
    errors.append(message)


def main():
    root = sys.argv[1]
    with open(os.path.join(root, ".github", "workflows", "flatpak.yml"), encoding="utf-8") as f:
        text = f.read()
    workflow = yaml.safe_load(text)
    with open(os.path.join(root, "flatpak", APP_ID + ".json"), encoding="utf-8") as f:
        manifest = json.load(f)

    # YAML 1.1 reads the key `on` as true.
    triggers = workflow.get("on", workflow.get(True)) or {}
    if "v*" not in triggers.get("push", {}).get("tags", []):
        error("the workflow does not run on release tags (v*)")
    for event in ("pull_request",):
        if event not in triggers:
            error(f"the workflow does not run on {event}")
    if workflow.get("env", {}).get("APP_ID") != manifest["id"]:
        error("the workflow's APP_ID is not the manifest's id")

    jobs = workflow.get("jobs", {})
    build = jobs.get("flatpak", {})
    image = build.get("container", {}).get("image", "")
    match = re.fullmatch(r"ghcr\.io/flathub-infra/flatpak-github-actions:gnome-([0-9]+)", image)
    if not match:
        error(f"the container {image!r} is not the GNOME flatpak-builder image")
    elif match.group(1) != str(manifest["runtime-version"]):
        error(f"the container is GNOME {match.group(1)}, the manifest's runtime {manifest['runtime-version']}")
    if "--privileged" not in build.get("container", {}).get("options", ""):
        error("flatpak-builder needs a privileged container")

    for name, job in jobs.items():
        steps = job.get("steps", [])
        ids = {step["id"] for step in steps if "id" in step}
        for step in steps:
            for ref in re.findall(r"steps\.([A-Za-z0-9_-]+)\.outputs", json.dumps(step)):
                if ref not in ids:
                    error(f"job {name}: a step reads the outputs of a step {ref} it does not have")
            for script in re.findall(r"\b(flatpak/[A-Za-z0-9._-]+\.(?:sh|py))\b", step.get("run", "")):
                path = os.path.join(root, script)
                if not os.path.isfile(path):
                    error(f"job {name}: {script} is not in the repository")
                elif script.endswith(".sh") and not os.access(path, os.X_OK):
                    error(f"job {name}: {script} is not executable")

    steps = build.get("steps", [])
    builder = [s for s in steps if s.get("uses", "").startswith("flatpak/flatpak-github-actions/flatpak-builder@")]
    if len(builder) != 1:
        error("the build job does not use flatpak-builder's action once")
    else:
        options = builder[0].get("with", {})
        if options.get("run-tests") is not True:
            error("flatpak-builder does not run the tests inside the build")
        if "steps.manifest.outputs.path" not in str(options.get("manifest-path")):
            error("flatpak-builder does not build the chosen manifest")
        if "fingerprint" not in str(options.get("gpg-sign")):
            error("flatpak-builder does not sign the release's commits")
    if SECRET not in text:
        error(f"the workflow does not read the secret {SECRET}")
    with open(os.path.join(root, "flatpak", "README.md"), encoding="utf-8") as f:
        if SECRET not in f.read():
            error(f"flatpak/README.md does not document the secret {SECRET}")
    if "release-manifest.py" not in text or "GITHUB_SHA" not in text:
        error("a release is not built from its tag and commit")

    with open(os.path.join(root, "flatpak", "publish.sh"), encoding="utf-8") as f:
        publish = f.read()
    for needed in ("flatpak build-update-repo", "--generate-static-deltas", "--gpg-sign",
                   "flatpak build-bundle", "--repo-url", "--gpg-keys",
                   "Regards.flatpakrepo", "$app_id.flatpakref", "GPGKey="):
        if needed not in publish:
            error(f"flatpak/publish.sh lacks {needed}")

    uses = {name: [s.get("uses", "") for s in job.get("steps", [])] for name, job in jobs.items()}
    pages = jobs.get("pages", {})
    if not any(u.startswith("actions/deploy-pages@") for u in uses.get("pages", [])):
        error("no job deploys the repository to Pages")
    if pages.get("permissions", {}).get("pages") != "write" or \
       pages.get("permissions", {}).get("id-token") != "write":
        error("the pages job lacks the permissions to deploy")
    if not any(u.startswith("actions/upload-pages-artifact@") for u in uses.get("flatpak", [])):
        error("the build job does not hand the repository to Pages")
    release = jobs.get("release", {})
    if release.get("permissions", {}).get("contents") != "write":
        error("the release job cannot write the release")
    attach = [s for s in release.get("steps", []) if s.get("uses", "").startswith("softprops/action-gh-release@")]
    if not attach or "Regards.flatpak" not in attach[0].get("with", {}).get("files", ""):
        error("the bundle is not attached to the release")
    for name in ("pages", "release"):
        if "refs/tags/v" not in str(jobs.get(name, {}).get("if", "")):
            error(f"the {name} job does not run on release tags only")

    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(errors)} problems in the Flatpak workflow")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
