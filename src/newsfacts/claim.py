"""The claim record: one quantitative statement found in a text.

The output order of its fields is defined here once, as FIELDS; every
writer, the CSV header and the keys of JSON follow it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .core.record import LONGEST_INTEGER, number_to_plain, plain


class Kind(StrEnum):
    PERCENT = "percent"
    PERCENTAGE_POINT = "percentage_point"
    MONEY = "money"
    COUNT = "count"
    WEIGHT = "weight"
    AREA = "area"
    LENGTH = "length"
    VOLUME = "volume"
    ENERGY = "energy"
    POWER = "power"
    SPEED = "speed"
    TEMPERATURE = "temperature"
    DURATION = "duration"
    AGE = "age"
    MULTIPLE = "multiple"
    FRACTION = "fraction"
    INDEX_POINT = "index_point"
    PRICE = "price"
    NUMBER = "number"


class Qualifier(StrEnum):
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"


class Change(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


@dataclass(frozen=True, slots=True)
class Claim:
    """A number that states how much of something, with its context.

    `start`/`end` are offsets into the decoded text (end exclusive), so
    `content[start:end] == text`. `value` is None for a range, which has
    `low` and `high` instead.
    """

    start: int
    end: int
    text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    kind: Kind
    qualifier: Qualifier | None = None
    change: Change | None = None
    measure: str | None = None
    time: str | None = None
    entity: str | None = None
    # The figure made comparable (core/normalised.py): the value in the
    # canonical unit of its kind (5亩 -> 3333.3… m²), the ISO 4217 code of
    # its currency, and its time as an ISO 8601 date or interval (去年 in a
    # text of 2024 -> 2023); None where not known, never guessed.
    norm_value: Decimal | None = None
    norm_low: Decimal | None = None
    norm_high: Decimal | None = None
    norm_unit: str | None = None
    currency: str | None = None
    period: str | None = None
    source: str = "-"
    line: int = 0
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: integral numbers as int, others as float,
        keys in FIELDS order (core/record.py, compiled: it runs once per
        claim written)."""
        return plain(self)


# The output order: what the claim says first (a spreadsheet's first
# columns are the ones read), then where it is, then its sentence, the
# longest cell, last. The dataclass keeps its own order, on which
# positional construction (Claim(0, 4, "90亿元", ...)) depends.
FIELDS: tuple[str, ...] = (
    "text", "value", "unit", "kind", "low", "high", "qualifier", "change", "measure", "time", "entity",
    "norm_value", "norm_low", "norm_high", "norm_unit", "currency", "period",
    "source", "line", "start", "end", "sentence",
)
