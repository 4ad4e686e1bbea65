"""--format html: the claims shown in their articles, on one self-contained
page (CSS and script inlined; the page's Content-Security-Policy lets it
load nothing at all).

The page is rendered by Jinja2 with autoescaping from templates/. Each
document travels as JSON inside its own <script type="application/json">
(every <, > and & written as a \\u escape, so no text can close the element
or open a comment), and the page's script builds a document's view from it,
with text nodes only, when the document is opened: a corpus of a thousand
documents is a thousand inert blocks of text until then.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import IO, Iterable

import orjson

from ..claim import Claim, Kind
from .writers import cell

# Each kind's hue on the page (its background is a light tint of it, under
# black text) and the short tag written after each of its highlights, so
# that a kind is told by its tag as well as its colour. A bare number is grey.
KIND_STYLE: dict[Kind, tuple[int | None, str]] = {
    Kind.PERCENT: (210, "%"),
    Kind.PERCENTAGE_POINT: (190, "pp"),
    Kind.MONEY: (45, "money"),
    Kind.COUNT: (120, "count"),
    Kind.WEIGHT: (25, "weight"),
    Kind.AREA: (85, "area"),
    Kind.LENGTH: (160, "length"),
    Kind.VOLUME: (240, "volume"),
    Kind.ENERGY: (0, "energy"),
    Kind.POWER: (320, "power"),
    Kind.SPEED: (270, "speed"),
    Kind.TEMPERATURE: (15, "temp"),
    Kind.DURATION: (290, "dur"),
    Kind.AGE: (60, "age"),
    Kind.MULTIPLE: (175, "×"),
    Kind.FRACTION: (225, "frac"),
    Kind.INDEX_POINT: (140, "index"),
    Kind.PRICE: (35, "price"),
    Kind.NUMBER: (None, "num"),
}

# The columns of a claim in a document's JSON, in this order.
COLUMNS = ("start", "end", "text", "value", "sort", "unit", "kind", "qualifier", "change",
           "measure", "time", "entity", "line", "normalised", "currency", "period")


@dataclass
class Document:
    """One input as the page shows it: its whole text and its claims."""

    name: str
    text: str
    claims: list[Claim] = field(default_factory=list)
    base: int = 0  # the offset of the text's first character in the input

    def counts(self) -> Counter[str]:
        return Counter(claim.kind.value for claim in self.claims)


class Report:
    """Documents gathered for one page; a large file read in pieces comes
    back together as one document."""

    def __init__(self, title: str = "newsfacts report") -> None:
        self.title = title
        self.documents: list[Document] = []

    def add(self, name: str, text: str, claims: Iterable[Claim], offset: int = 0) -> None:
        last = self.documents[-1] if self.documents else None
        if last is not None and last.name == name and last.base + len(last.text) == offset:
            last.text += text
            last.claims.extend(claims)
        else:
            self.documents.append(Document(name, text, list(claims), offset))

    def claim_count(self) -> int:
        return sum(len(document.claims) for document in self.documents)

    def write(self, out: IO[str]) -> int:
        """Write the page to OUT; return the number of claims on it."""
        out.write(render(self))
        return self.claim_count()


def render(report: Report) -> str:
    from markupsafe import Markup

    documents = []
    for document in report.documents:
        lang = script_of(document.text)
        documents.append({"name": document.name, "lang": lang, "opening": opening(document.text), "counts": document.counts(),
                          "total": len(document.claims), "json": Markup(script_json(document_data(document, lang)))})
    found = set().union(*(d["counts"] for d in documents))
    kinds = [kind for kind in Kind if kind.value in found]
    langs = Counter(d["lang"] for d in documents)
    style, script = _assets()
    return _environment().get_template("report.html.j2").render(
        title=report.title,
        lang=langs.most_common(1)[0][0] if langs else "zh-Hans",
        documents=documents,
        kinds=kinds,
        claims=report.claim_count(),
        style=Markup(style),
        script=Markup(script),
        policy=policy(style, script),
        tags=Markup(script_json({kind.value: tag for kind, (_, tag) in KIND_STYLE.items()})),
    )


def opening(text: str, length: int = 40) -> str:
    """The first words of TEXT, to tell documents apart in the index.

    >>> opening("\\n\\n  打好党建“组合拳”\\n茶陵县"), opening("一" * 50)[-3:]
    ('打好党建“组合拳”', '一一…')
    """
    for line in text[:2000].splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= length else line[:length] + "…"
    return ""


def document_data(document: Document, lang: str | None = None) -> dict:
    """What the page's script needs of DOCUMENT: its text, and each claim as
    a row of COLUMNS, with offsets in UTF-16 code units (JavaScript's) and
    its value written for reading ("9,000,000,000", "50–500")."""
    to_utf16 = _utf16_offsets(document.text)
    rows = []
    for claim in sorted(document.claims, key=lambda c: (c.start, c.end)):
        start, end = claim.start - document.base, claim.end - document.base
        rows.append([
            to_utf16(start), to_utf16(end), claim.text, readable_value(claim), _sort_key(claim),
            claim.unit, claim.kind.value, _name(claim.qualifier), _name(claim.change),
            claim.measure, claim.time, claim.entity, claim.line,
            readable_normalised(claim), claim.currency, claim.period,
        ])
    return {"name": document.name, "lang": lang or script_of(document.text), "text": document.text, "claims": rows}


def readable_value(claim: Claim) -> str:
    """The claim's value with thousands separators, or its range.

    >>> from decimal import Decimal
    >>> readable_value(Claim(0, 4, "90亿元", Decimal("9E+9"), None, None, "元", Kind.MONEY))
    '9,000,000,000'
    >>> readable_value(Claim(0, 4, "3-5成", None, Decimal("30"), Decimal("50.5"), "%", Kind.PERCENT))
    '30–50.5'
    """
    if claim.value is not None:
        return grouped(cell(claim.value))
    return f"{grouped(cell(claim.low))}–{grouped(cell(claim.high))}"


def readable_normalised(claim: Claim) -> str | None:
    """The normalised value (or range) with thousands separators, and its unit.

    >>> from decimal import Decimal
    >>> readable_normalised(Claim(0, 4, "90亿元", Decimal("9E+9"), None, None, "元", Kind.MONEY,
    ...                           norm_value=Decimal("9E+9"), norm_unit="CNY"))
    '9,000,000,000 CNY'
    """
    if claim.norm_unit is None:
        return None
    if claim.norm_value is not None:
        return f"{grouped(cell(claim.norm_value))} {claim.norm_unit}"
    return f"{grouped(cell(claim.norm_low))}–{grouped(cell(claim.norm_high))} {claim.norm_unit}"


def grouped(number: str) -> str:
    """NUMBER, written in full, with commas between its thousands.

    >>> grouped("-1234567.125"), grouped("999"), grouped("")
    ('-1,234,567.125', '999', '')
    """
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    whole, point, fraction = digits.partition(".")
    if not whole.isdigit():
        return number
    return f"{sign}{int(whole):,}{point}{fraction}"


def script_json(data: object) -> str:
    """DATA as JSON that can sit inside a <script> element: no <, > or &
    appears in it, so no text can end the element (</script>) or open a
    comment (<!--) there.

    >>> script_json({"text": "</script><!--&"})
    '{"text":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = orjson.dumps(data).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_of(text: str) -> str:
    """zh-Hant when TEXT has more traditional-only characters than
    simplified-only ones (OpenCC's character table), zh-Hans otherwise.

    >>> script_of("新台幣兌美元匯率"), script_of("新台币兑美元汇率"), script_of("2024")
    ('zh-Hant', 'zh-Hans', 'zh-Hans')
    """
    traditional, simplified = _script_characters()
    sample = text[:20_000]
    return "zh-Hant" if len(traditional.intersection(sample)) > len(simplified.intersection(sample)) else "zh-Hans"


def policy(style: str, script: str) -> str:
    """The page's Content-Security-Policy: nothing may be loaded, and only
    the page's own style and script (by their hashes) run, so even markup
    that got into the page could neither run nor fetch anything."""
    return (f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(script)}'; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@cache
def _script_characters() -> tuple[frozenset[str], frozenset[str]]:
    from ..core.normalize import _opencc_characters

    table = _opencc_characters()
    traditional = frozenset(chr(code) for code in table)
    return traditional, frozenset(table.values()) - traditional


def _utf16_offsets(text: str):
    """A function from a code-point offset into TEXT to the UTF-16 offset
    of the same place (they differ past a character beyond U+FFFF)."""
    if text.isascii() or max(text) < "\U00010000":
        return lambda offset: offset
    shifts = []
    extra = 0
    for character in text:
        shifts.append(extra)
        if ord(character) > 0xFFFF:
            extra += 1
    shifts.append(extra)
    return lambda offset: offset + shifts[min(max(offset, 0), len(text))]


def _sort_key(claim: Claim) -> float | None:
    size = claim.value if claim.value is not None else claim.high
    if size is None:
        return None
    number = float(size)
    return number if abs(number) != float("inf") else (1e308 if number > 0 else -1e308)


def _name(value: object) -> str | None:
    return None if value is None else str(value)


@cache
def _assets() -> tuple[str, str]:
    """The page's style sheet (with a rule per kind) and script."""
    from importlib import resources

    folder = resources.files("newsfacts.io").joinpath("templates")
    style = folder.joinpath("report.css").read_text(encoding="utf-8")
    rules = "".join(
        f".k-{kind.value}{{--hue:{hue or 0};--sat:{'0%' if hue is None else '75%'}}}"
        f".k-{kind.value}::after{{content:\"{tag}\"}}\n"
        for kind, (hue, tag) in KIND_STYLE.items()
    )
    return style + rules, folder.joinpath("report.js").read_text(encoding="utf-8")


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("newsfacts.io", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_summary(summary) -> str:
    """newsfacts summary --format html: its tables on a page with no script."""
    from markupsafe import Markup

    style, _ = _assets()
    largest = [
        (kind.value, [{"value": readable_value(c) if c.value is not None else grouped(cell(c.high)),
                       "unit": c.unit or "", "text": c.text, "measure": c.measure or "",
                       "where": f"{c.source}:{c.line}"} for c in top])
        for kind, top in summary.largest.items() if top
    ]
    return _environment().get_template("summary.html.j2").render(
        title="newsfacts summary", lang="zh-Hans", kinds=summary.kinds(), rows=summary.rows(),
        claims=sum(summary.by_kind.values()), largest=largest, style=Markup(style),
        sums=[(kind, unit, period, count, grouped(cell(total))) for kind, unit, period, count, total in summary.sum_rows()],
        policy=(f"default-src 'none'; style-src '{_sha256(style)}'; script-src 'none'; img-src 'none'; "
                "base-uri 'none'; form-action 'none'"),
    )
