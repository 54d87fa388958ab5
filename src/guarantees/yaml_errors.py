"""PyYAML's errors, and characters its readers would misplace, as findings located where an editor shows them."""

from __future__ import annotations

import re
from typing import Any

import yaml

from guarantees.findings import Finding, Location


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a string index, counting lines as editors do, by LF."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def syntax_finding(error: yaml.MarkedYAMLError, text: str, file: str) -> Finding:
    mark, opened = error.problem_mark or error.context_mark, error.context_mark
    problem = error.problem or "invalid YAML"
    context = f" ({error.context})" if error.context else ""
    if mark and opened and not text[index_of(text, mark) :].strip():
        # An unclosed quote or bracket: the end of the file says nothing, where it opens does.
        what = re.sub(r"^while (?:scanning|parsing) (?:an? )?", "", error.context or "value")
        mark, problem, context = opened, "the end of the file", f" inside the {what} that starts here"
    elif mark and opened and (opened.line, opened.column) != (mark.line, mark.column) and error.context:
        context = f" ({error.context} that starts at line {opened.line + 1}, column {opened.column + 1})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    found = _char_at(text, line, column)
    hint = "indent with spaces, not tabs" if found == "\t" else None
    if found is not None and found.strip() and problem != "the end of the file":
        problem = f"{problem} `{found}`"
    return Finding(
        "yaml-syntax", f"expected valid YAML, found: {problem}{context}", Location(file, line, column), hint=hint
    )


def index_of(text: str, mark: Any) -> int:
    """A mark's string index, from its line and column (libyaml's own index may count bytes)."""
    lines = text.split("\n")
    return sum(len(part) + 1 for part in lines[: mark.line]) + int(mark.column)


def _char_at(text: str, line: int, column: int) -> str | None:
    lines = text.split("\n")
    if line - 1 < len(lines) and column - 1 < len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return None


_BREAK_NAMES = {
    "\r": "a carriage return without a line feed",
    "\x85": "NEL",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
}


def unreadable_finding(char: str, text: str, index: int, file: str) -> Finding:
    line, column = line_and_column(text, index)
    if char in _BREAK_NAMES:
        message = (
            f"expected LF or CRLF line ends, found U+{ord(char):04X} ({_BREAK_NAMES[char]}), "
            "which YAML 1.1 readers count as a line break and editors do not"
        )
        hint = "replace it with a space or a plain newline"
    else:
        message = f"expected printable YAML text, found the control character U+{ord(char):04X}"
        hint = "remove it; model text is data and may not carry terminal controls"
    return Finding("control-character", message, Location(file, line, column), hint=hint)


def reader_finding(error: yaml.YAMLError, text: str, file: str, *, using_libyaml: bool) -> Finding:
    # Not reached for the characters UNREADABLE knows; libyaml's position counts UTF-8 bytes.
    position = getattr(error, "position", 0) or 0
    if using_libyaml:
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    character = getattr(error, "character", None)
    char = chr(character) if isinstance(character, int) else str(character or "?")[:1]
    return unreadable_finding(char, text, min(position, len(text)), file)
