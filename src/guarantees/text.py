"""Which characters of file text are unsafe, and how each output shows text it did not write itself.

Every renderer and every check takes the rule from here, so the terminal, the Markdown memo, the
findings and the type checks can never disagree on what may pass.
"""

from __future__ import annotations

import re

# C0/C1 control characters (except tab and newline), DEL and bidirectional overrides and isolates:
# text that could rewrite a terminal or reorder a table line. model.NO_CONTROL is the same class as a
# JSON Schema pattern, so check-jsonschema refuses what `guarantees validate` refuses.
CONTROL_CLASS = r"\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROL_CLASS}]")

# For one-line diagnostics, tab, newline and the line and paragraph separators are unsafe too: a
# file name or a key with a newline could forge a line of its own.
_UNPRINTABLE = re.compile(f"[{CONTROL_CLASS}\t\n\u2028\u2029]")

REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """Text from a file made safe for a diagnostic line: every unsafe character as a visible `\\uXXXX`."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def sanitise(value: object) -> str:
    """Data for display: every control character as U+FFFD, so no escape sequence reaches a terminal."""
    return CONTROL.sub(REPLACEMENT, str(value))


# ASCII punctuation that can start Markdown syntax; backslash-escaping it is always valid CommonMark.
# Left alone: . , : ; ? ' " / - ( ) which open nothing inline once line starts and `[` are escaped.
_MARKDOWN_SPECIAL = re.compile(r"""([\\`*_{}\[\]<>#+=|!~&$%^@])""")
_SPACE = re.compile(r"\s+")
# Text that GitHub and pandoc turn into something else although no character of it is Markdown syntax:
# extended autolinks (`scheme://`, `www.`), which also swallow the backslash escapes that follow them
# (GitHub shows `https://x\]` with its backslash), and pandoc's emoji codes (`:smile:` becomes 😄).
# Escaping the `:` or `.` that starts one leaves the text as it is and stops the conversion. (github.com
# also swaps emoji codes in the rendered page, after Markdown; no escape reaches that far.)
_CONVERTED_START = re.compile(r"(?i)(?<=www)\.|:(?=//)|:(?=[a-z0-9_+-]+:)")


def markdown_inline(value: object) -> str:
    """Plain text as inline Markdown that renders to exactly that text, on one line, inside or outside a table.

    Control characters (which validation refuses in model text) show as U+FFFD, as in the terminal: renderers
    disagree on them (pandoc passes NUL through, CommonMark asks for U+FFFD).
    """
    text = sanitise(_SPACE.sub(" ", str(value)))
    return _CONVERTED_START.sub(r"\\\g<0>", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
