"""docs/codebook.md, generated from the types: every dimension, its fields, its scale in order, an example."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from guarantees.dimension import assessment_type
from guarantees.model import CUMULATIVE_DIMENSIONS, Arrangement, Assessment, Citation, Dimensions, Party, Unspecified
from guarantees.party import PARTIES
from guarantees.scale import Choice, Scale, choice_types

# One example per dimension, citing real seed text; tests validate each against its type.
EXAMPLES: dict[str, str] = {
    "binding_force": """\
assessments:
  - level: legally_binding
    ratification: approved by Congress
    cite:
      - source: euromaidan-opinion
        quote: "legally binding and approved by Congress"
""",
    "trigger": """\
assessments:
  - event: armed_attack
    cite:
      - source: euromaidan-opinion
        quote: "an armed attack against one member shall be considered an attack against all members"
""",
    "automaticity": """\
assessments:
  - level: at_discretion
    cite:
      - source: euromaidan-opinion
        quote: "NATO's collective defense pledge is not an automatic tripwire for war."
""",
    "response": """\
assessments:
  - obligation: shall_act
    means: [armed_force, intelligence, logistics, economic_support, diplomatic]
    cite:
      - source: vnexpress-2025-12-20
        quote: "force, intelligence, logistical, economic, and diplomatic support"
""",
    "escape_clauses": """\
assessments:
  - condition: Ukraine launches a missile at Moscow or St. Petersburg "without cause"
    holder: guarantor
    effect: voids
    kind: non_provocation
    cite:
      - source: euromaidan-opinion
        quote: "these guarantees would be deemed invalid if Ukraine launches a missile at Moscow or St. Petersburg"
""",
    "troops": """\
assessments:
  - presence: in_territory
    size_min: 25000
    size_max: 30000
    cite:
      - source: euromaidan-opinion
        quote: "a mere 25,000 to 30,000 soldiers as a deterrence force"
""",
    "institution": """\
assessments:
  - level: standing_organisation
    organisation: NATO
    cite:
      - source: vnexpress-2025-12-20
        quote: "part of an institution"
""",
    "monitoring": """\
assessments:
  - exists: true
    led_by: [US]
    cite:
      - source: vnexpress-2025-12-20
        quote: "US-led mechanism for monitoring and verifying a ceasefire"
""",
    "track_record": """\
assessments:
  - event: invoked
    description: Invoked once, after the September 11 attacks.
    cite:
      - source: explainer-2025-08-16
        quote: "The article has only been invoked once in the organisation’s history"
""",
    "specificity": """\
assessments:
  - level: vague
    cite:
      - source: defense-news-2025-08-16
        quote: "no firm details have yet been outlined"
""",
}


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
    lines += render_fields(assessment, skip=("cite", "by", "note")) + [""]
    lines += ["Example:", "", "```yaml", f"{name}:", *("  " + line for line in EXAMPLES[name].splitlines()), "```", ""]
    return lines


def render_codebook() -> str:
    """The whole codebook as Markdown."""
    lines = [
        "# Codebook",
        "",
        "<!-- Generated from src/guarantees/model.py and scale.py by `guarantees generate`; do not edit. -->",
        "",
        "Every model file in `models/` is one arrangement. This page lists its fields, each dimension",
        "with its scale in order and what each level means, and an example. The JSON Schema in",
        "`schemas/arrangement.schema.json` is generated from the same types.",
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
        "## Parties",
        "",
        *render_fields(Party),
        "",
        "Codes: " + ", ".join(f"`{code}` {name}" for code, name in PARTIES.items()) + ".",
        "",
        "## Dimensions",
        "",
    ]
    for name in Dimensions.model_fields:
        lines += render_dimension(name)
    lines += ["## Vocabularies", ""]
    for choice in choice_types():
        lines += render_vocabulary(choice)
    return "\n".join(lines).rstrip() + "\n"
