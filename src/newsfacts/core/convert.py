"""A quantity in the one canonical unit of its kind, exactly: 5亩 -> 3333.3…
m², 2万吨 -> 20000000 kg, 98.6华氏度 -> 37 °C, 3516元/平方米 -> 3516 CNY/m².

`normalise(value, low, high, unit, kind, region)` is the one entry point;
the factors are data (lexicons/conversions.tsv, with the source of each),
and money goes through currency.py (the ISO code of 元 or 美元; 美分 as
1/100 USD). The canonical units, by kind:

    weight kg · length m · area m² · volume m³ · energy kWh (吨标准煤 tce,
    吨油当量 toe: coal and oil equivalents stay themselves) · power kW ·
    speed km/h · temperature °C · duration day for 秒 … 周, month for 月,
    季度 (3) and 年 (12): a month is no whole number of days, so none is
    invented · age year · number: data B (KB = 1000 B, KiB = 1024 B),
    bit/s, Hz, V · count count · percent % (‰ = 0.1 %) · percentage_point
    pp · multiple x · index_point pt · money the ISO 4217 code, in the
    currency's main unit (5角 -> 0.5 CNY) · price code/denominator, both
    parts converted (元/吨 -> CNY/kg, a thousandth; 元/股 -> CNY/share)

A fraction (三分之一) and a bare number have no unit and get None, as
does any unit or currency the data does not know.

Exactness: every factor is an exact fraction (亩 = 10000/15 m², never
666.67), the arithmetic is done in fractions.Fraction, and only the result
becomes a Decimal: exactly where its decimal expansion ends (5磅 ->
2.26796185 kg), else rounded half-even to PRECISION = 28 significant
digits, Decimal's own default (5亩 -> 3333.333333333333333333333333).
"""
from __future__ import annotations

from collections import Counter
from decimal import MAX_PREC, ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction
from typing import Final

from . import currency, lexicon
from .normalize import fold

# Significant digits of a result whose decimal expansion does not end (5亩).
PRECISION: Final = 28
_CONTEXT: Final = Context(prec=PRECISION, rounding=ROUND_HALF_EVEN)
# Products of a number and a factor whose decimal expansion ends (0.45359237)
# are exact in Decimal given the digits: no rounding at all.
_EXACT: Final = Context(prec=MAX_PREC)

_ANY_UNIT: Final = "*"  # conversions.tsv: any unit of the kind
_ANY_REGION: Final = "-"
_PER: Final = "per"  # conversions.tsv: what a unit means under a slash (元/股, 美元/盎司)
_MONEY: Final = ("money", "price")
_SPEED: Final = "speed"
# What a unit under a slash may be, tried in this order: 美元/盎司 is per
# troy ounce (a `per` row), 元/度 per kWh, never per degree of heat.
_DENOMINATOR_KINDS: Final = (_PER, "weight", "length", "area", "volume", "energy", "duration", "number")
# A length per a duration in km/h: m per day is 1/24000 km/h.
_METRES_A_DAY_IN_KM_H: Final = Fraction(1, 24000)


class Normalised:
    """A quantity in the canonical unit of its kind. `value` is None for a
    range, whose ends `low` and `high` are each converted."""

    # A plain class, not a dataclass: one is made for nearly every claim,
    # and compiled (mypyc) it is built without the dataclass's interpreted
    # __init__. Compared and shown as the dataclass would be.
    def __init__(self, value: Decimal | None, low: Decimal | None, high: Decimal | None, unit: str) -> None:
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Normalised):
            return NotImplemented
        return (self.value, self.low, self.high, self.unit) == (other.value, other.low, other.high, other.unit)

    def __hash__(self) -> int:
        return hash((self.value, self.low, self.high, self.unit))

    def __repr__(self) -> str:
        return f"Normalised(value={self.value!r}, low={self.low!r}, high={self.high!r}, unit={self.unit!r})"


class _Conversion:
    """canonical value = (value + offset) × factor, in unit CANONICAL."""

    # A plain class: compiled (mypyc), its fields are read without a lookup.
    def __init__(self, canonical: str, factor: Fraction, offset: Fraction) -> None:
        self.canonical = canonical
        self.factor = factor
        self.offset = offset
        # The factor as a Decimal where that is exact (1, 1000, 0.5; not
        # 10000/15): most claims then convert by one Decimal product, not
        # through fractions.Fraction, which costs ten times as much.
        self.decimal_factor = _exact_decimal(factor) if not offset else None


def _exact_decimal(exact: Fraction) -> Decimal | None:
    """EXACT as a Decimal if its decimal expansion ends, else None (read
    when the table is, before to_decimal is defined)."""
    rest, places = exact.denominator, 0
    while rest % 10 == 0:
        rest //= 10
        places += 1
    while rest % 2 == 0 or rest % 5 == 0:
        rest //= 2 if rest % 2 == 0 else 5
        places += 1
    if rest != 1:
        return None
    return Decimal(f"{exact.numerator * 10**places // exact.denominator}E-{places}")


def _table() -> dict[tuple[str, str, str], _Conversion]:
    """(unit, kind, region) -> its conversion, for every row of conversions.tsv."""
    table: dict[tuple[str, str, str], _Conversion] = {}
    for unit, kind, canonical, factor, offset, region, _source in lexicon.rows("conversions.tsv"):
        table[(unit, kind, region)] = _Conversion(canonical, Fraction(factor), Fraction(offset))
    return table


# Read once: looked up for every claim.
_TABLE: Final = _table()


def _caseless() -> dict[tuple[str, str, str], _Conversion]:
    """The Latin symbols in lower case (GWh as gwh, KB as kb), where no two
    of one kind differ only by case."""
    spellings = Counter((unit.lower(), kind, region) for unit, kind, region in _TABLE if unit.isascii())
    return {(unit.lower(), kind, region): conversion for (unit, kind, region), conversion in _TABLE.items()
            if unit.isascii() and spellings[(unit.lower(), kind, region)] == 1}


_CASELESS: Final = _caseless()


def normalise(value: Decimal | None, low: Decimal | None, high: Decimal | None, unit: str | None, kind: str,
              region: str | None = None, currency_code: str | None = None,
              difference: bool = False) -> Normalised | None:
    """VALUE (or the range LOW..HIGH) of a claim whose unit is UNIT, as
    written (噸, 個月, 元/平方米), and whose kind is KIND (claim.Kind), in the
    canonical unit of the kind; None where no conversion is known (a
    count of 大 in 9大, a currency that 比索 does not name, a bare number).

    REGION is the document's (currency.region_of): where a unit means
    another amount there, that one is used (加仑 is the US gallon, but the
    imperial gallon for HK and GB; 斤 is 0.5 kg, but 0.6 kg in TW and
    0.60478982 kg in HK), and a bare 元 is that region's currency.
    CURRENCY_CODE is the user's --currency, which replaces the currency of
    a bare 元 only. DIFFERENCE is True where the number is the size of a
    change (claim.change: 气温下降9华氏度), which converts without the
    offset of a scale: a fall of 9 °F is one of 5 °C.

    >>> normalise(Decimal("5"), None, None, "亩", "area")
    Normalised(value=Decimal('3333.333333333333333333333333'), low=None, high=None, unit='m²')
    >>> normalise(Decimal("20000"), None, None, "噸", "weight").value
    Decimal('20000000')
    >>> normalise(None, Decimal("50"), Decimal("68"), "°F", "temperature")
    Normalised(value=None, low=Decimal('10'), high=Decimal('20'), unit='°C')
    >>> normalise(Decimal("3516"), None, None, "元/平方米", "price").unit
    'CNY/m²'
    >>> normalise(Decimal("7"), None, None, "大", "count").unit, normalise(Decimal("3"), None, None, None, "number")
    ('count', None)
    """
    key = (unit or "", kind, region, currency_code)
    if key in _KNOWN:
        conversion = _KNOWN[key]
    else:
        conversion = _conversion(unit or "", kind, region, currency_code)
        if len(_KNOWN) >= _MOST_KNOWN:
            _KNOWN.clear()
        _KNOWN[key] = conversion
    if conversion is None:
        return None
    if conversion.decimal_factor is not None:
        return _by_decimal(value, low, high, conversion.decimal_factor, conversion.canonical)
    offset = _NO_OFFSET if difference else conversion.offset
    if value is not None:
        converted = _convert(value, conversion.factor, offset)
        return None if converted is None else Normalised(converted, None, None, conversion.canonical)
    if low is None or high is None:
        return None
    low_converted = _convert(low, conversion.factor, offset)
    high_converted = _convert(high, conversion.factor, offset)
    if low_converted is None or high_converted is None:
        return None
    return Normalised(None, low_converted, high_converted, conversion.canonical)


# The conversions looked up so far, by unit as written, kind, region and
# currency: claims repeat a few dozen units, and each lookup folds the unit
# and tries several rows. Bounded, for a corpus of strange units.
_KNOWN: Final[dict[tuple[str, str, str | None, str | None], _Conversion | None]] = {}
_MOST_KNOWN: Final = 4096
_NO_OFFSET: Final = Fraction(0)  # made once: fractions is pure Python, a Fraction takes microseconds


def _by_decimal(value: Decimal | None, low: Decimal | None, high: Decimal | None, factor: Decimal,
                canonical: str) -> Normalised | None:
    """normalise() for a factor that is an exact Decimal and no offset."""
    if value is not None:
        converted = _times(value, factor)
        return None if converted is None else Normalised(converted, None, None, canonical)
    if low is None or high is None:
        return None
    low_converted, high_converted = _times(low, factor), _times(high, factor)
    if low_converted is None or high_converted is None:
        return None
    return Normalised(None, low_converted, high_converted, canonical)


def _times(number: Decimal, factor: Decimal) -> Decimal | None:
    """NUMBER × FACTOR exactly, written as to_decimal writes it (no trailing
    zeros, no exponent for a whole number).

    >>> _times(Decimal("4745.61E8"), Decimal(1)), _times(Decimal("2.50"), Decimal("0.5"))
    (Decimal('474561000000'), Decimal('1.25'))
    """
    if not number.is_finite():
        return None
    product = number if factor == 1 else _EXACT.multiply(number, factor)
    if product == product.to_integral_value():
        return Decimal(int(product))
    return product.normalize(_EXACT)


def _conversion(unit: str, kind: str, region: str | None, currency_code: str | None) -> _Conversion | None:
    """How to convert a number of UNIT of KIND."""
    folded = "".join(fold(unit).split())
    found = _row(folded, kind, region)
    if found is not None:
        return found
    if kind in _MONEY and "/" not in folded:
        return _money(folded, region, currency_code)
    if "/" in folded:
        return _compound(folded, kind, region, currency_code)
    return _row(_ANY_UNIT, kind, region)  # 38个, 9717户: a count


def _row(unit: str, kind: str, region: str | None) -> _Conversion | None:
    """The row of conversions.tsv for UNIT and KIND, REGION's where it has one."""
    if region:
        found = _TABLE.get((unit, kind, region)) or _CASELESS.get((unit.lower(), kind, region))
        if found is not None:
            return found
    return _TABLE.get((unit, kind, _ANY_REGION)) or _CASELESS.get((unit.lower(), kind, _ANY_REGION))


def _money(name: str, region: str | None, currency_code: str | None) -> _Conversion | None:
    """元 -> CNY, 美分 -> 1/100 USD (currencies.tsv)."""
    found = currency.currency_and_factor(name, region, currency_code)
    if found is None:
        return None
    code, factor = found
    return _Conversion(code, factor, Fraction(0))


def _compound(unit: str, kind: str, region: str | None, currency_code: str | None) -> _Conversion | None:
    """A unit per another, each part converted: 元/吨 -> CNY/kg (the price
    of a tonne is a thousandth of it per kg), 公斤/亩 -> kg/m², 公里/小时 -> km/h."""
    numerator_unit, _, denominator_unit = unit.partition("/")
    if kind in _MONEY:
        numerator = _money(numerator_unit, region, currency_code)
    else:
        numerator = _row(numerator_unit, "length" if kind == _SPEED else kind, region)
    denominator = _denominator(denominator_unit, region)
    if numerator is None or denominator is None or numerator.offset or denominator.offset:
        return None
    factor = numerator.factor / denominator.factor
    if kind == _SPEED:
        if (numerator.canonical, denominator.canonical) != ("m", "day"):
            return None
        return _Conversion("km/h", factor * _METRES_A_DAY_IN_KM_H, Fraction(0))
    return _Conversion(f"{numerator.canonical}/{denominator.canonical}", factor, Fraction(0))


def _denominator(unit: str, region: str | None) -> _Conversion | None:
    """The conversion of UNIT under a slash: 平方米, 吨, 股, 月."""
    for kind in _DENOMINATOR_KINDS:
        found = _row(unit, kind, region)
        if found is not None:
            return found
    return None


def _convert(number: Decimal, factor: Fraction, offset: Fraction) -> Decimal | None:
    """(NUMBER + OFFSET) × FACTOR as a Decimal (see the module's docstring for the precision)."""
    if not number.is_finite():
        return None
    return to_decimal((Fraction(number) + offset) * factor)


def to_decimal(exact: Fraction) -> Decimal:
    """EXACT as a Decimal: exact where its decimal expansion ends, else
    rounded half-even to PRECISION significant digits. No trailing zeros,
    no exponent for a whole number.

    >>> to_decimal(Fraction(9, 4)), to_decimal(Fraction(2000, 3)), to_decimal(Fraction(9 * 10**9))
    (Decimal('2.25'), Decimal('666.6666666666666666666666667'), Decimal('9000000000'))
    """
    numerator, denominator = exact.numerator, exact.denominator
    twos = fives = 0
    rest = denominator
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return _CONTEXT.divide(Decimal(numerator), Decimal(denominator))
    places = max(twos, fives)
    digits = numerator * (10**places // denominator)
    while places and digits % 10 == 0:
        digits //= 10
        places -= 1
    # Built from text, not by Decimal arithmetic, which would round to the context's precision.
    return Decimal(f"{digits}E-{places}") if places else Decimal(digits)
