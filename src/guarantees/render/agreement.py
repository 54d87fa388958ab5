"""The agreement between codings as plain text, a JSON envelope, or the Markdown page docs/reliability.md."""

from __future__ import annotations

import json
from collections.abc import Callable

from guarantees import __version__
from guarantees.agreement import Coded, DimensionAgreement, Disagreement
from guarantees.formats import AgreeFormat
from guarantees.service.agree import AgreeResult
from guarantees.text import markdown_inline, printable

TARGET, FLOOR = 0.8, 0.667  # Krippendorff: rely on data at 0.8; draw tentative conclusions only above 0.667


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:.0%}" if percent else f"{value:.3f}"


def _verdict(agreement: DimensionAgreement) -> str:
    if agreement.alpha is None:
        return "undefined (every coding the same)" if agreement.percent == 1 else "undefined"
    return "ok" if agreement.alpha >= TARGET else "tentative" if agreement.alpha >= FLOOR else "recode"


def _coded(coded: Coded | None) -> str:
    return "(not coded)" if coded is None else ", ".join(sorted(coded.values))


def render_text(result: AgreeResult) -> str:
    lines = [f"Agreement of {len(result.coders)} codings: {', '.join(printable(c) for c in result.coders)}", ""]
    lines.append(f"{'dimension':<20} {'metric':<8} {'alpha':>6} {'stated':>6} {'value':>6} {'agree':>6}  verdict")
    for d in result.dimensions:
        lines.append(
            f"{d.dimension:<20} {d.metric:<8} {_number(d.alpha):>6} {_number(d.stated_alpha):>6} "
            f"{_number(d.value_alpha):>6} {_number(d.percent, True):>6}  {_verdict(d)}"
        )
    lines += ["", f"{'arrangement':<32} {'alpha':>6} {'agree':>6}  disagreeing dimensions"]
    for a in result.arrangements:
        lines.append(
            f"{a.arrangement:<32} {_number(a.alpha):>6} {_number(a.percent, True):>6}  {', '.join(a.disagreeing)}"
        )
    lines += ["", "Disagreements:"]
    for d in result.dimensions:
        for item in d.disagreements:
            lines.append(f"  {item.arrangement} · {item.dimension}")
            lines += [f"    {printable(coder)}: {printable(_coded(coded))}" for coder, coded in item.codings]
    return "\n".join(lines) + "\n"


def render_json(result: AgreeResult) -> str:
    def coding(coded: Coded | None) -> object:
        if coded is None:
            return None
        cites = [{"source": s, "quote": q} for s, q in coded.citations]
        return {"assessed": coded.assessed, "values": sorted(coded.values), "citations": cites}

    envelope = {
        "format": "guarantees.agree",
        "version": 2,  # 2 added `seeds`, `manifest` and `models` (null: the codings are given as paths)
        "tool_version": __version__,
        **result.report.input_keys(),
        "coders": list(result.coders),
        "dimensions": [
            {
                "dimension": d.dimension,
                "metric": d.metric,
                "alpha": d.alpha,
                "stated_alpha": d.stated_alpha,
                "value_alpha": d.value_alpha,
                "percent_agreement": d.percent,
                "units": d.units,
                "disagreements": [
                    {"arrangement": x.arrangement, "codings": {c: coding(k) for c, k in x.codings}}
                    for x in d.disagreements
                ],
            }
            for d in result.dimensions
        ],
        "arrangements": [
            {
                "arrangement": a.arrangement,
                "alpha": a.alpha,
                "percent_agreement": a.percent,
                "disagreeing": list(a.disagreeing),
            }
            for a in result.arrangements
        ],
    }
    return json.dumps(envelope, indent=2, ensure_ascii=False) + "\n"


def _disagreement(item: Disagreement) -> list[str]:
    lines = [f"- **{markdown_inline(item.arrangement)}**"]
    for coder, coded in item.codings:
        quotes = "; ".join(f"{markdown_inline(s)}: “{markdown_inline(q)}”" for s, q in coded.citations) if coded else ""
        lines.append(
            f"  - {markdown_inline(coder)}: {markdown_inline(_coded(coded))}" + (f" — {quotes}" if quotes else "")
        )
    return lines


def render_markdown(result: AgreeResult) -> str:
    lines = [
        "| dimension | metric | alpha | stated | value | agreement | units | verdict |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for d in result.dimensions:
        lines.append(
            f"| `{d.dimension}` | {d.metric} | {_number(d.alpha)} | {_number(d.stated_alpha)} | "
            f"{_number(d.value_alpha)} | {_number(d.percent, True)} | {d.units} | {_verdict(d)} |"
        )
    lines += ["", "| arrangement | alpha | agreement | disagreeing dimensions |", "| --- | --- | --- | --- |"]
    for a in result.arrangements:
        disagreeing = ", ".join(f"`{d}`" for d in a.disagreeing) or "none"
        lines.append(f"| `{a.arrangement}` | {_number(a.alpha)} | {_number(a.percent, True)} | {disagreeing} |")
    lines += ["", "Every typed field, over the arrangements both coders assessed:", ""]
    lines += ["| field | metric | alpha | agreement |", "| --- | --- | --- | --- |"]
    for f in result.fields:
        lines.append(f"| `{f.dimension}.{f.field}` | {f.metric} | {_number(f.alpha)} | {_number(f.percent, True)} |")
    lines += ["", "## Every disagreement", ""]
    for d in result.dimensions:
        if d.disagreements:
            lines += [f"### `{d.dimension}`", ""]
            for item in d.disagreements:
                lines += _disagreement(item)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


RENDERERS: dict[AgreeFormat, Callable[[AgreeResult], str]] = {
    AgreeFormat.text: render_text,
    AgreeFormat.json: render_json,
    AgreeFormat.markdown: render_markdown,
}
