"""Name → file resolution without loading, and loading only the chosen files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.unit.test_compare import FIXTURES, SEEDS

from guarantees.catalogue import build_catalogue, find_files, scan_aliases
from guarantees.findings import UsageError
from guarantees.selection import load_selection


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
    catalogue = build_catalogue(FIXTURES)
    assert [p.name for p in find_files(catalogue, ["ALPHA", "beta-memo", "a5-like", "Gamma"])] == [
        "alpha-pact.yaml",
        "beta-memo.yaml",
        "gamma-force.yaml",
    ]


def test_unknown_names_suggest_the_closest() -> None:
    with pytest.raises(UsageError, match=r"unknown arrangement `alpah` \(did you mean `alpha`"):
        find_files(build_catalogue(FIXTURES), ["alpah"])


def test_only_the_chosen_files_are_read(tmp_path: Path) -> None:
    for name in ("alpha-pact.yaml", "beta-memo.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    selection = load_selection(find_files(build_catalogue(tmp_path), ["alpha-pact", "beta-memo"]), SEEDS)
    assert selection.report.ok
    assert [m.arrangement.id for m in selection.models] == ["alpha-pact", "beta-memo"]
    assert len(selection.hashes["alpha-pact"]) == 64


def test_a_selected_model_that_does_not_validate_is_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "beta-memo.yaml").read_text(encoding="utf-8").replace("empty promises", "empty premises")
    (tmp_path / "beta-memo.yaml").write_text(text, encoding="utf-8")
    selection = load_selection(find_files(build_catalogue(tmp_path), ["beta"]), SEEDS)
    assert [f.code for f in selection.report.errors] == ["quote-not-found"]
