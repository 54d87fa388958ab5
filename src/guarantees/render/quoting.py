"""Plain-text pieces every document view shares: a quote in balanced quote marks, a partial date in words."""

from __future__ import annotations

import re

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DOUBLE = re.compile(r'["“”]')
_OPENS_BEFORE = re.compile(r"(^|[\s(\[{—–-])$")


def human_date(value: str | None) -> str:
    """`2025` → `2025`, `2025-03` → `March 2025`, `2025-12-20` → `20 December 2025`; None → `undated`."""
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _inner_marks(text: str) -> str:
    """Double quote marks inside a quote become single ones, opening or closing by what stands before them."""
    out = []
    for index, char in enumerate(text):
        if _DOUBLE.fullmatch(char):
            out.append("‘" if _OPENS_BEFORE.search(text[:index]) else "’")
        else:
            out.append(char)
    return "".join(out)


def quoted(text: str) -> str:
    """A quote in curly double quote marks, its own marks balanced.

    A span cut from a source may start or end on a quote mark whose partner lies outside it
    (`"If they don't pay, ...`); that mark is dropped rather than shown as `“"If ...”`. Marks inside
    become single quotes, as a nested quotation is written."""
    body = text.strip()
    if len(_DOUBLE.findall(body)) % 2:
        if _DOUBLE.fullmatch(body[:1]):
            body = body[1:]
        elif _DOUBLE.fullmatch(body[-1:]):
            body = body[:-1]
    if len(_DOUBLE.findall(body)) % 2 == 0 and _DOUBLE.fullmatch(body[:1]) and _DOUBLE.fullmatch(body[-1:]):
        inner = body[1:-1]
        if not _DOUBLE.search(inner):  # the whole span is one quotation: one pair of marks is enough
            body = inner
    return f"“{_inner_marks(body.strip())}”"
