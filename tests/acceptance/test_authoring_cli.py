"""init, sources add, new, the shadow note and --verbose, end to end through the CLI in a project of one's own."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MODELS, ROOT, SEEDS
from guarantees import writer
from guarantees.seed_files import MAX_SOURCE_BYTES

ARTICLE = (
    "Allies agree on a guarantee for Ukraine\n\n"
    "The ministers said the guarantee “will be legally binding” once ratified by parliaments.\n"
    "A monitoring mission would follow the ceasefire.\n"
)


@pytest.fixture
def project(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new project made by `guarantees init`, and the working directory moved into it."""
    result = invoke("init", tmp_path / "proj")
    assert result.exit_code == 0, result
    monkeypatch.chdir(tmp_path / "proj")
    return tmp_path / "proj"


def _article(tmp_path: Path, name: str = "allies-agree.txt", text: str = ARTICLE) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# init


def test_init_creates_a_project_whose_files_parse_and_whose_hook_is_the_shipped_one(invoke, project: Path) -> None:
    assert sorted(p.name for p in project.iterdir()) == [
        ".pre-commit-config.yaml", "README.md", "models", "schemas", "seeds",
    ]  # fmt: skip
    manifest = (project / "seeds" / "sources.yaml").read_text("utf-8")
    assert manifest.startswith("# yaml-language-server: $schema=../schemas/sources.schema.json\n")
    assert yaml.safe_load(manifest) == {"sources": []}
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text("utf-8"))
    assert config["repos"][0]["hooks"][0]["id"] == hooks[0]["id"]
    schema = json.loads((project / "schemas" / "arrangement.schema.json").read_text("utf-8"))
    assert schema == json.loads(invoke("schema", "arrangement").stdout)
    # the empty manifest is valid: the only finding of a fresh project is that it has no model yet
    result = invoke("validate", "models/", "--format", "json")
    assert result.exit_code == 1 and [f["code"] for f in json.loads(result.stdout)["findings"]] == ["no-model-files"]


def test_init_refuses_a_directory_that_is_not_empty_and_changes_nothing(invoke, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", "utf-8")
    result = invoke("init", tmp_path / "full")
    assert result.exit_code == 2 and "expected a new or empty directory, found 1 entries (notes.txt)" in result.stderr
    assert _snapshot(tmp_path / "full") == {"notes.txt": b"mine"}
    (tmp_path / "file").write_text("x", "utf-8")
    assert "found a regular file" in invoke("init", tmp_path / "file").stderr
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = invoke("init", tmp_path / "link")
    assert result.exit_code == 2 and "found a symbolic link" in result.stderr


def test_init_fills_an_empty_directory_and_a_failure_midway_leaves_it_empty(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty").mkdir()
    calls = []
    real_rename = os.rename

    def failing_rename(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", failing_rename)
    result = invoke("init", tmp_path / "empty")
    assert result.exit_code == 3 and "No space left on device" in result.stderr, result
    assert list((tmp_path / "empty").iterdir()) == []
    monkeypatch.setattr(os, "rename", real_rename)
    assert invoke("init", tmp_path / "empty").exit_code == 0
    assert (tmp_path / "empty" / "seeds" / "sources.yaml").is_file()


# sources add


def test_sources_add_copies_byte_for_byte_appends_and_keeps_every_comment(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = (seeds / "sources.yaml").read_bytes()
    article = _article(tmp_path)
    result = invoke("sources", "add", article, "--seeds", seeds, "--date", "2025-12", "--publisher", "The Daily")
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    assert result.exit_code == 0, result
    assert result.stdout == (
        f"added `allies-agree` as {seeds / 'allies-agree.txt'}, listed in {seeds / 'sources.yaml'}\nsha256: {digest}\n"
    )
    assert (seeds / "allies-agree.txt").read_bytes() == article.read_bytes()
    after = (seeds / "sources.yaml").read_bytes()
    assert after.startswith(before) and after[len(before) :].decode("utf-8") == (
        "\n"
        "  - id: allies-agree\n"
        "    file: allies-agree.txt\n"
        "    collected_as: allies-agree.txt\n"
        '    title: "Allies agree on a guarantee for Ukraine"\n'
        '    publisher: "The Daily"\n'
        "    author: null\n"
        '    date: "2025-12"\n'
        "    url: null\n"
        "    kind: null\n"
        '    note: "Title taken from the text\'s first line; not given when the source was added: author, url, kind."\n'
        f'    sha256: "{digest}"\n'
    )
    # the shipped models still validate against the grown manifest, and the new source is listed
    assert invoke("validate", MODELS, "--seeds", seeds).exit_code == 0
    assert "allies-agree" in invoke("sources", "--seeds", seeds, "--models", MODELS).stdout


def test_sources_add_refuses_duplicates_and_clashes_with_a_located_finding(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shipped = SEEDS / "2025-08-16-explainer-inspired-by-article-5.txt"
    before = _snapshot(seeds)
    same_bytes = invoke("sources", "add", shipped, "--seeds", seeds, "--id", "another-id")
    assert same_bytes.exit_code == 1 and "error[source-duplicate]" in same_bytes.stderr
    assert "seeds/sources.yaml:19:13:" in same_bytes.stderr.replace(str(tmp_path) + "/", "")
    article = _article(tmp_path)
    duplicate = invoke("sources", "add", article, "--seeds", seeds, "--id", "euromaidan-opinion")
    assert duplicate.exit_code == 1 and "error[duplicate-id] expected a new source id" in duplicate.stderr
    clash = invoke("sources", "add", article, "--seeds", seeds, "--id", "glimpse-into-potential-terms")
    assert clash.exit_code == 1 and "error[file-exists]" in clash.stderr, clash
    assert _snapshot(seeds) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"caf\xc3\xa9\nbad \xff byte\n", "2:5: error[invalid-utf8] expected UTF-8 text, "
         "found byte 0xff at byte offset 10 (line 2, column 5)"),
        (b"text \x1b]8;;x\x07 more\n", "1:6: error[control-character] expected text without control characters, "
         "found the control character U+001B at character offset 5"),
        (b"\xef\xbb\xbfwith a BOM\n", "1:1: error[control-character]"),
        (b"  \n\n", "error[empty-file]"),
    ],
)  # fmt: skip
def test_sources_add_refuses_bad_text_where_it_is(invoke, tmp_path: Path, content: bytes, expected: str) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = _snapshot(seeds)
    (tmp_path / "bad.txt").write_bytes(content)
    result = invoke("sources", "add", tmp_path / "bad.txt", "--seeds", seeds)
    assert result.exit_code == 1 and expected in result.stderr, result
    assert _snapshot(seeds) == before


def test_sources_add_keeps_crlf_line_ends(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    article = _article(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n"))
    assert invoke("sources", "add", article, "--seeds", seeds).exit_code == 0
    assert (seeds / "crlf.txt").read_bytes() == article.read_bytes()


def test_sources_add_refuses_links_big_files_urls_and_bad_options(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = _snapshot(seeds)
    article = _article(tmp_path)
    (tmp_path / "link.txt").symlink_to(article)
    link = invoke("sources", "add", tmp_path / "link.txt", "--seeds", seeds)
    assert link.exit_code == 1 and "error[unsafe-file] expected a regular file, found a symbolic link" in link.stderr
    (tmp_path / "big.txt").write_bytes(b"a" * (MAX_SOURCE_BYTES + 1))
    big = invoke("sources", "add", tmp_path / "big.txt", "--seeds", seeds)
    assert big.exit_code == 1 and "error[file-too-large]" in big.stderr
    url = invoke("sources", "add", "https://example.org/article.html", "--seeds", seeds)
    assert url.exit_code == 2 and "never fetches from a network" in url.stderr
    date = invoke("sources", "add", article, "--seeds", seeds, "--date", "2025-02-30")
    assert date.exit_code == 2 and "--date: expected a date" in date.stderr
    bad_id = invoke("sources", "add", article, "--seeds", seeds, "--id", "Not An Id")
    assert bad_id.exit_code == 2 and "--id: String should match pattern" in bad_id.stderr
    assert _snapshot(seeds) == before


def test_a_failed_manifest_write_leaves_seeds_unchanged(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = _snapshot(seeds)

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("guarantees.service.add_source.write_atomic_bytes", full_disk)
    result = invoke("sources", "add", _article(tmp_path), "--seeds", seeds)
    assert result.exit_code == 3 and "cannot write" in result.stderr and "No space left" in result.stderr
    assert _snapshot(seeds) == before
    assert writer.write_atomic_bytes is not full_disk  # only the service's name was patched


def test_sources_add_extracts_the_text_of_an_html_page(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks</title><meta name='author' content='Jane Doe'></head><body>"
        "<nav>Home | About | Contact</nav><article><h1>Talks resume</h1>"
        "<p>The delegates discussed a security guarantee for the whole afternoon, without agreement.</p>"
        "<p>A second round <script>alert(1)</script>is planned for the spring, officials said on Friday.</p>"
        "</article><footer>Copyright 2025</footer></body></html>",
        "utf-8",
    )
    result = invoke("sources", "add", page, "--seeds", seeds)
    assert result.exit_code == 0, result
    stored = (seeds / "page.txt").read_text("utf-8")
    assert "The delegates discussed a security guarantee" in stored and "alert" not in stored and "Home" not in stored
    entry = yaml.safe_load((seeds / "sources.yaml").read_text("utf-8"))["sources"][-1]
    assert entry["sha256"] == hashlib.sha256(stored.encode("utf-8")).hexdigest()
    assert entry["author"] == "Jane Doe" and entry["note"].startswith(
        "Text extracted from the HTML page page.html with trafilatura "
    )


def test_a_source_called_add_is_reachable_with_sources_show(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    assert invoke("sources", "add", _article(tmp_path, "add.txt"), "--seeds", seeds).exit_code == 0
    shown = invoke("sources", "show", "add", "--seeds", seeds, "--models", MODELS)
    assert shown.exit_code == 0 and shown.stdout.startswith("add: Allies agree on a guarantee for Ukraine"), shown
    old_spelling = invoke("sources", "vnexpress-2025-12-20")
    assert old_spelling.exit_code == 0 and old_spelling.stdout.startswith("vnexpress-2025-12-20:")


# the hash to paste


def test_a_missing_hash_finding_prints_the_hash_to_paste(invoke, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    manifest = seeds / "sources.yaml"
    text = manifest.read_text("utf-8")
    digest = "a3483add7c9191c33f3bb17af17b4e99ebc7c57c10409a129c215af91cd06f79"
    manifest.write_text(text.replace(f"    sha256: {digest}\n", ""), "utf-8")
    result = invoke("validate", MODELS, "--seeds", seeds)
    assert result.exit_code == 1 and "error[missing-field]" in result.stdout
    assert f"paste it as `sha256: {digest}`" in result.stdout
    manifest.write_text(text.replace(digest, "b" * 64), "utf-8")
    wrong = invoke("validate", MODELS, "--seeds", seeds)
    assert "error[source-checksum]" in wrong.stdout and f"(the file's SHA-256 now: {digest})" in wrong.stdout


# new


def test_new_writes_a_skeleton_that_fails_only_for_its_uncited_parties(invoke, project: Path) -> None:
    result = invoke("new", "allied-guarantee", "--name", 'The "allied" guarantee', "--alias", "allied")
    assert result.exit_code == 0 and result.stdout == "wrote models/allied-guarantee.yaml\n", result
    text = (project / "models" / "allied-guarantee.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/arrangement.schema.json\n")
    assert "  # The legal character a source asserts. Values: level: none < political_declaration" in text
    data = yaml.safe_load(text)
    assert data["name"] == 'The "allied" guarantee' and data["aliases"] == ["allied"]
    assert all("unspecified" in value for value in data["dimensions"].values())
    report = json.loads(invoke("validate", "models/", "--format", "json").stdout)
    assert [(f["code"], f["path"]) for f in report["findings"]] == [("missing-field", "parties")]


def test_new_refuses_an_existing_file_a_taken_name_and_a_bad_id(invoke, project: Path) -> None:
    assert invoke("new", "first", "--name", "First", "--alias", "one").exit_code == 0
    before = _snapshot(project / "models")
    again = invoke("new", "first", "--name", "Again")
    assert again.exit_code == 2 and "models/first.yaml: expected a new model file, found one there" in again.stderr
    alias = invoke("new", "second", "--name", "Second", "--alias", "one")
    assert alias.exit_code == 2 and "`one` already names models/first.yaml" in alias.stderr
    as_id = invoke("new", "one", "--name", "Second")
    assert as_id.exit_code == 2 and "`one` already names" in as_id.stderr
    bad = invoke("new", "Bad_Id", "--name", "Bad")
    assert bad.exit_code == 2 and "ID (lower-case words joined by hyphens" in bad.stderr
    bell = invoke("new", "third", "--name", "Ring\x07")
    assert bell.exit_code == 2 and "--name: expected printable text without control" in bell.stderr
    assert "pattern" not in bell.stderr and "\x07" not in bell.stderr  # the bell is shown escaped, never rung
    assert _snapshot(project / "models") == before


def test_new_honours_models(invoke, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    assert invoke("new", "x-deal", "--name", "X", "--models", tmp_path / "elsewhere").exit_code == 0
    assert (tmp_path / "elsewhere" / "x-deal.yaml").is_file()


# which project was read


def test_a_local_folder_that_shadows_the_shipped_one_is_announced_once_on_stderr(
    invoke, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke("list")
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: using ./models (shadows the shipped models); pass --models to choose",
        "note: using ./seeds (shadows the shipped seeds); pass --seeds to choose",
    ]
    explicit = invoke("list", "--models", "models", "--seeds", "seeds")
    assert "note:" not in explicit.stderr
    by_environment = invoke("list", env={"GUARANTEES_MODELS": "models", "GUARANTEES_SEEDS": "seeds"})
    assert "note:" not in by_environment.stderr


def test_the_checkout_itself_shadows_nothing_and_verbose_names_both_directories(invoke) -> None:
    quiet = invoke("list")
    assert "note:" not in quiet.stderr
    verbose = invoke("--verbose", "compare", "art5", "budapest", "--models", MODELS)
    assert verbose.exit_code == 0
    assert verbose.stderr.splitlines()[:2] == [
        f"guarantees: models directory {MODELS.relative_to(ROOT)} (given by --models)",
        "guarantees: seeds directory seeds (the working directory's)",
    ]


def test_json_envelopes_name_the_directories_read(invoke) -> None:
    export = json.loads(invoke("export", "art5", "budapest", "--format", "json").stdout)
    assert (export["version"], export["seeds"], export["manifest"], export["models"]) == (
        2, "seeds", "seeds/sources.yaml", "models",
    )  # fmt: skip
    agree = json.loads(invoke("agree", "coding/a", "coding/b", "--format", "json").stdout)
    assert (agree["version"], agree["seeds"], agree["models"]) == (2, "seeds", None)
    seed = "seeds/glimpse-into-potential-terms.txt"  # its own text again: every citation stays where it is
    for args, models in (
        (["history", "berlin"], "models"),
        (["search", "binding"], "models"),
        (["cite", "glimpse-potential-terms", "binding"], None),  # cite reads the sources only
        (["reanchor", "glimpse-potential-terms", seed], "models"),
    ):
        envelope = json.loads(invoke(*args, "--format", "json").stdout)
        assert (envelope["version"], envelope["seeds"], envelope["manifest"], envelope["models"]) == (
            2, "seeds", "seeds/sources.yaml", models,
        ), args  # fmt: skip


# from an article to a compared model


def test_from_an_article_to_a_validated_model_compared_with_article_5(invoke, project: Path, tmp_path: Path) -> None:
    assert invoke("sources", "add", _article(tmp_path)).exit_code == 0
    # Article 5's own sources, added byte for byte under their ids, so it can be compared in this project
    cited = {c["source"] for c in _citations(yaml.safe_load((MODELS / "nato-article-5.yaml").read_text("utf-8")))}
    listed = {e["id"]: e["file"] for e in yaml.safe_load((SEEDS / "sources.yaml").read_text("utf-8"))["sources"]}
    for source_id in sorted(cited):
        assert invoke("sources", "add", SEEDS / listed[source_id], "--id", source_id).exit_code == 0
    shutil.copy(MODELS / "nato-article-5.yaml", project / "models")
    assert invoke("new", "allied-guarantee", "--name", "Allied guarantee", "--alias", "allied").exit_code == 0
    model = project / "models" / "allied-guarantee.yaml"
    cite = '      cite:\n        - source: allies-agree\n          quote: "will be legally binding"\n'
    parties = "parties:\n  - code: UA\n    role: beneficiary\n" + cite.replace("      ", "    ", 1).replace(
        "\n        ", "\n      "
    ).replace("\n          ", "\n        ")
    text = model.read_text("utf-8").replace("dimensions:\n", parties + "dimensions:\n")
    unspecified = '  binding_force:\n    unspecified: "Not coded yet'
    start = text.index(unspecified)
    end = text.index("\n", start + len(unspecified)) + 1
    assessed = "  binding_force:\n    assessments:\n      - level: legally_binding\n        provenance: journalist\n"
    model.write_text(text[:start] + assessed + cite.replace("      ", "        ") + text[end:], "utf-8")
    validated = invoke("validate", "models/")
    assert validated.exit_code == 0 and validated.stdout == "2 file(s) checked: all valid\n", validated
    compared = invoke("compare", "allied", "art5", "--dimensions", "binding_force")
    assert compared.exit_code == 0, compared
    assert "legally binding" in compared.stdout and "Allied guarantee" in compared.stdout


def _citations(node: object) -> list[dict[str, str]]:
    if isinstance(node, dict):
        return ([node] if "quote" in node else []) + [c for v in node.values() for c in _citations(v)]
    if isinstance(node, list):
        return [c for v in node for c in _citations(v)]
    return []


def test_html_without_the_extra_is_a_clear_usage_error(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = _snapshot(seeds)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what `import trafilatura` meets when it is missing
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Text</p></body></html>", "utf-8")
    result = invoke("sources", "add", page, "--seeds", seeds)
    assert result.exit_code == 2 and "pip install 'guarantees[html]'" in result.stderr, result
    assert _snapshot(seeds) == before


def test_outside_any_project_the_shipped_data_is_never_written(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./seeds or ./models here: the lookup falls through to the shipped copies
    before = _snapshot(SEEDS), _snapshot(MODELS)
    added = invoke("sources", "add", _article(tmp_path))
    assert added.exit_code == 2 and "the seeds directory here is the one shipped with the tool" in added.stderr
    new = invoke("new", "stray-model", "--name", "Stray")
    assert new.exit_code == 2 and "pass --models DIR" in new.stderr
    assert (_snapshot(SEEDS), _snapshot(MODELS)) == before
