"""The pip constraints that pin each lower bound pyproject.toml declares: `name>=X` becomes `name==X`.

Covers [build-system] requires, [project] dependencies and the `test` extra, so CI's second pass
installs the oldest versions the project says it works with. Every requirement there must have a
`>=` bound. Standard library only (tomllib, Python 3.11+).

    python3 .ci/lowest_constraints.py            # print them
    python3 .ci/lowest_constraints.py --write    # rewrite .ci/lowest-constraints.txt

tests/test_ci_setup.py fails when the committed file is not what this prints.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / ".ci" / "lowest-constraints.txt"
# name, optional [extras], then the version specifiers up to an optional `; marker`
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def pins(requirements: list[str]) -> list[str]:
    """One `name==X` line per requirement, X its `>=X` bound; SystemExit for one without such a bound."""
    lines = []
    for requirement in requirements:
        match = REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"cannot read the requirement {requirement!r}")
        name, specifiers = match.groups()
        lower = [spec.strip()[2:].strip() for spec in specifiers.split(",") if spec.strip().startswith(">=")]
        if len(lower) != 1:
            raise SystemExit(f"expected one lower bound `>=X` in {requirement!r}, found {len(lower)}")
        lines.append(f"{re.sub(r'[-_.]+', '-', name).lower()}=={lower[0]}")
    return lines


def constraints(pyproject: Path = ROOT / "pyproject.toml") -> str:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    sections = {
        "build-system requires": data["build-system"]["requires"],
        "dependencies": data["project"]["dependencies"],
        "test extra": data["project"]["optional-dependencies"]["test"],
    }
    text = "# Generated from pyproject.toml by .ci/lowest_constraints.py (--write); do not edit by hand.\n"
    text += "# Each lower bound the project declares, pinned: CI's second pass installs these and runs the suite.\n"
    for section, requirements in sections.items():
        text += f"# {section}\n" + "".join(f"{line}\n" for line in pins(requirements))
    return text


def main(argv: list[str]) -> int:
    if argv not in ([], ["--write"]):
        print(__doc__, file=sys.stderr)
        return 2
    text = constraints()
    if argv:
        OUTPUT.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
