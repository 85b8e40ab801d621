#!/bin/sh
# run-in-xvfb.sh — runs a widget test in an X server of its own
#
#   run-in-xvfb.sh PROGRAM [ARGUMENT…]
#
# Xvfb picks a free display number itself (-displayfd), taking it before
# it answers: tests started together never share a server. (`xvfb-run
# -a` looks for a free number, then starts the server: two tests started
# at the same moment could get the same one, and the first to end took
# the other's display away.) The program's standard output and exit
# status are its own; the server's messages go to standard error when
# it does not start.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

work=$(mktemp -d "${TMPDIR:-/tmp}/regards-xvfb-XXXXXX") || exit 1
xvfb=
cleanup () {
  [ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

mkfifo "$work/display"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" 2>"$work/log" &
xvfb=$!
# Xvfb writes the number once it listens; nothing when it cannot start
read -r number <"$work/display" || number=
if [ -z "$number" ]; then
  echo "Xvfb did not start:" >&2
  cat "$work/log" >&2
  exit 1
fi

DISPLAY=":$number" "$@"
status=$?
exit "$status"
