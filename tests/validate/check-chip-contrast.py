#!/usr/bin/env python3
# The chips that say a link's kind (agreement, divergence, complement,
# to clarify) keep their text readable on their tint: WCAG AA, a
# contrast of at least 4.5:1, in the light style and the dark one.
#
# The colours are read from src/app/style.css and style-dark.css (the
# dark one overrides the light one's named colours, as libadwaita loads
# it on top); the neutral chips (complement, to clarify) tint the text's
# own colour over the card, with libadwaita 1.2's colours below.
#
# Usage: check-chip-contrast.py SRC_APP_FOLDER

import re
import sys
from pathlib import Path

AA = 4.5

# libadwaita 1.2: the text colour and the card a chip sits on
NEUTRAL = {
    'light': {'fg': ('#000000', 0.8), 'base': '#ffffff'},
    'dark': {'fg': ('#ffffff', 1.0), 'base': '#363636'},
}


def rgb(colour):
    colour = colour.lstrip('#')
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))


def over(colour, alpha, base):
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour, base))


def luminance(colour):
    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def named_colours(path):
    text = path.read_text(encoding='utf-8')
    return {name: value for name, value in
            re.findall(r'@define-color\s+(\w+)\s+(#[0-9a-fA-F]{6})\s*;', text)}


def rules(text):
    """(selectors, body) of each rule, comments left out"""
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    return re.findall(r'([^{}]+)\{([^}]*)\}', text)


def main():
    folder = Path(sys.argv[1])
    css = (folder / 'style.css').read_text(encoding='utf-8')
    light = named_colours(folder / 'style.css')
    dark = dict(light, **named_colours(folder / 'style-dark.css'))
    failures = []

    # Every rule that colours a chip of a kind uses its named colours,
    # which are measured below.
    for kind in ('agreement', 'divergence'):
        found = False
        for selectors, body in rules(css):
            if not re.search(r'(link-badge|link-count)\.' + kind + r'\b', selectors):
                continue
            for prop in ('color', 'background-color'):
                match = re.search(r'(?<![-\w])' + prop + r'\s*:\s*([^;]+);', body)
                if match is None:
                    continue
                found = True
                if not re.fullmatch(r'@rg_' + kind + r'(_open)?_chip_(fg|bg)', match.group(1).strip()):
                    failures.append(f'{selectors.strip()}: {prop} is {match.group(1).strip()}, '
                                    f'not a colour measured here')
        if not found:
            failures.append(f'no rule colours the {kind} chips')

    pairs = [('agreement', 'rg_agreement_chip_fg', 'rg_agreement_chip_bg'),
             ('divergence', 'rg_divergence_chip_fg', 'rg_divergence_chip_bg'),
             ('open divergence', 'rg_divergence_chip_fg', 'rg_divergence_open_chip_bg')]
    for style, colours in (('light', light), ('dark', dark)):
        for kind, fg, bg in pairs:
            if fg not in colours or bg not in colours:
                failures.append(f'{style}: @{fg} or @{bg} is not defined')
                continue
            ratio = contrast(rgb(colours[fg]), rgb(colours[bg]))
            print(f'{style:5} {kind:16} {colours[fg]} on {colours[bg]}: {ratio:.2f}:1')
            if ratio < AA:
                failures.append(f'{style}: the {kind} chip has a contrast of {ratio:.2f}:1, '
                                f'under {AA}:1')

        # Complement, to clarify: the text over a tint of itself
        base = rgb(NEUTRAL[style]['base'])
        colour, alpha = NEUTRAL[style]['fg']
        fg = over(rgb(colour), alpha, base)
        tint = over(rgb(colour), alpha * 0.1, base)
        ratio = contrast(fg, tint)
        print(f'{style:5} {"neutral":16} {ratio:.2f}:1')
        if ratio < AA:
            failures.append(f'{style}: the neutral chips have a contrast of {ratio:.2f}:1')

    for failure in failures:
        print('FAIL:', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
