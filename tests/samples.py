"""Small, complete model texts that tests edit to break one thing at a time."""

# A small but complete model: every dimension present, two cited, the rest unspecified.
MINI = """\
# yaml-language-server: $schema=../schemas/arrangement.schema.json
id: mini
name: Mini snap-back
aliases: [mini-snap]
kind: sanctions_mechanism
summary: A test model.
status:
  unspecified: not stated
parties:
  - code: NO
    role: guarantor
    cite:
      - source: defense-news-2025-08-16
        quote: "Sanctions snap-back clauses"
dimensions:
  binding_force: {unspecified: not stated}
  trigger:
    assessments:
      - event: violation_of_terms
        provenance: journalist
        decided_by: unspecified
        cite:
          - source: defense-news-2025-08-16
            quote: "if Russia violates peace terms"
  automaticity:
    assessments:
      - level: automatic
        provenance: journalist
        cite:
          - source: defense-news-2025-08-16
            quote: "automatically trigger severe economic measures"
  response: {unspecified: not stated}
  escape_clauses: {unspecified: not stated}
  troops: {unspecified: not stated}
  institution: {unspecified: not stated}
  monitoring: {unspecified: not stated}
  track_record: {unspecified: not stated}
  instrument: {unspecified: not stated}
  domestic_approval: {unspecified: not stated}
  reciprocity: {unspecified: not stated}
  geographic_scope: {unspecified: not stated}
  preconditions: {unspecified: not stated}
  duration: {unspecified: not stated}
  consideration: {unspecified: not stated}
  positions: {unspecified: not stated}
  specificity: {unspecified: not stated}
"""
