"""Name → file resolution without loading, and loading only the chosen files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.unit.test_comparison import FIXTURES, SEEDS

from guarantees.findings import UsageError
from guarantees.name_index import build_name_index, find_files, read_alias_lines, scan_aliases
from guarantees.service.selection import load_selection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: x\naliases: [art5, 'Article-5', \"nato\"]\nkind: y\n", ["art5", "article-5", "nato"]),
        ("aliases:\n  - art5  # the short one\n  - nato\nkind: y\n", ["art5", "nato"]),
        ("aliases:\n- art5\n\nkind: y\n", ["art5"]),
        ("name: x\n  aliases: [nested]\n", []),
        ("no aliases here\n", []),
    ],
)
def test_scan_aliases(text: str, expected: list[str]) -> None:
    assert scan_aliases(text) == expected


def test_names_are_ids_or_aliases_in_any_case() -> None:
    index = build_name_index(FIXTURES)
    assert [p.name for p in find_files(index, ["ALPHA", "beta-memo", "a5-like", "Gamma"])] == [
        "alpha-pact.yaml",
        "beta-memo.yaml",
        "gamma-force.yaml",
    ]


def test_unknown_names_suggest_the_closest() -> None:
    with pytest.raises(UsageError, match=r"unknown arrangement `alpah` \(did you mean `alpha`"):
        find_files(build_name_index(FIXTURES), ["alpah"])


def test_only_the_chosen_files_are_read(tmp_path: Path) -> None:
    for name in ("alpha-pact.yaml", "beta-memo.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    selection = load_selection(find_files(build_name_index(tmp_path), ["alpha-pact", "beta-memo"]), SEEDS)
    assert selection.report.ok
    assert [m.arrangement.id for m in selection.models] == ["alpha-pact", "beta-memo"]
    assert len(selection.hashes["alpha-pact"]) == 64


def test_a_selected_model_that_does_not_validate_is_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "beta-memo.yaml").read_text(encoding="utf-8").replace("empty promises", "empty premises")
    (tmp_path / "beta-memo.yaml").write_text(text, encoding="utf-8")
    selection = load_selection(find_files(build_name_index(tmp_path), ["beta"]), SEEDS)
    assert [f.code for f in selection.report.errors] == ["quote-not-found"]


def test_a_name_two_files_claim_is_a_usage_error_naming_both(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "alpha-pact.yaml", tmp_path / "alpha-pact.yaml")
    text = (FIXTURES / "beta-memo.yaml").read_text(encoding="utf-8")
    (tmp_path / "beta-memo.yaml").write_text(text.replace("aliases:\n", "aliases:\n  - alpha\n", 1), encoding="utf-8")
    with pytest.raises(UsageError, match=r"`alpha` names 2 files: `alpha-pact.yaml`, `beta-memo.yaml`"):
        find_files(build_name_index(tmp_path), ["alpha"])


def test_an_edited_alias_is_seen_on_the_next_lookup(tmp_path: Path) -> None:
    # Nothing is kept between runs: the index is read from the files as they are now.
    shutil.copy(FIXTURES / "alpha-pact.yaml", tmp_path / "alpha-pact.yaml")
    path = tmp_path / "alpha-pact.yaml"
    assert find_files(build_name_index(tmp_path), ["alpha"]) == [path]
    path.write_text(path.read_text(encoding="utf-8").replace("aliases: [alpha", "aliases: [omega", 1), "utf-8")
    with pytest.raises(UsageError, match="unknown arrangement `alpha`"):
        find_files(build_name_index(tmp_path), ["alpha"])
    assert find_files(build_name_index(tmp_path), ["omega"]) == [path]


def test_alias_lines_are_read_from_the_aliases_key_on(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: x\nname: \xff broken\naliases: [a, b]\nkind: y\n")
    assert read_alias_lines(path).startswith("aliases: [a, b]")
    assert scan_aliases(read_alias_lines(path)) == ["a", "b"]
    path.write_bytes(b"id: x\n")
    assert read_alias_lines(path) == ""
