#!/usr/bin/env python3
# paint-poll.py — when a program's window is first painted, seen from outside
#
#   paint-poll.py [--interval-ms 30] [--duration-s 5] [--rows X,Y,W,H]
#                 [--save DIR] [--log FILE] [--verbose] -- COMMAND…
#
# Starts COMMAND on the X display of $DISPLAY (an Xvfb of its own, with
# nothing else on it, the screen black), takes a picture of the whole
# screen with `xwd -root` every INTERVAL ms from the moment the process
# starts, for DURATION seconds, then stops the program, and prints one
# line of times from the start of the process:
#
#   first paint 262 ms, rows 262 ms, settled 1905 ms (picture 9 of 160, every 31 ms)
#
# - first paint: the first picture where the screen is no longer black;
# - rows: the first picture where the rectangle given by --rows (where
#   a list's rows are) is painted with text in it: mostly light, with
#   dark pixels, as a page of rows is; not measured without --rows;
# - settled: the first picture from which every picture looks like the
#   last one (fewer than 0.1 % of the pixels differ by more than a
#   little).
#
# A program that ends by itself before the pictures stop (one that could
# not open the display, say) is said to have, with its exit status.
#
# Pixels are sampled every 4th one across and down. Each time is when
# the picture was asked for: what it shows was painted before, by less
# than one interval.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import signal
import struct
import subprocess
import sys
import time

STEP = 4           # sample every 4th pixel, across and down
TOLERANCE = 24     # a channel may differ by this much (antialiasing, dithering)
MAX_DIFFERING = 0.001


def sample(xwd):
    """The green channel of every STEP-th pixel of an xwd picture, and its size"""
    header = struct.unpack(">25I", xwd[:100])
    header_size, bits_per_pixel, bytes_per_line = header[0], header[11], header[12]
    width, height, ncolours = header[4], header[5], header[19]
    if bits_per_pixel not in (24, 32):
        sys.exit(f"xwd gave {bits_per_pixel} bits per pixel: run Xvfb at depth 24")
    start = header_size + 12 * ncolours
    pixel = bits_per_pixel // 8
    # ZPixmap: the second byte of each pixel is green in either byte order
    rows = []
    for y in range(0, height, STEP):
        offset = start + y * bytes_per_line + 1
        rows.append(xwd[offset:offset + width * pixel:pixel * STEP])
    return b"".join(rows), (width, height)


def region(pixels, size, rectangle):
    """The samples of @pixels inside @rectangle (x, y, width, height)"""
    x, y, w, h = rectangle
    columns = (size[0] + STEP - 1) // STEP
    out = []
    for row in range(y // STEP, min((y + h) // STEP, (size[1] + STEP - 1) // STEP)):
        out.append(pixels[row * columns + x // STEP:row * columns + (x + w) // STEP])
    return b"".join(out)


def shows_rows(samples):
    """Painted (mostly light) and with text (some dark pixels)"""
    light = sum(1 for v in samples if v > 200)
    dark = sum(1 for v in samples if v < 128)
    return light > 0.5 * len(samples) and dark > 0.005 * len(samples)


def differing(a, b):
    if len(a) != len(b):
        return 1.0
    n = sum(1 for x, y in zip(a, b) if abs(x - y) > TOLERANCE)
    return n / max(len(a), 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--interval-ms", type=float, default=30)
    parser.add_argument("--duration-s", type=float, default=5)
    parser.add_argument("--rows", help="X,Y,WIDTH,HEIGHT: where the rows of a list show")
    parser.add_argument("--save", help="write the pictures at each time found here")
    parser.add_argument("--log", help="write what the program writes on stderr here")
    parser.add_argument("--verbose", action="store_true",
                        help="print how much each picture differs from the settled one")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    pictures = []   # (ms since the start, sampled pixels, raw picture if kept)
    start = time.monotonic()
    log = open(args.log, "wb") if args.log else subprocess.DEVNULL
    process = subprocess.Popen(args.command, stdout=subprocess.DEVNULL, stderr=log,
                               start_new_session=True)
    try:
        while True:
            asked = time.monotonic()
            if asked - start > args.duration_s:
                break
            xwd = subprocess.run(["xwd", "-root", "-silent"], capture_output=True,
                                 check=True).stdout
            pixels, size = sample(xwd)
            pictures.append(((asked - start) * 1000, pixels, xwd if args.save else None))
            rest = args.interval_ms / 1000 - (time.monotonic() - asked)
            if rest > 0:
                time.sleep(rest)
    finally:
        # Ended by itself: it could not start (a display refusing it), or
        # failed; its pictures measure nothing
        ended = process.poll()
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        process.wait()

    final = pictures[-1][1]
    black = pictures[0][1]
    if pictures[0][0] > 50 or any(black):
        sys.exit("the screen was not black at the start: use an Xvfb of its own")
    if args.verbose:
        for ms, pixels, _ in pictures:
            print(f"{ms:7.0f} ms {100 * differing(pixels, final):6.2f} % differ", file=sys.stderr)

    found = {}
    found["first paint"] = next((i for i, p in enumerate(pictures) if any(p[1])), None)
    if args.rows:
        rectangle = [int(v) for v in args.rows.split(",")]
        found["rows"] = next((i for i, p in enumerate(pictures)
                              if shows_rows(region(p[1], size, rectangle))), None)
    settled = len(pictures) - 1
    while settled > 0 and differing(pictures[settled - 1][1], final) < MAX_DIFFERING:
        settled -= 1
    found["settled"] = settled if settled < len(pictures) - 5 else None

    if args.save:
        os.makedirs(args.save, exist_ok=True)
        for name, index in found.items():
            if index is not None:
                with open(os.path.join(args.save, name.replace(" ", "-") + ".xwd"), "wb") as f:
                    f.write(pictures[index][2])

    every = pictures[-1][0] / max(len(pictures) - 1, 1)
    times = ", ".join(f"{name} {pictures[index][0]:.0f} ms" if index is not None
                      else f"{name} never" for name, index in found.items())
    print(f"{times} ({len(pictures)} pictures, every {every:.0f} ms)"
          + (f"; the program ended by itself, status {ended}" if ended is not None else ""))
    if found["first paint"] is None or found.get("rows", 0) is None:
        sys.exit(1)


if __name__ == "__main__":
    main()
