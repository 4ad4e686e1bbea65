"""newsfacts: quantitative claims in Chinese news text.

>>> from newsfacts import extract
>>> [(c.text, c.value, c.unit) for c in extract("旅游收入90余亿元")]
[('90余亿元', Decimal('9000000000'), '元')]
"""
from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .claim import Claim, Kind
    from .decode import DecodeError
    from .pipeline import extract

__all__ = ["Claim", "DecodeError", "Kind", "extract", "extract_file"]
__version__ = "0.1.0"

# Imported on first use, so that `newsfacts --help` starts without loading
# the extractor.
_LAZY = {"Claim": "claim", "Kind": "claim", "DecodeError": "decode", "extract": "pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_file(path: str | PathLike[str], encoding: str | None = None) -> list[Claim]:
    """The claims of the text file at PATH, its encoding detected unless given.

    Raises OSError when the file cannot be read and DecodeError when it is
    not text; each claim's `source` is PATH.
    """
    from pathlib import Path

    from .decode import decode
    from .pipeline import extract

    data = Path(path).read_bytes()
    return extract(decode(data, encoding), source=str(path))
