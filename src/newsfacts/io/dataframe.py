"""Claims as a pandas DataFrame, for a notebook (newsfacts.to_dataframe).

pandas is an optional dependency (the pandas extra), imported only here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..claim import FIELDS, Change, Claim, Kind, Qualifier

if TYPE_CHECKING:
    import pandas

_NUMBERS = ("value", "low", "high", "norm_value", "norm_low", "norm_high")  # Decimal or None: float64, NaN for None
_INTEGERS = ("start", "end", "line")  # never missing: int64
_VOCABULARIES = {"kind": Kind, "qualifier": Qualifier, "change": Change}
_MISSING_PANDAS = "newsfacts.to_dataframe needs pandas: pip install 'newsfacts[pandas]'"


def to_dataframe(claims: Iterable[Claim]) -> pandas.DataFrame:
    """CLAIMS as a DataFrame with a column per field of Claim (see
    newsfacts.to_dataframe for the dtypes)."""
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(_MISSING_PANDAS, name="pandas") from error
    rows = list(claims)
    columns = {}
    for name in FIELDS:
        values = [getattr(claim, name) for claim in rows]
        if name in _NUMBERS:
            # float(Decimal) gives inf past a float's range, where float(int) raises.
            column = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        elif name in _INTEGERS:
            column = pd.Series(values, dtype="int64")
        elif name in _VOCABULARIES:
            categories = pd.CategoricalDtype([member.value for member in _VOCABULARIES[name]])
            column = pd.Series([None if v is None else v.value for v in values], dtype=categories)
        else:
            column = pd.Series(values, dtype=pd.StringDtype())
        columns[name] = column
    return pd.DataFrame(columns)
