"""Bytes to text: byte-order marks, UTF-8, then the Chinese legacy encodings."""
from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode(data: bytes, encoding: str | None = None) -> str:
    """DATA as text, in ENCODING if given, else the encoding it is written in.

    >>> decode("增长5%".encode("gb18030")), decode(codecs.BOM_UTF8 + "九成".encode())
    ('增长5%', '九成')
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise DecodeError(f"not {encoding}: {error.reason} at byte {error.start}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as error:
                raise DecodeError(f"broken {name}: {error.reason} at byte {error.start}") from None
    if b"\x00" in data:
        raise DecodeError("binary file (it has NUL bytes); give --encoding if it is UTF-16 without a byte-order mark")
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    raise DecodeError("not UTF-8 or GB18030 text; give the encoding with --encoding")
