#!/usr/bin/env python3
# test-accessible-tree.py — every name a screen reader can speak, checked
#
# The built `regards` runs with accessibility on, in an X server and on a
# session bus of the test's own (harness.py), in French, on a copy of the
# example session. The test walks the whole accessible tree, as AT-SPI
# gives it to a screen reader, of the library window's pages, of each
# view of the session window, of each window that opens from a key
# (export, preferences, session details, timeline, new session), and of
# the library window's pages again once they list the session, and
# fails, listing every offender, on:
#
# - a name with a toolkit type in it ("GtkImage", "AdwGizmo",
#   "RgEditableText"): GTK 4.8 names an unnamed widget after its type;
# - a mnemonic's underscore ("A_greed", "_List panel");
# - the same one to three words twice in a row ("Agreed Agreed",
#   "Add … Add" is not caught, "Ajouter Ajouter" is);
# - an editable text with neither a name nor a description;
# - a control that takes the keyboard and has no name;
# - a drop-down that does not say its value (GTK 4.8 gives none);
# - a window opened as a dialog whose role is not dialog.
#
# Plain containers (panels and fillers that never take the keyboard) are
# not presented by a screen reader, so only their name's mnemonics are
# checked: GTK and libadwaita name their inner boxes after their types.
#
# Each window is one TAP test; with REGARDS_E2E_DUMP set to a folder,
# each walked window's tree is written there, for reading a failure. Skipped (TAP "1..0 # SKIP") only when the
# AT-SPI Python module is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as h  # noqa: E402
h.require_pyatspi()

BUILD_ROOT, SOURCE_ROOT = h.BUILD_ROOT, h.SOURCE_ROOT

EXAMPLE = os.path.join("data", "examples", "exemple-eleve-a.regards")

TOOLKIT_TYPE = re.compile(r"\b(?:Gtk|Adw|Rg)[A-Z][A-Za-z]*")
# An underscore before a letter, as a label with mnemonics is written;
# two underscores stand for one and are not a mnemonic.
MNEMONIC = re.compile(r"(?:^|[^_])_(?=[^\W_])")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# Where a sentence or a clause ends: "… M. Kessler. M. Kessler et …" is
# no repetition.
CLAUSE_END = re.compile(r"[.:;!?,«»“”()/]\s")


def repeated_words(name):
    """The first sequence of one to three words said twice in a row in
    @name, within a clause, or None."""
    for clause in CLAUSE_END.split(name):
        words = [w.lower() for w in WORD.findall(clause)]
        for size in (1, 2, 3):
            for i in range(len(words) - 2 * size + 1):
                if words[i:i + size] == words[i + size:i + 2 * size]:
                    return " ".join(words[i:i + size])
    return None


def description_of(acc):
    try:
        return acc.description or ""
    except Exception:
        return ""


class Walk:
    def __init__(self):
        self.P = h.pyatspi
        self.quiet_roles = {self.P.ROLE_PANEL, self.P.ROLE_FILLER}
        self.text_roles = {self.P.ROLE_TEXT, self.P.ROLE_ENTRY, self.P.ROLE_PASSWORD_TEXT,
                           self.P.ROLE_SPIN_BUTTON}
        # Containers that take the keyboard only to hand it on to what
        # they hold (a list to its rows), and items of a list, which a
        # screen reader presents by what they hold
        self.unnamed_ok = {self.P.ROLE_SCROLL_PANE, self.P.ROLE_PANEL, self.P.ROLE_FILLER,
                           self.P.ROLE_LIST, self.P.ROLE_LIST_ITEM}

    def offences(self, acc):
        """What is wrong with @acc itself, as short sentences."""
        found = []
        name = h.name_of(acc)
        role = acc.getRole()
        focusable = h.has_state(acc, self.P.STATE_FOCUSABLE)
        presented = focusable or role not in self.quiet_roles

        # A file's path is shown as it is: its underscores are no mnemonics
        if MNEMONIC.search(re.sub(r"/\S+", "", name)):
            found.append("a mnemonic's underscore in its name")
        if presented:
            match = TOOLKIT_TYPE.search(name)
            if match:
                found.append(f"a toolkit type in its name ({match.group(0)})")
            repeat = repeated_words(name)
            if repeat:
                found.append(f"“{repeat}” twice in its name")
        if role == self.P.ROLE_COMBO_BOX and not description_of(acc).strip():
            found.append("a drop-down that does not say its value")
        if role in self.text_roles and h.has_state(acc, self.P.STATE_EDITABLE) \
                and not name.strip() and not description_of(acc).strip():
            found.append("an editable text with neither name nor description")
        elif focusable and not name.strip() and role not in self.unnamed_ok \
                and role not in self.text_roles:
            found.append("it takes the keyboard and has no name")
        return found

    def walk(self, root, where):
        """Every offender under @root (showing only), as lines, and how
        many nodes were seen."""
        lines = []
        seen = 0
        stack = [(root, [])]
        while stack:
            acc, path = stack.pop()
            try:
                role_name = acc.getRoleName()
            except Exception:
                continue
            seen += 1
            label = f"{role_name} {h.name_of(acc)!r}"
            for offence in self.offences(acc):
                context = " > ".join(path[-2:])
                lines.append(f"{where}: {label}"
                             + (f" (in {context})" if context else "")
                             + f": {offence}")
            for child in reversed(h.children(acc)):
                if h.is_showing(child):
                    stack.append((child, path + [label]))
        return lines, seen


class TreeTest:
    def __init__(self):
        self.harness = h.Harness(BUILD_ROOT, SOURCE_ROOT)
        self.P = None
        self.app = None
        self.walker = None
        self.session_frame = None
        self.n = 0
        self.failed = 0

    # {{{ Helpers

    def report(self, what, offenders):
        self.n += 1
        if offenders:
            self.failed += 1
            print(f"not ok {self.n} - {what}")
            for line in offenders:
                print(f"#   {line}")
        else:
            print(f"ok {self.n} - {what}")
        sys.stdout.flush()

    def windows(self):
        return [w for w in h.children(self.app)
                if self.P.STATE_VISIBLE in w.getState().getStates()
                or h.has_state(w, self.P.STATE_VISIBLE)]

    def new_window(self, before, what):
        """The window that was not there in @before."""
        def search():
            for w in h.children(self.app):
                if w not in before and h.has_state(w, self.P.STATE_VISIBLE):
                    return w
            return None
        return h.wait_for(search, what)

    def focus(self, frame):
        self.harness.focus_window("^" + re.escape(h.name_of(frame)) + "$")

    def walk_window(self, window, what, dialog=False):
        """Walks @window until two walks see as many nodes: the views
        fill their lists after showing."""
        offenders, seen = [], -1
        for attempt in range(6):
            again, count = self.walker.walk(window, what)
            if count == seen and count > 1:
                break
            offenders, seen = again, count
        offenders = again
        dump_dir = os.environ.get("REGARDS_E2E_DUMP")
        if dump_dir:
            os.makedirs(dump_dir, exist_ok=True)
            with open(os.path.join(dump_dir, re.sub(r"\W+", "-", what).strip("-") + ".txt"),
                      "w") as f:
                f.write(h.dump(window))
        if dialog and window.getRole() != self.P.ROLE_DIALOG:
            offenders.insert(0, f"{what}: the window's role is {window.getRoleName()}, not dialog")
        if dialog and not h.has_state(window, self.P.STATE_SHOWING) and not h.gtk_before(4, 10):
            offenders.insert(0, f"{what}: the window is not showing, so a screen reader "
                                "ignores its opening")
        self.report(what, offenders)

    def tab_names(self, frame):
        """The names of the window's views or pages, as its view
        switcher shows them."""
        switcher = h.find(frame, self.P.ROLE_PAGE_TAB_LIST, re.compile("."))
        return [h.name_of(t) for t in h.children(switcher)
                if t.getRole() == self.P.ROLE_PAGE_TAB]

    def wait_tab(self, frame, name):
        def selected():
            tab = h.find(frame, self.P.ROLE_PAGE_TAB, name)
            return h.has_state(tab, self.P.STATE_SELECTED) or h.has_state(tab, self.P.STATE_PRESSED)
        h.wait_for(selected, f"the view {name!r}", timeout=10)

    def walk_pages(self, frame, what):
        """Shows each page of the library window with its key, Alt+1
        and on, and walks it."""
        for i, name in enumerate(self.tab_names(frame)):
            self.focus(frame)
            self.harness.key(f"alt+{i + 1}")
            self.wait_tab(frame, name)
            self.walk_window(frame, f"{what}, page “{name}”")

    def open_by_key(self, frame, key, what):
        """Presses @key in @frame and returns the window it opens."""
        before = h.children(self.app)
        self.focus(frame)
        self.harness.key(key)
        return self.new_window(before, what)

    def close(self, window):
        name = h.name_of(window)
        self.harness.focus_window("^" + re.escape(name) + "$")
        self.harness.key("Escape")
        h.wait_for(lambda: window not in h.children(self.app)
                   or not h.has_state(window, self.P.STATE_VISIBLE)
                   or not h.has_state(window, self.P.STATE_SHOWING)
                   and not h.is_showing(window),
                   f"{name!r} to close", timeout=10)

    def close_quietly(self, window):
        try:
            self.close(window)
        except Exception:
            try:
                self.harness.key("ctrl+w")
            except Exception:
                pass

    # }}}
    # {{{ Windows

    def library_window(self):
        self.app = self.harness.start_app()
        frame = h.find(self.app, self.P.ROLE_FRAME, re.compile("."))
        self.walk_window(frame, "the library window")
        self.walk_pages(frame, "the library window")
        dialog = self.open_by_key(frame, "ctrl+n", "the new-session dialog")
        try:
            self.walk_window(dialog, "the new-session dialog", dialog=True)
        finally:
            self.close_quietly(dialog)
        return frame

    def session_window(self):
        os.makedirs(self.harness.library_dir, exist_ok=True)
        path = os.path.join(self.harness.library_dir, "exemple.regards")
        shutil.copyfile(os.path.join(SOURCE_ROOT, EXAMPLE), path)
        before = h.children(self.app)
        # The running app opens it, as when a file is opened from Files
        env = dict(self.harness.env)
        env["REGARDS_TEST_LOCALEDIR"] = os.path.join(BUILD_ROOT, "po")
        subprocess.run([os.path.join(BUILD_ROOT, "src", "app", "regards"), path], env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=h.WAIT_SECONDS)
        frame = self.new_window(before, "the session window")
        self.session_frame = frame
        for name in self.tab_names(frame):
            tab = h.find(frame, self.P.ROLE_PAGE_TAB, name)
            h.do_action(tab, "click", "activate")
            self.wait_tab(frame, name)
            self.walk_window(frame, f"the session window, view “{name}”")
        return frame

    def session_dialogs(self, frame):
        for key, what, dialog in (("ctrl+e", "the export dialog", True),
                                  ("ctrl+comma", "the preferences", True),
                                  ("alt+Return", "the session details", True),
                                  ("ctrl+t", "the timeline", False)):
            window = self.open_by_key(frame, key, what)
            try:
                self.walk_window(window, what, dialog=dialog)
            finally:
                self.close_quietly(window)

    def library_listed(self, frame):
        """The library window's pages again, now that they list the
        example session: its situation, its session, what it needs."""
        self.focus(frame)
        self.harness.key("alt+3")
        # Listed once the library has seen the file come in
        h.find(frame, None, re.compile(re.escape("Revue de situation — trimestre 1")),
               timeout=20)
        self.walk_pages(frame, "the library window listing a session")

    # }}}

    def run(self):
        self.harness.start()
        self.P = h.pyatspi
        self.walker = Walk()
        steps = [self.library_window, self.session_window, self.session_dialogs,
                 self.library_listed]
        frame = None
        for step in steps:
            try:
                if step == self.session_dialogs:
                    step(self.session_frame)
                elif step == self.library_listed:
                    step(frame)
                elif step == self.library_window:
                    frame = step()
                else:
                    step()
            except Exception as error:
                self.n += 1
                self.failed += 1
                print(f"not ok {self.n} - {step.__name__}: {error}")
                for line in traceback.format_exc().splitlines():
                    print(f"#   {line}")
                print("#   app: " + self.harness.app_output()[-2000:].replace("\n", "\n#   "))
                break
        print(f"1..{self.n}")
        return self.failed == 0


def main():
    test = TreeTest()
    try:
        ok = test.run()
    finally:
        test.harness.stop(keep=os.environ.get("REGARDS_E2E_KEEP") == "1")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
