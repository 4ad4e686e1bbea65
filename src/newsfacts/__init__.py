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
    from types import ModuleType

    import pandas

    from .claim import Change, Claim, Kind, Qualifier
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
            small_counts: bool = True) -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    SOURCE is copied into each claim's `source`. TEXT may be a piece of a
    larger document that starts OFFSET characters and FIRST_LINE lines
    into it; claims then point into the whole. Never raises on text.

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
    """
    # A plain function here, not the compiled one re-exported: a compiled
    # function carries no docstring for help().
    from .core.pipeline import extract as extract_claims
    from .io.select import select, selection

    chosen = selection(kinds, min_value, small_counts)  # a bad argument fails before the work
    claims = extract_claims(text, source, offset=offset, first_line=first_line)
    return claims if chosen is None else list(select(claims, chosen))


def extract_file(path: str | PathLike[str], encoding: str | None = None, *,
                 kinds: str | Iterable[Kind | str] | None = None, min_value: Decimal | int | float | str | None = None,
                 small_counts: bool = True) -> list[Claim]:
    """The claims of the text file at PATH, its encoding detected unless given.

    Raises OSError when the file cannot be read and DecodeError when it is
    not text; each claim's `source` is PATH. KINDS, MIN_VALUE and
    SMALL_COUNTS filter as extract's do.
    """
    from pathlib import Path

    from .io.decode import decode

    data = Path(path).read_bytes()
    return extract(decode(data, encoding), source=str(path), kinds=kinds, min_value=min_value,
                   small_counts=small_counts)


def to_dataframe(claims: Iterable[Claim]) -> pandas.DataFrame:
    """CLAIMS as a pandas DataFrame: a row per claim, a column per Claim
    field, in their order. Needs pandas (pip install 'newsfacts[pandas]').

    value, low and high are float64, NaN where there is none (the exact
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
