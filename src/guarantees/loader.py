"""Strict YAML reading: bytes → plain data plus a map from each node's data path to its line and column.

Built on PyYAML's event stream (libyaml when present) instead of its constructors, so that
no tag ever builds an object, anchors and aliases never expand, nesting depth is checked
before anything deep is built, duplicate keys are caught, and plain scalars are resolved with
YAML 1.2 core rules (`NO`, `on`, `1:20`, `2025-08-16` stay strings), as editors and
check-jsonschema read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guarantees.findings import Finding, Location
from guarantees.safe_file import Refusal, read_bounded
from guarantees.text import CONTROL, describe_character
from guarantees.yaml_errors import index_of, reader_finding, syntax_finding, unreadable_finding
from guarantees.yaml_scalars import resolve_plain

MAX_BYTES = 262_144  # the largest shipped model is ~10 KiB; every per-file cost is linear in this bound
MAX_DEPTH = 64  # a model nests about eight levels; libyaml's composer dies near 25,000
MAX_NODES = 10_000  # keys and values; the largest shipped model has ~250, and each costs ~10 µs to read
Path_ = tuple[str | int, ...]

# What libyaml's reader would refuse (its error position is a byte offset, useless as a column) or
# read as a line break where editors see none (NEL, LS, PS, a lone CR: every line number after it
# would be off). Found here first, so the finding points where an editor does.
UNREADABLE = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|\r(?!\n)")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
USING_LIBYAML = _Loader is not yaml.SafeLoader


@dataclass
class Document:
    """A YAML file read into plain data, with the position of every node and key."""

    file: str
    data: Any
    text: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    plain: dict[Path_, str] = field(default_factory=dict)  # the source text of every non-string plain scalar

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """The position of `path`, or of its nearest ancestor that exists in the file."""
        probe = tuple(path)
        while True:
            mark = (self.keys.get(probe) if key else None) or self.values.get(probe)
            if mark or not probe:
                line, column = mark or (1, 1)
                return Location(self.file, line, column, tuple(path))
            probe = probe[:-1]


class _Stop(Exception):
    """Ends the walk at the first structural finding."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def decode_text(raw: bytes, file: str) -> tuple[str | None, Finding | None]:
    """Strict UTF-8 with an optional BOM; a bad byte is reported at its line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        message = f"expected UTF-8 text, found byte 0x{raw[error.start]:02x} that is not valid UTF-8"
        return None, Finding("invalid-utf8", message, locate_byte(raw, error.start, file))


def locate_byte(raw: bytes, offset: int, file: str) -> Location:
    """The line and column (in characters, as an editor counts them) of the byte at `offset`."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return Location(file, line, column)


def read_document(
    path: Path, file: str | None = None, *, limit: int = MAX_BYTES, what: str = "a model file"
) -> tuple[Document | None, Finding | None]:
    """Read one YAML file through guarantees.safe_file; either a Document or the first finding that stops it."""
    file = file or str(path)
    raw = read_bounded(path, limit=limit, what=what)
    if isinstance(raw, Refusal):
        # Nothing of a refused file is read, so no value from it can reach a finding.
        where = Location(file, 1, 1) if raw.code == "file-too-large" else Location(file)
        return None, Finding(raw.code, raw.message, where)
    text, finding = decode_text(raw, file)
    if text is None:
        return None, finding
    return parse_document(text, file)


def parse_document(text: str, file: str) -> tuple[Document | None, Finding | None]:
    """Parse YAML text into a Document; stop at the first structural finding."""
    unreadable = UNREADABLE.search(text)
    if unreadable:
        return None, unreadable_finding(unreadable.group(), text, unreadable.start(), file)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, Finding("empty-file", "expected a YAML mapping, found an empty file", Location(file, 1, 1))
    document = Document(file=file, data=None, text=text)
    try:
        document.data = _Builder(document).build(yaml.parse(text, Loader=_Loader))
    except _Stop as stop:
        return None, stop.finding
    except yaml.MarkedYAMLError as error:
        return None, _too_deep_before(error, text, file) or syntax_finding(error, text, file)
    except yaml.YAMLError as error:  # reader errors carry a position, not a mark
        return None, reader_finding(error, text, file, using_libyaml=USING_LIBYAML)
    return document, None


def _too_deep_before(error: yaml.MarkedYAMLError, text: str, file: str) -> Finding | None:
    """`too-deep` if MAX_DEPTH is passed before PyYAML's own error; None if it is not.

    PyYAML may have a nesting limit of its own (6.0.4's libyaml: 1,000 levels, flow and block together)
    that its scanner can meet while reading ahead of the events: `a: [[[[...` fails on the 1,000th `[`
    before the parser has handed over the first. Walking the same loader's events over the text before
    the error point meets MAX_DEPTH first, at the same line and column as in a file PyYAML reads
    through, whatever PyYAML's limit (it is at most as deep as the point where PyYAML stopped) and
    without reading its message. Only a syntax error pays for this second walk, bounded by MAX_BYTES.
    """
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    before = text[: index_of(text, mark)]
    try:
        _Builder(Document(file=file, data=None, text=before)).build(yaml.parse(before, Loader=_Loader))
    except _Stop as stop:
        return stop.finding if stop.finding.code == "too-deep" else None
    except yaml.YAMLError:  # the cut-off text ends inside what it opened: no depth finding before it
        return None
    return None


class _Builder:
    """Turns an event stream into dicts, lists and scalars, recording positions on the way."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.documents_seen = 0
        self.nodes = 0
        # Only double-quoted escapes can add a control character the raw text lacks; with none in
        # the text, the other scalars need no check of their own.
        self.check_every_scalar = CONTROL.search(document.text) is not None

    def _finding(self, code: str, message: str, event: Any, path: Path_, hint: str | None = None) -> _Stop:
        mark = event.start_mark
        return _Stop(
            Finding(code, message, Location(self.document.file, mark.line + 1, mark.column + 1, path), hint=hint)
        )

    def build(self, events: Any) -> Any:
        result: Any = None
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents_seen += 1
                if self.documents_seen > 1:
                    raise self._finding(
                        "multiple-documents", "expected one YAML document, found a second `---`", event, ()
                    )
            elif isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            else:
                result = self._node(event, events, (), 1)
        return result

    def _check_node(self, event: Any, path: Path_, depth: int) -> None:
        self.nodes += 1
        if event.anchor is None and event.tag is None and depth <= MAX_DEPTH and self.nodes <= MAX_NODES:
            return  # the common case, decided in one line: this runs for every node
        if isinstance(event, yaml.AliasEvent):
            raise self._finding(
                "alias-not-allowed",
                "expected plain data, found an alias (`*name`)",
                event,
                path,
                "write the value out; model files take no anchors or aliases",
            )
        if event.anchor is not None:
            raise self._finding(
                "anchor-not-allowed",
                f"expected plain data, found an anchor `&{event.anchor}`",
                event,
                path,
                "write the value out; model files take no anchors or aliases",
            )
        if event.tag is not None and event.tag != "!":
            raise self._finding(
                "tag-not-allowed",
                f"expected plain data, found the tag `{event.tag}`",
                event,
                path,
                "remove the tag; model files take no YAML tags",
            )
        if depth > MAX_DEPTH:
            raise self._finding("too-deep", f"expected at most {MAX_DEPTH} levels of nesting, found more", event, path)
        if self.nodes > MAX_NODES:
            raise self._finding(
                "file-too-large",
                f"expected a model of at most {MAX_NODES:,} keys and values, found more",
                event,
                path,
                "a model has a few hundred; split the file or remove what is repeated",
            )

    def _node(self, event: Any, events: Any, path: Path_, depth: int) -> Any:
        self._check_node(event, path, depth)
        mark = event.start_mark
        self.document.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in events:
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(child, events, (*path, len(items)), depth + 1))
        mapping: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._key(key_event, path, mapping)
            mapping[key] = self._node(next(events), events, (*path, key), depth + 1)
        return mapping  # unreachable: the parser always closes what it opens

    def _key(self, event: Any, path: Path_, mapping: dict[str, Any]) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise self._finding(
                "key-not-string", "expected a plain string as mapping key, found a collection", event, path
            )
        self._check_node(event, path, 0)
        key = event.value
        if event.implicit[0] and key == "<<":
            raise self._finding(
                "merge-key", "expected plain data, found a merge key `<<`", event, path, "write the merged keys out"
            )
        if event.implicit[0] and not isinstance(resolve_plain(key), str):
            raise self._finding(
                "key-not-string", f"expected a string as mapping key, found `{key}`", event, path, f'quote it: "{key}"'
            )
        if self.check_every_scalar or event.style == '"':
            self._check_text(key, event, path)
        mark = event.start_mark
        if key in mapping:
            first = self.document.keys[(*path, key)]
            raise self._finding(
                "duplicate-key",
                f"expected each key once, found `{key}` again (first at line {first[0]})",
                event,
                (*path, key),
                "remove or merge one of the two",
            )
        self.document.keys[(*path, key)] = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return str(key)

    def _scalar(self, event: Any, path: Path_) -> Any:
        if self.check_every_scalar or event.style == '"':
            self._check_text(event.value, event, path)
        # implicit[0] is "plain": libyaml reports its style as "", pure PyYAML as None.
        if not event.implicit[0]:
            return event.value
        try:
            value = resolve_plain(event.value)
        except ValueError:  # Python refuses to convert decimals of more than 4,300 digits
            raise self._finding(
                "number-too-large",
                f"expected a number, found an integer of {len(event.value):,} digits",
                event,
                path,
                f'quote it if it is text: "{event.value[:20]}..."',
            ) from None
        if not isinstance(value, str):
            self.document.plain[path] = event.value  # `true`, `1e3`: what a "quote it" hint must show
        return value

    def _check_text(self, value: str, event: Any, path: Path_) -> None:
        bad = CONTROL.search(value)
        if bad:
            char = bad.group()
            raise self._finding(
                "control-character",
                f"expected printable text, found {describe_character(char)} at position {bad.start()} of the value",
                event,
                path,
                "remove it; model text is data and may not carry terminal controls, bidi controls or invisible "
                "characters",
            )
