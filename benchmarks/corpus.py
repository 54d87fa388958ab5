"""Synthetic corpora for the benchmarks: N valid models made by renaming the shipped ones, citations kept.

Each generated file is a shipped model with a new `id` (equal to its file stem), new `aliases` and a
new `name`; every other line, comments and citations included, is kept as written, so `validate`
resolves the same real quotes against the seeds. Ids and aliases carry a serial suffix, so they are
unique across the corpus and never collide with the shipped models. The output depends only on the
templates, the size and the seed.

    python benchmarks/corpus.py 1000 DIR
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
DEFAULT_SEED = 20250816

# A top-level key's line plus the lines that continue its value (indented, blank, or block-list items).
_VALUE_TAIL = r"[^\n]*\n(?:(?:[ \t-][^\n]*|)\n)*"


@dataclass(frozen=True)
class Template:
    """One shipped model: its text and the names a variant must replace."""

    id: str
    aliases: tuple[str, ...]
    name: str
    text: str


def _replace_key(text: str, key: str, replacement: str) -> str:
    """Replace a top-level key and its whole value (scalar, block scalar or block list) with new lines."""
    pattern = re.compile(rf"^{key}:{_VALUE_TAIL}", re.MULTILINE)
    new_text, count = pattern.subn(lambda _: replacement, text, count=1)
    if count != 1:
        raise ValueError(f"no top-level `{key}:` to replace")
    return new_text


def render_variant(template: Template, serial: int, alias_count: int) -> tuple[str, dict[str, object]]:
    """The text of variant `serial` of a template, and the values it gives `id`, `aliases` and `name`."""
    suffix = f"s{serial:05d}"
    new_id = f"{template.id}-{suffix}"
    aliases = [f"{alias}-{suffix}" for alias in template.aliases[:alias_count]]
    name = f"{template.name} (synthetic variant {serial})"
    text = _replace_key(template.text, "id", f"id: {new_id}\n")
    # A JSON string is a valid YAML double-quoted scalar, whatever the name contains.
    text = _replace_key(text, "name", f"name: {json.dumps(name)}\n")
    text = _replace_key(text, "aliases", "aliases:\n" + "".join(f"  - {a}\n" for a in aliases))
    return text, {"id": new_id, "aliases": aliases, "name": name}


def load_templates(models_dir: Path = MODELS) -> list[Template]:
    """The shipped models, each checked to survive renaming (a variant must parse to the new names)."""
    templates = []
    for path in sorted(models_dir.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        template = Template(id=data["id"], aliases=tuple(data["aliases"]), name=data["name"], text=text)
        variant, names = render_variant(template, 0, len(template.aliases))
        if yaml.safe_load(variant) != {**data, **names}:
            raise ValueError(f"{path.name}: renaming changed more than the id, name and aliases")
        templates.append(template)
    if not templates:
        raise ValueError(f"no model files in {models_dir}")
    return templates


def write_corpus(size: int, target: Path, *, seed: int = DEFAULT_SEED, models_dir: Path = MODELS) -> list[Path]:
    """Write `size` valid model files into `target` (created if needed); returns their paths."""
    templates = load_templates(models_dir)
    taken = {name for t in templates for name in (t.id, *t.aliases)}
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for serial in range(1, size + 1):
        template = rng.choice(templates)
        text, names = render_variant(template, serial, rng.randint(1, len(template.aliases)))
        new_names = [names["id"], *names["aliases"]]
        clashes = taken.intersection(new_names)
        if clashes:
            raise ValueError(f"generated names already taken: {sorted(clashes)}")
        taken.update(new_names)
        path = target / f"{names['id']}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of valid models.")
    parser.add_argument("size", type=int, help="How many models.")
    parser.add_argument("target", type=Path, help="Directory to write them into.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    paths = write_corpus(args.size, args.target, seed=args.seed)
    print(f"wrote {len(paths)} models to {args.target}")


if __name__ == "__main__":
    main()
