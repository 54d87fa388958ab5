"""Work a cold `compare art5 budapest` does not do: each test names a cost that once stood in its start-up.

The speed itself is measured by `benchmarks/run.py`, never here; these tests only keep the avoided work avoided.
They run the real entry point in a fresh interpreter, since an import already made in this one would hide it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

# Run as the console script runs: through entry._run_app, which turns pydantic plugins off before any import.
PROBE = """
import dataclasses, gc, json, sys
made, collections = [], []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
process_class = dataclasses._process_class  # what @dataclass calls once per class it creates

def counting(cls, *args, **kwargs):
    if cls.__module__.startswith("guarantees"):
        made.append(cls.__qualname__)
    return process_class(cls, *args, **kwargs)

dataclasses._process_class = counting
sys.argv = ["guarantees", "compare", "art5", "budapest"]
from guarantees import entry
code = entry._run_app()
with open(sys.argv_out, "w", encoding="utf-8") as out:
    json.dump({"code": code, "dataclasses": made, "modules": sorted(sys.modules), "collections": collections}, out)
"""

# Records that change after they are made (Document, Seeds, Announcer) or check themselves as they are made
# (Finding's __post_init__): a NamedTuple cannot be either.
MUTABLE_OR_SELF_CHECKING = {"Announcer", "Document", "Finding", "Seeds"}


@pytest.fixture(scope="module")
def cold_compare(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What one cold compare imported and which of the tool's dataclasses it created."""
    out = tmp_path_factory.mktemp("probe") / "probe.json"
    script = PROBE.replace("sys.argv_out", repr(str(out)))
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0 and "binding force" in run.stdout, run.stderr
    result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    assert result["code"] == 0
    return result


def test_compare_never_imports_package_metadata(cold_compare: dict[str, object]) -> None:
    """pydantic's plugin loader imports importlib.metadata (email, zipfile, csv: 11 ms) only to find that
    plugins are off; the entry point puts a loader that finds none in its place. Removing that loader makes
    this fail, and so does any new import of package metadata on compare's path."""
    modules = cold_compare["modules"]
    assert isinstance(modules, list) and "pydantic.main" in modules  # the probe ran the real validation path
    assert "importlib.metadata" not in modules
    assert "pydantic.plugin._loader" in modules  # the stand-in, so pydantic asked for it and got no plugins


def test_compare_creates_no_frozen_dataclass(cold_compare: dict[str, object]) -> None:
    """Each dataclass costs about 0.45 ms to create on Python 3.11 (it compiles six methods); an immutable
    record is a NamedTuple (0.07 ms). A `@dataclass(frozen=True)` on compare's path makes this fail."""
    made = cold_compare["dataclasses"]
    assert isinstance(made, list) and "Finding" in made  # the counter saw the dataclasses that are created
    assert set(made) <= MUTABLE_OR_SELF_CHECKING, sorted(set(made) - MUTABLE_OR_SELF_CHECKING)


def test_compare_hardly_runs_the_cycle_collector(cold_compare: dict[str, object]) -> None:
    """What a command allocates at start-up it keeps; at Python's default threshold the collector walked it
    86 to 97 times in a cold compare (13 ms), at the entry point's 3 or 4 times. The bound leaves room for
    libraries that allocate more; dropping the entry point's threshold makes this fail."""
    collections = cold_compare["collections"]
    assert isinstance(collections, list) and len(collections) <= 10, collections
