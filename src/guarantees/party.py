"""Registry of party codes: ISO 3166-1 alpha-2 for states, short codes for organisations."""

from __future__ import annotations

# States the sources name, every NATO member (a guarantee "like Article 5" is measured
# against all of them), and the organisations the sources name. Codes, not names, go in
# model files so that "NO" (Norway) is never read as a boolean and names stay uniform.
STATES: dict[str, str] = {
    "AL": "Albania",
    "BE": "Belgium",
    "BG": "Bulgaria",
    "BY": "Belarus",
    "CA": "Canada",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "EE": "Estonia",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "HR": "Croatia",
    "HU": "Hungary",
    "IS": "Iceland",
    "IT": "Italy",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "ME": "Montenegro",
    "MK": "North Macedonia",
    "NL": "Netherlands",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "RO": "Romania",
    "RU": "Russia",
    "SE": "Sweden",
    "SI": "Slovenia",
    "SK": "Slovakia",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "US": "United States",
}

ORGANISATIONS: dict[str, str] = {
    "EU": "European Union",
    "NATO": "North Atlantic Treaty Organization",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "UN": "United Nations",
}

# Groups the sources name without listing members; a model uses them only as the sources do.
GROUPS: dict[str, str] = {
    "E3": "E3 (France, Germany, United Kingdom)",
    "EUROPE": "European states (not named one by one)",
}

PARTIES: dict[str, str] = {**STATES, **ORGANISATIONS, **GROUPS}


def find_party_name(code: str) -> str | None:
    """The display name of a party code, or None when the code is not registered."""
    return PARTIES.get(code)
