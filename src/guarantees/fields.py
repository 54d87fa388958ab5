"""The building blocks of every model type: strict base, text, slugs, dates, party codes, citations, assessments."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

from guarantees.party import PARTIES
from guarantees.text import CONTROL_CLASS
from guarantees.vocabulary import Provenance

# The unsafe characters of guarantees.text as a JSON Schema pattern, so check-jsonschema refuses
# what `guarantees validate` refuses.
NO_CONTROL = f"^[^{CONTROL_CLASS}]*$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# "YYYY", "YYYY-MM" or a day that exists: months 01-12, the days of each month, 29 February in leap
# years only (1000-2999: divisible by 4 and not by 100, or one of the centuries divisible by 400).
# A pattern rather than a date check, so the JSON Schema refuses exactly what the types refuse.
_YEAR = r"[12][0-9]{3}"
_LEAP_YEAR = r"(?:[12][0-9](?:0[48]|[2468][048]|[13579][26])|(?:12|16|20|24|28)00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
PARTIAL_DATE = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2]))?|{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$"

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=NO_CONTROL)]
SLUG_MAX_LENGTH = 64  # ids and aliases; so a longer name on the command line cannot name anything
Slug = Annotated[str, StringConstraints(min_length=2, max_length=SLUG_MAX_LENGTH, pattern=SLUG)]


def _integral(value: Any) -> Any:
    """JSON Schema counts 3.0 as an integer; take it as 3 so the schema and the types accept the same files."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# A year may be written bare (1994); it is kept as the text "1994", so it prints as a year, never as 1,994.
def _partial_date(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """One complaint about a bad date, not one per branch of the union (`expected an integer` for `2025-13-45`)."""
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError("partial_date", 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"') from None


PartialDate = Annotated[
    Union[
        Annotated[int, Field(ge=1000, le=2999), BeforeValidator(_integral), AfterValidator(str)],
        Annotated[str, StringConstraints(pattern=PARTIAL_DATE)],
    ],
    WrapValidator(_partial_date),
]
Count = Annotated[int, Field(ge=0, le=10_000_000), BeforeValidator(_integral)]
if TYPE_CHECKING:
    PartyCode = str  # the Literal below is built from the registry at run time, which a type checker cannot follow
else:
    PartyCode = Literal[tuple(PARTIES)]


E = TypeVar("E", bound=Enum)
# A vocabulary field: strict everywhere else, but enum members arrive from YAML as plain strings.
Vocabulary = Annotated[E, Strict(False)]


class Strict_(BaseModel):
    """Base of every type: no coercion, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class Citation(Strict_):
    """An exact quote from one source; offsets and prefix/suffix pick the occurrence."""

    source: Slug = Field(description="Id of a source in seeds/sources.yaml.")
    quote: Annotated[str, StringConstraints(min_length=3, max_length=1000, pattern=NO_CONTROL)] = Field(
        description="The source text, character for character."
    )
    start: Count | None = Field(None, description="Code-point offset of the quote's first character.")
    end: Count | None = Field(None, description="Code-point offset just past the quote (half-open).")
    prefix: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_CONTROL)] | None = Field(
        None, description="Text right before the quote, to pick one of several occurrences."
    )
    suffix: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_CONTROL)] | None = Field(
        None, description="Text right after the quote, to pick one of several occurrences."
    )


Citations = Annotated[list[Citation], Field(min_length=1, description="The spans that support this value.")]


class Assessment(Strict_):
    """One cited reading of a dimension: whose words it rests on, who makes it, and the spans that support it."""

    provenance: Vocabulary[Provenance] = Field(
        description="Whose words the reading rests on: the arrangement's text, an official, a journalist, an analyst."
    )
    by: Text | None = Field(None, description="Who makes this assessment, when the source attributes it.")
    cite: Citations
    note: Text | None = Field(None, description="Editor's note; uncited, rendered as such.")
