# harness.py — the built app, seen and driven through its accessibility tree
#
# What a screen reader has: an X server of the test's own (Xvfb), a
# private session bus on which the AT-SPI bus launcher starts the
# accessibility bus, and the real `regards` from the build tree with
# accessibility on. The test finds widgets by their accessible role and
# name, acts on them through the AT-SPI Action interface, and types with
# real key events (xdotool, through the XTEST extension), as a user does.
#
# Nothing here sleeps a fixed time to let the app catch up: every step
# waits for a state (a widget showing, a name changing, a file on disk).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# Filled in by Harness.start (); pyatspi can only be imported once the
# session bus and the display are set, as it connects on import.
pyatspi = None

WAIT_SECONDS = float(os.environ.get("REGARDS_E2E_WAIT", "30"))

BUILD_ROOT = os.environ.get("REGARDS_BUILD_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SOURCE_ROOT = os.environ.get("REGARDS_SOURCE_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", "..", ".."))

def gtk_before(major, minor):
    """Whether the app's GTK, its version given by meson as the test's
    first argument, is older than @major.@minor."""
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        return tuple(int(n) for n in version.split(".")[:2]) < (major, minor)
    except ValueError:
        return False


# GTK 4.8 gives a window of the dialog role no "showing" state (only
# the window role has it), and sends a window's "showing" event with
# its hidden state's value: Orca 43 then ignores every dialog opening.
GTK_DIALOG_NOT_SHOWING = (
    "GTK 4.8 says a dialog is not showing (its window of the dialog role "
    "has no showing state, and the showing event carries the hidden state), "
    "so Orca ignores its opening")

DEBIAN_PYTHON = "/usr/bin/python3"


def require_pyatspi():
    """pyatspi (and Orca) are Debian packages: when another Python runs
    the test, the system's runs it instead; where there is none, the
    test is skipped (TAP)."""
    import importlib.util
    if importlib.util.find_spec("pyatspi") is not None:
        return
    if (os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON)
            and os.access(DEBIAN_PYTHON, os.X_OK)
            and not os.environ.get("REGARDS_E2E_REEXEC")):
        os.environ["REGARDS_E2E_REEXEC"] = "1"
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, *sys.argv])
    print("1..0 # SKIP the AT-SPI Python module (python3-pyatspi) is not installed")
    sys.exit(0)


class StepFailed(AssertionError):
    pass


def wait_for(check, what, timeout=WAIT_SECONDS, interval=0.1):
    """Calls @check until it returns something true, and returns that;
    fails with @what after @timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception as error:  # the tree changes under our feet
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise StepFailed(f"Timed out waiting for {what}{detail}")
        time.sleep(interval)


# {{{ Processes


def _start_with_fd(argv, env, log_path):
    """Starts @argv, which writes one line to the file descriptor given
    as its argument "{fd}" when it is ready; returns (process, line)."""
    read_end, write_end = os.pipe()
    argv = [a.replace("{fd}", str(write_end)) for a in argv]
    log = open(log_path, "wb")
    process = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT,
                               pass_fds=(write_end,), start_new_session=True)
    os.close(write_end)
    line = b""
    deadline = time.monotonic() + WAIT_SECONDS
    while not line.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 0.5)
        if ready:
            chunk = os.read(read_end, 256)
            if not chunk:
                break
            line += chunk
    os.close(read_end)
    if not line.strip():
        process.kill()
        raise StepFailed(f"{argv[0]} did not start: {open(log_path, 'rb').read()!r}")
    return process, line.decode().strip()


def _stop(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Harness:
    """One X server, one session bus, one app, in one private folder."""

    def __init__(self, build_root, source_root, width=1920, height=1080):
        self.build_root = build_root
        self.source_root = source_root
        self.width = width
        self.height = height
        self.dir = tempfile.mkdtemp(prefix="regards-e2e-")
        self.xvfb = None
        self.bus = None
        self.app_process = None
        # A window manager, a speech server, a screen reader: see
        # screen_reader.py
        self.helpers = []
        self.app_stderr = os.path.join(self.dir, "app-stderr.txt")
        self.env = None
        for name in ("config", "data", "cache", "state", "runtime", "home"):
            os.makedirs(os.path.join(self.dir, name), mode=0o700)

    @property
    def library_dir(self):
        return os.path.join(self.dir, "data", "regards", "sessions")

    def start(self):
        """Starts the X server and the bus, and connects to the
        accessibility bus."""
        global pyatspi

        for attempt in range(4):
            # Low numbers, which -displayfd picks, are the ones servers in
            # other folder namespaces take too: a random high one instead.
            display = self._start_xvfb(explicit=True)
            # By the socket's path, never the abstract socket of the same
            # number, which a server of another namespace may hold: the
            # probe below and the app then reach the same server, ours.
            env = self._app_environment("unix" + display)
            # A session bus of our own: the AT-SPI bus launcher is started
            # on it by D-Bus activation, and no Regards of the user's gets
            # the file.
            self.bus, address = _start_with_fd(
                ["dbus-daemon", "--session", "--nofork", "--print-address={fd}"],
                env, os.path.join(self.dir, "dbus.log"))
            env["DBUS_SESSION_BUS_ADDRESS"] = address
            self.env = env
            # The display as the app will open it, from its environment.
            probe = subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                   capture_output=True, text=True, timeout=WAIT_SECONDS)
            if probe.stdout.split() == [str(self.width), str(self.height)]:
                break
            _stop(self.bus)
            _stop(self.xvfb)
        else:
            raise StepFailed("No X server of our own could be reached")

        # This process is the screen reader: it needs the same bus and display.
        for key in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
            os.environ[key] = env[key]
        os.environ.pop("NO_AT_BRIDGE", None)
        os.environ.pop("AT_SPI_BUS_ADDRESS", None)
        # GTK 4.8 has no AT-SPI cache, which the client warns about once:
        # not a failure of the test's.
        os.environ.pop("G_DEBUG", None)
        import pyatspi as module
        pyatspi = module

    def _app_environment(self, display):
        env = {k: v for k, v in os.environ.items()
               if k not in ("NO_AT_BRIDGE", "GTK_A11Y", "LC_ALL", "LANG", "LANGUAGE",
                            "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "G_DEBUG",
                            "AT_SPI_BUS_ADDRESS", "XAUTHORITY")}
        env.update({
            "DISPLAY": display,
            "GDK_BACKEND": "x11",
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.environ.get("GSETTINGS_SCHEMA_DIR",
                                                   os.path.join(self.build_root, "data")),
            "GTK_USE_PORTAL": "0",
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "XDG_DATA_HOME": os.path.join(self.dir, "data"),
            "XDG_CACHE_HOME": os.path.join(self.dir, "cache"),
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "XDG_RUNTIME_DIR": os.path.join(self.dir, "runtime"),
            "HOME": os.path.join(self.dir, "home"),
        })
        env.update(french_locale())
        return env

    def _start_xvfb(self, explicit=False):
        """Starts an X server of the screen's size and returns its
        display. The number -displayfd picks can be taken by a server of
        another folder namespace, on the abstract socket of that number:
        ours then has no socket of its own, and GTK, which connects by
        the socket's path, would find none. Then another number is tried."""
        import random

        # X clients try the abstract socket of a number before its path:
        # a number whose abstract socket a server of another folder
        # namespace holds would lead the app there, so it is skipped.
        try:
            with open("/proc/net/unix", errors="replace") as f:
                taken = f.read()
        except OSError:
            taken = ""
        numbers = ([] if explicit else ["{fd}"]) + [str(n) for n in random.sample(range(1000, 30000), 8)]
        for number in numbers:
            log = os.path.join(self.dir, "xvfb.log")
            if number == "{fd}":
                argv = ["Xvfb", "-displayfd", "{fd}"]
            else:
                if os.path.exists(f"/tmp/.X{number}-lock") or \
                        os.path.exists(f"/tmp/.X11-unix/X{number}") or \
                        f"@/tmp/.X11-unix/X{number}\n" in taken:
                    continue
                argv = ["Xvfb", ":" + number, "-displayfd", "{fd}"]
            try:
                self.xvfb, got = _start_with_fd(
                    argv + ["-screen", "0", f"{self.width}x{self.height}x24", "-nolisten", "tcp"],
                    os.environ.copy(), log)
            except StepFailed:
                continue
            display = ":" + got
            with open(log, errors="replace") as f:
                clash = "already running" in f.read()
            if not clash and os.path.exists(f"/tmp/.X11-unix/X{got}"):
                return display
            _stop(self.xvfb)
            self.xvfb = None
        raise StepFailed("No X server could be started")

    def start_app(self, *args):
        """Starts the built app, with accessibility on, in French."""
        env = dict(self.env)
        program = os.path.join(self.build_root, "src", "app", "regards")
        env["LD_PRELOAD"] = os.path.join(self.build_root, "tests", "system", "meeting",
                                         "librg-test-localedir.so")
        env["REGARDS_TEST_LOCALEDIR"] = os.path.join(self.build_root, "po")
        # Not fatal-criticals: asked for a window that has just closed,
        # GTK 4.8's AT-SPI root names the last window instead, and warns
        # (g_variant_is_object_path) when that one is hidden. The app
        # keeps no hidden window (rg_shortcuts_add_window_action ()), but
        # a file chooser's dialog stays hidden for a moment after it
        # closes: a warning there must not abort the app a user keeps.
        # Now and then, on a busy machine shared with other X servers,
        # the app cannot open the display the probe reached a moment
        # before: it is started again, twice at most.
        for attempt in range(3):
            self.app_process = subprocess.Popen(
                [program, *args], env=env, cwd=self.dir, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=open(self.app_stderr, "wb"),
                start_new_session=True)
            try:
                return wait_for(self._find_app, "the app on the accessibility bus")
            except StepFailed:
                if attempt == 2 or "cannot open display" not in self.app_output():
                    raise

    def _find_app(self):
        if self.app_process.poll() is not None:
            xvfb_log = open(os.path.join(self.dir, "xvfb.log"), errors="replace").read()
            raise StepFailed(f"The app ended ({self.app_process.returncode}): "
                             + self.app_output()
                             + f"\nXvfb: {'running' if self.xvfb.poll() is None else self.xvfb.returncode}"
                             + f" {xvfb_log[-2000:]}")
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is None:
                continue
            try:
                if child.get_process_id() == self.app_process.pid:
                    return child
            except Exception:
                continue
        return None

    @property
    def app(self):
        return wait_for(self._find_app, "the app on the accessibility bus")

    def app_output(self):
        try:
            with open(self.app_stderr, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def stop(self, keep=False):
        _stop(self.app_process)
        for process in reversed(self.helpers):
            _stop(process)
        _stop(self.bus)
        _stop(self.xvfb)
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)

    # {{{ Keys and pointer, through the X server as a keyboard would

    def xdotool(self, *args):
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                text=True, timeout=WAIT_SECONDS)
        if result.returncode != 0:
            raise StepFailed(f"xdotool {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def key(self, *keys):
        """Presses each key in turn, as xdotool names them: "Return",
        "ctrl+shift+a", "Tab"."""
        for k in keys:
            self.xdotool("key", "--clearmodifiers", k)

    def type(self, text):
        """Types @text key by key. A letter beyond ASCII is typed as GTK
        lets anyone type any letter: Ctrl+Shift+U, its code, Space.
        (xdotool would remap a spare key for a moment, and the app, which
        reads the map back later, sometimes drops the letter.)"""
        run = ""
        for char in text + "\0":
            if char != "\0" and ord(char) < 128 and char != "\n":
                run += char
                continue
            if run:
                self.xdotool("type", "--delay", "30", run)
                run = ""
            if char == "\n":
                self.key("Return")
            elif char != "\0":
                self.key("ctrl+shift+u")
                self.xdotool("type", f"{ord(char):x}")
                self.key("space")

    def window_id(self, title_pattern):
        """The X window whose title matches, the newest if several."""
        found = wait_for(lambda: self.xdotool("search", "--onlyvisible", "--name",
                                              title_pattern).split(),
                         f"a window named {title_pattern!r}")
        return found[-1]

    def focus_window(self, title_pattern):
        """Gives the keyboard to the window whose title matches: there is
        no window manager to do it on a click."""
        window = self.window_id(title_pattern)
        self.xdotool("windowfocus", "--sync", window)
        return window

    def click_at(self, x, y, clicks=1):
        self.xdotool("mousemove", "--sync", str(int(x)), str(int(y)))
        self.xdotool("click", "--repeat", str(clicks), "--delay", "80", "1")

    def screenshot(self, path):
        """Saves the screen, for a person reading a failure."""
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", path], env=self.env,
                           capture_output=True, timeout=WAIT_SECONDS)


def french_locale():
    """The locale settings of a French user: fr_FR.UTF-8 where the
    system has it, else C.UTF-8 with French messages."""
    try:
        locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    except OSError:
        locales = ""
    names = {name.lower().replace("-", "") for name in locales.split()}
    lang = "fr_FR.UTF-8" if "fr_fr.utf8" in names else "C.UTF-8"
    return {"LANG": lang, "LC_ALL": lang, "LANGUAGE": "fr"}


# }}}
# {{{ The accessibility tree


def role_of(acc):
    return acc.getRole()


def name_of(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""


def children(acc):
    try:
        count = acc.childCount
    except Exception:
        return []
    result = []
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            result.append(child)
    return result


def is_showing(acc):
    """Whether @acc is on screen. GTK 4.8 gives no "showing" state:
    a visible widget in a hidden branch (a stack's other page) has no
    size instead."""
    try:
        if not acc.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return e.width > 0 and e.height > 0
    except NotImplementedError:
        return True
    except Exception:
        return False


def has_state(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:
        return False


def _matches(acc, role, name):
    if role is not None and role_of(acc) != role:
        return False
    if name is None:
        return True
    acc_name = name_of(acc)
    if isinstance(name, re.Pattern):
        return name.search(acc_name) is not None
    return acc_name == name


def find_all(root, role=None, name=None, showing=True, limit=None):
    """Every descendant of @root with @role and @name (a string to
    match whole, or a compiled pattern), in tree order. Hidden branches
    are skipped when @showing."""
    found = []
    stack = [root]
    while stack:
        acc = stack.pop()
        for child in reversed(children(acc)):
            if showing and not is_showing(child):
                continue
            stack.append(child)
        if acc is not root and _matches(acc, role, name):
            found.append(acc)
            if limit and len(found) >= limit:
                break
    return found


def find(root, role=None, name=None, showing=True, timeout=WAIT_SECONDS):
    """The first descendant of @root with @role and @name; waits for it."""
    what = f"{role_name(role)} {name if not isinstance(name, re.Pattern) else name.pattern!r}"
    return wait_for(lambda: (find_all(root, role, name, showing, limit=1) or [None])[0],
                    what, timeout)


def role_name(role):
    if role is None:
        return "anything"
    try:
        return pyatspi.Accessible.getRoleName  # pragma: no cover
    except Exception:
        pass
    return str(role)


def dump(root, depth=0, out=None, showing=True):
    """The tree under @root as text, one node a line: for reading
    failures and for writing steps."""
    lines = [] if out is None else out
    try:
        extents = ""
        try:
            e = root.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            extents = f" [{e.x},{e.y} {e.width}x{e.height}]"
        except Exception:
            pass
        states = []
        for state in ("focused", "focusable", "checked", "pressed", "selected", "editable"):
            if has_state(root, getattr(pyatspi, "STATE_" + state.upper())):
                states.append(state)
        lines.append("  " * depth + f"{root.getRoleName()} {name_of(root)!r}{extents}"
                     + (f" {{{','.join(states)}}}" if states else ""))
    except Exception as error:
        lines.append("  " * depth + f"? {error!r}")
    for child in children(root):
        if showing and not is_showing(child):
            continue
        dump(child, depth + 1, lines, showing)
    return lines if out is not None else "\n".join(lines)


def text_of(acc):
    """The text of a text widget, through the Text interface."""
    try:
        text = acc.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def extents(acc, coords=None):
    coords = pyatspi.WINDOW_COORDS if coords is None else coords
    return acc.queryComponent().getExtents(coords)


def do_action(acc, *names):
    """Does @acc's action named one of @names ("click", "activate"…),
    or its first one."""
    action = acc.queryAction()
    available = [action.getName(i) for i in range(action.nActions)]
    for name in names:
        if name in available:
            return action.doAction(available.index(name))
    if available:
        return action.doAction(0)
    raise StepFailed(f"{name_of(acc)!r} has no action")


def grab_focus(acc):
    try:
        return acc.queryComponent().grabFocus()
    except Exception:
        return False


def focused(root):
    """The focused descendant of @root, or None."""
    for acc in find_all(root):
        if has_state(acc, pyatspi.STATE_FOCUSED):
            return acc
    return None
