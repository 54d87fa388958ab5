"""`export --format docx` (read back from the zip), `--format md`, and `--excel` CSV bytes."""

from __future__ import annotations

import builtins
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from guarantees.dimension import DIMENSIONS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_parts(path: Path) -> tuple[ET.Element, ET.Element]:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("word/document.xml")), ET.fromstring(archive.read("word/footnotes.xml"))


def test_word_export_keeps_the_table_and_every_footnote(invoke, tmp_path: Path) -> None:
    target = tmp_path / "memo.docx"
    result = invoke("export", "art5", "budapest", "berlin", "-f", "docx", "-o", target)
    assert result.exit_code == 0 and result.stdout == "", result
    memo = invoke("export", "art5", "budapest", "berlin", "-f", "md").stdout
    document, footnotes = word_parts(target)
    table = document.find(f".//{W}tbl")
    assert table is not None
    rows = table.findall(f"{W}tr")
    assert len(rows) == 1 + 2 + len(DIMENSIONS)  # header, status, parties, a row per dimension
    assert all(len(row.findall(f"{W}tc")) == 3 + 1 for row in rows)
    notes = [n for n in footnotes.findall(f"{W}footnote") if n.get(f"{W}type") is None]  # not the separators
    definitions = sum(1 for line in memo.splitlines() if line.startswith("[^"))
    references = memo.count("[^") - definitions
    assert definitions > 0 and len(notes) == references  # Word holds one footnote per reference
    assert len(document.findall(f".//{W}footnoteReference")) == references
    text = "".join(t.text or "" for t in footnotes.iter(f"{W}t"))
    assert "Euromaidan Press" in text and "“If they don't pay, I'm not going to defend them.”" in text


def test_word_export_needs_a_file(invoke) -> None:
    result = invoke("export", "art5", "budapest", "-f", "docx")
    assert result.exit_code == 2 and "-o FILE" in result.stderr and result.stdout == ""


def test_word_export_without_the_extra_names_the_install(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandoc(name: str, *args, **kwargs):
        if name == "pypandoc":
            raise ImportError("No module named 'pypandoc'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandoc)
    target = tmp_path / "memo.docx"
    target.write_bytes(b"the old file")
    result = invoke("export", "art5", "budapest", "-f", "docx", "-o", target)
    assert result.exit_code == 3 and "pip install 'guarantees[docx]'" in result.stderr
    assert "Traceback" not in result.stderr and target.read_bytes() == b"the old file"


def test_md_is_markdown(invoke) -> None:
    assert invoke("export", "art5", "-f", "md").stdout == invoke("export", "art5", "-f", "markdown").stdout


def test_excel_csv_starts_with_a_byte_order_mark(invoke, tmp_path: Path) -> None:
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert invoke("export", "art5", "-f", "csv", "-o", plain).exit_code == 0
    assert invoke("export", "art5", "-f", "csv", "--excel", "-o", excel).exit_code == 0
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes() and plain.read_bytes().startswith(b"arrangement,")
    refused = invoke("export", "art5", "--excel")
    assert refused.exit_code == 2 and "--excel applies to --format csv only" in refused.stderr


def test_the_memo_of_every_shipped_model_reads_clean(invoke) -> None:
    """Over every shipped model: footnotes with balanced quote marks, and no id, offset or hash before the trail."""
    memo = invoke("export", "--all").stdout  # every model
    lines = memo.splitlines()
    trail = lines.index("## Evidence trail")
    notes = [line for line in lines[:trail] if line.startswith("[^")]
    assert notes
    for line in notes:
        assert line.count("“") == line.count("”") and line.count("‘") <= line.count("’"), line
        assert '“"' not in line and '"”' not in line, line
    ids = [line.split("`")[1] for line in lines[trail:] if line.startswith("| ") and line.count("`") >= 4]
    assert ids
    body = "\n".join(lines[:trail])
    assert not any(f"`{i}`" in body for i in ids)
    assert not re.search(r"[0-9a-f]{64}|sha256|\[\d+:\d+\]", body)


def test_hostile_names_stay_text_in_the_word_file(invoke, tmp_path: Path) -> None:
    from tests.acceptance.test_hostile_render import _hostile_models

    models, target = _hostile_models(tmp_path), tmp_path / "memo.docx"
    result = invoke("export", "alpha-pact", "beta-memo", "-f", "docx", "-o", target, "--models", models)
    assert result.exit_code == 0, result
    document, _ = word_parts(target)
    text = "".join(t.text or "" for t in document.iter(f"{W}t"))
    assert "[bold red]Alpha[/bold red] [link=https://evil.example]pact[/link] a|b <script>x</script>" in text
    with zipfile.ZipFile(target) as archive:
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "evil.example" not in relations  # no hyperlink was made of it
    rows = document.find(f".//{W}tbl").findall(f"{W}tr")
    assert all(len(row.findall(f"{W}tc")) == 3 for row in rows)  # the `|` in the name split no cell
