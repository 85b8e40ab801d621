#!/usr/bin/env python3
# schema-structure.py — the runtime copy of a RELAX NG schema of Regards
#
#   schema-structure.py INPUT.rng OUTPUT.rng
#
# data/schema/*.rng are the format's reference, for other tools too
# (jing, xmllint): their `pattern` facets say what an id, a date, a
# time or a colour looks like. libxml2 compiles such a facet again for
# every value it checks, which made the check of a library cost several
# times the parsing. The loader checks these values in C instead
# (check_values () in rg-session-xml.c), so the schema it compiles into
# its resources holds the structure only: this script writes that copy,
# the reference less its `pattern` parameters, at build time.
#
# It knows the patterns the C code checks: a pattern it does not know
# stops the build, so that a pattern added to the reference is never
# dropped without its check. tests/format/test-schema-values.c proves
# the two agree.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys

# Each pattern of the reference schemas, as checked by check_values ()
KNOWN_PATTERNS = {
    # SHAPE_UUID
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    # SHAPE_DATE
    "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
    # SHAPE_TIME
    "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z",
    # SHAPE_COLOUR
    "#[0-9a-fA-F]{6}",
    # SHAPE_VERSIONS (each item of the list)
    "[0-9a-f]{16}",
    # SHAPE_FIELD
    "[a-z]+(-[a-z]+)*",
    # SHAPE_TIME_OF_DAY
    "([01][0-9]|2[0-3]):[0-5][0-9]",
}

PATTERN = re.compile(r'\s*<param\s+name="pattern"\s*>(.*?)</param\s*>', re.S)


def main(source, target):
    with open(source, encoding="utf-8") as f:
        text = f.read()

    for pattern in PATTERN.findall(text):
        if pattern not in KNOWN_PATTERNS:
            sys.exit(f"{source}: the pattern {pattern} has no check in C: add one to "
                     "check_values () in src/core/format/rg-session-xml.c, then here")

    structure = PATTERN.sub("", text)
    if "pattern" in re.sub(r"<!--.*?-->", "", structure, flags=re.S):
        sys.exit(f"{source}: a pattern is written in a form this script does not read")

    with open(target, "w", encoding="utf-8") as f:
        f.write(structure)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: schema-structure.py INPUT.rng OUTPUT.rng")
    main(sys.argv[1], sys.argv[2])
