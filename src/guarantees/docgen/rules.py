"""The decision rules of codebook v2: which evidence sets which value, with a cited example for every dimension.

Coders work from these rules and the five sources only; a rule that two coders read differently
is a rule to rewrite (see docs/reliability.md). Every example is validated against its type and
every quote in it resolved against the seeds by the tests.
"""

from __future__ import annotations

# Rules that hold for every dimension, shown once at the top of the codebook.
GENERAL_RULES: tuple[str, ...] = (
    "Code only what a cited span says, read in its paragraph. No year, number, party or clause from memory; "
    "when the sources are silent, write `unspecified:` with what they leave open.",
    "One assessment per reading. Two sources (or two speakers) who disagree give two assessments on the same "
    "dimension, each with its own `by` and `provenance`; the tool shows both and never picks one. On a cumulative "
    "dimension (escape clauses, preconditions, consideration, positions, track record) each assessment is one more "
    "item, not a rival reading.",
    "`provenance` says whose words the reading rests on: `arrangement_text` when the source puts the "
    "arrangement's own words in quotation marks or attributes them to its text (\"According to NATO, Article 5 "
    'states ..."; the joint statement\'s "legally binding commitment"); `official_statement` for a named '
    'official or government on the record; `unnamed_official` for "a senior US official told Axios" or "a '
    "European official told CNN\"; `journalist` for an outlet's own account, and for its report of another "
    "outlet's report (Euromaidan Press on what Axios reported); `analyst` for an expert's judgement and for an "
    "opinion writer's own claims and judgements.",
    "`by` says who makes the reading whenever it is not the outlet speaking in its own voice: the speaker "
    "(`Susan Stewart (SWP)`, `Donald Trump (US President)`), the opinion writer (`Euromaidan Press (opinion)`), "
    "or the chain of a reported report (`Euromaidan Press, reporting Axios`). Leave it out for an outlet's own "
    "account.",
    "A remark by a politician about a commitment (Trump's \"If they don't pay ...\") is that politician's "
    "`official_statement`, never a term of the arrangement; code it where it bears (an escape clause he claims, a "
    "`doubted` track record entry) with that provenance, so no view shows it as treaty text.",
    'A value must follow from the span in context: "could involve ... automatic supply of weapons" is one option '
    "under discussion, not the arrangement's automaticity. Where the arrangement being coded is itself that "
    'option (the snap-back clauses that "automatically trigger" measures), its own description is its text.',
    "On a cumulative dimension, one item reported by several sources is one assessment citing each of them; two "
    "speakers who make different claims are two assessments.",
)

RULES: dict[str, tuple[str, ...]] = {
    "status": (
        "Code the status a span gives the arrangement itself, in this order of evidence: a span that says it is "
        "in effect, was signed, violated, lapsed or superseded; else one that says it was announced or declared "
        "by its guarantors; else one that says it is being negotiated; else one that says a party offers or "
        "proposes it (`proposed`); else an idea or option under discussion that no party is reported to offer "
        '(`draft`, e.g. an item of "Possible Options Being Considered").',
        'An existing institution or capability that a span describes as present and working ("Article 5 is a '
        "cornerstone\", a state's own army described as fighting or holding capabilities) is `in_force`; "
        "`unspecified` only when no span says whether it exists, is offered or agreed.",
        '`refused`: those who would have to give it say it is not on the table ("Ukrainian membership is not on the '
        'table"). `superseded`: a source calls it the original or an earlier version of a later one.',
        "Two sources that give different statuses are two assessments; one source's one status is one assessment.",
        'Dates go in the field they mean: `signed: 1994` for "The 1994 Budapest Memorandum"; `proposed` for '
        "when it was put forward or promoted; never `since`, which is only for a source that says since when the "
        'status holds. A year-only date is a year. `timeline` holds a stated timeline: "expected to be '
        'formalized on paper within the next 10 days".',
    ),
    "parties": (
        "`guarantor` gives the promise, `beneficiary` receives it, `member` both (a mutual pact), `adversary` "
        "is the party it is meant to deter, `mediator` brokered or promoted it (a side of the war that also "
        "promoted it is `mediator`, with a note), `belligerent` a side of the war in none of these roles, "
        "`backstop` stands behind the guarantors without leading.",
        "A party is listed only when a span names it in that role; use the group codes `EUROPE` and `E3` "
        "exactly as the sources do, never their members from memory.",
    ),
    "links": (
        "`modelled_on` when a source says the arrangement is inspired by, similar to or modelled on another "
        '("inspired by NATO\'s Article 5"); `part_of` when it is a component of a larger arrangement (the '
        "monitoring mechanism referred to in the Berlin statement); `revises`/`supersedes` when a source presents it "
        "as a later version of another; `alternative_to` when it is offered in place of another (guarantees "
        "instead of NATO membership).",
        "Link only to arrangements that have a model; the cited span must state the relation, not merely mention both.",
        "Link from the later arrangement to the earlier one. `guarantees history` reads `revises`/`supersedes` as "
        "versions of one arrangement and `modelled_on` as a design after its original, never a later version of it; "
        "`part_of` and `alternative_to` are listed beside a lineage, not followed. A link to no model, or links that "
        "lead back to where they start, are findings (`unknown-link-target`, `link-cycle`).",
    ),
    "instrument": (
        "The kind of document the commitment is, as the sources name it: `treaty` (the North Atlantic Treaty), "
        '`memorandum` (the Budapest Memorandum), `joint_statement` ("In a joint statement on Ukraine, European '
        'leaders ..."), `peace_plan` (a clause of the 28-point plan), `agreement` (Minsk), `offer` (a proposal '
        "reported from talks with no text), `statement` (one leader's declaration).",
    ),
    "binding_force": (
        'The legal character a source asserts, not what a reader infers from the instrument: "legally binding" '
        'or "binding mutual defense clause" → `legally_binding`; "a political commitment" → '
        '`political_declaration`; "assurances" a source says lack legal value → `non_binding_assurance`; '
        '"merely supportive, not a legally binding obligation" → a rival `political_declaration` reading.',
        "Ratification or approval by Congress is not coded here: it is `domestic_approval`.",
    ),
    "domestic_approval": (
        'A step in a guarantor\'s own legislature: "approved by Congress" → `congressional_approval`; its '
        "`state` is `promised` when the offer says it will be approved, `required` when a source says it must be, "
        "`obtained` when a source says it was. No step named → `unspecified`.",
    ),
    "reciprocity": (
        '`mutual` when every party both gives and receives ("an attack on one member is considered an attack on '
        'all"); `one_way` when guarantors promise the protected party and the sources name nothing it promises '
        "in return of the same kind. A concession in exchange is `consideration`, not reciprocity.",
    ),
    "trigger": (
        "`event`: what activates the guarantee as the sources word it (`armed_attack`, `renewed_aggression` "
        "after a ceasefire, `violation_of_terms`).",
        "`decided_by`: who judges that the event happened, only as a span says it: `guarantor_alone` when each "
        'guarantor decides for itself whether and how to act ("Each member nation determines its specific '
        'actions"), `parties_jointly`, `institution` (a monitoring body that verifies violations), else '
        "`unspecified`. Never infer it from the arrangement's kind.",
    ),
    "automaticity": (
        "`automatic` only when a span says the response follows without a further decision for the arrangement "
        'itself; an option "could involve ... automatic supply" is not enough. "not an automatic tripwire for '
        'war" or "each nation will use methods it deems necessary" → `at_discretion`; consultations first → '
        '`after_consultation`. "It never obligates anybody" is a rival `at_discretion` reading.',
    ),
    "response": (
        "`obligation` is the duty the arrangement's own undertaking states: `shall_act` for \"obliging allies to "
        'respond", "compelling them to act", "pledging to defend Ukraine if attacked", "would prompt a '
        'joint response" or a commitment "to restore peace and security" if attacked; `will_consider` for an '
        "undertaking to consider acting; `may` when a span says the guarantors are free not to act.",
        'A speaker who denies the duty ("It never obligates anybody", "not a legally binding obligation ... to '
        "deploy troops\") gives a second, rival assessment with `obligation: may` and that speaker's `by` and "
        "provenance; it does not replace the first. Leave `obligation` out of an assessment only when its span "
        "gives means and no duty.",
        "`means`: every means a span promises as part of the undertaking, each item of a list "
        '("rebuilding its military, protecting its airspace, and enhancing maritime security" → `training`, '
        '`air_defence`, `maritime_security`). Means a source lists only as possibilities ("could involve", '
        '"may include") are not promised: name them in the assessment\'s `note`, not in `means`. '
        "`excluded_means`: what a span rules out.",
        "The protected party's own forces promise no response to anyone: `unspecified` unless a span gives one.",
    ),
    "escape_clauses": (
        "One assessment per condition under which the guarantee is void, suspended or reduced: the condition in "
        "the sources' words, who can invoke it (`holder`), what it does (`effect`).",
        "What counts: a condition in the arrangement's own terms (\"deemed invalid if Ukraine launches a missile "
        '... without cause"); a standing grant of discretion that lets a guarantor do less than act ("this '
        'assistance may or may not involve the use of armed force", "each nation will use methods it deems '
        "necessary\") → `kind: national_discretion`, `effect: reduces`; and a condition a guarantor's own official "
        "states for not acting (\"If they don't pay, I'm not going to defend them\"), with that official's "
        "provenance.",
        "What does not count: an analyst's forecast or doubt that a guarantor may not honour it (\"there is no "
        'guarantee that President Trump would honor such a commitment"). It names no condition of the '
        "arrangement; put it in the dimension's `note` or the arrangement's `notes`.",
        "`decided_by`: `guarantor_alone` when the condition leaves it to the guarantor (a grant of discretion, or a "
        "guarantor's own stated condition: the one who states it is the one who applies it); `parties_jointly` or "
        "`institution` only as a span says; `unspecified` when the arrangement's terms name no judge (\"without "
        'cause").',
    ),
    "troops": (
        '`presence` where a span puts guarantor troops (`in_territory` for "operating within Ukrainian '
        'territory"); sizes only as a span gives them; `lead_nations` only from a span that says who leads '
        '("led by Europe" → `EUROPE`) — a span that gives a nation\'s share of a force is not leadership.',
    ),
    "geographic_scope": (
        "Every area a span names where the obligations or forces apply: the members' territory, the protected "
        "territory, near it, the ceasefire line, a demilitarised zone, the airspace, the sea.",
    ),
    "institution": (
        '`standing_organisation` for NATO; `ad_hoc_coalition` for a coalition formed for the purpose ("a '
        'coalition of countries pledging to defend Ukraine"); `none` when a span says no organisation stands '
        "behind it. `organisation` holds the name as the source gives it.",
    ),
    "monitoring": (
        "`exists: true` when a span names a monitoring or verification mechanism for the arrangement, with "
        '`led_by` as the span says ("US-led mechanism" → `US`); a civilian monitoring mission in the list of '
        "options counts for the arrangement that lists it.",
    ),
    "preconditions": (
        'One assessment per condition a span puts on the arrangement taking effect: "provided there is a broader '
        'peace agreement in place" → `peace_agreement`; "in case a ceasefire agreement is reached" → `ceasefire`; '
        '"conditional on US military support" → `guarantor_support`.',
    ),
    "duration": (
        'Only a span that says how long it lasts: "when the fighting ends" marks when it starts, not its term. '
        "Most arrangements here are `unspecified`.",
    ),
    "consideration": (
        'What the protected party gives or concedes in exchange, as a span says: "giving up its nuclear weapons in '
        'exchange for" → `nuclear_disarmament`; "aiming to persuade Ukraine to accept concessions, such as '
        'abandoning NATO ambitions" → `alliance_ambitions`.',
    ),
    "positions": (
        'One assessment per stated position of a party on the arrangement: `supports`, `consents` ("Russia had '
        'agreed", as claimed), `opposes` ("firmly opposing any presence of Western troops"), or `conditions` '
        '("will only accept arrangements that preserve its sovereignty"). Conditions analysts set for any such '
        'framework ("must be legally binding, militarily credible, and politically sustainable") are '
        "`conditions` with no `party` and `analyst` provenance.",
    ),
    "track_record": (
        "History, not strength: each invocation, violation, failure, non-implementation, or a guarantor's public "
        "doubt, with the date only as a span gives it.",
    ),
    "specificity": (
        '`vague` when the sources say terms are missing ("no firm details have yet been outlined") or give the '
        "arrangement only as a one-line idea or option; `outlined` when they give the main terms (trigger and "
        "means or force) but not how it works; `detailed` when trigger, response and how it is carried out (who "
        "decides, by what procedure) are all given.",
    ),
}
