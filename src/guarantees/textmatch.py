"""Typography-insensitive matching: a query as a pattern that finds it whatever its quotes, dashes, spaces or case.

The pattern runs on the original text, so every match is already an exact span of it: code-point offsets
that a citation can use, with no map back from a normalised copy. The query is escaped character by
character, so no text a user or a file supplies can make the pattern backtrack.
"""

from __future__ import annotations

import re

# Characters typed for one another; each class matches any of its members.
_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032`\u00b4"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ELLIPSIS = r"(?:\u2026|\.\.\.)"
_CLASSES = {
    **{char: f"[{re.escape(_SINGLE_QUOTES)}]" for char in _SINGLE_QUOTES},
    **{char: f"[{re.escape(_DOUBLE_QUOTES)}]" for char in _DOUBLE_QUOTES},
    **{char: f"[{re.escape(_DASHES)}]" for char in _DASHES},
}
_QUERY_PIECE = re.compile(r"\s+|\.\.\.|\u2026|.", re.DOTALL)
_WORD = re.compile(r"\w+")


def build_pattern(query: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """A pattern matching `query` with any quotes, dashes, runs of white space (any kind) and, by default, case."""
    pieces = []
    for piece in _QUERY_PIECE.findall(query.strip()):
        if piece.isspace():
            pieces.append(r"\s+")
        elif piece in ("...", "\u2026"):
            pieces.append(_ELLIPSIS)
        else:
            pieces.append(_CLASSES.get(piece, re.escape(piece)))
    return re.compile("".join(pieces), re.IGNORECASE if ignore_case else 0)


def words(text: str) -> list[str]:
    """The words of a text, in order: what must stay the same for a changed passage to count as unchanged."""
    return _WORD.findall(text)
