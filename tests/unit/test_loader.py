"""The strict loader: YAML 1.2 scalars, positions, and properties that hold for any input whatsoever."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantees import loader
from guarantees.findings import FINDING_CODES
from guarantees.loader import (
    MAX_DEPTH,
    USING_LIBYAML,
    decode_text,
    parse_document,
    resolve_plain,
)
from guarantees.text import printable
from guarantees.yaml_errors import line_and_column

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG_FUZZ = settings(max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that make YAML structure, so random text is often nearly-YAML rather than one long scalar.
YAMLISH = st.text(
    st.sampled_from(list(" \t\n\r-:?,[]{}#&*!|>'\"%@`~\\abcNOyes01.é\u00a0\u0085\u2028\ufeff\x1b\x00")), max_size=300
)


def test_the_fast_libyaml_reader_is_the_one_in_use() -> None:
    assert USING_LIBYAML  # the two PyYAML readers differ on edge cases; every result here is libyaml's


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("NO", "NO"),
        ("off", "off"),
        ("yes", "yes"),
        ("1:20", "1:20"),
        ("014", 14),
        ("0o14", 12),
        ("0x1F", 31),
        ("2025-08-16", "2025-08-16"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("1e3", 1000.0),
        ("-.inf", float("-inf")),
        ("1_000", "1_000"),
        ("+12", 12),
    ],
)
def test_plain_scalars_resolve_by_yaml_1_2_core_rules(plain: str, value: object) -> None:
    assert resolve_plain(plain) == value and type(resolve_plain(plain)) is type(value)


def test_line_and_column_count_code_points_and_lf_only() -> None:
    text = "é: a\r\nb: ü\x85c"
    assert line_and_column(text, text.index("ü")) == (2, 4)
    assert line_and_column(text, text.index("c")) == (2, 6)


def test_a_bom_is_dropped_and_a_bad_byte_is_located() -> None:
    assert decode_text(b"\xef\xbb\xbfa: 1\n", "f") == ("a: 1\n", None)
    text, finding = decode_text(b"a: 1\nb\xc3\xa9: \xff", "f")
    assert text is None and finding is not None
    assert (finding.code, finding.location.line, finding.location.column) == ("invalid-utf8", 2, 5)


def test_positions_of_keys_and_values_are_recorded() -> None:
    document, _ = parse_document("a:\n  - b: 1\n    c: [x, y]\n", "f")
    assert document is not None
    assert document.keys[("a", 0, "c")] == (3, 5) and document.values[("a", 0, "c", 1)] == (3, 12)


def test_unreadable_characters_are_located_where_an_editor_shows_them() -> None:
    # libyaml reports these at a UTF-8 byte offset; the loader finds them first, in code points.
    _, finding = parse_document("ééé: x\nb: \x01\n", "f")
    assert finding is not None and (finding.code, finding.location.line, finding.location.column) == (
        "control-character",
        2,
        4,
    )


def test_printable_escapes_what_could_drive_a_terminal() -> None:
    assert printable("a\x1b[2J\nb\u202e\u2028c\td") == "a\\u001b[2J\\u000ab\\u202e\\u2028c\\u0009d"
    assert printable("[red]x[/red] <b>|</b>") == "[red]x[/red] <b>|</b>"


# Nesting `depth` levels deep in each shape (a scalar is a level too, as in the loader), with the line and
# column where level MAX_DEPTH + 1 starts.
def flow_sequences(depth: int) -> str:
    return "[" * depth + "]" * depth + "\n"


def flow_mappings(depth: int) -> str:
    return "{a: " * (depth - 1) + "b" + "}" * (depth - 1) + "\n"


def block_sequences(depth: int) -> str:
    return "- " * (depth - 1) + "x\n"


def block_mappings(depth: int) -> str:
    return "".join(" " * level + "k:\n" for level in range(depth - 1)) + " " * (depth - 1) + "x\n"


def mixed(depth: int) -> str:
    """30 block mappings, then 20 block sequences on one line, then flow sequences."""
    return "".join(" " * level + "k:\n" for level in range(30)) + " " * 30 + "- " * 20 + flow_sequences(depth - 50)


SHAPES = {
    "flow-sequences": (flow_sequences, 1, MAX_DEPTH + 1),
    "flow-mappings": (flow_mappings, 1, 4 * MAX_DEPTH + 1),
    "block-sequences": (block_sequences, 1, 2 * MAX_DEPTH + 1),
    "block-mappings": (block_mappings, MAX_DEPTH + 1, MAX_DEPTH + 1),
    "mixed": (mixed, 31, 30 + 2 * 20 + (MAX_DEPTH + 1 - 50)),
}
LOADERS = {"CSafeLoader": getattr(yaml, "CSafeLoader", None), "SafeLoader": yaml.SafeLoader}


@pytest.fixture(params=list(LOADERS))
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Each depth test runs on libyaml's CSafeLoader (the one in use) and on the pure-Python SafeLoader."""
    chosen = LOADERS[request.param]
    if chosen is None:
        pytest.fail("this PyYAML has no libyaml CSafeLoader")
    monkeypatch.setattr(loader, "_Loader", chosen)
    return chosen


# Block mappings indent each level one more: 1,001 levels are already 500 KB, 50,000 would be 1.25 GB.
DEPTHS = [(shape, depth) for shape in SHAPES for depth in (MAX_DEPTH + 1, 1_001, 50_000)]
DEPTHS.remove(("block-mappings", 50_000))


@pytest.mark.parametrize(("shape", "depth"), DEPTHS)
def test_nesting_past_max_depth_is_too_deep_where_the_level_starts(yaml_loader: type, shape: str, depth: int) -> None:
    # PyYAML 6.0.4's libyaml refuses 1,000 levels itself, and its scanner reads far enough ahead that
    # a flow `[[[[...` fails before the first event: the finding must still be ours, at level 65.
    build, line, column = SHAPES[shape]
    document, finding = parse_document(build(depth), "f.yaml")
    assert document is None and finding is not None
    assert (finding.code, finding.location.file, finding.location.line, finding.location.column) == (
        "too-deep",
        "f.yaml",
        line,
        column,
    )
    assert finding.message == f"expected at most {MAX_DEPTH} levels of nesting, found more"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_nesting_of_exactly_max_depth_is_read(yaml_loader: type, shape: str) -> None:
    document, finding = parse_document(SHAPES[shape][0](MAX_DEPTH), "f.yaml")
    assert finding is None and document is not None
    assert levels(document.data) == MAX_DEPTH


def levels(node: object) -> int:
    children = node if isinstance(node, list) else node.values() if isinstance(node, dict) else None
    return 1 if children is None else 1 + max(map(levels, children), default=0)


def test_a_pyyaml_depth_limit_of_any_size_and_wording_gives_too_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for a PyYAML whose scanner stops at 100 `[` with its own words, before any event."""
    real_parse = yaml.parse

    def parse_with_a_limit(text: str, Loader: type) -> object:  # the keyword yaml.parse takes
        if "[" * 100 in text:
            mark = yaml.Mark("<unicode string>", 0, 0, text.index("[" * 100) + 99, None, None)
            raise yaml.scanner.ScannerError("bei zu tiefer Schachtelung", mark, "Grenze erreicht", mark)
        return real_parse(text, Loader=Loader)

    monkeypatch.setattr(yaml, "parse", parse_with_a_limit)
    _, finding = parse_document("é: " + flow_sequences(5_000), "f.yaml")
    assert finding is not None and (finding.code, finding.location.line, finding.location.column) == (
        "too-deep",
        1,
        3 + MAX_DEPTH,
    )


def check_any_input(raw: bytes) -> None:
    """Whatever the bytes: a Document or one registered, located finding, never an exception."""
    text, finding = decode_text(raw, "f.yaml")
    if text is not None:
        document, finding = parse_document(text, "f.yaml")
        if document is not None:
            return
    assert finding is not None and finding.code in FINDING_CODES
    assert finding.location.line is not None and finding.location.line >= 1 and (finding.location.column or 0) >= 1
    assert not any(ch < " " and ch != "\n" or "\x7f" <= ch <= "\x9f" for ch in finding.render())


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_loader(raw: bytes) -> None:
    check_any_input(raw)


@FUZZ
@given(YAMLISH)
def test_arbitrary_yamlish_text_never_crashes_the_loader(text: str) -> None:
    check_any_input(text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@LONG_FUZZ
@given(st.one_of(st.binary(max_size=2_000), YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_long_fuzz_arbitrary_input_never_crashes_the_loader(raw: bytes) -> None:
    check_any_input(raw)
