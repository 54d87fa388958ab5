"""Invisible characters fail `validate` in every text field (item 19), named in the finding; the JSON Schema
refuses them too; the seeds hold none of them, so every quote can still match its source exactly."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest
import regress

from conftest import SCHEMAS, SEEDS
from samples import MINI

INVISIBLE = {
    "\u200d": "ZERO WIDTH JOINER",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200b": "ZERO WIDTH SPACE",
    "\u2060": "WORD JOINER",
    "\u2061": "FUNCTION APPLICATION",
    "\u2064": "INVISIBLE PLUS",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\U000e0041": "TAG LATIN CAPITAL LETTER A",
    "\U000e007f": "CANCEL TAG",
    "\u00ad": "SOFT HYPHEN",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u034f": "COMBINING GRAPHEME JOINER",
    "\u3164": "HANGUL FILLER",
}
FIELDS = {
    "name": ("name: Mini snap-back", "name: Mini {c}snap-back"),
    "summary": ("summary: A test model.", "summary: A test{c} model."),
    "note": ("role: guarantor\n", "role: guarantor\n    note: an{c} editor's note\n"),
    "notes": ("specificity: {unspecified: not stated}\n", "specificity: {unspecified: not stated}\nnotes: x{c}y\n"),
    "unspecified": ("status:\n  unspecified: not stated", "status:\n  unspecified: not{c} stated"),
    "quote": ('quote: "Sanctions snap-back', 'quote: "Sanctions{c} snap-back'),
}


def _finding(invoke, tmp_path: Path, text: str) -> dict:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    (finding,) = json.loads(result.stdout)["findings"]
    return finding


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("field", FIELDS)
def test_an_invisible_character_fails_validation_and_is_named(invoke, tmp_path: Path, char: str, field: str) -> None:
    old, new = FIELDS[field]
    assert old in MINI
    finding = _finding(invoke, tmp_path, MINI.replace(old, new.replace("{c}", char), 1))
    assert finding["code"] == "control-character", finding
    assert f"U+{ord(char):04X} {INVISIBLE[char]}" in finding["message"], finding


@pytest.mark.parametrize("char", ["\u200d", "\U000e0041"], ids=["zwj", "tag"])
def test_an_escaped_invisible_character_fails_too(invoke, tmp_path: Path, char: str) -> None:
    escaped = json.dumps(char)[1:-1]  # "\u200d", or a surrogate pair YAML reads as one character
    escaped = escaped if len(char.encode("utf-16-le")) == 2 else f"\\U{ord(char):08x}"
    finding = _finding(invoke, tmp_path, MINI.replace("name: Mini snap-back", f'name: "Mini {escaped}snap"'))
    assert finding["code"] == "control-character" and f"U+{ord(char):04X}" in finding["message"], finding


def test_an_alias_with_an_invisible_character_is_refused(invoke, tmp_path: Path) -> None:
    finding = _finding(invoke, tmp_path, MINI.replace("aliases: [mini-snap]", "aliases: [mini\u200d-snap]"))
    assert finding["code"] == "control-character", finding


def test_a_variation_selector_is_allowed(invoke, tmp_path: Path) -> None:
    # U+FE0F only picks the emoji form of the sign before it; a seed uses it, so quotes may hold it.
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace("name: Mini snap-back", "name: Mini \u270d\ufe0f snap-back"), encoding="utf-8")
    result = invoke("validate", path)
    assert result.exit_code == 0, result


def test_no_seed_holds_a_character_validation_refuses() -> None:
    # Otherwise a quote across it could never be cited character for character.
    from guarantees.text import CONTROL

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = {f"U+{ord(m.group()):04X} {unicodedata.name(m.group(), '')}" for m in CONTROL.finditer(text)}
        assert found <= {"U+000D "} if "\r\n" in text else not found, (path.name, found)


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_the_schema_refuses_them_too(char: str) -> None:
    schema = json.loads((SCHEMAS / "arrangement.schema.json").read_text(encoding="utf-8"))
    pattern = schema["properties"]["name"]["pattern"]
    assert not regress.Regex(pattern, flags="u").find(f"a{char}b")  # as check-jsonschema and editors match
    assert regress.Regex(pattern, flags="u").find("a \u270d\ufe0f b")
    jsonschema.Draft202012Validator.check_schema(schema)
