"""docs/reliability.md, generated: how far the two independent codings agree, before and after the rule rewrite."""

from __future__ import annotations

from pathlib import Path

from guarantees.data_dirs import DataDirs
from guarantees.findings import GuaranteesError
from guarantees.render.agreement import FLOOR, TARGET, render_markdown
from guarantees.service.agree import AgreeResult, agree

CURRENT = ("coding/a", "coding/b")
# Earlier rounds, kept as they were coded: each dimension under 0.667 had its rules rewritten and was coded again.
EARLIER = (("round 1", ("coding/round-1/a", "coding/round-1/b")), ("round 2", ("coding/round-2/a", "coding/round-2/b")))
INTRO = """\
Two coders coded the same 14 arrangements independently, from the five sources and the codebook
only: neither saw the other's files nor `models/`. `models/` is their reconciliation
([decisions](models-decisions.md)). This page compares the two codings as they stood before
reconciliation; `guarantees agree coding/a coding/b --format markdown` prints its current-round
section exactly.

How agreement is measured (`src/guarantees/agreement.py`): the units are the arrangements. For
each dimension, `stated` is nominal alpha on whether the coder found the sources speak to it at
all; `value` is alpha over the arrangements the coder assessed, with the metric of the dimension's
primary field (ordinal for an ordered scale, a contested cell counting as its weakest reading;
nominal for a category; MASI for a list or a cumulative dimension). The dimension's alpha is the
lower of the two. Alpha is Krippendorff's, computed from the coincidence matrix with exact sums
(`src/guarantees/reliability.py`); "—" means undefined (too little variation to measure).
The target is {target}; under {floor} a dimension's rules were rewritten and both coders coded it
again (rounds 2 and 3, below).
"""


def _load(project_root: Path, dirs: tuple[str, str], seeds: Path) -> AgreeResult:
    result = agree([project_root / d for d in dirs], DataDirs(seeds=seeds))
    if not result.report.ok:
        raise GuaranteesError(f"{len(result.report.errors)} finding(s) in {', '.join(dirs)}; run `guarantees validate`")
    return result


def _rounds(results: list[tuple[str, AgreeResult]]) -> list[str]:
    """Alpha of every dimension in every round, so each rewrite's effect can be read across."""
    lines = ["| dimension | " + " | ".join(name for name, _ in results) + " |"]
    lines.append("| --- |" + " --- |" * len(results))
    for index, first in enumerate(results[0][1].dimensions):
        alphas = [r.dimensions[index].alpha for _, r in results]
        lines.append(
            f"| `{first.dimension}` | " + " | ".join(f"{a:.3f}" if a is not None else "—" for a in alphas) + " |"
        )
    return lines


def render_reliability_page(project_root: Path, seeds: Path) -> str:
    """The page from the codings under `project_root`."""
    current = _load(project_root, CURRENT, seeds)
    earlier = [(name, _load(project_root, dirs, seeds)) for name, dirs in EARLIER]
    lines = [
        "# Reliability of the coding",
        "",
        "<!-- Generated from coding/ by `guarantees generate`; do not edit. -->",
        "",
        INTRO.format(target=TARGET, floor=FLOOR).rstrip(),
        "",
        "## Alpha by round",
        "",
        *_rounds([*earlier, ("round 3 (current)", current)]),
        "",
        f"## Current round: `{' '.join(CURRENT)}`",
        "",
        render_markdown(current).rstrip(),
        "",
    ]
    for name, result in reversed(earlier):
        dirs = dict(EARLIER)[name]
        lines += [f"## {name.capitalize()}: `{' '.join(dirs)}`", ""]
        lines += [render_markdown(result).split("\n## Every disagreement", 1)[0].rstrip(), ""]
    return "\n".join(lines)
