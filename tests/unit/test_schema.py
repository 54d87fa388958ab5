"""The JSON Schemas and docs are generated from the types, and the schema agrees with the types."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
import regress
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import MODELS, ROOT, SCHEMAS, SEEDS
from guarantees.cli import app
from guarantees.docgen import GENERATED, Project, find_stale
from guarantees.loader import read_document
from guarantees.model import Arrangement, SourceManifest


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[jsonschema.ValidationError]:
    # check-jsonschema matches `pattern` with ECMAScript semantics (regress), as editors do;
    # Python's re would let `$` match before a final newline.
    if validator.is_type(instance, "string") and not regress.Regex(pattern, flags="u").find(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


EcmaValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def shipped_documents() -> list[Any]:
    documents = []
    for path in sorted(MODELS.glob("*.yaml")):
        document, finding = read_document(path)
        assert document is not None, finding
        documents.append(document.data)
    return documents


def test_committed_generated_files_match_the_code() -> None:
    stale = find_stale(Project(ROOT, app))
    assert stale == [], f"regenerate with `guarantees generate`: {stale}"


def test_every_generated_file_is_listed() -> None:
    # A committed file that says it is generated (a `do not edit` page, a schema) but is missing from GENERATED
    # would never be checked for drift.
    marked = {
        str(path.relative_to(ROOT))
        for path in [*ROOT.glob("docs/**/*.md"), *SCHEMAS.glob("*.json")]
        if path.suffix == ".json" or "by `guarantees generate`; do not edit" in path.read_text(encoding="utf-8")
    }
    assert marked == set(GENERATED)


@pytest.mark.parametrize("name", ["arrangement", "sources"])
def test_schema_is_valid_against_its_metaschema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema(name))


def test_shipped_models_carry_the_schema_modeline() -> None:
    for path in sorted(MODELS.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../schemas/arrangement.schema.json\n"
        ), path


def test_check_jsonschema_accepts_every_shipped_model_and_the_manifest() -> None:
    models = sorted(str(p) for p in MODELS.glob("*.yaml"))
    assert len(models) >= 5
    for schema, files in (("arrangement", models), ("sources", [str(SEEDS / "sources.yaml")])):
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / f"{schema}.schema.json"), *files],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_documents_satisfy_both_the_types_and_the_schema() -> None:
    validator = EcmaValidator(load_schema("arrangement"))
    for data in shipped_documents():
        Arrangement.model_validate(data)
        assert not list(validator.iter_errors(data))
    manifest = read_document(SEEDS / "sources.yaml")[0]
    assert manifest is not None
    SourceManifest.model_validate(manifest.data)
    assert not list(EcmaValidator(load_schema("sources")).iter_errors(manifest.data))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


# Values that have tripped YAML readers, pydantic's lax mode or Python's regex `$`.
REPLACEMENTS = st.one_of(
    st.sampled_from(
        [
            "NO",
            "no",
            "yes",
            "on",
            "off",
            "",
            "x",
            "abc\n",
            "nato-article-5",
            "legally_binding",
            "in_force",
            "armed_attack",
            "US",
            "1994",
            "2025-08-16",
            "1:20",
            "a b",
            "-x-",
            "true",
            "12",
            "a\u200db",  # invisible characters: both refuse them
            "\ufeffx",
            "x\U000e0041",
            "\u00ad",
            "\u270d\ufe0f",  # a variation selector: both accept it
            "https://x.example/><script>",
        ]
    ),
    st.sampled_from([0, 1, -1, 1994, 25000, 3.0, 1.5, float("inf"), True, False, None, [], {}, ["US"], {"a": 1}]),
    st.text(max_size=12),
    st.integers(-5, 20_000_000),
)

MUTATION = st.sampled_from(["delete", "replace", "add-key", "append"])


def _mutate(data: Any, path: tuple[Any, ...], mutation: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value if mutation == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if mutation == "delete":
        del parent[last]
    elif mutation == "replace":
        parent[last] = value
    elif mutation == "add-key" and isinstance(parent[last], dict):
        parent[last][str(value)] = value
    elif mutation == "append" and isinstance(parent[last], list):
        parent[last].append(value)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_schema_and_types_accept_and_reject_the_same_documents(data: st.DataObject) -> None:
    documents = shipped_documents_cached()
    base = data.draw(st.sampled_from(documents))
    path = data.draw(st.sampled_from(list(_paths(base))))
    mutated = _mutate(base, path, data.draw(MUTATION), data.draw(REPLACEMENTS))
    try:
        Arrangement.model_validate(mutated)
        types_accept = True
    except ValidationError:
        types_accept = False
    schema_accepts = not list(ARRANGEMENT_VALIDATOR.iter_errors(mutated))
    assert types_accept == schema_accepts, (path, mutated if len(str(mutated)) < 2000 else "...")


_CACHE: list[Any] = []
ARRANGEMENT_VALIDATOR = EcmaValidator(load_schema("arrangement"))


def shipped_documents_cached() -> list[Any]:
    if not _CACHE:
        _CACHE.extend(shipped_documents())
    return _CACHE


# Every keyword the generated schemas may use: JSON Schema 2020-12 vocabulary plus the editor
# annotation `enumDescriptions`. pydantic writes its own `ge`/`le` when a constraint sits after a
# validator in an Annotated type; no JSON Schema tool enforces those, so the schema would accept
# what the types refuse.
KNOWN_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "type", "properties", "required", "additionalProperties", "items",
    "enum", "const", "anyOf", "oneOf", "allOf", "minimum", "maximum", "minLength", "maxLength", "minItems",
    "maxItems", "pattern", "title", "description", "default", "enumDescriptions",
}  # fmt: skip


def _keywords(node: Any, under_properties: bool = False) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if not under_properties:
                yield key
            yield from _keywords(value, under_properties=key in {"properties", "$defs"} and not under_properties)
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


@pytest.mark.parametrize("name", ["arrangement", "sources"])
def test_schema_uses_only_json_schema_keywords(name: str) -> None:
    assert set(_keywords(load_schema(name))) <= KNOWN_KEYWORDS


@pytest.mark.parametrize(
    "value",
    [0, 999, 1000, 1994, 2999, 3000, 1994.0, 1994.5, True, "1994", "1994-13", "2025-08-16", "2025-08-16\n"]
    + ["2025-13-45", "2025-02-30", "2025-04-31", "2024-02-29", "2100-02-29", "2000-02-29", "1600-02-29", "2025-00"],
)
def test_dates_at_the_edges_are_judged_alike(value: Any) -> None:
    for data in shipped_documents_cached():
        if "assessments" in data["status"]:
            mutated = copy.deepcopy(data)
            mutated["status"]["assessments"][0]["date"] = value
            try:
                Arrangement.model_validate(mutated)
                types_accept = True
            except ValidationError:
                types_accept = False
            assert types_accept == (not list(ARRANGEMENT_VALIDATOR.iter_errors(mutated))), value
            return
    pytest.fail("no shipped model has an assessed status")
