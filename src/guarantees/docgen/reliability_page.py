"""docs/reliability.md, generated: how far the two independent codings agree, before and after the rule rewrite."""

from __future__ import annotations

from pathlib import Path

from guarantees.data_dirs import DataDirs
from guarantees.findings import GuaranteesError
from guarantees.render.agreement import FLOOR, TARGET, render_markdown
from guarantees.service.agree import AgreeResult, agree

CURRENT = ("coding/a", "coding/b")
ROUND_1 = ("coding/round-1/a", "coding/round-1/b")
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
again (round 2, below).
"""


def _load(project_root: Path, dirs: tuple[str, str], seeds: Path) -> AgreeResult:
    result = agree([project_root / d for d in dirs], DataDirs(seeds=seeds))
    if not result.report.ok:
        raise GuaranteesError(f"{len(result.report.errors)} finding(s) in {', '.join(dirs)}; run `guarantees validate`")
    return result


def _before_after(before: AgreeResult, after: AgreeResult) -> list[str]:
    lines = ["| dimension | round 1 alpha | round 2 alpha | round 1 agreement | round 2 agreement |"]
    lines.append("| --- | --- | --- | --- | --- |")
    now = {d.dimension: d for d in after.dimensions}
    for old in before.dimensions:
        new = now[old.dimension]
        if (old.alpha, old.percent) != (new.alpha, new.percent):
            cells = [f"{x:.3f}" if x is not None else "—" for x in (old.alpha, new.alpha)]
            cells += [f"{x:.0%}" if x is not None else "—" for x in (old.percent, new.percent)]
            lines.append(f"| `{old.dimension}` | " + " | ".join(cells) + " |")
    return lines


def render_reliability_page(project_root: Path, seeds: Path) -> str:
    """The page from the codings under `project_root`."""
    current, first = _load(project_root, CURRENT, seeds), _load(project_root, ROUND_1, seeds)
    lines = [
        "# Reliability of the coding",
        "",
        "<!-- Generated from coding/ by `guarantees generate`; do not edit. -->",
        "",
        INTRO.format(target=TARGET, floor=FLOOR).rstrip(),
        "",
        "## Round 1 → round 2: the dimensions whose alpha changed",
        "",
        *_before_after(first, current),
        "",
        f"## Round 2 (current): `{' '.join(CURRENT)}`",
        "",
        render_markdown(current).rstrip(),
        "",
        f"## Round 1 (before the rule rewrite): `{' '.join(ROUND_1)}`",
        "",
        render_markdown(first).split("\n## Every disagreement", 1)[0].rstrip(),
        "",
    ]
    return "\n".join(lines)
