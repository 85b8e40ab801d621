# screen_reader.py — the real screen reader around the built app
#
# What a blind partner has in a meeting: a window manager that gives the
# keyboard to the window that opens (Orca follows focus events), a speech
# server (speech-dispatcher with espeak-ng, to a sound device that plays
# nothing: no sound card is needed), and Orca, the GNOME screen reader,
# writing every utterance to its debug log. This extends harness.Harness
# (its X server, session bus and AT-SPI bus), and reads what Orca said
# from the log: `SPEECH OUTPUT: '…'` lines, one per utterance.
#
# Everything runs in the harness's private folder, with private settings:
# nothing of the user's speech or screen reader setup is read or changed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import socket
import subprocess
import time

import harness as h

ESPEAK_MODULE_DIRS = ("/usr/lib/speech-dispatcher-modules",
                      "/usr/libexec/speech-dispatcher-modules",
                      "/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules")

SYSTEM_PYTHON = "/usr/bin/python3"


class CannotRun(Exception):
    """The screen reader or its speech server cannot run here: the test
    is skipped, with this message."""


def _other_orcas():
    """Orca refuses to start while another Orca of the same user runs,
    on whatever display: those of the user, found as Orca finds them."""
    try:
        result = subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"],
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return result.stdout.split()


def missing_programs():
    """What the test needs and the system lacks, as a sentence, or None."""
    missing = [p for p in ("openbox", "speech-dispatcher", "orca", "xdotool")
               if shutil.which(p) is None]
    if not any(os.path.exists(os.path.join(d, "sd_espeak-ng")) for d in ESPEAK_MODULE_DIRS):
        missing.append("speech-dispatcher-espeak-ng")
    if missing:
        return "not installed: " + ", ".join(missing)
    if _other_orcas():
        return "another Orca runs for this user (Orca allows one a user)"
    return None


class ScreenReaderHarness(h.Harness):
    """The harness, with openbox, speech-dispatcher and Orca started
    after the X server and the buses, and before the app."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.orca_process = None
        self.orca_log = os.path.join(self.dir, "orca-debug.txt")
        self.speech = None

    def start_screen_reader(self, language="fr"):
        """Starts the window manager, the speech server and Orca, and
        waits until Orca speaks. Raises CannotRun when one of them
        cannot start here."""
        self._start_window_manager()
        address = self._start_speech_server(language)
        self._start_orca(address)
        self.speech = SpeechLog(self.orca_log)
        # Orca greets ("Screen reader on") once it listens to the
        # accessibility bus: from then on, what the app does is heard.
        try:
            self.speech.wait_for(re.compile("."), "Orca's first words", timeout=60)
        except h.StepFailed as error:
            raise CannotRun(f"Orca did not speak: {error}; its log: {self.orca_log}")

    def _helper_env(self):
        env = dict(self.env)
        # The system's settings schemas (Orca reads the desktop's
        # accessibility ones) with the build's, in memory.
        env.pop("G_DEBUG", None)
        env.pop("LD_PRELOAD", None)
        return env

    def _start(self, argv, env, log_name):
        log = open(os.path.join(self.dir, log_name), "wb")
        process = subprocess.Popen(argv, env=env, cwd=self.dir, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.helpers.append(process)
        return process

    def _check_running(self, process, what, log_name):
        if process.poll() is not None:
            with open(os.path.join(self.dir, log_name), errors="replace") as f:
                output = f.read()[-2000:]
            raise CannotRun(f"{what} ended ({process.returncode}): {output}")

    # {{{ The window manager

    def _start_window_manager(self):
        """openbox, which gives the keyboard to a new window and tells
        the toolkit its window is active: Orca then hears the focus."""
        def managed():
            self._check_running(process, "openbox", "openbox.log")
            # Without a window manager, the desktops' count is not there.
            result = subprocess.run(["xdotool", "get_num_desktops"], env=self.env,
                                    capture_output=True, text=True, timeout=h.WAIT_SECONDS)
            return result.returncode == 0 and result.stdout.strip() not in ("", "0")

        # Now and then, on a loaded machine, openbox does not get the
        # display the first time: it is tried again.
        for attempt in range(3):
            process = self._start(["openbox", "--sm-disable"], self._helper_env(), "openbox.log")
            try:
                h.wait_for(managed, "openbox to manage the screen")
                return
            except h.StepFailed as error:
                failure = error
                self.helpers.remove(process)
                h._stop(process)
        raise CannotRun(f"{failure} (display {self.env['DISPLAY']})")

    # }}}
    # {{{ The speech server

    def _start_speech_server(self, language):
        """speech-dispatcher, with a configuration of its own: espeak-ng,
        in @language, played through libao's null driver (a sound device
        that plays nothing). Returns the address a client connects to."""
        folder = os.path.join(self.dir, "speech")
        conf = os.path.join(folder, "conf")
        home = os.path.join(folder, "home")
        os.makedirs(os.path.join(conf, "modules"), exist_ok=True)
        os.makedirs(home, exist_ok=True)
        with open(os.path.join(conf, "speechd.conf"), "w") as f:
            f.write('AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
                    'DefaultModule espeak-ng\n'
                    f'DefaultLanguage "{language}"\n'
                    'AudioOutputMethod "libao"\n')
        open(os.path.join(conf, "modules", "espeak-ng.conf"), "w").close()
        # libao reads its default driver from ~/.libao
        with open(os.path.join(home, ".libao"), "w") as f:
            f.write("default_driver=null\n")
        path = os.path.join(self.dir, "runtime", "speechd.sock")
        env = self._helper_env()
        env["HOME"] = home
        process = self._start(["speech-dispatcher", "--run-single", "--timeout", "0",
                               "--config-dir", conf, "--communication-method", "unix_socket",
                               "--socket-path", path, "--log-dir", folder,
                               "--log-level", "2"], env, "speech-dispatcher.log")

        def listening():
            self._check_running(process, "speech-dispatcher", "speech-dispatcher.log")
            if not os.path.exists(path):
                return False
            with socket.socket(socket.AF_UNIX) as s:
                try:
                    s.connect(path)
                except OSError:
                    return False
            return True
        try:
            h.wait_for(listening, "speech-dispatcher to listen")
        except h.StepFailed as error:
            raise CannotRun(str(error))
        return "unix_socket:" + path

    # }}}
    # {{{ Orca

    def _start_orca(self, speech_address):
        """Orca, with settings of its own (speech on, verbose, no braille
        display to look for, no key echo to drown the rest) and its
        debug log, which records each utterance."""
        prefs = os.path.join(self.dir, "orca")
        os.makedirs(prefs, exist_ok=True)
        settings = {
            "enableSpeech": True,
            "speechServerFactory": "speechdispatcherfactory",
            "speechVerbosityLevel": 1,  # verbose
            "enableBraille": False,
            "enableKeyEcho": False,
            "enableSound": False,
            "speakDescription": True,
            "onlySpeakDisplayedText": False,
        }
        with open(os.path.join(prefs, "user-settings.conf"), "w") as f:
            json.dump({
                "general": dict(settings, startingProfile=["Default", "default"]),
                "profiles": {"default": dict(settings, profile=["Default", "default"])},
                "pronunciations": {},
                "keybindings": {},
            }, f, indent=2)
        env = self._helper_env()
        env["SPEECHD_ADDRESS"] = speech_address
        # The system's Python, which has Orca's modules; through
        # run-orca.py, which has the log written as it goes.
        launcher = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run-orca.py")
        process = self._start([SYSTEM_PYTHON, launcher, "--user-prefs", prefs,
                               "--debug-file", self.orca_log],
                              env, "orca.log")
        self.orca_process = process

        def started():
            self._check_running(process, "Orca", "orca.log")
            try:
                with open(self.orca_log, errors="replace") as f:
                    return "ORCA: Starting registry" in f.read()
            except OSError:
                return False
        try:
            h.wait_for(started, "Orca to start", timeout=60)
        except h.StepFailed as error:
            raise CannotRun(f"{error}; its log: {self.orca_log}")

    # }}}


class SpeechLog:
    """The utterances of Orca's debug log, in order. Orca 43 writes each
    as a line `SPEECH OUTPUT: 'TEXT'` followed by the voice; a text
    with a line break goes on over the next lines."""

    LINE = re.compile(r"SPEECH OUTPUT: '(.*?)'(?: voice=\S+)?\s*(?:ACSS|\{|$)", re.S | re.M)

    def __init__(self, path):
        self.path = path
        self.position = 0

    def utterances(self):
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            return []
        return [m.group(1) for m in self.LINE.finditer(text)]

    def mark(self):
        """From now on: what wait_for () and since () look at."""
        self.position = len(self.utterances())
        return self.position

    def since(self, position=None):
        return self.utterances()[self.position if position is None else position:]

    def wait_for(self, pattern, what, timeout=h.WAIT_SECONDS, position=None):
        """Waits until Orca says something matching @pattern (a compiled
        pattern, or a function of the utterance) after the mark, and
        returns it. On failure, the message lists what was said."""
        if isinstance(pattern, re.Pattern):
            check = pattern.search
        else:
            check = pattern
        start = self.position if position is None else position

        def heard():
            for utterance in self.utterances()[start:]:
                if check(utterance):
                    return utterance
            return None
        try:
            return h.wait_for(heard, what, timeout=timeout, interval=0.2)
        except h.StepFailed:
            said = self.utterances()[start:]
            raise h.StepFailed(f"Orca did not say {what}; it said: "
                               + (" | ".join(said[-30:]) if said else "nothing"))
