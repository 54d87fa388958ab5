"""A synthetic seeds directory of N sources for the `search` benchmark: the shipped five plus copies of them.

Each copy is a shipped article under a new id with one line of its own at the top (so every file has
its own hash), listed in a manifest with the fields a source needs; the shipped sources keep their ids,
so the shipped models still resolve against it. The last copy alone holds NEEDLE, so a search for it
reads every source and finds one match.

    python benchmarks/source_corpus.py 1000 DIR
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NEEDLE = "a passage only the last synthetic source holds"


def write_source_corpus(size: int, target: Path) -> Path:
    """Write a seeds directory of `size` sources (at least the five shipped) into `target`; returns it."""
    shipped = sorted(SEEDS.glob("*.txt"))
    target.mkdir(parents=True, exist_ok=True)
    for path in shipped:
        shutil.copyfile(path, target / path.name)
    lines = [(SEEDS / "sources.yaml").read_text(encoding="utf-8").rstrip("\n")]
    copies = max(0, size - len(shipped))
    for serial in range(1, copies + 1):
        template = shipped[serial % len(shipped)].read_bytes()
        needle = f" {NEEDLE}." if serial == copies else ""
        raw = f"Synthetic copy {serial} for the search benchmark{needle}\n\n".encode() + template
        name = f"synthetic-{serial:05d}"
        (target / f"{name}.txt").write_bytes(raw)
        lines.append(
            f"  - id: {name}\n    file: {name}.txt\n    title: Synthetic source {serial}\n"
            f"    sha256: {hashlib.sha256(raw).hexdigest()}"
        )
    (target / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic seeds directory.")
    parser.add_argument("size", type=int, help="How many sources.")
    parser.add_argument("target", type=Path, help="Directory to write them into.")
    args = parser.parse_args()
    write_source_corpus(args.size, args.target)
    print(f"wrote {args.size} sources to {args.target}")


if __name__ == "__main__":
    main()
