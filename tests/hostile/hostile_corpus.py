"""The hostile-input corpus: bad model files built from the shared MINI sample, each with the one finding it must give.

Built by code so that each case shows the one thing it breaks, and so that its expected line and
column are computed from the text itself (where the needle stands), not copied from the tool's output.
The heavy cases (50 MB, 50,000 levels, an alias bomb) are builders, written to disk only by the
tests and the benchmark that run them in a separate process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from samples import MINI

FILE_NAME = "mini.yaml"  # the sample's id is `mini`, so no id-mismatch finding joins the expected one


@dataclass(frozen=True)
class Case:
    """One hostile file: its bytes, and the single finding `guarantees validate` must give for it."""

    name: str
    content: bytes
    code: str
    line: int
    column: int
    hint: str | None = None  # a substring the hint must carry (the did-you-mean, the fix)


def where(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of the first `needle` in `text`, plus `offset` columns."""
    index = text.index(needle)
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1 + offset


def edited(name: str, old: str, new: str, code: str, needle: str, offset: int = 0, hint: str | None = None) -> Case:
    """MINI with `old` replaced by `new`; the finding is expected at `needle` (+ offset columns) in the edited text."""
    assert MINI.count(old) == 1, f"{name}: `{old}` must occur once in MINI"
    text = MINI.replace(old, new)
    return Case(name, text.encode("utf-8"), code, *where(text, needle, offset), hint=hint)


def appended(name: str, tail: str, code: str, needle: str, offset: int = 0, hint: str | None = None) -> Case:
    text = MINI + tail
    return Case(name, text.encode("utf-8"), code, *where(text, needle, offset), hint=hint)


def whole(name: str, text: str | bytes, code: str, line: int = 1, column: int = 1) -> Case:
    content = text if isinstance(text, bytes) else text.encode("utf-8")
    return Case(name, content, code, line, column)


QUOTE = '"if Russia violates peace terms"'
FIRST_SOURCE = 'source: defense-news-2025-08-16\n        quote: "Sanctions'
LAST = "  specificity: {unspecified: not stated}\n"

CASES: list[Case] = [
    # YAML syntax: located at the fault, or at the opening of what never closes.
    edited("unclosed-flow-sequence", "aliases: [mini-snap]", "aliases: [mini-snap", "yaml-syntax", "kind:", 4),
    edited("unclosed-quote-at-end", LAST, '  specificity: {unspecified: "not stated}\n', "yaml-syntax", '"not stated'),
    edited(
        "unclosed-bracket-at-end",
        LAST,
        "  specificity: {unspecified: not stated\n",
        "yaml-syntax",
        "{unspecified: not stated\n",
    ),
    edited("tab-indentation", "  binding_force:", "\tbinding_force:", "yaml-syntax", "\tbinding", hint="not tabs"),
    edited("mapping-in-plain-scalar", "summary: A test model.", "summary: a: b", "yaml-syntax", "a: b", 1),
    appended("second-document", "---\nid: other\n", "multiple-documents", "---"),
    # Duplicate keys at every level, block and flow.
    appended(
        "duplicate-top-level-key",
        "kind: treaty_clause\n",
        "duplicate-key",
        "kind: treaty_clause",
        hint="first at line 5",
    ),
    edited(
        "duplicate-nested-key",
        "    role: guarantor\n",
        "    role: guarantor\n    role: mediator\n",
        "duplicate-key",
        "role: mediator",
    ),
    edited(
        "duplicate-deep-key",
        f"            quote: {QUOTE}\n",
        f"            quote: {QUOTE}\n            quote: x\n",
        "duplicate-key",
        "quote: x",
    ),
    edited(
        "duplicate-flow-key",
        LAST,
        "  specificity: {unspecified: a, unspecified: b}\n",
        "duplicate-key",
        "unspecified: b",
    ),
    # YAML 1.1 readings: `off` and `1:20` stay strings, so the finding names a string, not a boolean or 80.
    edited("yaml11-boolean-as-enum", "role: guarantor", "role: off", "invalid-value", "off", hint="allowed values"),
    edited(
        "sexagesimal-as-offset", f"quote: {QUOTE}", f"quote: {QUOTE}\n            start: 1:20", "wrong-type", "1:20"
    ),
    # Anchors, aliases, merge keys and tags: refused, never expanded or constructed.
    appended("alias-bomb-small", 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\n', "anchor-not-allowed", "&a"),
    appended("alias-without-anchor", "notes: *nothing\n", "alias-not-allowed", "*nothing"),
    appended("merge-key", "notes:\n  <<: {a: 1}\n", "merge-key", "<<"),
    edited(
        "python-object-tag",
        "summary: A test model.",
        'summary: !!python/object/apply:os.system ["touch pwned"]',
        "tag-not-allowed",
        "!!python",
    ),
    edited(
        "python-name-tag", "summary: A test model.", "summary: !!python/name:os.system", "tag-not-allowed", "!!python"
    ),
    edited("local-tag", "summary: A test model.", "summary: !secret A test model.", "tag-not-allowed", "!secret"),
    edited("standard-tag", "summary: A test model.", "summary: !!str A test model.", "tag-not-allowed", "!!str"),
    whole("tag-on-the-document", "--- !!python/object:os.system\nid: x\n", "tag-not-allowed", 1, 5),
    # Nesting, size and shape of the whole file.
    whole("nesting-100-levels", "a: " + "[" * 100 + "]" * 100 + "\n", "too-deep", 1, 3 + 64),
    # The 10,001st key or value: root mapping, `k`, the outer list, then the 9,998th inner list (3 columns each).
    whole("ten-thousand-values", "k: [" + "[], " * 20_000 + "]\n", "file-too-large", 1, 5 + 4 * 9_997),
    whole("empty-file", "", "empty-file"),
    whole("only-comments", "# nothing here\n\n   \n# still nothing\n", "empty-file"),
    whole("top-level-list", "- id: mini\n- id: other\n", "not-a-mapping"),
    whole("top-level-scalar", "just some text\n", "not-a-mapping"),
    whole("top-level-null", "~\n", "not-a-mapping"),
    # Bytes that are not UTF-8 text.
    whole("binary-junk", b"\x00\x01\x02\xff\xfe" + bytes(range(256)), "invalid-utf8", 1, 4),
    whole(
        "latin-1-text",
        MINI.replace("A test model.", "Café model.").encode("latin-1"),
        "invalid-utf8",
        *where(MINI.replace("A test model.", "Café model."), "é"),
    ),
    # Control characters: escaped in quotes (checked per value) and raw (checked before parsing).
    edited(
        "ansi-escape-quoted", "summary: A test model.", 'summary: "\\e[2J\\e]0;owned\\a"', "control-character", '"\\e'
    ),
    edited("ansi-escape-raw", "summary: A test model.", "summary: \x1b[2J", "control-character", "\x1b"),
    edited("nul-quoted", "summary: A test model.", 'summary: "a\\0b"', "control-character", '"a'),
    edited("c1-csi-quoted", "summary: A test model.", 'summary: "a\\x9b2J"', "control-character", '"a'),
    edited("bidi-override", "summary: A test model.", "summary: A \u202etest model.", "control-character", "A \u202e"),
    edited("nel-raw", "summary: A test model.", "summary: A\x85test", "control-character", "\x85"),
    edited("line-separator-raw", "summary: A test model.", "summary: A\u2028test", "control-character", "\u2028"),
    edited("lone-carriage-return", "summary: A test model.", "summary: A\rtest", "control-character", "\r"),
    edited("noncharacter", "summary: A test model.", "summary: A\ufffetest", "control-character", "\ufffe"),
    appended("control-character-in-key", '"a\\eb": 1\n', "control-character", '"a\\e'),
    edited("control-character-in-tag", "summary: A test model.", "summary: !<tag:x%1B[2J> x", "tag-not-allowed", "!<"),
    # Keys and numbers the loader refuses.
    appended("integer-key", "1994: budapest\n", "key-not-string", "1994", hint='quote it: "1994"'),
    appended("null-key", "~: nothing\n", "key-not-string", "~"),
    appended("collection-key", "? [a, b]\n: c\n", "key-not-string", "[a, b]"),
    edited(
        "integer-of-5000-digits",
        f"quote: {QUOTE}",
        f"quote: {QUOTE}\n            start: {'9' * 5000}",
        "number-too-large",
        "9999",
    ),
    # Types: unknown fields, wrong vocabulary values and wrong types, with a did-you-mean.
    edited(
        "unknown-field",
        "    role: guarantor\n",
        "    role: guarantor\n    roel: mediator\n",
        "unknown-field",
        "roel",
        hint="did you mean `role`?",
    ),
    appended("unknown-top-level-field", "sumary: x\n", "unknown-field", "sumary", hint="did you mean `summary`?"),
    edited(
        "wrong-enum-value",
        "kind: sanctions_mechanism",
        "kind: sanctions_mechansim",
        "invalid-value",
        "sanctions_mechansim",
        hint="did you mean `sanctions_mechanism`?",
    ),
    edited("wrong-type-list", "aliases: [mini-snap]", "aliases: mini-snap", "wrong-type", "mini-snap"),
    edited(
        "wrong-type-mapping",
        "status:\n  unspecified: not stated\n",
        "status: not stated\n",
        "dimension-shape",
        "not stated",
    ),
    edited("missing-field", "summary: A test model.\n", "", "missing-field", "id:"),
    edited("markup-in-a-slug", "aliases: [mini-snap]", "aliases: ['[red]x']", "invalid-format", "'[red]x'"),
    # Citations.
    edited(
        "quote-one-character-changed",
        "if Russia violates peace terms",
        "if Russia violated peace terms",
        "quote-not-found",
        '"if Russia violated',
        hint="if Russia violates peace terms",
    ),
    edited(
        "unicode-hyphen-typed",
        "Sanctions snap-back clauses",
        "Sanctions snap\u2010back clauses",
        "quote-not-found",
        '"Sanctions snap\u2010',
        hint="Sanctions snap-back clauses",
    ),
    edited(
        "offset-off-by-one",
        f"quote: {QUOTE}",
        f"quote: {QUOTE}\n            start: 3054",
        "span-mismatch",
        "3054",
        hint="start: 3053, end: 3083",
    ),
    edited(
        "quote-twice-without-selector",
        '"Sanctions snap-back clauses"',
        '"security guarantees"',
        "quote-ambiguous",
        '"security guarantees"',
        hint="prefix",
    ),
    edited(
        "prefix-matches-nothing",
        '"Sanctions snap-back clauses"',
        '"security guarantees"\n        prefix: "nowhere "',
        "selector-mismatch",
        '"security guarantees"',
    ),
    edited(
        "unknown-source-id",
        FIRST_SOURCE,
        FIRST_SOURCE.replace("08-16", "08-17"),
        "unknown-source",
        "defense-news-2025-08-17",
        hint="did you mean `defense-news-2025-08-16`?",
    ),
    edited(
        "path-as-source-id",
        FIRST_SOURCE,
        FIRST_SOURCE.replace("defense-news-2025-08-16", "../../etc/passwd"),
        "invalid-format",
        "../../etc/passwd",
    ),
    edited(
        "absolute-path-as-source-id",
        FIRST_SOURCE,
        FIRST_SOURCE.replace("defense-news-2025-08-16", "/etc/passwd"),
        "invalid-format",
        "/etc/passwd",
    ),
    # Semantics.
    edited("id-differs-from-file-name", "id: mini", "id: maxi", "id-mismatch", "maxi", hint="rename the file"),
]

# Hostile text that is valid data: it must validate clean and be shown literally wherever it is shown.
MARKUP = "[red]Red[/red] [link=https://example.com/x]click[/link] [/] a | b <script>alert(1)</script> **b** `c`"
VALID_HOSTILE_TEXT = MINI.replace("name: Mini snap-back", f"name: '{MARKUP}'").replace(
    "summary: A test model.", "summary: |\n  line one | with a pipe\n  <script>alert(2)</script> [bold]line two[/bold]"
)


# Heavy cases: builders, so the bytes exist only in a test's tmp_path or the benchmark's scratch directory.
def alias_bomb(levels: int = 9) -> bytes:
    """The "billion laughs": nine levels of nine aliases, 9**9 strings if anything expanded it."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


def nested_flow_sequences(depth: int = 50_000) -> bytes:
    return b"a: " + b"[" * depth + b"]" * depth + b"\n"


def nested_flow_mappings(depth: int = 50_000) -> bytes:
    return b"a: " + b"{a: " * depth + b"b" + b"}" * depth + b"\n"


def nested_block_sequences(depth: int = 50_000) -> bytes:
    return b"a:\n  " + b"- " * depth + b"x\n"


def fifty_megabytes() -> bytes:
    return (MINI + "notes: '" + "x" * (50 * 1024 * 1024) + "'\n").encode()


def binary_junk(size: int = 200_000) -> bytes:
    import random

    return random.Random(5).randbytes(size)


@dataclass(frozen=True)
class HeavyCase:
    name: str
    build: Callable[[], bytes]
    code: str
    line: int | None
    column: int | None


HEAVY: list[HeavyCase] = [
    HeavyCase("alias-bomb", alias_bomb, "anchor-not-allowed", 1, 5),
    HeavyCase("nesting-50000-flow-sequences", nested_flow_sequences, "too-deep", 1, 3 + 64),
    HeavyCase("nesting-50000-flow-mappings", nested_flow_mappings, "too-deep", 1, 4 + 4 * 63),
    HeavyCase("nesting-50000-block-sequences", nested_block_sequences, "too-deep", 2, 3 + 2 * 63),
    HeavyCase("fifty-megabytes", fifty_megabytes, "file-too-large", 1, 1),
    HeavyCase("binary-junk-200k", binary_junk, "invalid-utf8", None, None),
]
