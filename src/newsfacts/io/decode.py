"""Bytes to text: UTF-8 when it is, otherwise the encoding charset-normalizer
finds (GB18030/GBK, Big5, UTF-16 ...), or a one-line reason why not."""
from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats people feed a text tool by mistake, by their first bytes.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"BZh", "bzip2-compressed"),
    (b"\xfd7zXZ", "xz-compressed"),
    (b"\x7fELF", "a program"),
)
_HINT = "; give its encoding with --encoding"
_LEGACY = ("gb18030", "big5", "big5hkscs")
_WIDE = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode(data: bytes, encoding: str | None = None) -> str:
    """DATA as text, in ENCODING if given, else the encoding it is written in.

    >>> decode("去年旅游收入同比增长28.5%，接待游客830万人次".encode("gb18030"))
    '去年旅游收入同比增长28.5%，接待游客830万人次'

    A few bytes may read as more than one encoding; a sentence or more tells.
    """
    if encoding:
        return _decode_as(data, encoding)
    text = _decode_as(data, encoding_of(data))
    if "\x00" in text:
        raise DecodeError("binary data (NUL bytes)" + _HINT)
    return text


def encoding_of(data: bytes, sample: bool = False) -> str:
    """The encoding DATA is written in: its byte-order mark, UTF-8 when it
    reads as UTF-8, else what charset-normalizer finds among the Chinese
    encodings. SAMPLE says DATA is the head of a longer file, which may end
    inside a character. Raises DecodeError when it is not text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"not text: this is {what}")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 4 and error.reason == "unexpected end of data":
            if sample:
                return "utf-8"
            raise DecodeError("ends inside a character: cut short? (the rest is UTF-8)" + _HINT) from None
    if sample:
        return _detect(_on_a_line_end(data))
    try:
        return _detect(data)
    except DecodeError:
        _raise_if_cut_short(data)
        raise


def _on_a_line_end(sample: bytes) -> bytes:
    """The head of a longer file up to its last line break, so that it does
    not end inside a two-byte GB18030 or Big5 character, which the
    detector would take for no text at all. A line feed is never part of
    such a character; UTF-16 and UTF-32 (NUL bytes) are left whole.
    """
    if b"\x00" in sample:
        return sample
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end >= len(sample) // 2 else sample


def _raise_if_cut_short(data: bytes) -> None:
    """A DecodeError saying so when DATA reads as text but for its last
    one to three bytes: the end of a file cut inside a character."""
    for cut in range(1, 4):
        if len(data) <= cut:
            return
        try:
            found = _detect(data[:-cut])
        except DecodeError:
            continue
        raise DecodeError(f"ends inside a character: cut short? (the rest is {found})" + _HINT)


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid {encoding}: {error.reason} at byte {error.start}") from None


def _detect(data: bytes) -> str:
    """The name of the encoding charset-normalizer finds for DATA."""
    import charset_normalizer

    # A Chinese news tool meets GB18030/GBK and Big5; UTF-16/32 without a
    # byte-order mark shows itself by NUL bytes (the high bytes of ASCII).
    candidates = _LEGACY + (_WIDE if b"\x00" in data else ())
    best = charset_normalizer.from_bytes(data, cp_isolation=list(candidates)).best()
    if best is None:
        reason = "binary data (NUL bytes)" if b"\x00" in data else "not text in any encoding I can tell"
        raise DecodeError(reason + _HINT)
    return best.encoding
