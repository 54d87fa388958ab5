"""CI and the README's set-up commands stay in step, and the lowest-version pins stay generated from pyproject.

`.ci/run` is run here against stand-in `python3`, `pip` and `python` commands that only record what
they are asked, in a copy under tmp_path (the real one replaces the `.venv` this suite may run from).
"""

from __future__ import annotations

import os
import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
CI = ROOT / ".ci"

# `python3 -m venv DIR` makes DIR/bin/pip and DIR/bin/python; every call is logged as "argv<TAB>$PIP_CONSTRAINT".
# `DIR/bin/python -m pytest` exits STUB_RC when DIR is STUB_FAIL_IN.
STUB_PYTHON3 = r"""#!/usr/bin/env bash
printf '%s\t%s\n' "python3 $*" "${PIP_CONSTRAINT-}" >> "$STUB_LOG"
if [[ $1 == -m && $2 == venv ]]; then
  mkdir -p "$3/bin"
  for tool in pip python; do
    cat > "$3/bin/$tool" <<'EOF'
#!/usr/bin/env bash
printf '%s\t%s\n' "$0 $*" "${PIP_CONSTRAINT-}" >> "$STUB_LOG"
if [[ $* == "-m pytest"* && $0 == "${STUB_FAIL_IN:-none}/bin/python" ]]; then exit "$STUB_RC"; fi
EOF
    chmod +x "$3/bin/$tool"
  done
fi
"""


def setup_commands() -> list[str]:
    """The shell blocks of the README's first screen (before its first `##` heading)."""
    first_screen = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"^```sh\n(.*?)^```$", first_screen, re.MULTILINE | re.DOTALL)]


def readme_test_command() -> str:
    (command,) = [command for command in setup_commands() if "pytest" in command]
    return command


def test_the_readme_sets_up_with_two_commands_each_in_its_own_virtual_environment() -> None:
    commands = setup_commands()
    assert len(commands) == 2 and all("\n" not in command for command in commands), commands
    assert commands[0].endswith(" && .venv/bin/guarantees compare art5 budapest")
    assert commands[1] == readme_test_command()
    for command in commands:
        first, *rest = command.split(" && ")
        # Nothing installs into or runs from the system Python, which PEP 668 may forbid to touch.
        assert first == "python3 -m venv .venv" and rest and all(step.startswith(".venv/bin/") for step in rest)


def test_the_readme_test_command_is_written_out_in_ci() -> None:
    code = [line for line in (CI / "run").read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert any(readme_test_command() in line for line in code), "put the README's test command in .ci/run verbatim"


STUB_APT_GET = r"""#!/usr/bin/env bash
printf '%s\t\n' "apt-get $*" >> "$STUB_LOG"
"""


def run_ci(
    tmp_path: Path, fail_in: str = "", rc: int = 1, *, chromium: bool = True
) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    """A copy of .ci/run with stand-in commands; its exit and the calls it made, each as [argv, PIP_CONSTRAINT].

    A stand-in `chromium` is there unless `chromium` is False; `apt-get` only records what it is asked."""
    (tmp_path / ".ci").mkdir(parents=True)
    for name in ("run", "lowest-constraints.txt"):
        (tmp_path / ".ci" / name).write_bytes((CI / name).read_bytes())
    bin_dir = tmp_path / "stub-bin"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(STUB_PYTHON3, encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    (bin_dir / "apt-get").write_text(STUB_APT_GET, encoding="utf-8")
    (bin_dir / "apt-get").chmod(0o755)
    (bin_dir / "stub-chromium").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_dir / "stub-chromium").chmod(0o755)
    for old in (".venv", ".venv-lowest"):  # left by an earlier run: each pass must start without them
        (tmp_path / old).mkdir()
        (tmp_path / old / "left-from-before").write_text("", encoding="utf-8")
    log = tmp_path / "calls.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUAL_ENV"))}
    env |= {"PATH": f"{bin_dir}{os.pathsep}{env['PATH']}", "STUB_LOG": str(log), "STUB_FAIL_IN": fail_in}
    env["STUB_RC"] = str(rc)
    env["GUARANTEES_CHROMIUM"] = "stub-chromium" if chromium else "chromium-not-installed"
    result = subprocess.run(
        ["bash", str(tmp_path / ".ci" / "run")], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert not (tmp_path / ".venv" / "left-from-before").exists()
    assert not (tmp_path / ".venv-lowest" / "left-from-before").exists()
    calls = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return result, calls


def test_ci_runs_the_readme_test_command_then_the_lowest_versions_each_in_a_new_venv(tmp_path: Path) -> None:
    result, calls = run_ci(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    argvs = [argv for argv, _ in calls]
    readme = [" ".join(shlex.split(step)) for step in readme_test_command().split(" && ")]
    starts = [i for i in range(len(argvs)) if argvs[i : i + len(readme)] == readme]
    assert starts, f"the README's test command {readme} was not run; calls: {argvs}"
    lowest = [
        ["python3 -m venv .venv-lowest", ""],
        [".venv-lowest/bin/pip install -e .[test]", ".ci/lowest-constraints.txt"],
        [".venv-lowest/bin/python -m pytest", ""],
    ]
    assert [call for call in calls if ".venv-lowest" in call[0] and "freeze" not in call[0]] == lowest
    assert starts[0] < calls.index(lowest[0])
    assert not any(call[1] for call in calls[: calls.index(lowest[0])]), "the newest pass must not be constrained"


def test_ci_installs_chromium_only_when_it_is_missing(tmp_path: Path) -> None:
    result, calls = run_ci(tmp_path / "present")
    assert result.returncode == 0 and not any(argv.startswith("apt-get") for argv, _ in calls)
    result, calls = run_ci(tmp_path / "missing", chromium=False)
    assert result.returncode == 0, result.stdout + result.stderr
    apt = [argv for argv, _ in calls if argv.startswith("apt-get")]
    assert apt == ["apt-get update -qq", "apt-get install -y -qq chromium"]
    assert [argv for argv, _ in calls].index(apt[-1]) == 1  # before the first pass starts
    assert "== installing chromium for the browser tests" in result.stdout


@pytest.mark.parametrize(("fail_in", "rc"), [(".venv", 1), (".venv-lowest", 1), (".venv", 5), (".venv-lowest", 5)])
def test_ci_fails_when_either_pass_fails_or_runs_no_test(tmp_path: Path, fail_in: str, rc: int) -> None:
    result, calls = run_ci(tmp_path, fail_in, rc)
    assert result.returncode != 0, result.stdout
    assert [".venv-lowest/bin/python -m pytest", ""] in calls  # a failed first pass does not hide the second
    assert f"== {'newest' if fail_in == '.venv' else 'lowest'}: FAILED (exit {rc})" in result.stdout


def test_the_lowest_constraints_file_is_the_one_pyproject_gives() -> None:
    generated = subprocess.run(
        [sys.executable, str(CI / "lowest_constraints.py")], capture_output=True, text=True, check=True
    ).stdout
    committed = (CI / "lowest-constraints.txt").read_text(encoding="utf-8")
    assert committed == generated, "regenerate it: python3 .ci/lowest_constraints.py --write"


def test_each_lower_bound_becomes_a_pin_and_a_requirement_without_one_is_refused() -> None:
    pins = runpy.run_path(str(CI / "lowest_constraints.py"))["pins"]
    assert pins(["pydantic>=2.9,<3", "Pypandoc_Binary >= 1.13", "x[extra]>=1.0 ; python_version < '4'"]) == [
        "pydantic==2.9",
        "pypandoc-binary==1.13",
        "x==1.0",
    ]
    for unbounded in ("hatchling", "rich<14", "typer==0.29"):
        with pytest.raises(SystemExit, match="expected one lower bound"):
            pins([unbounded])
