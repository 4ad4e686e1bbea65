"""newsfacts: quantitative claims in Chinese news text.

>>> from newsfacts import extract
>>> [(c.text, c.value, c.unit) for c in extract("旅游收入90余亿元")]
[('90余亿元', Decimal('9000000000'), '元')]

The public API is what `__all__` lists. The extraction itself lives in
`newsfacts.core` (one module per stage), reading and writing files in
`newsfacts.io`.
"""
from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

    from .claim import Change, Claim, Kind, Qualifier
    from .io.decode import DecodeError

__all__ = ["Change", "Claim", "DecodeError", "Kind", "Qualifier", "extract", "extract_file"]
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


def extract(text: str, source: str = "-", *, offset: int = 0, first_line: int = 1) -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    SOURCE is copied into each claim's `source`. TEXT may be a piece of a
    larger document that starts OFFSET characters and FIRST_LINE lines
    into it; claims then point into the whole. Never raises on text.

    >>> [(c.text, c.value, c.unit) for c in extract("攸县卫生厕所普及率达93.59%。")]
    [('93.59%', Decimal('93.59'), '%')]
    """
    # A plain function here, not the compiled one re-exported: a compiled
    # function carries no docstring for help().
    from .core.pipeline import extract as extract_claims

    return extract_claims(text, source, offset=offset, first_line=first_line)


def extract_file(path: str | PathLike[str], encoding: str | None = None) -> list[Claim]:
    """The claims of the text file at PATH, its encoding detected unless given.

    Raises OSError when the file cannot be read and DecodeError when it is
    not text; each claim's `source` is PATH.
    """
    from pathlib import Path

    from .io.decode import decode

    data = Path(path).read_bytes()
    return extract(decode(data, encoding), source=str(path))
