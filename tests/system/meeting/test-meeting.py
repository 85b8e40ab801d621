#!/usr/bin/env python3
# test-meeting.py — a whole meeting, in French, through the accessibility tree
#
# The built `regards` runs with accessibility on, in an X server and on a
# session bus of the test's own; the test sees it as a screen reader
# does, through AT-SPI, finds each control by its role and its French
# accessible name, and types with real key events. It runs one meeting
# of a Programme de Réussite Éducative team from the new-session dialog
# to the pseudonymised PDF, then reads the saved session file and the
# PDF's text and checks that every step is there.
#
# Each step is one TAP test, in order; after a failed step the others are
# not run (they build on it), and the log holds the window's accessible
# tree and a screenshot's path. A step that needs a feature the app does
# not have fails, saying which.
#
# Skipped (TAP "1..0 # SKIP") only when the AT-SPI Python module is
# missing. Needs Xvfb, dbus-daemon, the AT-SPI bus launcher, xdotool and
# pdftotext.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import time
import traceback
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as h  # noqa: E402
h.require_pyatspi()

BUILD_ROOT, SOURCE_ROOT = h.BUILD_ROOT, h.SOURCE_ROOT

NS = "{urn:x-regards:session}"

# {{{ The meeting

TITLE = "Réussite éducative de Léo"
SITUATION = "Léo B., CE2"

# name, profession, institution, role as the dialog names it, role in
# the file
PARTNERS = [
    ("Mme Martin", "Enseignante", "École Jean Zay", "Professionnel", "professional"),
    ("M. Benali", "Assistant social", "Conseil départemental", "Professionnel", "professional"),
    ("Mme Roux", "Psychologue", "Éducation nationale", "Professionnel", "professional"),
    ("Mme Diallo", "Coordinatrice", "PRE de la ville", "Coordination", "coordinator"),
    ("Mme Lefèvre (mère)", "", "", "Famille", "family"),
]
TEACHER, SOCIAL_WORKER, PSYCHOLOGIST, COORDINATOR, MOTHER = range(5)

DIM_SCHOOL = "Scolarité et apprentissages"
DIM_FAMILY = "Famille et parentalité"

# partner, dimension, text
STATEMENTS = [
    (TEACHER, DIM_SCHOOL, "Léo lit lentement et se décourage vite en classe."),
    (MOTHER, DIM_SCHOOL, "À la maison, Léo lit seul ses bandes dessinées."),
    (SOCIAL_WORKER, DIM_FAMILY, "Mme Lefèvre dit que Léo se décourage quand il lit à voix haute."),
]
# Links, as indexes in STATEMENTS
AGREEMENT = (0, 2)
DIVERGENCE = (0, 1)

WORD = "autonomie"
MEANINGS = {
    TEACHER: "Faire son travail sans aide en classe.",
    MOTHER: "Aller seul à l’école et préparer son cartable.",
}
AGREED = "Faire seul ce qu’on attend de son âge, à l’école et à la maison."

ACTION = "Proposer un accompagnement à la lecture le mercredi."
CONSENT_SCOPE = "Partager le bilan avec la psychologue scolaire."


# }}}
# {{{ Steps


class Meeting:
    def __init__(self):
        self.harness = h.Harness(BUILD_ROOT, SOURCE_ROOT)
        self.P = None
        self.app = None
        self.window = None
        self.session_path = None
        self.pdf_path = None
        self.notes = []

    # {{{ Helpers

    def frame(self, name, timeout=h.WAIT_SECONDS):
        """A window by its title: a frame, or a dialog (which GTK 4.8
        does not say showing)."""
        roles = (self.P.ROLE_FRAME, self.P.ROLE_DIALOG)
        return h.wait_for(lambda: next((w for w in h.children(self.app)
                                        if h.role_of(w) in roles and h.name_of(w) == name), None),
                          f"the window {name!r}", timeout=timeout)

    def button(self, root, name, timeout=h.WAIT_SECONDS):
        """A button by its label: its accessible name, with or without
        the mnemonic's underscore (GTK 4.8 names a button with both)."""
        label = re.escape(name.replace("_", ""))
        pattern = re.compile(rf"^(?:{label}|[^ ]*_.*?)(?: {label})?$")

        def matches():
            for acc in h.find_all(root, self.P.ROLE_PUSH_BUTTON):
                acc_name = h.name_of(acc)
                if acc_name == name or acc_name.replace("_", "").startswith(name.replace("_", "")):
                    if pattern.match(acc_name) or acc_name.replace("_", "") == name:
                        return acc
            return None

        return h.wait_for(matches, f"a button {name!r}", timeout)

    def click(self, acc):
        """Does @acc's click action, or that of the button inside it of
        the same name (a menu button is a box around its toggle)."""
        for candidate in [acc] + h.find_all(acc, self.P.ROLE_PUSH_BUTTON) \
                + h.find_all(acc, self.P.ROLE_TOGGLE_BUTTON):
            try:
                if candidate.queryAction().nActions > 0:
                    return h.do_action(candidate, "click", "activate")
            except NotImplementedError:
                continue
        raise h.StepFailed(f"{h.name_of(acc)!r} cannot be clicked")

    def click_with_pointer(self, acc, clicks=1):
        """A click where @acc is on screen. Accessible extents are in the
        window's coordinates; without a window manager windows sit at 0,0
        but for their frame's margin."""
        window = self.top_window_of(acc)
        e = h.extents(acc)
        ox, oy = self.window_origin(window)
        self.harness.click_at(ox + e.x + e.width / 2, oy + e.y + e.height / 2, clicks)

    def top_window_of(self, acc):
        node = acc
        while node is not None:
            try:
                if node.getRole() in (self.P.ROLE_FRAME, self.P.ROLE_DIALOG) \
                        or node.parent == self.app:
                    return node
                node = node.parent
            except Exception:
                return None
        return None

    def window_origin(self, frame):
        """Where @frame's window coordinates start on the screen: the X
        window's position plus the margin GTK keeps around its frame."""
        window_id = self.harness.window_id("^" + re.escape(h.name_of(frame)) + "$")
        geometry = self.harness.xdotool("getwindowgeometry", "--shell", window_id)
        values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
        e = h.extents(frame)
        margin_x = (int(values["WIDTH"]) - e.width) // 2
        margin_y = (int(values["HEIGHT"]) - e.height) // 2
        return int(values["X"]) + margin_x, int(values["Y"]) + margin_y

    def focus(self, acc, what):
        """Puts the keyboard on @acc by clicking it, as a user would.
        Waits a moment for it to say so; an entry row does not (its
        text inside has the focus, and is not in the tree), which
        type_into () then checks by what arrives: the X server keeps the
        click and the keys in order."""
        self.click_with_pointer(acc)
        try:
            h.wait_for(lambda: h.has_state(acc, self.P.STATE_FOCUSED)
                       or any(h.has_state(d, self.P.STATE_FOCUSED) for d in h.find_all(acc)),
                       f"the keyboard on {what}", timeout=2)
        except h.StepFailed:
            pass

    def type_into(self, acc, text, what):
        """Types @text where the keyboard is, and waits until @acc shows
        it."""
        self.harness.type(text)
        h.wait_for(lambda: text in h.text_of(acc), f"{what} to read {text!r}")

    def wait_saved(self, check, what):
        """Waits until the session file on disk passes @check (the
        autosave comes a second after the last change)."""
        def saved():
            root = self.load_session()
            return root is not None and check(root)
        return h.wait_for(saved, f"the saved file to hold {what}")

    def load_session(self):
        if self.session_path is None:
            files = [f for f in os.listdir(self.harness.library_dir) if f.endswith(".regards")]
            if len(files) != 1:
                return None
            self.session_path = os.path.join(self.harness.library_dir, files[0])
        try:
            return ET.parse(self.session_path).getroot()
        except (ET.ParseError, OSError):
            return None

    def feature(self, present, what):
        """Fails the step when @present is false: the app lacks @what."""
        if not present:
            raise AssertionError(f"The app does not do this: {what}")

    # }}}
    # {{{ 1. The library and the new session

    def step_start(self):
        """The library window opens, in French."""
        self.harness.start()
        self.P = h.pyatspi
        self.app = self.harness.start_app()
        library = self.frame("Regards")
        self.button(library, "Nouvelle séance")

    def step_new_session(self):
        """New session from the PRE template, with five partners."""
        library = self.frame("Regards")
        self.click(self.button(library, "Nouvelle séance"))
        dialog = self.frame("Nouvelle séance")
        # The whole screen, as a window manager would maximise it: the
        # five rows fit without scrolling.
        self.project(dialog)

        template = h.find(dialog, self.P.ROLE_COMBO_BOX, "Modèle")
        self.choose_in_combo(template, re.compile(r"^PRE\b"))

        title = h.find(dialog, self.P.ROLE_TEXT, "Titre")
        self.focus(title, "the title")
        self.type_into(title, TITLE, "the title")
        situation = h.find(dialog, self.P.ROLE_TEXT, re.compile(r"^Situation"))
        self.focus(situation, "the situation")
        self.type_into(situation, SITUATION, "the situation")

        self.enter_partners(dialog)

        self.click(self.button(dialog, "Créer"))
        self.window = self.frame(TITLE)
        self.project(self.window)
        root = self.wait_saved(lambda r: len(r.findall(f"{NS}partners/{NS}partner")) == 5,
                               "five partners")

    def choose_in_combo(self, combo, pattern, missing_ok=False):
        """Opens the combo's list and picks the item matching @pattern.
        Returns whether there was one; with @missing_ok, closes the list
        when there is none."""
        if pattern.search(self.combo_value(combo)):
            return True
        current = self.combo_value(combo)
        self.click_with_pointer(combo)
        window = self.top_window_of(combo)

        # The list shown: a popover's, inside the combo or beside it,
        # holding an item like the current value.
        def shown_items():
            popovers = h.find_all(combo, self.P.ROLE_FILLER, "GtkPopover") or [window]
            for item in h.find_all(popovers[0], self.P.ROLE_LIST_ITEM):
                if self.combo_text(item) == current and item.parent.parent != combo:
                    return [i for i in h.children(item.parent)
                            if i.getRole() == self.P.ROLE_LIST_ITEM]
            return None

        items = h.wait_for(shown_items, f"the list of {h.name_of(combo)!r}")
        if any(pattern.search(self.combo_text(item)) for item in items):
            # The list has the keyboard, on the current item: down to the
            # one wanted, then Enter.
            for _ in range(len(items) + 1):
                item = h.wait_for(lambda: [i for i in items
                                           if h.has_state(i, self.P.STATE_FOCUSED)],
                                  "an item with the keyboard")[0]
                if pattern.search(self.combo_text(item)):
                    break
                self.harness.key("Down")
                h.wait_for(lambda: not h.has_state(item, self.P.STATE_FOCUSED),
                           "the keyboard to move down the list")
            self.harness.key("Return")
            h.wait_for(lambda: pattern.search(self.combo_value(combo)),
                       f"{h.name_of(combo)!r} to show {pattern.pattern!r}")
            return True
        if missing_ok:
            self.harness.key("Escape")
            return False
        raise AssertionError(f"No item matching {pattern.pattern!r} in {h.name_of(combo)!r}: "
                             + ", ".join(self.combo_text(i) for i in items))

    def combo_value(self, combo):
        """The item a combo row shows: its first list item (its popover's
        come after)."""
        return " ".join(self.combo_text(item)
                        for item in h.find_all(combo, self.P.ROLE_LIST_ITEM, limit=1))

    def is_inside(self, acc, ancestor):
        node = acc
        for _ in range(50):
            try:
                node = node.parent
            except Exception:
                return False
            if node is None:
                return False
            if node == ancestor:
                return True
        return False

    def combo_text(self, combo):
        return " ".join(h.name_of(label) for label in h.find_all(combo, self.P.ROLE_LABEL))

    def enter_partners(self, dialog):
        """A row per partner in the dialog: its name, role, profession and
        institution. The first row is there; Alt+A adds each next one
        and puts the keyboard on its name. Each row comes with a colour
        no other row has, which the file must keep."""
        for number, (name, profession, institution, role, _) in enumerate(PARTNERS, 1):
            if number > 1:
                # Alt+A adds a row (in French, « _Annuler » has the
                # mnemonic too: the dialog's shortcut comes first)
                self.harness.key("alt+a")
                entry = h.find(dialog, self.P.ROLE_TEXT, f"Nom du partenaire {number}")
                h.wait_for(lambda: h.has_state(entry, self.P.STATE_FOCUSED),
                           f"the keyboard on partner {number}'s name")
            else:
                entry = h.find(dialog, self.P.ROLE_TEXT, f"Nom du partenaire {number}")
                self.focus(entry, "the first partner's name")
            self.type_into(entry, name, f"partner {number}'s name")
            for label, value in (("Profession", profession), ("Institution", institution)):
                if value:
                    field = h.find(dialog, self.P.ROLE_TEXT, f"{label} du partenaire {number}")
                    self.focus(field, f"partner {number}'s {label}")
                    self.type_into(field, value, f"partner {number}'s {label}")
            combo = h.find(dialog, self.P.ROLE_COMBO_BOX, f"Rôle du partenaire {number}")
            self.choose_in_drop_down(combo, re.compile("^" + re.escape(role) + "$"))

    def drop_down_value(self, combo):
        """What a drop-down shows: the label of the item in its button."""
        button = h.find_all(combo, self.P.ROLE_PUSH_BUTTON, limit=1) or \
            h.find_all(combo, self.P.ROLE_TOGGLE_BUTTON, limit=1)
        if not button:
            return ""
        return " ".join(h.name_of(label) for label in h.find_all(button[0], self.P.ROLE_LABEL))

    def choose_in_drop_down(self, combo, pattern):
        """Opens a drop-down with the keyboard (Space on its button), goes
        down its list to the item matching @pattern, takes it with Enter."""
        if pattern.search(self.drop_down_value(combo)):
            return
        button = (h.find_all(combo, self.P.ROLE_PUSH_BUTTON, limit=1)
                  or h.find_all(combo, self.P.ROLE_TOGGLE_BUTTON, limit=1))[0]
        self.click_with_pointer(button)

        def shown_items():
            items = []
            for popover in h.find_all(combo, None, "GtkPopover"):
                items += [i for i in h.find_all(popover)
                          if h.name_of(i) == "GtkListItemWidget"
                          or i.getRole() == self.P.ROLE_LIST_ITEM]
            return items or None
        items = h.wait_for(shown_items, f"the list of {h.name_of(combo)!r}")
        texts = [self.combo_text(i) for i in items]
        if not any(pattern.search(t) for t in texts):
            self.harness.key("Escape")
            raise AssertionError(f"No item matching {pattern.pattern!r} in "
                                 f"{h.name_of(combo)!r}: {texts}")
        for _ in range(len(items) + 1):
            current = h.wait_for(lambda: [i for i in items
                                          if h.has_state(i, self.P.STATE_FOCUSED)],
                                 f"an item of {h.name_of(combo)!r} with the keyboard")[0]
            if pattern.search(self.combo_text(current)):
                break
            self.harness.key("Down")
            h.wait_for(lambda: not h.has_state(current, self.P.STATE_FOCUSED),
                       "the keyboard to move down the list")
        self.harness.key("Return")
        h.wait_for(lambda: pattern.search(self.drop_down_value(combo)),
                   f"{h.name_of(combo)!r} to show {pattern.pattern!r}")

    def step_roles_and_colours(self):
        """Each partner has the role chosen in its row, the mother
        "family", the coordinator "coordinator", and a colour of its own."""
        def roles_saved(root):
            return all(self.partner(root, i).get("role") == PARTNERS[i][4]
                       for i in range(len(PARTNERS)))
        self.wait_saved(roles_saved, "each partner's role, the mother as family and "
                                     "the coordinator as coordinator")
        root = self.load_session()
        for i, (name, profession, institution, _, _) in enumerate(PARTNERS):
            partner = self.partner(root, i)
            assert (partner.findtext(f"{NS}profession") or "") == profession, \
                f"{name}'s profession in the file: {partner.findtext(f'{NS}profession')!r}"
            assert (partner.findtext(f"{NS}institution") or "") == institution, \
                f"{name}'s institution in the file: {partner.findtext(f'{NS}institution')!r}"
        colours = [self.partner(root, i).get("colour") for i in range(len(PARTNERS))]
        assert None not in colours and len(set(colours)) == len(PARTNERS), \
            f"Each partner should have a colour of its own, not {colours}"

    def project(self, frame):
        """Makes @frame's window fill the projector's 1920×1080 screen, as
        a window manager would when maximised, and gives it the keyboard."""
        window_id = self.harness.focus_window("^" + re.escape(h.name_of(frame)) + "$")
        self.harness.xdotool("windowmove", window_id, "0", "0")
        self.harness.xdotool("windowsize", window_id, str(self.harness.width),
                             str(self.harness.height))
        h.wait_for(lambda: h.extents(frame).width >= self.harness.width - 20,
                   "the window to fill the screen")

    # }}}
    # {{{ 2. The diagnosis

    def step_statements(self):
        """Statements in three cells, typed from the keyboard."""
        self.harness.focus_window("^" + re.escape(TITLE) + "$")
        for partner, dimension, text in STATEMENTS:
            name = PARTNERS[partner][0]
            add = h.find(self.window, self.P.ROLE_PUSH_BUTTON, re.compile(
                rf"^Ajouter un constat de {re.escape(name)} dans la dimension {re.escape(dimension)}"))
            self.click(add)
            cell = add.parent
            editor = h.wait_for(lambda: [t for t in h.find_all(cell, self.P.ROLE_TEXT)
                                         if h.has_state(t, self.P.STATE_FOCUSED)],
                                f"a new statement of {name} being edited")[0]
            self.type_into(editor, text, f"{name}'s statement")
            self.harness.key("Return")
            h.wait_for(lambda: h.find_all(cell, self.P.ROLE_LIST_ITEM,
                                          re.compile(re.escape(text))),
                       f"{name}'s statement to be shown in its cell")

        def all_there(root):
            dims = {d.findtext(f"{NS}name"): d.get("id")
                    for d in root.findall(f"{NS}dimensions/{NS}dimension")}
            found = {(s.get("partner"), s.get("dimension"), s.text)
                     for s in root.iter(f"{NS}statement")}
            return all((self.partner(root, p).get("id"), dims[d], t) in found
                       for p, d, t in STATEMENTS)
        self.wait_saved(all_there, "the three statements, each in its cell")

    def card(self, index):
        """The card of STATEMENTS[@index] in the grid."""
        text = STATEMENTS[index][2]
        return h.find(self.window, self.P.ROLE_LIST_ITEM, re.compile(re.escape(text)))

    def select_cards(self, indexes):
        """Ctrl+click on each card: the selection for tagging."""
        for index in indexes:
            card = self.card(index)
            self.harness.xdotool("keydown", "ctrl")
            try:
                self.click_with_pointer(card)
            finally:
                self.harness.xdotool("keyup", "ctrl")
        h.wait_for(lambda: h.find_all(self.window, self.P.ROLE_LABEL,
                                      re.compile(rf"^{len(indexes)}\b")),
                   f"{len(indexes)} statements selected")

    def step_links(self):
        """An agreement and a divergence, tagged from the keyboard."""
        for indexes, key, kind in ((AGREEMENT, "ctrl+shift+a", "agreement"),
                                   (DIVERGENCE, "ctrl+shift+d", "divergence")):
            self.select_cards(indexes)
            self.harness.key(key)
            h.wait_for(lambda: not h.find_all(self.window, self.P.ROLE_LABEL,
                                              re.compile(r"sélectionnés$")),
                       f"{key} to tag the selection")

            def linked(root, indexes=indexes, kind=kind):
                ids = {s.text: s.get("id") for s in root.iter(f"{NS}statement")}
                wanted = {ids.get(STATEMENTS[i][2]) for i in indexes}
                return any(link.get("type") == kind
                           and {m.get("statement") for m in link.findall(f"{NS}member")} == wanted
                           for link in root.iter(f"{NS}link"))
            self.wait_saved(linked, f"the {kind}")

    # }}}
    # {{{ 3. Glossary, actions, consent

    def show_view(self, name):
        """Switches to a view by its tab in the header."""
        tab = h.find(self.window, self.P.ROLE_PAGE_TAB, name)
        self.click(tab)
        h.wait_for(lambda: h.has_state(tab, self.P.STATE_SELECTED)
                   or h.has_state(tab, self.P.STATE_PRESSED), f"the {name} view")

    def edit_field(self, field, text, what):
        """Writes @text in an editable field shown as a label: a single
        click on it, as in every view, the text, Enter to end."""
        self.click_with_pointer(field)

        def editor():
            return [t for t in h.find_all(field, self.P.ROLE_TEXT)
                    if h.has_state(t, self.P.STATE_FOCUSED)]
        found = h.wait_for(editor, f"{what} being edited after a single click")
        self.type_into(found[0], text, what)
        self.harness.key("Return")
        h.wait_for(lambda: h.find_all(field, self.P.ROLE_LABEL, text), f"{what} to show its text")

    def step_glossary(self):
        """A glossary word, what two partners mean by it, the meaning the
        team agreed on."""
        self.show_view("Glossaire")
        entry = h.find(self.window, self.P.ROLE_TEXT, "Nouveau mot à clarifier")
        self.focus(entry, "the new word")
        self.type_into(entry, WORD, "the new word")
        self.harness.key("Return")
        h.find(self.window, self.P.ROLE_LIST_ITEM, re.compile("^" + WORD))
        for partner, meaning in MEANINGS.items():
            name = PARTNERS[partner][0]
            field = h.find(self.window, None, f"Ce que {name} met derrière ce mot")
            self.edit_field(field, meaning, f"the meaning of {name}")
        agreed = h.find(self.window, self.P.ROLE_FILLER, "Sens convenu")
        self.edit_field(agreed, AGREED, "the agreed meaning")
        self.click(self.button(self.window, "Convenu"))

        def term_done(root):
            for term in root.iter(f"{NS}term"):
                if term.findtext(f"{NS}word") != WORD:
                    continue
                meanings = {m.get("partner"): m.text for m in term.findall(f"{NS}meaning")}
                return (term.get("status") == "agreed"
                        and term.findtext(f"{NS}agreed-meaning") == AGREED
                        and all(meanings.get(self.partner(root, p).get("id")) == text
                                for p, text in MEANINGS.items()))
            return False
        self.wait_saved(term_done, "the word, two meanings and the agreed one")

    def labelled_button(self, root, label):
        """A button known only by the label inside it (some have no
        accessible name of their own)."""
        def search():
            for b in h.find_all(root, self.P.ROLE_PUSH_BUTTON):
                if h.name_of(b).replace("_", "").startswith(label) or \
                        h.find_all(b, self.P.ROLE_LABEL, label, limit=1):
                    return b
            return None
        return h.wait_for(search, f"a button labelled {label!r}")

    def choose_in_dropdown(self, dropdown, pattern):
        """Opens a drop-down (its toggle) and picks the item matching
        @pattern with the keyboard."""
        self.click(h.find(dropdown, self.P.ROLE_PUSH_BUTTON))

        def items():
            popovers = h.find_all(dropdown, self.P.ROLE_FILLER, "GtkPopover")
            if not popovers:
                return None
            return h.find_all(popovers[0], self.P.ROLE_LIST_ITEM) or None
        shown = h.wait_for(items, f"the list of {h.name_of(dropdown)!r}")
        texts = [self.combo_text(i) for i in shown]
        if not any(pattern.search(t) for t in texts):
            self.harness.key("Escape")
            return False
        for _ in range(len(shown) + 1):
            focused = h.wait_for(lambda: [i for i in shown
                                          if h.has_state(i, self.P.STATE_FOCUSED)],
                                 "an item with the keyboard")[0]
            if pattern.search(self.combo_text(focused)):
                break
            self.harness.key("Down")
            h.wait_for(lambda: not h.has_state(focused, self.P.STATE_FOCUSED),
                       "the keyboard to move down the list")
        self.harness.key("Return")
        return True

    def step_action(self):
        """An action, owned by the coordinator."""
        self.show_view("Actions")
        self.click(self.labelled_button(self.window, "Ajouter une action"))
        what = h.wait_for(lambda: [t for t in h.find_all(self.window, self.P.ROLE_TEXT,
                                                         "Ce qui sera fait")
                                   if h.has_state(t, self.P.STATE_FOCUSED)],
                          "the new action's text being edited")[0]
        self.type_into(what, ACTION, "the action")
        self.harness.key("Return")
        owner = h.find(self.window, self.P.ROLE_COMBO_BOX, re.compile("^Qui s’en charge"))
        name = PARTNERS[COORDINATOR][0]
        self.feature(self.choose_in_dropdown(owner, re.compile(re.escape(name))),
                     f"{name} as an action's owner")

        def action_done(root):
            coordinator = self.partner(root, COORDINATOR).get("id")
            return any(a.findtext(f"{NS}what") == ACTION and a.get("owner") == coordinator
                       for a in root.iter(f"{NS}action"))
        self.wait_saved(action_done, "the action, owned by the coordinator")

    def step_consent(self):
        """The family's consent."""
        self.show_view("Actions")
        self.click(self.labelled_button(self.window, "Enregistrer un consentement"))
        scope = h.wait_for(lambda: [t for t in h.find_all(self.window, self.P.ROLE_TEXT,
                                                          re.compile("^Ce que la famille accepte"))
                                    if h.has_state(t, self.P.STATE_FOCUSED)],
                           "the consent being edited")[0]
        self.type_into(scope, CONSENT_SCOPE, "the consent")
        self.harness.key("Return")
        self.wait_saved(lambda r: any(c.findtext(f"{NS}scope") == CONSENT_SCOPE
                                      for c in r.iter(f"{NS}consent")),
                        "the consent")

    # }}}
    # {{{ 4. Meeting mode

    def column_headers(self):
        """The label of each partner's column header in the grid."""
        grid = h.find(self.window, self.P.ROLE_TABLE, "Diagnostic")
        return [h.find(grid, self.P.ROLE_LABEL, p[0]) for p in PARTNERS]

    def step_meeting_mode(self):
        """Meeting mode on: the text grows, and all five columns are on
        the screen; then off again."""
        self.show_view("Diagnostic")
        before = [h.extents(label).height for label in self.column_headers()]
        self.harness.focus_window("^" + re.escape(TITLE) + "$")
        self.harness.key("F11")
        h.wait_for(lambda: all(h.extents(label).height > height for label, height
                               in zip(self.column_headers(), before)),
                   "the partners' names to grow in meeting mode")
        width = h.extents(self.window).width
        off_screen = []
        for label in self.column_headers():
            e = h.extents(label)
            if e.x < 0 or e.x + e.width > width or e.width <= 0:
                off_screen.append(f"{h.name_of(label)} at x={e.x}..{e.x + e.width}")
        assert not off_screen, (f"All five columns should be on the 1920 px screen in "
                                f"meeting mode; off screen: {', '.join(off_screen)}")
        self.harness.key("F11")
        h.wait_for(lambda: [h.extents(label).height for label in self.column_headers()] == before,
                   "meeting mode to end, and the names their size again")

    # }}}
    # {{{ 5. The pseudonymised report

    def window_named(self, name):
        """The newest window (frame or dialog) named @name."""
        def search():
            found = [w for w in h.children(self.app)
                     if h.name_of(w) == name and h.is_showing(w)]
            return found[-1] if found else None
        return h.wait_for(search, f"a window named {name!r}")

    def step_export(self):
        """A pseudonymised PDF: Ctrl+E, the report to send outside the team
        with names replaced, a path typed in the file chooser; the PDF has
        the meeting's statements and none of the partners' names."""
        self.harness.focus_window("^" + re.escape(TITLE) + "$")
        self.harness.key("ctrl+e")
        dialog = self.window_named("Exporter un rapport")
        self.harness.focus_window("^Exporter un rapport$")
        combo = h.find(dialog, self.P.ROLE_COMBO_BOX, re.compile("^_?Format$|^Format"))
        # The row shows the format chosen under its title.
        if "(PDF)" not in self.combo_text(combo):
            self.choose_in_combo(combo, re.compile(r"\(PDF\)"))

        def switch():
            for acc in h.find_all(dialog):
                if re.match(r"^_?Pseudonymiser", h.name_of(acc).replace("_", "")) and \
                        acc.getRole() in (self.P.ROLE_TOGGLE_BUTTON, self.P.ROLE_CHECK_BOX,
                                          getattr(self.P, "ROLE_SWITCH", -1)):
                    return acc
            return None
        pseudonymise = h.wait_for(switch, "the « Pseudonymiser » switch")
        if not h.has_state(pseudonymise, self.P.STATE_CHECKED):
            self.click(pseudonymise)
            h.wait_for(lambda: h.has_state(pseudonymise, self.P.STATE_CHECKED),
                       "« Pseudonymiser » to be on")

        self.click(self.button(dialog, "_Exporter…"))
        # GTK's own file chooser, on top, with the keyboard in its name.
        h.wait_for(lambda: len([w for w in h.children(self.app)
                                if h.name_of(w) == "Exporter un rapport"
                                and h.is_showing(w)]) >= 2,
                   "the file chooser")
        self.harness.focus_window("^Exporter un rapport$")
        chooser = self.window_named("Exporter un rapport")
        name = h.wait_for(lambda: [t for t in h.find_all(chooser, self.P.ROLE_TEXT)
                                   if h.has_state(t, self.P.STATE_FOCUSED)],
                          "the file chooser's name field with the keyboard")[0]
        self.pdf_path = os.path.join(self.harness.dir, "rapport-pseudonymise.pdf")
        self.harness.key("ctrl+a")
        self.type_into(name, self.pdf_path, "the file chooser's name field")
        self.harness.key("Return")
        h.wait_for(lambda: os.path.exists(self.pdf_path) and os.path.getsize(self.pdf_path) > 0,
                   f"the PDF at {self.pdf_path}")

        def pdf_text():
            result = subprocess.run(["pdftotext", "-enc", "UTF-8", self.pdf_path, "-"],
                                    capture_output=True, text=True)
            return " ".join(result.stdout.split()) if result.returncode == 0 else None
        text = h.wait_for(pdf_text, "the PDF's text")
        names = []
        for name, *_ in PARTNERS:
            names.append(name)
            names.append(re.sub(r"^(Mme|M\.) | \(.*\)$", "", name))
        present = [n for n in names if n in text]
        assert not present, f"The pseudonymised PDF names {present}: {text[:2000]}"
        for index in (0, 1):
            statement = STATEMENTS[index][2]
            assert statement in text, \
                f"The PDF lacks the statement {statement!r}: {text[:2000]}"

    def partner(self, root, index):
        """The partner element of PARTNERS[@index] in the file."""
        name = PARTNERS[index][0]
        for partner in root.findall(f"{NS}partners/{NS}partner"):
            if partner.findtext(f"{NS}name") == name:
                return partner
        raise AssertionError(f"No partner {name!r} in the file")

    # }}}


STEPS = [
    Meeting.step_start,
    Meeting.step_new_session,
    Meeting.step_roles_and_colours,
    Meeting.step_statements,
    Meeting.step_links,
    Meeting.step_glossary,
    Meeting.step_action,
    Meeting.step_consent,
    Meeting.step_meeting_mode,
    Meeting.step_export,
]


def main():
    meeting = Meeting()
    number = 0
    failed = False
    keep = os.environ.get("REGARDS_E2E_KEEP") == "1"
    try:
        for step in STEPS:
            number += 1
            title = " ".join(step.__doc__.split())
            if failed:
                print(f"not ok {number} - {title} # SKIP an earlier step failed")
                continue
            started = time.monotonic()
            try:
                step(meeting)
                print(f"ok {number} - {title} ({time.monotonic() - started:.1f} s)")
            except Exception:
                failed = True
                keep = True
                print(f"not ok {number} - {title}")
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
                report_failure(meeting)
            sys.stdout.flush()
    finally:
        meeting.harness.stop(keep=keep)
        if keep:
            print(f"# Kept: {meeting.harness.dir}")
    print(f"1..{number}")
    for note in meeting.notes:
        print("# " + note)
    return 1 if failed else 0


def report_failure(meeting):
    """What a person needs to see why a step failed: the app's output,
    the windows' accessible trees, a screenshot."""
    try:
        shot = os.path.join(meeting.harness.dir, "failure.png")
        meeting.harness.screenshot(shot)
        if os.path.exists(shot):
            print(f"# Screenshot: {shot}")
        if meeting.app is not None:
            for line in h.dump(meeting.app).splitlines():
                print("# " + line)
        for line in meeting.harness.app_output().splitlines()[-40:]:
            print("# app: " + line)
    except Exception as error:
        print(f"# (could not describe the failure: {error!r})")


if __name__ == "__main__":
    sys.exit(main())
