#!/usr/bin/env python3
# run-orca.py — Orca, its debug log written line by line
#
# Orca 43 writes its debug log (--debug-file) through a buffered file:
# an utterance reaches the file only once kilobytes more have followed.
# The test reads the log while Orca runs, so this runs the system's
# Orca with that one file opened line-buffered, and nothing else
# changed. Arguments are Orca's.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import builtins
import runpy
import shutil
import sys

orca = shutil.which("orca")
if orca is None:
    sys.exit("orca is not installed")

log = sys.argv[sys.argv.index("--debug-file") + 1] if "--debug-file" in sys.argv else None
real_open = builtins.open


def open_line_buffered(file, mode="r", buffering=-1, *args, **kwargs):
    if log is not None and file == log and "w" in mode and "b" not in mode:
        buffering = 1
    return real_open(file, mode, buffering, *args, **kwargs)


builtins.open = open_line_buffered
sys.argv[0] = orca
runpy.run_path(orca, run_name="__main__")
