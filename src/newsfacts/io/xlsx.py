"""--format xlsx: an Excel workbook written by XlsxWriter, row by row.

The claims sheet has CSV's columns. Numbers are numeric cells where Excel
holds them exactly as written: an integer that a double represents
exactly, or any number of at most 15 significant digits (all Excel keeps).
Any other number is written as text, in full, with a note saying why. A
null is an empty cell. Text is always a string cell, never a formula:
one that starts with =, +, - or @ is marked with Excel's quote prefix
as well, so editing it in Excel keeps it text.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import IO, Iterable

from ..claim import FIELDS, Claim
from .summary import Summary

EXCEL_DIGITS = 15
_NUMBER_FIELDS = frozenset({"value", "low", "high", "norm_value", "norm_low", "norm_high"})
_INTEGER_FIELDS = frozenset({"start", "end", "line"})
_FORMULA_STARTS = ("=", "+", "-", "@")
_LONGEST_CELL = 32_767  # Excel's limit on one cell's text
_WIDEST = 40  # a column's width (in characters) is at most this ...
_SENTENCE_WIDTH = 80  # ... but the sentence's, which wraps
_ROWS_MEASURED = 2_000  # column widths fit the first rows
TOO_PRECISE = "Written as text: Excel keeps 15 significant digits and would change this number."


def write(claims: Iterable[Claim], out: IO[bytes]) -> int:
    """Write a workbook of CLAIMS (a claims sheet and a summary sheet) to
    the binary file OUT; return how many claims were written."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                          "strings_to_formulas": False, "strings_to_urls": False})
    try:
        styles = _Styles(workbook)
        sheet = workbook.add_worksheet("claims")
        summary_sheet = workbook.add_worksheet("summary")
        summary = Summary()
        count = _write_claims(sheet, claims, styles, summary)
        write_summary(summary_sheet, summary, styles)
    finally:
        workbook.close()
    return count


def write_summary_workbook(summary: Summary, out: IO[bytes]) -> None:
    """newsfacts summary --format xlsx: the summary sheet alone, and the
    largest figures."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"strings_to_numbers": False, "strings_to_formulas": False,
                                          "strings_to_urls": False})
    try:
        styles = _Styles(workbook)
        write_summary(workbook.add_worksheet("summary"), summary, styles)
        _write_largest(workbook.add_worksheet("largest"), summary, styles)
        if summary.sums is not None:
            _write_sums(workbook.add_worksheet("sums"), summary, styles)
    finally:
        workbook.close()


class _Styles:
    def __init__(self, workbook) -> None:
        self.header = workbook.add_format({"bold": True, "bottom": 1})
        self.text = None
        self.quoted = workbook.add_format({"quote_prefix": True})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.wrapped_quoted = workbook.add_format({"text_wrap": True, "valign": "top", "quote_prefix": True})
        self.bold = workbook.add_format({"bold": True})


def _write_claims(sheet, claims: Iterable[Claim], styles: _Styles, summary: Summary) -> int:
    widths = [display_width(name) for name in FIELDS]
    for column, name in enumerate(FIELDS):
        sheet.write_string(0, column, name, styles.header)
    sheet.freeze_panes(1, 0)
    row = 0
    for row, claim in enumerate(claims, start=1):
        summary.add(claim)
        for column, name in enumerate(FIELDS):
            value = getattr(claim, name)
            if value is None:
                continue
            shown = _write_cell(sheet, row, column, name, value, styles)
            if row <= _ROWS_MEASURED:
                widths[column] = max(widths[column], display_width(shown))
    for column, name in enumerate(FIELDS):
        if name == "sentence":
            sheet.set_column(column, column, _SENTENCE_WIDTH, styles.wrapped)
        else:
            sheet.set_column(column, column, min(widths[column] + 2, _WIDEST))
    sheet.autofilter(0, 0, max(row, 1), len(FIELDS) - 1)
    return row


def _write_cell(sheet, row: int, column: int, name: str, value: object, styles: _Styles) -> str:
    """Write one field; return the text it shows (for the column width)."""
    if name in _INTEGER_FIELDS:
        sheet.write_number(row, column, value)
        return str(value)
    if name in _NUMBER_FIELDS:
        assert isinstance(value, Decimal)
        number = excel_number(value)
        if number is not None:
            sheet.write_number(row, column, number)
            return format(value, "f")
        text = format(value, "f")
        sheet.write_string(row, column, text)
        sheet.write_comment(row, column, TOO_PRECISE)
        return text
    text = str(value)[:_LONGEST_CELL]
    wrapped = name == "sentence"
    sheet.write_string(row, column, text, _text_style(text, styles, wrapped))
    return text


def excel_number(value: Decimal) -> int | float | None:
    """VALUE as a number Excel holds exactly as written, or None.

    >>> excel_number(Decimal("9E+9")), excel_number(Decimal("93.59")), excel_number(Decimal("1E+23"))
    (9000000000, 93.59, None)
    >>> excel_number(Decimal("1234567890123456")), excel_number(Decimal("0.1234567890123456"))
    (None, None)
    """
    if not value.is_finite():
        return None
    digits = value.normalize().as_tuple().digits
    if len(digits) > EXCEL_DIGITS:
        return None
    if value == value.to_integral_value():
        whole = int(value)
        return whole if abs(whole) < 1e300 and int(float(whole)) == whole else None
    number = float(value)
    return number if number != 0 or value == 0 else None


def _text_style(text: str, styles: _Styles, wrapped: bool = False):
    if text.startswith(_FORMULA_STARTS):
        return styles.wrapped_quoted if wrapped else styles.quoted
    return styles.wrapped if wrapped else styles.text


def display_width(text: str) -> int:
    """Columns TEXT takes in a spreadsheet: two for a wide (CJK) character.

    >>> display_width("830万人次"), display_width("money")
    (9, 5)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text[:200])


def write_summary(sheet, summary: Summary, styles: _Styles) -> None:
    """Claims per kind, then claims per input and kind, one row each."""
    kinds = [kind for kind, _ in summary.by_kind.most_common()]
    sheet.write_string(0, 0, "kind", styles.header)
    sheet.write_string(0, 1, "claims", styles.header)
    row = 0
    for row, kind in enumerate(kinds, start=1):
        sheet.write_string(row, 0, kind)
        sheet.write_number(row, 1, summary.by_kind[kind])
    row += 1
    sheet.write_string(row, 0, "all", styles.bold)
    sheet.write_number(row, 1, sum(summary.by_kind.values()), styles.bold)
    row += 2
    headers = ["input", "claims", *kinds]
    for column, header in enumerate(headers):
        sheet.write_string(row, column, header, styles.header)
    width = display_width("input")
    for row, (source, counts) in enumerate(summary.by_source.items(), start=row + 1):
        sheet.write_string(row, 0, source, _text_style(source, styles))
        sheet.write_number(row, 1, sum(counts.values()))
        for column, kind in enumerate(kinds, start=2):
            if counts.get(kind):
                sheet.write_number(row, column, counts[kind])
        width = max(width, display_width(source))
    sheet.set_column(0, 0, min(width + 2, _WIDEST))
    sheet.set_column(1, len(headers), 10)


def _write_largest(sheet, summary: Summary, styles: _Styles) -> None:
    headers = ("kind", "value", "unit", "claim", "measure", "input", "line")
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, styles.header)
    row = 0
    for kind, top in summary.largest.items():
        for claim in top:
            row += 1
            size = claim.value if claim.value is not None else claim.high
            sheet.write_string(row, 0, kind.value)
            number = excel_number(size) if size is not None else None
            if number is not None:
                sheet.write_number(row, 1, number)
            elif size is not None:
                sheet.write_string(row, 1, format(size, "f"))
                sheet.write_comment(row, 1, TOO_PRECISE)
            for column, text in ((2, claim.unit), (3, claim.text), (4, claim.measure), (5, claim.source)):
                if text is not None:
                    sheet.write_string(row, column, text, _text_style(text, styles))
            sheet.write_number(row, 6, claim.line)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, 6, 16)


def _write_sums(sheet, summary: Summary, styles: _Styles) -> None:
    """newsfacts summary --sum: the sums of norm_value, one row per kind, unit and period."""
    from .summary import SUM_COLUMNS

    for column, header in enumerate(SUM_COLUMNS):
        sheet.write_string(0, column, header, styles.header)
    for row, (kind, unit, period, count, total) in enumerate(summary.sum_rows(), start=1):
        for column, text in enumerate((kind, unit, period)):
            if text:
                sheet.write_string(row, column, text)
        sheet.write_number(row, 3, count)
        _write_cell(sheet, row, 4, "norm_value", total, styles)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, 4, 16)
