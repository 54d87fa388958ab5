"""Which characters of file text are unsafe, and how each output shows text it did not write itself.

Every renderer and every check takes the rule from here, so the terminal, the Markdown memo, the
findings, the JSON outputs and the type checks can never disagree on what may pass. The rules, per
channel, are listed in docs/reference/output-safety.md.
"""

from __future__ import annotations

import re

# C0/C1 control characters (except tab and newline), DEL, line and paragraph separators,
# bidirectional controls, and the invisible characters that can hide text, misalign a table or make
# two names look alike: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers,
# Khmer inherent vowels, Mongolian vowel separator, zero-width space/joiners, LRM/RLM, word joiner
# and invisible operators, U+FEFF, interlinear annotation, shorthand and musical format controls,
# and tag characters. Variation selectors (U+FE00-U+FE0F and the like) stay allowed: they only
# choose a glyph, and a source article uses U+FE0F. model.NO_CONTROL is this class as a JSON Schema
# pattern, so check-jsonschema refuses what `guarantees validate` refuses; the supplementary-plane
# ranges are written as the characters themselves because Python, Rust (pydantic) and ECMAScript
# (editors) share no escape for them.
CONTROL_CLASS = (
    r"\x00-\x08\x0B-\x1F\x7F-\x9F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F"
    r"\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
_BIDI = re.compile(r"[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]")

# For one-line diagnostics, tab and newline are unsafe too: a file name or a key with a newline
# could forge a line of its own.
_UNPRINTABLE = re.compile(f"[{CONTROL_CLASS}\t\n]")

# GitHub Actions runs a log line as a workflow command when it starts with `::` after white space,
# or when `##[` appears anywhere in it (the legacy form): `::error ...`, `##[add-mask]`,
# `::stop-commands::` would forge annotations, hide text or switch the real annotations off.
_LEGACY_COMMAND = re.compile(r"(?<=##)\[")
_COMMANDS = re.compile(r"(?<=:):|(?<=##)\[")

REPLACEMENT = "\ufffd"


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """Text from a file made safe for a diagnostic line: unsafe characters as a visible `\\uXXXX`, and no `##[`."""
    return _LEGACY_COMMAND.sub(r"\\u005b", _UNPRINTABLE.sub(lambda m: _escape(m.group()), text))


def printable_path(path: str) -> str:
    """A file name that starts a diagnostic line: like `printable`, and a relative path that starts with `:`
    or white space gets `./`, so no file name can start a GitHub workflow command."""
    shown = printable(path)
    return f"./{shown}" if shown[:1] == ":" or shown[:1].isspace() else shown


def sanitise(value: object) -> str:
    """Data for display: every unsafe character as U+FFFD, so no escape sequence reaches a terminal."""
    return CONTROL.sub(REPLACEMENT, str(value))


def terminal(value: object) -> str:
    """Data for a terminal view or a CI log: `sanitise`, and the second `:` of `::` and the `[` of `##[` as
    U+FFFD. Wrapping can put any piece of data at the start of a line, so no `::` may survive anywhere.
    Each replacement is one character for one, so offsets into the text stay valid."""
    return _COMMANDS.sub(REPLACEMENT, sanitise(value))


def describe_character(char: str) -> str:
    """`the invisible character U+200D ZERO WIDTH JOINER`: what a finding says it found."""
    import unicodedata  # here, like json below: only a finding or a JSON output needs it, not compare

    kind = (
        "control character"
        if unicodedata.category(char) == "Cc"
        else "bidirectional control"
        if _BIDI.match(char)
        else "line separator"
        if char in "\u2028\u2029"
        else "invisible character"
    )
    name = unicodedata.name(char, "")
    return f"the {kind} U+{ord(char):04X}" + (f" {name}" if name else "")


def json_text(data: object) -> str:
    """JSON with every unsafe character and the `[` of `##[` as a `\\u` escape: the same data, inert in a log.

    json.dumps escapes C0 controls but writes DEL, C1, bidirectional and invisible characters as they are.
    `##[` can only occur inside a JSON string (no array opens right after `#`), so escaping it keeps the data.
    """
    import json

    dumped = json.dumps(data, indent=2, ensure_ascii=False)
    return _LEGACY_COMMAND.sub(r"\\u005b", CONTROL.sub(lambda m: _json_escape(m.group()), dumped))


def _json_escape(char: str) -> str:
    import json

    return json.dumps(char, ensure_ascii=True)[1:-1]  # a surrogate pair for the supplementary planes


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


# A URL the memo may turn into a link: http(s) and the ASCII characters RFC 3986 allows, so no `<`, `>`,
# `"`, space or backslash can end the autolink early or open HTML. model.URL is the same rule.
URL = r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$"
_URL = re.compile(URL)


def is_link_safe(url: str) -> bool:
    """Whether a URL may become a link (Markdown autolink, HTML href): http(s), and nothing that can carry markup."""
    return _URL.fullmatch(url) is not None


def markdown_url(url: str) -> str:
    """A URL as a Markdown autolink when it is one that cannot carry markup; otherwise as escaped plain text."""
    return f"<{url}>" if is_link_safe(url) else markdown_inline(url)
