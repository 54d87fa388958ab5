"""The files of a new project (`guarantees init`): an empty manifest, the schemas, a pre-commit example, a README."""

from __future__ import annotations

from guarantees import __version__
from guarantees.formats import SchemaName
from guarantees.schema import render_schema
from guarantees.seed_files import MANIFEST

HOOK_ID = "guarantees-validate"  # the id in the tool's own .pre-commit-hooks.yaml

EMPTY_MANIFEST = f"""\
# yaml-language-server: $schema=../schemas/{SchemaName.sources.value}.schema.json
#
# The sources this project's models cite. Each entry names a text file in this directory, kept
# byte for byte, with its SHA-256: a file whose bytes change is refused, since every citation into
# it points at code-point offsets. Add one with `guarantees sources add FILE` (it copies the file,
# computes the hash and appends the entry, keeping these comments); every file here must be listed.
sources: []
"""

PRE_COMMIT = f"""\
# Checks before each commit (https://pre-commit.com): `pip install pre-commit && pre-commit install`.
# See the tool's docs/how-to/ci.md. OWNER/guarantees is where you install the tool from.
repos:
  - repo: https://github.com/OWNER/guarantees
    rev: v{__version__}
    hooks:
      - id: {HOOK_ID}
        # Ids and aliases must be unique across all models, so check them all every time:
        args: [models/]
        pass_filenames: false
  - repo: https://github.com/python-jsonschema/check-jsonschema
    rev: 0.39.0
    hooks:
      - id: check-jsonschema
        name: arrangement schema
        files: ^models/.*\\.ya?ml$
        args: [--schemafile, schemas/{SchemaName.arrangement.value}.schema.json]
      - id: check-jsonschema
        name: source manifest schema
        files: ^seeds/{MANIFEST}$
        args: [--schemafile, schemas/{SchemaName.sources.value}.schema.json]
"""

MODELS_README = "One YAML file per arrangement, `ID.yaml`; start one with `guarantees new ID --name NAME`.\n"


def readme(name: str) -> str:
    """The project's README stub: what is where, and the commands from an article to a comparison."""
    return f"""\
# {name}

Security-guarantee arrangements coded with [guarantees](https://github.com/OWNER/guarantees)
{__version__}, every claim cited to an exact span of a source text.

| path | what |
| --- | --- |
| `seeds/` | the source texts, byte for byte, and `{MANIFEST}` (ids, titles, SHA-256) |
| `models/` | one YAML file per arrangement |
| `schemas/` | the JSON Schemas of both, for editors and check-jsonschema |

Refresh the schemas after upgrading the tool: `guarantees schema arrangement > schemas/arrangement.schema.json`
and `guarantees schema sources > schemas/sources.schema.json`.

Run the commands from this directory: `./models` and `./seeds` are then used instead of the
copies shipped with the tool (a note on stderr says so).

```sh
guarantees sources add ~/articles/article.txt --title "..." --date 2025-12-01
guarantees search "security guarantees"
guarantees cite article "the exact words"
guarantees new my-arrangement --name "My arrangement"
guarantees validate models/
guarantees compare my-arrangement art5 --models models
```
"""


def project_files(name: str) -> dict[str, str]:
    """Every file of a new project by its path relative to the project, in the order they are written."""
    return {
        "README.md": readme(name),
        ".pre-commit-config.yaml": PRE_COMMIT,
        f"seeds/{MANIFEST}": EMPTY_MANIFEST,
        "models/README.md": MODELS_README,
        f"schemas/{SchemaName.arrangement.value}.schema.json": render_schema(SchemaName.arrangement),
        f"schemas/{SchemaName.sources.value}.schema.json": render_schema(SchemaName.sources),
    }
