"""One example per dimension for the codebook, each citing real seed text (the tests validate and resolve each)."""

from __future__ import annotations

# One example per dimension, citing real seed text; tests validate each against its type.
EXAMPLES: dict[str, str] = {
    "instrument": """\
assessments:
  - kind: joint_statement
    provenance: journalist
    cite:
      - source: vnexpress-2025-12-20
        quote: "In a joint statement on Ukraine, European leaders mentioned"
""",
    "binding_force": """\
assessments:
  - level: legally_binding
    provenance: journalist
    by: Euromaidan Press, reporting Axios
    cite:
      - source: euromaidan-opinion
        quote: "legally binding and approved by Congress"
""",
    "domestic_approval": """\
assessments:
  - step: congressional_approval
    state: promised
    provenance: journalist
    by: Euromaidan Press, reporting Axios
    cite:
      - source: euromaidan-opinion
        quote: "legally binding and approved by Congress"
""",
    "reciprocity": """\
assessments:
  - kind: mutual
    provenance: arrangement_text
    cite:
      - source: euromaidan-opinion
        quote: "an armed attack against one member shall be considered an attack against all members"
""",
    "trigger": """\
assessments:
  - event: armed_attack
    decided_by: guarantor_alone
    provenance: arrangement_text
    cite:
      - source: euromaidan-opinion
        quote: "an armed attack against one member shall be considered an attack against all members"
      - source: euromaidan-opinion
        quote: "Each member nation determines its specific actions according to its own constitutional processes."
""",
    "automaticity": """\
assessments:
  - level: at_discretion
    provenance: analyst
    by: Euromaidan Press (opinion)
    cite:
      - source: euromaidan-opinion
        quote: "NATO's collective defense pledge is not an automatic tripwire for war."
""",
    "response": """\
assessments:
  - obligation: shall_act
    means: [armed_force, intelligence, logistics, economic_support, diplomatic]
    provenance: arrangement_text
    by: the joint statement, as quoted by VnExpress
    cite:
      - source: vnexpress-2025-12-20
        quote: "force, intelligence, logistical, economic, and diplomatic support"
""",
    "escape_clauses": """\
assessments:
  - condition: Ukraine launches a missile at Moscow or St. Petersburg "without cause"
    holder: guarantor
    effect: voids
    decided_by: unspecified
    kind: non_provocation
    provenance: analyst
    by: Euromaidan Press (opinion), on the original 28-point plan
    cite:
      - source: euromaidan-opinion
        quote: "these guarantees would be deemed invalid if Ukraine launches a missile at Moscow or St. Petersburg"
""",
    "troops": """\
assessments:
  - size_min: 25000
    size_max: 30000
    provenance: analyst
    by: Euromaidan Press (opinion)
    cite:
      - source: euromaidan-opinion
        quote: "a mere 25,000 to 30,000 soldiers as a deterrence force"
""",
    "geographic_scope": """\
assessments:
  - areas: [protected_territory, airspace, sea]
    provenance: journalist
    by: VnExpress, on the European joint statement
    cite:
      - source: vnexpress-2025-12-20
        quote: "protecting its airspace, and enhancing maritime security, operating within Ukrainian territory"
""",
    "institution": """\
assessments:
  - level: standing_organisation
    organisation: NATO
    provenance: official_statement
    by: Oleksandr Merezhko (Ukrainian MP)
    cite:
      - source: vnexpress-2025-12-20
        quote: "part of an institution"
""",
    "monitoring": """\
assessments:
  - exists: true
    led_by: [US]
    provenance: journalist
    by: VnExpress, on the Berlin joint statement
    cite:
      - source: vnexpress-2025-12-20
        quote: "US-led mechanism for monitoring and verifying a ceasefire"
""",
    "preconditions": """\
assessments:
  - kind: peace_agreement
    condition: A broader peace agreement must be in place.
    provenance: journalist
    by: the explainer, on Trump's stance
    cite:
      - source: explainer-2025-08-16
        quote: "provided there is a broader peace agreement in place"
""",
    "duration": """\
unspecified: No source says how long the guarantees would last; their terms are still open.
cite:
  - source: glimpse-potential-terms
    quote: "the specific terms and enforcement mechanisms remain under negotiation"
""",
    "consideration": """\
assessments:
  - kind: nuclear_disarmament
    description: Ukraine gave up its nuclear weapons.
    provenance: journalist
    cite:
      - source: glimpse-potential-terms
        quote: "giving up its nuclear weapons in exchange for recognition of its sovereignty"
""",
    "positions": """\
assessments:
  - party: RU
    stance: opposes
    condition: No Western troops in Ukraine after the conflict.
    provenance: journalist
    cite:
      - source: vnexpress-2025-12-20
        quote: "firmly opposing any presence of Western troops in Ukraine post-conflict"
""",
    "track_record": """\
assessments:
  - event: invoked
    description: Invoked once, after the September 11 attacks.
    provenance: journalist
    cite:
      - source: explainer-2025-08-16
        quote: "The article has only been invoked once in the organisation’s history"
""",
    "specificity": """\
assessments:
  - level: vague
    provenance: journalist
    cite:
      - source: defense-news-2025-08-16
        quote: "no firm details have yet been outlined"
""",
}
