"""Type findings say what was expected and show what was written (item 20): a bad date is a date problem,
and a "quote it" hint quotes the source text, not Python's spelling of the value."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from guarantees.model import Arrangement
from samples import MINI

STATUS = """status:
  assessments:
    - value: in_force
      provenance: journalist
      since: {date}
      cite:
        - source: defense-news-2025-08-16
          quote: "Sanctions snap-back clauses"
"""


def findings(invoke, tmp_path: Path, text: str) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", path, "--format", "json")
    return [(f["code"], f["message"], f["hint"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("date", ["2025-13-45", "2025-02-30", "2025-04-31", "2100-02-29", "2025-00", "2025-1-1"])
def test_an_impossible_date_is_refused_as_a_date(invoke, tmp_path: Path, date: str) -> None:
    text = MINI.replace("status:\n  unspecified: not stated\n", STATUS.format(date=date))
    ((code, message, hint),) = findings(invoke, tmp_path, text)
    assert code == "invalid-format"
    assert message == (
        f'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" for `status.assessments[0].since`, found string \'{date}\''
    )
    if date.count("-") == 2 and len(date) == 10:
        assert hint and "not a real date" in hint


@pytest.mark.parametrize("date", ["2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30", "2025-08", "2025", '"2025"'])
def test_a_real_date_is_accepted(invoke, tmp_path: Path, date: str) -> None:
    text = MINI.replace("status:\n  unspecified: not stated\n", STATUS.format(date=date))
    assert findings(invoke, tmp_path, text) == []


@pytest.mark.parametrize(("date", "hint"), [("999", "1000 to 2999"), ("2025.5", "whole number"), ("true", None)])
def test_a_date_of_another_type_says_a_date_was_expected(invoke, tmp_path: Path, date: str, hint: str | None) -> None:
    text = MINI.replace("status:\n  unspecified: not stated\n", STATUS.format(date=date))
    ((code, message, found_hint),) = findings(invoke, tmp_path, text)
    assert (code, message.split(" for ")[0]) == ("invalid-format", 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"')
    assert (hint or "") in (found_hint or "") and (hint is not None or found_hint is None)


@pytest.mark.parametrize("written", ["true", "True", "FALSE", "1e3", "0x1F", "0o17", "1.50", "+12", ".inf"])
def test_quote_it_shows_the_value_as_written(invoke, tmp_path: Path, written: str) -> None:
    ((code, _, hint),) = findings(invoke, tmp_path, MINI.replace("name: Mini snap-back", f"name: {written}"))
    assert (code, hint) == ("wrong-type", f'quote it: "{written}"')


def _with_date(value: Any) -> dict[str, Any]:
    from guarantees.loader import parse_document

    document, _ = parse_document(MINI.replace("status:\n  unspecified: not stated\n", STATUS.format(date="2025")), "x")
    assert document is not None
    data = copy.deepcopy(document.data)
    data["status"]["assessments"][0]["date"] = value
    return data


@pytest.mark.parametrize("value", ["2025-02-29", "1900-02-29", "2025-13-01", "2025-11-31"])
def test_the_types_refuse_days_the_calendar_lacks(value: str) -> None:
    with pytest.raises(ValidationError):
        Arrangement.model_validate(_with_date(value))
