"""Model files from a pull request: links, special files, odd names, nothing to check, the same file twice.

Issue 12, items 2, 3, 4, 17 and 18. Each test names the item it covers.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, MODELS, ROOT, SEEDS
from samples import MINI

FORMATS = ["text", "json", "github"]
SECRETS = ("secret-id-4711", "hunter2-alias", "Hunter2")  # the did-you-mean test types `hunter2-alia`
# A YAML file outside the repository, such as a CI runner's credentials: wrong in every way a
# finding would quote (its id, its aliases, its name), so any value read from it would be printed.
OUTSIDE = "id: secret-id-4711\nname: Hunter2 Name\naliases: [hunter2-alias, Hunter2 Secret]\nkind: 12\n"


@pytest.fixture
def models(tmp_path: Path) -> Path:
    target = tmp_path / "repo" / "models"
    shutil.copytree(MODELS, target)
    return target


def _with_leak(models: Path, tmp_path: Path) -> Path:
    outside = tmp_path / "home" / "credentials.yaml"
    outside.parent.mkdir()
    outside.write_text(OUTSIDE, encoding="utf-8")
    (models / "leak.yaml").symlink_to(outside)
    return models


def _no_secret(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


# --- item 2: a link out of the repository is never followed, and nothing from its target is printed


@pytest.mark.parametrize("output_format", FORMATS)
def test_item2_a_linked_model_is_refused_and_its_target_never_printed(
    invoke, tmp_path: Path, models: Path, output_format: str
) -> None:
    result = invoke("validate", _with_leak(models, tmp_path), "--format", output_format)
    assert _no_secret(result.stdout + result.stderr), result  # before: `found string 'Hunter2 Secret'`
    assert result.exit_code == 1, result
    assert "unsafe-file" in result.stdout and "leak.yaml" in result.stdout, result


@pytest.mark.parametrize(
    "args",
    [["list"], ["compare"], ["export"], ["sources"], ["show", "leak"], ["compare", "hunter2-alia", "art5"]],
    ids=["list", "compare", "export", "sources", "show", "did-you-mean"],
)
def test_item2_no_command_reads_a_linked_model(invoke, tmp_path: Path, models: Path, args: list[str]) -> None:
    result = invoke(*args, "--models", _with_leak(models, tmp_path))
    assert result.exit_code in (1, 2), result
    assert _no_secret(result.stdout + result.stderr), result


def test_item2_a_linked_models_directory_is_not_followed(invoke, tmp_path: Path) -> None:
    elsewhere = tmp_path / "home" / ".config"
    elsewhere.mkdir(parents=True)
    (elsewhere / "hosts.yaml").write_text(OUTSIDE, encoding="utf-8")
    (tmp_path / "models").symlink_to(elsewhere)
    for args in (["validate", tmp_path / "models"], ["list", "--models", tmp_path / "models"]):
        result = invoke(*args)
        assert result.exit_code == 1 and "error[unsafe-file] expected a directory, found a symbolic link" in (
            result.stdout + result.stderr
        ), result
        assert _no_secret(result.stdout + result.stderr), result


# --- item 3: one rule decides what a model file is, for every command


def test_item3_a_file_named_only_the_suffix_fails_validate_list_export_and_compare(invoke, models: Path) -> None:
    shutil.copy(models / "nato-article-5.yaml", models / ".yaml")
    validated = invoke("validate", models)
    assert validated.exit_code == 1, validated
    assert f"{models / '.yaml'}: error[invalid-file-name] " in validated.stdout, validated
    for args in (["list"], ["export", "--all"], ["compare", "--all"], ["compare", "art5", "budapest"], ["sources"]):
        result = invoke(*args, "--models", models)
        assert result.exit_code == 1 and "error[invalid-file-name]" in result.stderr, (args, result)


def test_item3_validate_and_the_name_index_list_the_same_files(tmp_path: Path) -> None:
    from guarantees.model_dir import list_model_dir, list_model_paths
    from guarantees.name_index import build_name_index

    names = ["ok-one.yaml", "ok-two.yml", ".yaml", ".yml", "Upper.yaml", "a.yaml", "x y.yaml", "notes.md", "b.yaml.bak"]
    for name in names:
        (tmp_path / name).write_text(MINI, encoding="utf-8")
    expected = [tmp_path / "ok-one.yaml", tmp_path / "ok-two.yml"]
    assert list(list_model_dir(tmp_path).files) == list(build_name_index(tmp_path).files) == expected
    assert list(list_model_paths([tmp_path]).files) == expected
    refused = sorted(Path(f.location.file).name for f in list_model_dir(tmp_path).findings)
    assert refused == [".yaml", ".yml", "Upper.yaml", "a.yaml", "x y.yaml"]  # notes.md is not a model file at all


STEMS = ["nato-article-5", "ab", "a1-b2", "x" * 64, "x" * 65, "a", "", "-ab", "ab-", "a--b", "Ab", "a_b", "a.b", "a b"]


@pytest.mark.parametrize("stem", STEMS)
def test_item3_a_file_name_is_valid_exactly_when_its_stem_is_a_valid_id(stem: str) -> None:
    from pydantic import TypeAdapter, ValidationError

    from guarantees.model import Slug
    from guarantees.model_dir import is_model_file_name

    try:
        TypeAdapter(Slug).validate_python(stem)
        valid = True
    except ValidationError:
        valid = False
    assert is_model_file_name(f"{stem}.yaml") is is_model_file_name(f"{stem}.yml") is valid
    assert not is_model_file_name(f"{stem}.json") and not is_model_file_name(f"{stem}.yaml.bak")


# --- item 4: a run that checks nothing fails


def test_item4_an_empty_argument_is_a_usage_error(invoke) -> None:
    for args in ([""], ["", "models/"], ["models/", ""]):
        result = invoke("validate", *args)
        assert result.exit_code == 2, (args, result)
        assert result.stderr == "guarantees: error: expected a model file or directory, found an empty argument\n"


@pytest.mark.parametrize("output_format", FORMATS)
def test_item4_a_directory_without_model_files_fails(invoke, tmp_path: Path, output_format: str) -> None:
    (tmp_path / "README.md").write_text("no models here\n", encoding="utf-8")
    result = invoke("validate", tmp_path, "--format", output_format)
    assert result.exit_code == 1, result
    assert "no-model-files" in result.stdout and "all valid" not in result.stdout, result
    if output_format == "text":
        assert result.stdout == (
            f"{tmp_path}: error[no-model-files] expected at least one model file (ID.yaml or ID.yml) to check, "
            "found none\n  hint: pass the models directory or model files; a run that checks nothing fails, "
            "so CI cannot pass by accident\n0 file(s) checked: 1 error(s) in 1 file(s)\n"
        )


def test_item4_an_empty_models_directory_from_the_environment_fails(invoke, tmp_path: Path) -> None:
    result = invoke("validate", env={"GUARANTEES_MODELS": str(tmp_path)})
    assert result.exit_code == 1 and "error[no-model-files]" in result.stdout, result


# --- item 17: special files are findings, named or listed


def _run(*args: str | Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "guarantees", "validate", "--seeds", str(SEEDS), "--format", "json"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUARANTEES_", "GITHUB_"))}
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env
    )


def _codes(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    return [(Path(f["file"]).name, f["code"]) for f in json.loads(result.stdout)["findings"]]


def test_item17_a_fifo_named_on_the_command_line_is_a_finding_not_a_usage_error(tmp_path: Path) -> None:
    fifo = tmp_path / "mini.yaml"
    os.mkfifo(fifo)
    result = _run(fifo)  # in a child with a timeout: opening a FIFO to read would wait for a writer
    assert result.returncode == 1, result
    assert _codes(result) == [("mini.yaml", "unsafe-file")]


def test_item17_special_entries_of_a_models_directory_are_findings_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "socket.yaml"))
    expected = [("folder.yaml", "unsafe-file"), ("pipe.yaml", "unsafe-file"), ("socket.yaml", "unsafe-file")]
    if os.geteuid() == 0:  # a device node needs root; the other kinds cover the rule without one
        os.mknod(tmp_path / "device.yaml", 0o600 | 0o020000, os.makedev(1, 5))
        expected.insert(0, ("device.yaml", "unsafe-file"))
    result = _run(tmp_path)
    assert result.returncode == 1, result
    assert sorted(_codes(result)) == expected
    assert len(json.loads(result.stdout)["files"]) == len(expected) + 1


def test_item17_an_unreadable_file_named_on_the_command_line_is_a_finding(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, whom permissions do not stop: the system's refusal is simulated for this one path.
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    real_stat, real_open = os.stat, os.open

    def refuse(real):  # type: ignore[no-untyped-def]
        def call(target, *args, **kwargs):  # type: ignore[no-untyped-def]
            if os.fspath(target) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real(target, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "stat", refuse(real_stat))
    monkeypatch.setattr(os, "lstat", refuse(os.lstat))
    monkeypatch.setattr(os, "open", refuse(real_open))
    result = invoke("validate", path)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(f"{path}: error[unreadable-file] cannot read the file: Permission denied\n"), result


# --- item 18: one file is one file, however often or however it is named


def test_item18_the_same_file_twice_is_checked_once(invoke, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    spellings = [path, path, tmp_path / "." / "mini.yaml", tmp_path / "sub" / ".." / "mini.yaml"]
    (tmp_path / "sub").mkdir()
    result = invoke("validate", *spellings, tmp_path)
    assert (result.exit_code, result.stdout) == (0, "1 file(s) checked: all valid\n"), result


def test_item18_a_directory_and_a_file_in_it_are_checked_once(invoke) -> None:
    count = len(list(MODELS.glob("*.yaml")))
    result = invoke("validate", "models/", "models/nato-article-5.yaml", "./models/budapest-memorandum.yaml", "models")
    assert (result.exit_code, result.stdout) == (0, f"{count} file(s) checked: all valid\n"), result


def test_item18_compare_with_an_alias_two_files_claim_is_a_usage_error_naming_both(invoke, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(EXAMPLES / "compare", models)
    beta = models / "beta-memo.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("aliases:\n", "aliases:\n  - alpha\n", 1), "utf-8")
    result = invoke("compare", "alpha", "gamma", "--models", models)
    assert result.exit_code == 2, result
    assert "`alpha` names 2 files: `alpha-pact.yaml`, `beta-memo.yaml`" in result.stderr, result


def test_item18_compare_with_a_stem_two_files_share_is_a_usage_error_naming_both(invoke, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(EXAMPLES / "compare", models)
    shutil.copy(models / "gamma-force.yaml", models / "gamma-force.yml")
    result = invoke("compare", "gamma-force", "alpha", "--models", models)
    assert result.exit_code == 2, result
    assert "`gamma-force` names 2 files: `gamma-force.yaml`, `gamma-force.yml`" in result.stderr, result
