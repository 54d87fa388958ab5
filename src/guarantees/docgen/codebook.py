"""docs/codebook.md, generated from the types: every dimension, its fields, its scale in order, an example."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from guarantees.dimension import assessment_type
from guarantees.docgen.examples import EXAMPLES
from guarantees.docgen.rules import GENERAL_RULES, RULES
from guarantees.model import (
    CUMULATIVE_DIMENSIONS,
    Arrangement,
    Assessment,
    Citation,
    Dimensions,
    Link,
    Party,
    Status,
    Unspecified,
)
from guarantees.party import PARTIES
from guarantees.scale import Choice, Scale
from guarantees.vocabulary import choice_types


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})" if name in _VOCABULARY_NAMES else name
    if "oneOf" in prop:
        names = [p["$ref"].rsplit("/", 1)[-1] for p in prop["oneOf"] if "$ref" in p]
        assessed = next((n for n in names if n.startswith("Assessed")), "")
        return f"assessed ({assessed.removeprefix('Assessed')}) or unspecified"
    if "anyOf" in prop:
        kinds = [_type_of(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(kinds)
    if prop.get("type") == "array":
        return f"list of {_type_of(prop.get('items', {}))}"
    if "enum" in prop:
        return "party code" if len(prop["enum"]) > 20 else "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    return {"string": "text", "integer": "integer", "boolean": "true/false"}.get(prop.get("type", ""), "value")


_VOCABULARY_NAMES = {c.__name__ for c in choice_types()}


def render_fields(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[str]:
    """A Markdown table of a model's fields: name, type, required, meaning."""
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    lines = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
    for name, prop in schema["properties"].items():
        if name in skip:
            continue
        meaning = (prop.get("description") or model.model_fields[name].description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | {_type_of(prop)} | {'yes' if name in required else 'no'} | {meaning} |")
    return lines


def render_vocabulary(choice: type[Choice]) -> list[str]:
    ordered = issubclass(choice, Scale)
    lines = [f"### {choice.__name__}", ""]
    lines.append("An ordered scale, weakest first." if ordered else "A closed set of values.")
    lines += ["", "| value | meaning |", "| --- | --- |"]
    lines += [f"| `{m.value}` | {m.meaning} |" for m in choice]
    return [*lines, ""]


def render_dimension(name: str) -> list[str]:
    field = Dimensions.model_fields[name]
    assessment = assessment_type(name)
    lines = [f"### `{name}`", "", field.description or "", ""]
    if name in CUMULATIVE_DIMENSIONS:
        lines += ["Cumulative: each assessment is one more clause or event, not a competing reading.", ""]
    lines += render_fields(assessment, skip=("cite", "by", "note", "provenance")) + [""]
    lines += render_rules(name)
    lines += ["Example:", "", "```yaml", f"{name}:", *("  " + line for line in EXAMPLES[name].splitlines()), "```", ""]
    return lines


def render_rules(name: str) -> list[str]:
    """The decision rules of one dimension (or of status, parties, links) as a list."""
    return ["Decision rules:", "", *(f"- {rule}" for rule in RULES[name]), ""]


def render_codebook() -> str:
    """The whole codebook as Markdown."""
    lines = [
        "# Codebook",
        "",
        "<!-- Generated from the types (src/guarantees/model.py, assessments.py, fields.py, scale.py,",
        "vocabulary.py) and docgen/rules.py by `guarantees generate`; do not edit. -->",
        "",
        "Codebook v2.2. Every model file in `models/` is one arrangement. This page lists its fields, each",
        "dimension with its scale in order and what each level means, the decision rules that say which",
        "evidence sets which value, and an example from the sources. The JSON Schema in",
        "`schemas/arrangement.schema.json` is generated from the same types.",
        "",
        "## Rules for every value",
        "",
        *(f"{number}. {rule}" for number, rule in enumerate(GENERAL_RULES, 1)),
        "",
        "## The file",
        "",
        *render_fields(Arrangement),
        "",
        "## Every dimension: assessed or unspecified",
        "",
        "Each dimension is either `assessments:` — a list of readings, each with `cite` (one or more",
        "citations), optional `by` (who makes the assessment, when it is an opinion) and `note` (an",
        "uncited editor's note) — or `unspecified:` with a note of what the sources leave open. Several",
        "assessments on one dimension mean the sources disagree; the tool shows each, never picks one.",
        "",
        *render_fields(Assessment),
        "",
        *render_fields(Unspecified),
        "",
        "## Citations",
        "",
        "A citation names a source and quotes it exactly. Offsets are Unicode code points (Python `str`",
        "indices) into the source decoded as UTF-8, half-open `[start, end)`. Where a quote occurs more",
        "than once, `prefix`/`suffix` (or `start`/`end`) pick the occurrence (the W3C Web Annotation",
        "TextQuoteSelector and TextPositionSelector).",
        "",
        *render_fields(Citation),
        "",
        "## Status",
        "",
        *render_fields(Status, skip=("cite", "by", "note", "provenance")),
        "",
        *render_rules("status"),
        "## Parties",
        "",
        *render_fields(Party),
        "",
        *render_rules("parties"),
        "Codes: " + ", ".join(f"`{code}` {name}" for code, name in PARTIES.items()) + ".",
        "",
        "## Links between arrangements",
        "",
        *render_fields(Link),
        "",
        *render_rules("links"),
        "## Dimensions",
        "",
    ]
    for name in Dimensions.model_fields:
        lines += render_dimension(name)
    lines += ["## Vocabularies", ""]
    for choice in choice_types():
        lines += render_vocabulary(choice)
    return "\n".join(lines).rstrip() + "\n"
