"""newsfacts: quantitative claims in Chinese news text.

>>> from newsfacts import extract
>>> [(c.text, c.value) for c in extract("旅游收入90余亿元")]
[('90余亿元', Decimal('9000000000'))]
"""
from .claim import Claim
from .pipeline import extract

__all__ = ["Claim", "extract"]
__version__ = "0.1.0"
