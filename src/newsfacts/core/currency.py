"""The ISO 4217 code of a money claim's currency (lexicons/currencies.tsv),
and the region a document was written in, which decides what a bare 元 is.

- `currency_of(unit, region, override)`: 美元 -> USD, 港幣 -> HKD,
  US$ -> USD; 元 -> CNY, or HKD / TWD / MOP in a Hong Kong / Taiwan /
  Macao document, or OVERRIDE (the user's --currency) wherever it is given.
- `region_of(text)`: HK, TW, MO, or None for a mainland document or one
  that gives no sign of where it was written.

A region is inferred from what the text shows, strongest first:
1. Who wrote it: a dateline (（中央社記者…台北…電） is Taiwan's news
   agency; 新华社北京3月9日电 and 本报北京12月31日讯 are the mainland's) or
   an amount converted in brackets for the reader ((約2.3億港元) is written
   for readers who count in Hong Kong dollars; 约合人民币… for the
   mainland's). The region the most of these name wins; the mainland's
   means None, whatever places the story is about.
2. Otherwise, what it names (lexicons/region_signals.tsv): places and
   institutions (九龍, 立法會, 台北, 行政院, 澳門), each counted once however
   often written, and in text in traditional script also the words a
   writer of the region uses (本港, 內地 for the mainland, 中華隊, 在台,
   民國九十年) and words of Hong Kong and Taiwan alike (大陸, 兩岸, 北韓),
   which say only "not the mainland". In traditional script 2 points
   decide (one place and one such word, or a region's own word); in
   simplified script, where most mentions are a mainland writer's, 6
   places are needed: 香港 named once, or several times, stays mainland. A
   region must also score at least twice the next one.
Script alone decides nothing: a mainland article in traditional script
with no such words stays None. 【本報訊】 names no region (Hong Kong and
mainland papers both write it) and is not used.
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Final

from . import lexicon
from .normalize import fold

# Codes of currencies.tsv that are not ISO codes (see its header).
LOCAL: Final = "local"
DOLLAR: Final = "dollar"
NONE: Final = "-"

# A region's own currency, and its dollar ($); the mainland's when no region is known.
_LOCAL_CURRENCY: Final = {"HK": "HKD", "TW": "TWD", "MO": "MOP"}
_MAINLAND_CURRENCY: Final = "CNY"
_MAINLAND_DOLLAR: Final = "USD"
_ISO_CODE: Final = re.compile(r"[A-Z]{3}")


def _names() -> dict[str, tuple[str, Fraction]]:
    return {name: (code, Fraction(factor)) for name, code, factor, _note in lexicon.rows("currencies.tsv")}


# Read once: looked up for every money claim.
_NAMES: Final = _names()
# US$ or us$, RMB or rmb; a sign of one letter keeps its case (RM, R$).
_CASELESS: Final = {name.lower(): found for name, found in _NAMES.items() if name.isascii() and len(name) > 2}
_CODES: Final = frozenset(code for code, _factor in _NAMES.values() if _ISO_CODE.fullmatch(code))


def is_code(code: str) -> bool:
    """Whether CODE is the ISO 4217 code of a currency of currencies.tsv.

    >>> is_code("HKD"), is_code("HDK"), is_code("hkd")
    (True, False, False)
    """
    return code in _CODES


def local_currency(region: str | None) -> str:
    """The currency a bare 元 is in a document of REGION.

    >>> local_currency("HK"), local_currency(None)
    ('HKD', 'CNY')
    """
    return _LOCAL_CURRENCY.get(region or "", _MAINLAND_CURRENCY)


def currency_and_factor(unit: str | None, region: str | None = None,
                        override: str | None = None) -> tuple[str, Fraction] | None:
    """The ISO 4217 code of UNIT (a money claim's unit or the sign before
    its number; a price's, 元/平方米, is its numerator's) and how many of
    that currency's main unit one UNIT is; None for a name that is no
    currency or does not say which (比索).

    A bare 元 (圆, 块, and its 角 and 分) is the currency of REGION
    (local_currency), or OVERRIDE where given: the user's --currency, an
    ISO code of three capital letters (ValueError for anything else).
    OVERRIDE changes nothing else: 美元 stays USD. $ is REGION's dollar,
    USD where none is known.

    >>> currency_and_factor("美分"), currency_and_factor("元", "TW")
    (('USD', Fraction(1, 100)), ('TWD', Fraction(1, 1)))
    """
    if override is not None and not _ISO_CODE.fullmatch(override):
        raise ValueError(f"{override!r} is no currency code: give three capital letters, such as HKD")
    if not unit:
        return None
    # ＵＳ＄ and US$ alike: NFKC takes full-width signs to their ASCII forms.
    name = unicodedata.normalize("NFKC", "".join(fold(unit).split()))
    found = _NAMES.get(name) or _CASELESS.get(name.lower())
    if found is None and "/" in name:
        return currency_and_factor(name.partition("/")[0], region, override)  # a price: 元/平方米, 美元/桶
    if found is None:
        upper = name.upper()
        return (upper, Fraction(1)) if upper in _CODES else None  # USD 5, cny
    code, factor = found
    if code == LOCAL:
        code = override or local_currency(region)
    elif code == DOLLAR:
        code = _LOCAL_CURRENCY.get(region or "", _MAINLAND_DOLLAR)
    elif code == NONE:
        return None
    return code, factor


def currency_of(unit: str | None, region: str | None = None, override: str | None = None) -> str | None:
    """The ISO 4217 code of a money claim whose unit is UNIT, in a document
    of REGION (region_of), with the user's --currency OVERRIDE for a bare 元.

    >>> currency_of("港幣"), currency_of("元"), currency_of("元", "HK"), currency_of("元", "HK", "USD")
    ('HKD', 'CNY', 'HKD', 'USD')
    >>> currency_of("新台幣"), currency_of("日圓"), currency_of("比索"), currency_of("公斤")
    ('TWD', 'JPY', None, None)
    >>> currency_of("元/平方米", "HK"), currency_of("美元/桶"), currency_of("公里/小时")
    ('HKD', 'USD', None)
    """
    found = currency_and_factor(unit, region, override)
    return None if found is None else found[0]


def currency_of_prefix(prefix: str, region: str | None = None) -> str | None:
    """The ISO 4217 code of a currency written before a number: a sign
    (US$5, HK$, NT$, ￥120, €, £, $ as REGION's dollar), a code (USD 5) or
    a name (港幣3.14). Spaces around it do not matter; --currency does
    not apply, since a sign or name says which currency it is.

    >>> currency_of_prefix("US$"), currency_of_prefix("￥"), currency_of_prefix("$", "HK"), currency_of_prefix("港幣")
    ('USD', 'CNY', 'HKD', 'HKD')
    """
    return currency_of(prefix.strip(), region)


def is_bare(unit: str | None) -> bool:
    """Whether UNIT (a price's: its numerator) names no currency of its own:
    元, 块, 角 are the document's currency, whichever that is.

    >>> is_bare("元"), is_bare("万元/平方米"[1:]), is_bare("美元"), is_bare("US$"), is_bare(None)
    (True, True, False, False, False)
    """
    if not unit:
        return False
    name = unicodedata.normalize("NFKC", "".join(fold(unit).split()))
    found = _NAMES.get(name) or _CASELESS.get(name.lower())
    if found is None and "/" in name:
        return is_bare(name.partition("/")[0])
    return found is not None and found[0] == LOCAL


# 港币3.14元, 人民币约3亿元, RMB 300元: a name of word_lists.tsv (the
# common currencies: 福林 and 兰特 end personal names as often) right before
# the number, or a qualifier before it, a space at most between them.
_NAMES_AROUND: Final = lexicon.alternation(lexicon.word_list("currency_names_before"))
_NAME_BEFORE: Final = re.compile("(?:" + _NAMES_AROUND + r")[ \u3000]?(?:约|近|逾|超过|超|达|共)?\Z")
_LONGEST_PREFIX: Final = 12
# 120元人民币, 3亿元港币: the name right after a bare 元.
_NAME_AFTER: Final = re.compile(_NAMES_AROUND)


def currency_before(folded: str, position: int, region: str | None = None) -> str | None:
    """The ISO 4217 code of a currency named right before POSITION in
    FOLDED (the start of a money claim's number), or None.

    >>> currency_before("售价港币3.14元", 4), currency_before("人民币约3亿元", 4), currency_before("收入3亿元", 2)
    ('HKD', 'CNY', None)
    """
    window = folded[max(0, position - _LONGEST_PREFIX) : position]
    match = _NAME_BEFORE.search(window)
    if match is None:
        return None
    name = match.group().rstrip(" \u3000约近逾超过达共")
    return currency_of_prefix(name, region)


def currency_after(folded: str, position: int, region: str | None = None) -> str | None:
    """The ISO 4217 code of a currency named right at POSITION in FOLDED
    (the end of a money claim whose unit is a bare 元), or None.

    >>> currency_after("每公斤120元人民币的春茶", 7), currency_after("收入3亿元，人民币", 5)
    ('CNY', None)
    """
    match = _NAME_AFTER.match(folded, position)
    return None if match is None else currency_of_prefix(match.group(), region)


# --- where the document was written -------------------------------------

MAINLAND: Final = "CN"  # a dateline or conversion of the mainland's; region_of gives None for it


def _signals() -> dict[str, tuple[tuple[str, str], ...]]:
    """Word -> ((region, tier), ...) for every row of region_signals.tsv."""
    found: dict[str, list[tuple[str, str]]] = {}
    for word, region, tier in lexicon.rows("region_signals.tsv"):
        found.setdefault(word, []).append((region, tier))
    return {word: tuple(pairs) for word, pairs in found.items()}


_SIGNALS: Final = _signals()
_SIGNAL_WORDS: Final = re.compile(lexicon.alternation(_SIGNALS))

_NUMBER: Final = r"[\d.,，万亿千百十〇零一二三四五六七八九两余多]+"
_DAY: Final = r"(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日"
# Who wrote it. （中央社記者王小明台北二十五日電）: Taiwan's news agency's
# dateline (a mention of 中央社 elsewhere is only a source quoted).
_TAIWAN_AGENCY: Final = re.compile(rf"中央社(?:记者)?[^）)\n]{{0,12}}?{_DAY}电")
# 新华社北京3月9日电, 本报北京2000年12月31日讯: the mainland's agencies and papers.
_MAINLAND_DATELINE: Final = re.compile(
    rf"(?:新华社|中新社|本报)[\u4e00-\u9fff]{{2,4}}(?:\d{{4}}年)?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月{_DAY}(?:电|讯)")
# （約2.3億港元）, 约合人民币3亿元, 折合新台币…: an amount converted for the reader.
_CONVERSION_CURRENCIES: Final = {"港元": "HK", "港币": "HK", "新台币": "TW", "台币": "TW", "澳门币": "MO",
                                 "澳门元": "MO", "葡币": "MO", "人民币": MAINLAND}
_CURRENCY_NAMES: Final = lexicon.alternation(_CONVERSION_CURRENCIES)
_CONVERSION: Final = re.compile(
    rf"(?:[（(]约合?|约合|折合)(?P<before>{_CURRENCY_NAMES})?{_NUMBER}(?P<after>{_CURRENCY_NAMES})?")
# What a Taiwan writer calls the island: 在台, 来台, 访台 (but not 在台上, on a
# stage, 台下, 台前, 台词, 台球, 台灯, 台账, nor the 台风 that 颱風 folds to).
_TAIWAN_SHORT: Final = re.compile(r"(?:在|来|访|赴|返|抵|离|驻)台(?![上下风前阶面词球灯账历柱])")
# 民國九十年, 民國86年: the ROC calendar.
_ROC_YEAR: Final = re.compile(r"民国(?:\d{1,3}|[一二三四五六七八九十百]{1,4})年")

_TRADITIONAL_ENOUGH: Final = 2  # points a region needs in traditional script
_SIMPLIFIED_ENOUGH: Final = 6  # ... and in simplified script: places only
_PLACE: Final = 1  # points for a place named
_VIEWPOINT: Final = 2  # ... and for a word of the region's writers
_OUTSIDE: Final = "outside"


def region_of(text: str, folded: str | None = None) -> str | None:
    """HK, TW or MO where TEXT shows it was written in Hong Kong, Taiwan or
    Macao; None for a mainland text or one that does not say (see the
    module's docstring for the signals and how they are weighed). FOLDED
    is fold(TEXT), where the caller has it already.

    >>> region_of("本港失業率3.1%，港府稱…"), region_of("台北市民平均每天上網3小時，行政院表示…")
    ('HK', 'TW')
    >>> region_of("全县GDP增长5%，香港客商投资2亿元"), region_of("")
    (None, None)
    """
    folded = fold(text) if folded is None else folded
    publisher = _publishers(folded)
    if publisher:
        leader = _leader(publisher)
        if leader is not None:
            return None if leader == MAINLAND else leader
    words = set(_SIGNAL_WORDS.findall(folded))
    if not words and _TAIWAN_SHORT.search(folded) is None and _ROC_YEAR.search(folded) is None:
        return None  # most mainland texts: nothing to weigh, and the script need not be counted
    traditional = is_traditional(text)
    scores: dict[str, int] = {}
    outside = 0
    for word in words:
        for region, tier in _SIGNALS[word]:
            if tier == "viewpoint" and not traditional:
                continue  # 内地 is inland to a mainland writer, 本港 this port
            if region == _OUTSIDE:
                outside += _VIEWPOINT
            else:
                scores[region] = scores.get(region, 0) + (_VIEWPOINT if tier == "viewpoint" else _PLACE)
    if traditional:
        for pattern in (_TAIWAN_SHORT, _ROC_YEAR):
            if pattern.search(folded):
                scores["TW"] = scores.get("TW", 0) + _VIEWPOINT
    leader = _leader(scores)
    if leader is None:
        return None
    enough = _TRADITIONAL_ENOUGH if traditional else _SIMPLIFIED_ENOUGH
    total = scores[leader] + (outside if traditional else 0)
    return leader if total >= enough else None


def _publishers(folded: str) -> dict[str, int]:
    """Region -> how many datelines and conversions of that region FOLDED has."""
    found: dict[str, int] = {}
    if _TAIWAN_AGENCY.search(folded):
        found["TW"] = 1
    if _MAINLAND_DATELINE.search(folded):
        found[MAINLAND] = 1
    for match in _CONVERSION.finditer(folded):
        name = match.group("before") or match.group("after")
        if name:
            region = _CONVERSION_CURRENCIES[name]
            found[region] = found.get(region, 0) + 1
    return found


def _leader(scores: dict[str, int]) -> str | None:
    """The region of SCORES with at least twice the points of any other, if one has."""
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def is_traditional(text: str) -> bool:
    """Whether TEXT has more characters found only in traditional script
    (國, 這, 們) than characters found only in simplified script (国, 这,
    们); characters both scripts share (台, 中, 人) do not count.

    >>> is_traditional("蒲公英蹂躪台灣"), is_traditional("台湾"), is_traditional("2023")
    (True, False, False)
    """
    # Each script's own characters turned into a mark of its own, every
    # other character taken out, and the marks counted, all in C: counting
    # every character (collections.Counter) cost a tenth of extracting a
    # Hong Kong or Taiwan article.
    marked = text.translate(_script_marks())
    return marked.count(_TRADITIONAL_MARK) > marked.count(_SIMPLIFIED_MARK)


_TRADITIONAL_MARK: Final = "T"
_SIMPLIFIED_MARK: Final = "S"


@cache
def _script_marks() -> tuple[str | None, ...]:
    """A str.translate table (by code point, as normalize's) that turns the
    characters of traditional script only into _TRADITIONAL_MARK, those of
    simplified script only into _SIMPLIFIED_MARK, and takes out the rest
    (T and S too: they are below the table's end, as every character of
    either script is). A tuple of None and two strings: small, and the
    garbage collector does not walk it."""
    traditional_only, simplified_only = _script_characters()
    table: list[str | None] = [None] * (max(map(ord, traditional_only | simplified_only)) + 1)
    for ch in traditional_only:
        table[ord(ch)] = _TRADITIONAL_MARK
    for ch in simplified_only:
        table[ord(ch)] = _SIMPLIFIED_MARK
    return tuple(table)


@cache
def _script_characters() -> tuple[frozenset[str], frozenset[str]]:
    """The characters OpenCC writes only in traditional script, and those it
    writes only in simplified script (国 is 國 in traditional; 台 is both)."""
    folder = resources.files("opencc").joinpath("dictionary")
    traditional: set[str] = set()
    for line in folder.joinpath("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and source not in targets.split(" "):
            traditional.add(source)
    simplified: set[str] = set()
    for line in folder.joinpath("STCharacters.txt").read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and source not in targets.split(" "):
            simplified.add(source)
    # A character that is each script's form of something (乾 of 乾隆, 干 of
    # 乾燥) says nothing about the script.
    both = traditional & simplified
    return frozenset(traditional - both), frozenset(simplified - both)
