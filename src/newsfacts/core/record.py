"""A claim's fields as plain JSON-ready values (Claim.to_dict). Every claim
written goes through here, so it is compiled with the extraction:
interpreted, it took 4 µs a claim, a twentieth of a large run."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

# Integers with more digits than this are written as floats (inf): Python
# refuses to turn an int of more than 4,300 digits into text, and the
# extractor never reads one (numerals.LONGEST_NUMBER).
LONGEST_INTEGER: Final = 4000


def number_to_plain(value: Decimal) -> int | float:
    """1640000000 stays an int; 93.59 becomes the float closest to it.

    >>> number_to_plain(Decimal("16.4E8"))
    1640000000
    >>> number_to_plain(Decimal("93.590"))
    93.59
    """
    if value.is_finite() and value == value.to_integral_value() and value.adjusted() < LONGEST_INTEGER:
        return int(value)
    return float(value)  # inf for an integer too long to write, so no writer fails on it


def plain(claim: Any) -> dict[str, Any]:
    """CLAIM (a claim.Claim) as Claim.to_dict gives it: integral numbers as
    int, others as float, each enum as its value, keys in claim.FIELDS
    order (spelled out: this runs once per claim written). An enum's value
    is read as _value_, the attribute its value property reads, which
    costs a Python-level call."""
    value, low, high = claim.value, claim.low, claim.high
    qualifier, change = claim.qualifier, claim.change
    norm_value, norm_low, norm_high = claim.norm_value, claim.norm_low, claim.norm_high
    return {
        "text": claim.text,
        "value": None if value is None else number_to_plain(value),
        "unit": claim.unit,
        "kind": claim.kind._value_,
        "low": None if low is None else number_to_plain(low),
        "high": None if high is None else number_to_plain(high),
        "qualifier": None if qualifier is None else qualifier._value_,
        "change": None if change is None else change._value_,
        "measure": claim.measure,
        "time": claim.time,
        "entity": claim.entity,
        "norm_value": None if norm_value is None else number_to_plain(norm_value),
        "norm_low": None if norm_low is None else number_to_plain(norm_low),
        "norm_high": None if norm_high is None else number_to_plain(norm_high),
        "norm_unit": claim.norm_unit,
        "currency": claim.currency,
        "period": claim.period,
        "source": claim.source,
        "line": claim.line,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
    }
