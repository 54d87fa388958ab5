"""A hostile model set for the HTML report: markup, `javascript:` URLs and `<img onerror>` in model AND seed text.

Built on the shipped seeds plus one hostile source (listed in a copied manifest with its real SHA-256), the
compare fixtures with alpha-pact's name made hostile (as test_hostile_render does), and MINI citing the
hostile source. Everything validates clean: it is hostile text, not bad data, so the report must show it.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import EXAMPLES, SEEDS
from samples import MINI

# Each must appear, literally, as text in the report; none may become an element or an attribute.
MODEL_NAME = "<img src=x onerror=alert(4)> <script>alert(5)</script> [click](javascript:alert(6)) **b** | c &amp; d"
ALPHA_NAME = "[bold red]Alpha[/bold red] <iframe src=javascript:alert(9)></iframe> a|b"
SEED_SCRIPT = "<script>alert('seed')</script>"
SEED_IMG = "<img src=x onerror=alert(1)>"
QUOTE_MARKUP = "<b>automatically trigger severe economic measures</b>"
TRIGGER_QUOTE = 'if Russia violates peace terms, <iframe src="javascript:alert(2)"></iframe>'
SOURCE_TITLE = '<script>alert("title")</script> Hostile title'
SOURCE_PUBLISHER = "<img src=x onerror=alert(7)>"
SOURCE_URL = "https://example.com/a'onmouseover='alert(8)"  # link-safe by the URL rule; escaping keeps it one value
NOTE = "javascript:alert(10) <a href=javascript:alert(11)>x</a>"

SEED_TEXT = (
    f"Intro {SEED_SCRIPT} line.\n"
    f"Sanctions snap-back clauses {SEED_IMG} apply.\n"
    f"If the pact holds: {TRIGGER_QUOTE} then\n"
    f"measures would {QUOTE_MARKUP} [x](javascript:alert(3)).\n"
)
LITERALS = (MODEL_NAME, ALPHA_NAME, SEED_SCRIPT, SEED_IMG, QUOTE_MARKUP, TRIGGER_QUOTE, SOURCE_TITLE, NOTE)


@dataclass(frozen=True)
class HostileSet:
    models: Path
    seeds: Path


def build_hostile_set(directory: Path) -> HostileSet:
    seeds, models = directory / "seeds", directory / "models"
    shutil.copytree(SEEDS, seeds)
    (seeds / "hostile.txt").write_text(SEED_TEXT, encoding="utf-8")
    digest = hashlib.sha256(SEED_TEXT.encode("utf-8")).hexdigest()
    with (seeds / "sources.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            "\n  - id: hostile-source\n    file: hostile.txt\n"
            f"    title: '{SOURCE_TITLE}'\n    publisher: '{SOURCE_PUBLISHER}'\n"
            f'    date: "2025-01-02"\n    url: "{SOURCE_URL}"\n    sha256: {digest}\n'
        )
    models.mkdir()
    for path in (EXAMPLES / "compare").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "alpha-pact":
            text = text.replace("name: Alpha Pact", f"name: '{ALPHA_NAME}'")
        (models / path.name).write_text(text, encoding="utf-8")
    mini = (
        MINI.replace("defense-news-2025-08-16", "hostile-source")
        .replace("name: Mini snap-back", f"name: '{MODEL_NAME}'")
        .replace('quote: "if Russia violates peace terms"', f"quote: '{TRIGGER_QUOTE}'")
        .replace('"automatically trigger severe economic measures"', f"'{QUOTE_MARKUP}'")
        .replace("        decided_by: unspecified\n", f"        decided_by: unspecified\n        note: '{NOTE}'\n")
    )
    (models / "mini.yaml").write_text(mini, encoding="utf-8")
    return HostileSet(models, seeds)


HOSTILE_NAMES = ("mini", "alpha-pact", "beta-memo")
