"""Every hostile file gives exactly its one located finding, exit 1, and no traceback, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_corpus import CASES, FILE_NAME, VALID_HOSTILE_TEXT, Case

from conftest import SEEDS_LINE
from samples import MINI


def write(directory: Path, content: bytes, name: str = FILE_NAME) -> Path:
    path = directory / name
    path.write_bytes(content)
    return path


def only_finding(invoke, path: Path) -> dict:
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    assert result.stderr == "", result
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 1, result
    return findings[0]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_file_gives_its_one_located_finding(invoke, tmp_path: Path, case: Case) -> None:
    path = write(tmp_path, case.content)
    finding = only_finding(invoke, path)
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == (
        case.code,
        str(path),
        case.line,
        case.column,
    )
    if case.hint:
        assert case.hint in (finding["hint"] or "") + finding["message"], finding


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_file_in_text_format_is_one_compiler_style_line(invoke, tmp_path: Path, case: Case) -> None:
    path = write(tmp_path, case.content)
    result = invoke("validate", path)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(f"{path}:{case.line}:{case.column}: error[{case.code}] "), result
    lines = result.stdout.splitlines()
    assert len(lines) == (3 if lines[1].startswith("  hint: ") else 2), result
    assert lines[-1] == "1 file(s) checked: 1 error(s) in 1 file(s)"
    assert "Traceback" not in result.stdout + result.stderr
    assert all(ch == "\n" or " " <= ch != "\x7f" for ch in result.stdout), "a control character reached the terminal"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bom", b"\xef\xbb\xbf" + MINI.encode()),
        ("crlf", MINI.replace("\n", "\r\n").encode()),
        ("bom-and-crlf", b"\xef\xbb\xbf" + MINI.replace("\n", "\r\n").encode()),
        (
            "yaml11-words-stay-strings",
            MINI.replace("name: Mini snap-back", "name: off").replace("A test model.", "1:20").encode(),
        ),
        ("markup-pipes-and-html", VALID_HOSTILE_TEXT.encode()),
    ],
)
def test_accepted_oddities_validate_clean(invoke, tmp_path: Path, name: str, content: bytes) -> None:
    result = invoke("validate", write(tmp_path, content))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "1 file(s) checked: all valid\n", SEEDS_LINE), result


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_bom_and_crlf_do_not_move_a_finding(invoke, tmp_path: Path, newline: str, bom: bytes) -> None:
    text = MINI.replace("role: guarantor", "role: guarantr").replace("\n", newline)
    finding = only_finding(invoke, write(tmp_path, bom + text.encode()))
    assert (finding["code"], finding["line"], finding["column"]) == ("invalid-value", 11, 11)


def test_id_and_alias_collisions_across_files_are_located_in_the_later_file(invoke, tmp_path: Path) -> None:
    write(tmp_path, MINI.encode())
    second = MINI.replace("id: mini", "id: mini-two").replace("aliases: [mini-snap]", "aliases: [mini-snap, mini]")
    write(tmp_path, second.encode(), "mini-two.yaml")
    result = invoke("validate", tmp_path, "--format", "json")
    assert result.exit_code == 1, result
    found = [
        (f["code"], Path(f["file"]).name, f["line"], f["column"], f["path"])
        for f in json.loads(result.stdout)["findings"]
    ]
    # Files are read in name order (mini-two.yaml first), so mini.yaml's id and alias are the second claims.
    assert found == [
        ("alias-collision", "mini.yaml", 2, 5, "id"),
        ("alias-collision", "mini.yaml", 4, 11, "aliases[0]"),
    ]


def test_the_same_id_in_two_files_is_a_duplicate_id(invoke, tmp_path: Path) -> None:
    write(tmp_path, MINI.encode())
    (tmp_path / "copy").mkdir()
    write(tmp_path / "copy", MINI.replace("aliases: [mini-snap]", "aliases: [mini-copy]").encode())
    result = invoke("validate", tmp_path / FILE_NAME, tmp_path / "copy" / FILE_NAME, "--format", "json")
    codes = [(f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert result.exit_code == 1 and codes == [("duplicate-id", 2)], result


def test_a_python_tag_is_never_executed(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    text = MINI.replace("summary: A test model.", f'summary: !!python/object/apply:os.system ["touch {marker}"]')
    monkeypatch.setattr("os.system", lambda *_: pytest.fail("os.system was called"))
    result = invoke("validate", write(tmp_path, text.encode()))
    assert result.exit_code == 1 and "tag-not-allowed" in result.stdout
    assert not marker.exists()
