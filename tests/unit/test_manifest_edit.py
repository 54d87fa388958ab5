"""Appending a source to the manifest as text: old bytes kept, values quoted so every YAML reader agrees."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from guarantees.findings import UsageError
from guarantees.loader import parse_document
from guarantees.manifest_edit import append_entry, render_scalar, verify_appended
from guarantees.model import Source
from guarantees.source_text import derive_id, first_line

ENTRY: dict[str, str | None] = {
    "id": "new-one", "file": "new-one.txt", "title": "A: title # not a comment", "publisher": None,
    "note": "Not given: publisher.", "sha256": "a" * 64,
}  # fmt: skip


def _document(text: str):  # type: ignore[no-untyped-def]
    document, finding = parse_document(text, "seeds/sources.yaml")
    assert document is not None, finding
    return document


def test_an_empty_list_as_init_writes_it_becomes_a_block_list_and_its_comment_stays() -> None:
    text = "# the manifest\nsources: []  # none yet\n"
    new = append_entry(_document(text), ENTRY)
    assert new.startswith("# the manifest\nsources:  # none yet\n  - id: new-one\n")
    assert yaml.safe_load(new)["sources"] == [ENTRY]
    verify_appended(new, "seeds/sources.yaml", [], Source.model_validate(ENTRY))


def test_a_block_list_keeps_its_indentation_and_blank_lines_between_entries() -> None:
    first = "- id: aa\n  file: aa.txt\n  title: A\n  sha256: " + "b" * 64 + "\n"
    second = first.replace("aa", "bb").replace("b" * 64, "c" * 64)
    text = "# comment kept\nsources:\n" + first + "\n" + second + "# trailing comment"
    new = append_entry(_document(text), ENTRY)
    assert new.startswith(text + "\n\n- id: new-one\n  file: new-one.txt\n")
    old = [Source.model_validate(s) for s in yaml.safe_load(text)["sources"]]
    verify_appended(new, "seeds/sources.yaml", old, Source.model_validate(ENTRY))


def test_a_flow_list_is_refused_rather_than_rewritten() -> None:
    text = "sources: [{id: aa, file: aa.txt, title: A, sha256: " + "b" * 64 + "}]\n"
    with pytest.raises(UsageError, match="flow style"):
        append_entry(_document(text), ENTRY)


def test_verify_refuses_a_manifest_that_would_change_an_old_entry() -> None:
    text = "sources: []\n"
    new = append_entry(_document(text), ENTRY)
    with pytest.raises(Exception, match="would change its existing entries"):
        verify_appended(
            new, "seeds/sources.yaml", [Source.model_validate({**ENTRY, "id": "gone"})], Source.model_validate(ENTRY)
        )


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_every_value_reads_back_as_itself_with_pyyaml_and_with_yaml_1_2_rules(value: str) -> None:
    line = f"key: {render_scalar(value)}\n"
    document, finding = parse_document(line, "x.yaml")
    if document is None:  # only text the loader refuses anyway: control and line-separator characters
        assert finding is not None and finding.code == "control-character"
        return
    assert document.data == {"key": value}
    assert yaml.safe_load(line) == {"key": value}


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Le Monde – 16 août.txt", "le-monde-16-aout"), ("report.final.TXT", "report-final"), ("2025.txt", "2025")],
)
def test_an_id_is_derived_from_the_file_name(name: str, slug: str) -> None:
    assert derive_id(name) == slug


def test_a_file_name_without_letters_or_digits_needs_an_id() -> None:
    with pytest.raises(UsageError, match="pass --id"):
        derive_id("——.txt")


def test_the_default_title_is_the_first_line_cut_to_length() -> None:
    assert first_line("\n\n  Talks   resume\nmore") == "Talks resume"
    assert len(first_line("x" * 500)) == 200
