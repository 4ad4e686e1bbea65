"""newsfacts: quantitative claims in Chinese news text.

>>> from newsfacts import extract
>>> [(c.text, c.value, c.unit) for c in extract("旅游收入90余亿元")]
[('90余亿元', Decimal('9000000000'), '元')]

The public API is what `__all__` lists. The extraction itself lives in
`newsfacts.core` (one module per stage), reading and writing files in
`newsfacts.io`.
"""
from __future__ import annotations

from decimal import Decimal
from os import PathLike
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from datetime import date
    from types import ModuleType

    import pandas

    from .claim import Change, Claim, Kind, Qualifier
    from .core.normalised import Provenance
    from .io.decode import DecodeError

__all__ = ["Change", "Claim", "DecodeError", "Kind", "Qualifier", "extract", "extract_file", "to_dataframe"]
__version__ = "0.1.0"

# Imported on first use, so that `newsfacts --help` starts without loading
# the extractor.
_LAZY = {
    "Claim": ".claim", "Kind": ".claim", "Qualifier": ".claim", "Change": ".claim",
    "DecodeError": ".io.decode",
}
_SUBMODULES = {"dask": ".io.dask"}  # newsfacts.dask.extract_bag, as the README shows


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    if name in _SUBMODULES:
        module: ModuleType = import_module(_SUBMODULES[name], __name__)
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])


def extract(text: str, source: str = "-", *, offset: int = 0, first_line: int = 1,
            kinds: str | Iterable[Kind | str] | None = None, min_value: Decimal | int | float | str | None = None,
            small_counts: bool = True, document_date: date | None = None, currency: str | None = None,
            provenance: Provenance | None = None) -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    SOURCE is copied into each claim's `source`. TEXT may be a piece of a
    larger document that starts OFFSET characters and FIRST_LINE lines
    into it; claims then point into the whole, and PROVENANCE should be
    the whole document's date and region (the `provenance` of each piece
    newsfacts.io.sources.pieces yields), else the piece's own are used.
    Never raises on text.

    DOCUMENT_DATE (a datetime.date) is the date that 去年, 1-4月 and 昨日
    are resolved against in each claim's `period`; without it, the date
    the text carries in a dateline or date line, else none (and only
    periods written in full, 2022年上半年, are resolved). CURRENCY, an ISO
    4217 code, is what a bare 元 is (else the region's: HKD in a Hong Kong
    text); ValueError for anything but three capital letters.

    >>> [(c.text, c.value, c.unit) for c in extract("攸县卫生厕所普及率达93.59%。")]
    [('93.59%', Decimal('93.59'), '%')]

    The command line's filters, as keywords: KINDS keeps only these kinds
    ("money,percent", or a list of Kind); MIN_VALUE only claims at least
    this large (a range: its high end; text such as "1万" is read as the
    text's numbers are); SMALL_COUNTS=False leaves out counts under ten
    written in words (三个中心, 两人). A bad kind or number is a ValueError.

    >>> text = "去年接待游客830万人次，旅游收入9亿元，建成三个中心，增长5%。"
    >>> [c.text for c in extract(text, kinds="money,percent")]
    ['9亿元', '5%']
    >>> [c.text for c in extract(text, min_value="1万")]
    ['830万人次', '9亿元']
    >>> from newsfacts import Kind
    >>> [c.text for c in extract(text, kinds=[Kind.COUNT], small_counts=False)]
    ['830万人次']

    >>> import datetime
    >>> [(c.norm_value, c.norm_unit, c.period) for c in extract("去年播种5万亩。", document_date=datetime.date(2024, 3, 9))]
    [(Decimal('33333333.33333333333333333333'), 'm²', '2023')]
    >>> [(c.text, c.currency, c.period) for c in extract("今年1-4月营收港币3.14亿元。", currency="CNY")]
    [('3.14亿元', 'HKD', None)]
    """
    # A plain function here, not the compiled one re-exported: a compiled
    # function carries no docstring for help().
    from .core.pipeline import extract as extract_claims
    from .io.select import select, selection

    chosen = selection(kinds, min_value, small_counts)  # a bad argument fails before the work
    if currency is not None:
        _check_currency(currency)
    claims = extract_claims(text, source, offset=offset, first_line=first_line, document_date=document_date,
                            currency=currency, provenance=provenance)
    return claims if chosen is None else list(select(claims, chosen))


def extract_file(path: str | PathLike[str], encoding: str | None = None, *,
                 kinds: str | Iterable[Kind | str] | None = None, min_value: Decimal | int | float | str | None = None,
                 small_counts: bool = True, document_date: date | None = None,
                 currency: str | None = None) -> list[Claim]:
    """The claims of the text file at PATH, its encoding detected unless given.

    Raises OSError when the file cannot be read and DecodeError when it is
    not text; each claim's `source` is PATH. KINDS, MIN_VALUE,
    SMALL_COUNTS, DOCUMENT_DATE and CURRENCY as for extract.
    """
    from pathlib import Path

    from .io.decode import decode

    data = Path(path).read_bytes()
    return extract(decode(data, encoding), source=str(path), kinds=kinds, min_value=min_value,
                   small_counts=small_counts, document_date=document_date, currency=currency)


def to_dataframe(claims: Iterable[Claim]) -> pandas.DataFrame:
    """CLAIMS as a pandas DataFrame: a row per claim, a column per Claim
    field, in their order. Needs pandas (pip install 'newsfacts[pandas]').

    value, low and high (and their norm_ forms) are float64, NaN where there is none (the exact
    Decimal stays on the claim: a float holds about 15 digits); start, end
    and line are int64; kind, qualifier and change are categories with
    their whole vocabulary (so frames concatenate); the text fields are
    pandas strings, <NA> where there is none.

    >>> frame = to_dataframe(extract("旅游收入90余亿元，同比增长28.5%。"))
    >>> frame["text"].tolist(), frame["value"].tolist(), frame["change"].tolist()
    (['90余亿元', '28.5%'], [9000000000.0, 28.5], [nan, 'increase'])
    >>> frame.groupby("kind", observed=True)["value"].sum().to_dict()
    {'percent': 28.5, 'money': 9000000000.0}
    >>> str(frame["value"].dtype), str(frame["kind"].dtype), str(frame["line"].dtype)
    ('float64', 'category', 'int64')
    """
    from .io.dataframe import to_dataframe as frame_of

    return frame_of(claims)


def _check_currency(code: str) -> None:
    from .core.currency import currency_and_factor

    currency_and_factor(None, None, code)  # ValueError: 'hkd' is no currency code: give three capital letters …
