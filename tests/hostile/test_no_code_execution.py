"""No file the tool reads can run code (issue 12, item 6).

The removed cache loaded pickles; nothing may bring that back. The YAML side is covered by the
hostile corpus: `!!python/object/apply:os.system`, `!!python/name:` and a tag on the document give
`tag-not-allowed` (tests/hostile/hostile_corpus.py, cases `python-object-tag`, `python-name-tag`,
`tag-on-the-document`); the end-to-end test below also checks that the command never ran.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT
from samples import MINI

# Modules that turn bytes into objects or code; none has a place in a tool that reads strangers' files.
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib", "dbm"}
# Calls that construct arbitrary objects from YAML, or run text as code.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "load", "load_all", "unsafe_load", "full_load"}
FORBIDDEN_NAMES = {"Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}


def _violations(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(node.module or "")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            # `yaml.load(...)` and a bare `eval(...)`; a method of our own named `load` is not a YAML load.
            if name in FORBIDDEN_CALLS and (owner is None or getattr(owner, "id", "") == "yaml"):
                found.append(f"{name}()")
        elif (
            isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_NAMES and getattr(node.value, "id", "") == "yaml"
        ):
            found.append(f"yaml.{node.attr}")
    return sorted(f"{path.relative_to(root)}:{item}" for item in found)


def test_no_module_of_the_tool_can_deserialise_objects_or_run_code() -> None:
    sources = sorted((ROOT / "src" / "guarantees").rglob("*.py"))
    assert len(sources) > 40
    assert [v for path in sources for v in _violations(path)] == []


def test_the_checker_itself_sees_each_forbidden_use(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    text = "import pickle\nfrom marshal import loads\nimport yaml\nyaml.load(x, Loader=yaml.Loader)\neval('1')\n"
    probe.write_text(text, encoding="utf-8")
    expected = ["eval()", "load()", "marshal", "pickle", "yaml.Loader"]
    assert _violations(probe, tmp_path) == sorted(f"probe.py:{item}" for item in expected)


def test_a_python_tag_is_refused_and_never_runs(invoke, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    model = tmp_path / "mini.yaml"
    payload = f'summary: !!python/object/apply:os.system ["touch {marker}"]'
    model.write_text(MINI.replace("summary: A test model.", payload), encoding="utf-8")
    result = invoke("validate", model)
    assert result.exit_code == 1 and "error[tag-not-allowed]" in result.stdout, result
    assert not marker.exists()


def _install_plugin(site: Path, marker: Path) -> None:
    """A distribution whose `pydantic` entry point records, on import, that it was loaded."""
    (site / "spy_plugin.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('loaded')\n"
        "class Plugin:\n    def new_schema_validator(self, *args, **kwargs):\n        return None, None, None\n"
        "plugin = Plugin()\n",
        encoding="utf-8",
    )
    info = site / "spy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n", encoding="utf-8")


def test_an_installed_pydantic_plugin_never_runs_inside_the_tool(tmp_path: Path) -> None:
    """Any installed package can declare a pydantic plugin, code that pydantic imports to watch every validation;
    the tool validates strangers' files and turns plugins off. The same plugin does load in plain pydantic, so
    the spy is a real one."""
    import os
    import subprocess
    import sys

    site, marker = tmp_path / "site", tmp_path / "plugin-loaded"
    site.mkdir()
    _install_plugin(site, marker)
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    run = subprocess.run(
        [sys.executable, "-m", "guarantees", "compare", "art5", "budapest"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert not marker.exists()
    probe = "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\nM(x=1)\n"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=120)
    assert marker.read_text(encoding="utf-8") == "loaded"
