"""The strict loader: YAML 1.2 scalars, positions, and properties that hold for any input whatsoever."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantees.findings import FINDING_CODES
from guarantees.loader import USING_LIBYAML, decode_text, line_and_column, parse_document, resolve_plain
from guarantees.text import printable

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
