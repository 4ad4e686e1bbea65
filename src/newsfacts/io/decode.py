"""Bytes to text: UTF-8 when it is, otherwise the encoding charset-normalizer
finds (GB18030/GBK, Big5, UTF-16 ...), or a one-line reason why not. A
short text is read in each encoding it could be in, and the reading with
the most common Chinese characters wins."""
from __future__ import annotations

import codecs
import math
from functools import cache
from typing import NamedTuple

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
# Up to this many bytes, the detector guesses: the six bytes of 增长5% in
# GB18030 are also Big5 (崝酗5%), and it took them for Big5; it misread most
# phrases of two or three characters, and refused some paragraphs. Such a
# text is read in every encoding it is valid in, and the characters tell.
SHORT_BYTES = 1000
# A reading counts as Chinese when its characters' mean log10 count in
# jieba's dictionary (character_frequencies.tsv) is at least this: the
# characters of news score 4 to 5.5, misread bytes mostly under 3 (崝酗 1.1).
_CHINESE = 3.0
# The best reading wins by less than this over another: a guess, said so.
_CLOSE = 1.0
# Chinese punctuation and full-width forms, as common as the commonest
# characters; misread, they become bopomofo or private-use characters
# (GB18030 ， read as Big5 is ㄛ).
_MARKS = frozenset("“”‘’，。、；：？！（）《》〈〉【】「」『』—…·　") | frozenset(map(chr, range(0xFF01, 0xFF5F)))
_MARK_SCORE = 5.0
# é, ü, ñ of a Western name, in UTF-8: about as likely in news as a common character.
_LATIN_LETTERS = frozenset(map(chr, range(0xC0, 0x100))) - {"×", "÷"}
_LATIN_SCORE = 4.0


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


class Reading(NamedTuple):
    text: str
    encoding: str
    guessed: bool = False  # a short text that reads almost as well in another encoding


def decode(data: bytes, encoding: str | None = None) -> str:
    """DATA as text, in ENCODING if given, else the encoding it is written in.

    >>> decode("去年旅游收入同比增长28.5%，接待游客830万人次".encode("gb18030"))
    '去年旅游收入同比增长28.5%，接待游客830万人次'

    A few bytes may read as more than one encoding; the reading whose
    characters are the common ones wins (see reading()).
    """
    return reading(data, encoding).text


def reading(data: bytes, encoding: str | None = None) -> Reading:
    """DATA as text, with the encoding it was read in and whether that was
    a guess: a short text that reads almost as well in another encoding.

    >>> reading("增长5%".encode("gb18030"))
    Reading(text='增长5%', encoding='gb18030', guessed=False)
    >>> reading("實現旅遊收入".encode("big5"))
    Reading(text='實現旅遊收入', encoding='big5', guessed=False)
    """
    if encoding:
        return Reading(_decode_as(data, encoding), encoding)
    short = len(data) <= SHORT_BYTES and not data.isascii() and b"\x00" not in data and not _has_bom(data)
    readings = _readings(data) if short else []
    if readings and readings[0][0] >= _CHINESE:
        score, name, text = readings[0]
        return Reading(text, name, len(readings) > 1 and score - readings[1][0] < _CLOSE)
    name = encoding_of(data)
    text = _decode_as(data, name)
    if "\x00" in text:
        raise DecodeError("binary data (NUL bytes)" + _HINT)
    # Short, and no reading is plainly Chinese (盱眙龙, rare characters): the
    # detector's choice is a guess wherever another encoding reads it otherwise.
    return Reading(text, name, len(readings) > 1)


def _has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _readings(data: bytes) -> list[tuple[float, str, str]]:
    """(score, encoding, text) for each different text DATA reads as, the
    most Chinese first (chinese_score; on a tie UTF-8, then GB18030).

    Valid UTF-8 is the only reading when it reads as Chinese, Latin letters
    (café) or punctuation: other bytes seldom are valid UTF-8, and then as
    odd letters (GB18030 目前 is UTF-8 Ŀǰ), which give way to a Chinese reading.
    """
    readings: list[tuple[float, str, str]] = []
    for name in ("utf-8", *_LEGACY):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = chinese_score(text)
        if name == "utf-8" and (score is None or score >= _CHINESE or any(_is_chinese(ch) for ch in text)):
            return [(math.inf, name, text)]
        if score is not None and all(text != other for _, _, other in readings):
            readings.append((score, name, text))
    return sorted(readings, key=lambda row: -row[0])


def chinese_score(text: str) -> float | None:
    """How common TEXT's characters are in Chinese: the mean log10 count of
    its characters (traditional ones as their simplified forms) in jieba's
    dictionary, Chinese punctuation as common ones; None for ASCII.

    >>> round(chinese_score("增长5%"), 1), round(chinese_score("崝酗5%"), 1), chinese_score("5%")
    (5.1, 1.1, None)
    """
    from ..core.normalize import fold

    counts = _counts()
    scores = []
    for ch in fold(text):
        if ch.isascii():
            continue
        if ch in _MARKS:
            scores.append(_MARK_SCORE)
        elif ch in _LATIN_LETTERS:
            scores.append(_LATIN_SCORE)
        else:
            scores.append(math.log10(counts.get(ch, 0) + 1))  # kana, symbols, private use: 0
    return sum(scores) / len(scores) if scores else None


def _is_chinese(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@cache
def _counts() -> dict[str, int]:
    from importlib import resources

    text = resources.files(__package__).joinpath("character_frequencies.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {ch: int(count) for ch, count in rows}


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
