"""What a quantity measures (ANNOTATION.md `measure`): a short phrase
copied from its sentence, before the number (旅游收入90余亿元), or after it
for counts and sizes (3000余家注册网店); lent by the sentence's previous
figure to a bare rate (增加值4745.61亿元，同比增长44.6%); and shared out
item by item over a list (饮料类、烟酒类商品零售分别增长68.6%和46.3%).

Phrases are Spans of the folded text; jieba's dictionary tags tell nouns
from verbs (segment.py), only in the few words next to the number.
"""
from __future__ import annotations

from functools import cache
from typing import Final

import re

from .. import lexicon, segment
from ...claim import Kind
from ..numerals import INNER_CLASSES, is_han
from ..quantities import Quantity
from ..sentences import CLAUSE_MARKS, Sentence
from ..spans import Span
from . import change
from .times import SentenceTimes, past_words

# Counts and sizes name their noun after them (3000余家注册网店); money and
# rates name it before (旅游收入90余亿元), and take one after only failing that.
_NOUN_FIRST: Final = frozenset({Kind.COUNT, Kind.WEIGHT, Kind.AREA, Kind.VOLUME, Kind.DURATION, Kind.AGE})
# 1.7%的两年平均增速 names its measure after 的; a bare rate names none after it.
_COUNTS: Final = frozenset({Kind.COUNT})
_NO_NOUN_AFTER: Final = frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MULTIPLE, Kind.FRACTION, Kind.INDEX_POINT})
# 79%的毕业生想立即工作, 三成的村民选择外出务工: a share of those who do what follows.
_SHARES: Final = frozenset({Kind.PERCENT, Kind.FRACTION})
_INDEX_POINT: Final = Kind.INDEX_POINT  # read once: compiled, Kind.X is looked up on the class each time
_LONGEST_SHARE: Final = 16
_LONGEST_MODIFIER: Final = 10  # characters before 的 that still modify a measure
# A duration or age (两年平均增长) does not lend its measure to the next number.
_OWN_MEASURE: Final = frozenset({Kind.DURATION, Kind.AGE})
# Rates and multiples borrow the measure of any figure before them.
_BORROWERS: Final = frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MULTIPLE})
_LIST_CLAUSE_MARKS: Final = CLAUSE_MARKS.replace("、", "")
_LIST_JOINERS: Final = lexicon.characters("list_joiners")
_NOUN_JOINERS: Final = frozenset(_LIST_JOINERS) | {"以及"}  # fold has made 與 与
_HEAD_MODIFIERS: Final = frozenset(lexicon.word_list("head_modifiers"))  # 累计增速, 平均增速  # besides 、: 汽车、电气和电力
# What may open a clause before what it says: 但, 同时, 据悉; 他, 其, 该.
_CLAUSE_OPENERS: Final = tuple(sorted(set(lexicon.word_list("subject_openers")) | set(lexicon.word_list("clause_openers")),
                                      key=len, reverse=True))
_COMPARISON_OPENERS: Final = frozenset("比较")
_QUOTES: Final = "“”‘’「」『』"
_PARTNER: Final = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_OPENING_OF: Final = {closing: opening for opening, closing in _PARTNER.items()}
_CLOSING_QUOTES: Final = frozenset(_OPENING_OF)
_PHRASE_MARKS: Final = "".join(ch for ch in CLAUSE_MARKS if ch not in _QUOTES)
_CLAUSE_COMMAS: Final = frozenset("，,")
_COPULAS: Final = frozenset("为為是")
_YEAR_ON_YEAR: Final = tuple(lexicon.word_list("period_comparisons"))
_RANGE_JOINERS: Final = frozenset(lexicon.characters("range_joiners"))
_COMPLEMENTS: Final = frozenset("于於到")
# 比2019年同期增长: what follows 比 is the base of a comparison.
_COMPARISON: Final = re.compile(
    rf"(?<![{lexicon.characters('not_comparison_before_bi')}])比(?![{lexicon.characters('not_comparison_after_bi')}])"
    rf"|较(?![{lexicon.characters('not_comparison_after_jiao')}])")


def _tags(name: str) -> frozenset[str]:
    return frozenset(lexicon.word_list(name))


_NOUNISH: Final = _tags("tags_in_measure")
_TRAILING_SKIP: Final = _tags("tags_before_number")
_NOUN_AFTER: Final = _tags("tags_in_measure_after")
_FUNCTION_TAGS: Final = _tags("tags_ending_measure_after")


@cache
def _edge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words trimmed from the tail (next to the number) and the head of a phrase."""
    tail = {w for w, end in lexicon.rows("measure_edges.tsv") if end == "tail"}
    # 降幅比去年同期扩大: 降幅 and 增幅 name what changed; keep them.
    tail |= {row[0] for row in lexicon.rows("change_verbs.tsv") if not row[0].endswith("幅")}
    tail |= {row[0] for row in lexicon.rows("qualifiers.tsv")}
    tail |= set(INNER_CLASSES)
    # 营收达新台币5467亿元: a currency named before the number is its unit's.
    tail |= set(lexicon.word_list("currency_names_before"))
    head = {w for w, end in lexicon.rows("measure_edges.tsv") if end == "head"}
    return frozenset(tail), frozenset(head)


@cache
def _nominal_verbs() -> frozenset[str]:
    return lexicon.words("nominal_verbs.txt")


@cache
def _level_words() -> frozenset[str]:
    return frozenset(w for w, end in lexicon.rows("measure_edges.tsv") if end == "level")


@cache
def _longest_tail() -> int:
    tail, _ = _edge_words()
    return max(map(len, tail))


@cache
def _after_skip() -> re.Pattern[str]:
    """What may stand between a number and the noun after it: 以上的, 多“."""
    words = lexicon.alternation(lexicon.word_list("before_noun_after_number"))
    return re.compile(rf"{words}?(?:的)?[“「『]?")


@cache
def _after_skip_first() -> frozenset[str]:
    return frozenset(word[0] for word in lexicon.word_list("before_noun_after_number")) | set("的“「『")


def of(folded: str, q: Quantity, sentence: Sentence, floor: int, times: SentenceTimes,
       markets: list[Span]) -> Span | None:
    """What Q measures in SENTENCE; the phrase before it starts no earlier
    than FLOOR (the end of the previous claim). TIMES are the sentence's
    time expressions, which no phrase takes in; MARKETS its stock markets
    and indices (entities), what index points measure (上证指数又行至3500点)."""
    if q.kind in _NOUN_FIRST or _modifies_noun_after(folded, q):
        found = _after(folded, q, sentence) or _before(folded, q, sentence, floor, times)
    else:
        found = _before(folded, q, sentence, floor, times) or _after(folded, q, sentence)
    found = found or _clause_before(folded, q, sentence, floor, times)
    if found is not None and _names_the_change_only(folded, found, times):
        found = None  # 从500人增至1200人: 1200人 measures what 500人 does
    if q.kind is _INDEX_POINT:
        index = [span for span in markets if span.end <= q.start]
        if index and not (found and any(found.start <= span.start and span.end <= found.end for span in index)):
            return index[-1]  # 上证指数又行至3500点: the index, not 行; 上证指数收盘于… stays
    return found


def _names_the_change_only(folded: str, found: Span, times: SentenceTimes) -> bool:
    """Whether FOUND is a change verb reaching a level, with at most a time
    and 的 after it (增至, 提高到2023年的): the number after it is the level
    reached by what the sentence has named already, not a phrase of its own."""
    at = change.reaching_end(folded, found.start, found.end)
    if at == found.start:
        return False
    for span in times.every_span(found.end):
        if span.start <= at < span.end or span.start == at:
            at = max(at, span.end)
    return folded[at : found.end] in ("", "的")


def with_name_before(folded: str, phrase: Span, name: Span) -> Span:
    """PHRASE with the NAME of what the claim is about when it stands right
    before it, as one phrase: what a figure of a port, a firm or a region
    measures is that one's (三峡枢纽通过量9062万吨, 东北地区商品房销售面积,
    曾毓群的身价); the name stays the claim's entity too."""
    if name.end <= phrase.start and folded[name.end : phrase.start] in ("", "的"):
        return Span(name.start, phrase.end)
    return phrase


def _modifies_noun_after(folded: str, q: Quantity) -> bool:
    """50到150厘米的风暴增水, 4万元以上的经济收入, 每小时15公里左右的速度:
    a figure joined by 的 to the noun after it says how much of that."""
    skip = _AFTER_SKIP.match(folded, q.end)
    return skip is not None and "的" in skip.group() and q.kind not in _SHARES


def lender(kinds_before: list[Kind], kind: Kind) -> int | None:
    """Which of the sentence's earlier figures (of KINDS_BEFORE) lends its
    measure to a figure of KIND that has none: the last one (增加值4745.61亿元，
    同比增长44.6% shares 增加值; 交易性金融资产同比增长107%，达到472.5亿元 and
    船舶垃圾63.5万艘次、5005吨 too); a duration such as 两年 neither lends nor borrows."""
    return last_lender(kinds_before) if borrows(kind) else None


def borrows(kind: Kind) -> bool:
    """Whether a figure of KIND with no measure may take another's: 两年平均增长,
    a duration, measures time, nothing it could borrow."""
    return kind not in _OWN_MEASURE


def last_lender(kinds: list[Kind]) -> int | None:
    """The last of figures of KINDS that lends its measure, or None."""
    for index in range(len(kinds) - 1, -1, -1):
        if kinds[index] not in _OWN_MEASURE:
            return index
    return None


def list_items(folded: str, sentence: Sentence, position: int) -> list[tuple[Span, Span | None]] | None:
    """汽车、电气和电力累计增速分别为…: the measures of a list of figures
    that starts at POSITION, one per item, each an item and the list's
    head word to add to it (汽车+增速, 电气+增速, 电力累计增速); None
    without such a list."""
    start = position
    while start > sentence.start and folded[start - 1] not in _LIST_CLAUSE_MARKS:
        start -= 1
    end = _trim_tail(folded, start, position)
    cuts = [start - 1]
    for at in range(start, end):
        ch = folded[at]
        if ch == "、" or (ch in _LIST_JOINERS and not _inside_word(folded, at)):
            cuts.append(at)
    cuts.append(end)
    # The first item may open with a verb (实现饮料类); the others are bare.
    first = _noun_tail(folded, segment.words_before(folded, cuts[0] + 1, cuts[1]), cuts[0] + 1, cuts[1])
    # ... and ends at its mark, whatever its last word is (金银珠宝类、: 类 too).
    spans = [Span(first.start, cuts[1]) if first is not None else None]
    spans += [Span(a + 1, b) if b > a + 1 else None for a, b in zip(cuts[1:], cuts[2:])]
    present = [span for span in spans if span is not None]
    if len(present) < 2 or len(present) != len(spans):
        return None
    # What the items other than the last end with, as written before their marks.
    endings = {folded[cut - 1] for cut in cuts[1:-1]}
    head = _list_head(folded, present[-1], endings)
    return [(span, head) for span in present[:-1]] + [(present[-1], None)]


def _list_head(folded: str, last: Span, endings: set[str]) -> Span | None:
    """The head a list's items share, written after the LAST one: where the
    other items end alike (ENDINGS holds one character), what follows that
    ending in the last (金银珠宝类、体育娱乐用品类、通讯器材类商品零售 ->
    商品零售); else the last word, with the noun before it when it is a
    verb read as a noun (纺织服装、家用电力器具制造投资 -> 投资; 饮料、烟酒商品零售 -> 商品零售)."""
    if len(endings) == 1:
        at = folded.rfind(next(iter(endings)), last.start, last.end - 1)
        if at >= 0:
            return Span(at + 1, last.end)
    words = segment.words_before(folded, last.start, last.end)
    if len(words) < 2:
        return None
    take = 2 if len(words) > 2 and words[-1].tag == "v" and words[-2].tag.startswith("n") else 1
    while take < len(words) - 1 and words[-take - 1].text in _HEAD_MODIFIERS:
        take += 1  # 汽车、电气和电力累计增速 -> 累计增速
    return Span(words[-take].start, last.end)


def _before(folded: str, q: Quantity, sentence: Sentence, floor: int, times: SentenceTimes) -> Span | None:
    floor = max(sentence.start, floor)
    start = _clause_start(folded, floor, q.start)
    end = _trim_tail(folded, start, q.start)
    if folded[q.start - 1 : q.start] in _CLOSING_BRACKETS:
        # 固定资产投资（不含农户）419409亿元: what it measures stands before the aside.
        opening = _before_aside(folded, floor, q.start)
        if opening < q.start:
            start = _clause_start(folded, floor, opening)
            end = _trim_tail(folded, start, opening)
    if end == start < q.start and start - 1 > floor and folded[q.start - 1] in _COPULAS:
        # 最大的是手续费及佣金净收入，为24.41亿元, 利息净收入（以两融业务为主）则为9.6亿元:
        # a clause of 为 alone names what it gives in the clause before, or before the aside.
        before = _before_aside(folded, floor, start)
        if before == start and folded[start - 1] in _CLAUSE_COMMAS:
            before = start - 1
        if before < start:
            start = _clause_start(folded, floor, before)
            end = _trim_tail(folded, start, before)
    # Both words of comparison are rare: look for them before calling the pattern.
    has_comparison = folded.find("比", start, end) >= 0 or folded.find("较", start, end) >= 0
    compared = _COMPARISON.search(folded, start, end) if has_comparison else None
    if compared:
        end = _trim_tail(folded, start, compared.start())
    for span in times.every_span(end):
        if start <= span.start < end and span.end <= end:
            if span.start > start and folded[span.end : end].strip("的") == "":
                end = span.start  # 贫困发生率由2014年的12.6%: the measure stands before the time
            else:
                start = max(start, span.end)  # 1-3月全国商品房销售面积: after it
    if start >= end:
        return None
    compared_yearly = folded.startswith(_YEAR_ON_YEAR, end)
    found = _noun_tail(folded, segment.words_before(folded, start, end), start, end, compared_yearly)
    if found is None:
        return None
    return _with_modifier(folded, _from_word_start(folded, found, start), start)


def _with_modifier(folded: str, found: Span, start: int) -> Span:
    """FOUND with what modifies it through 的, back to the start of the
    clause (房企购置土地的平均价格, 首次發生性行為的年齡): without it the
    phrase names any price or any age. Only a modifier of a few words;
    one that holds another 的 is a clause of its own."""
    if found.start - 1 <= start or folded[found.start - 1] != "的":
        return found
    opening = past_words(folded, start, found.start - 1, _CLAUSE_OPENERS)
    modifier = folded[opening : found.start - 1]
    if not 2 <= len(modifier) <= _LONGEST_MODIFIER or "的" in modifier or folded[opening] in _COMPARISON_OPENERS:
        return found
    return _from_word_start(folded, Span(opening, found.end), start)  # 从|事龙虾: 从事 is one word


def _from_word_start(folded: str, found: Span, start: int) -> Span:
    """FOUND from the start of the word it opens inside. Reading words
    from the right takes the longest word at each step, which can swallow
    the last character of the word before (三峡枢纽通过量 -> 通|过量,
    交易性金融资产 -> 交|易性…); jieba's most probable path does not
    (通过|量, 交易|性), so the phrase starts where that word does."""
    if found.start == start or not segment.word_across(folded, found.start, start, found.end):
        return found  # no word of the dictionary holds both sides: a cut on any path
    cuts = segment.best_path_cuts(folded, start, found.end)
    if found.start in cuts:
        return found
    opening = max(cut for cut in cuts if cut < found.start)
    return Span(opening, found.end)


_CLOSING_BRACKETS: Final = frozenset("）)")


def _before_aside(folded: str, start: int, end: int) -> int:
    """END moved before an aside in brackets that closes there
    (利息净收入（以两融业务为主）则为9.6亿元 -> 利息净收入)."""
    if end > start and folded[end - 1] in "）)":
        opening = max(folded.rfind("（", start, end), folded.rfind("(", start, end))
        if opening >= start:
            return opening
    return end


def _clause_before(folded: str, q: Quantity, sentence: Sentence, floor: int, times: SentenceTimes) -> Span | None:
    """Failing a noun phrase, the words of the clause before the number
    that say what it is (他身高185公分, 新车生产准备周期至少缩短20%, 占地700亩):
    without its time, its openers and pronouns, and the words next to the
    number (达, 为); none when the clause is a comparison (比2019年1-3月份)."""
    start = q.start
    while start > max(sentence.start, floor) and folded[start - 1] not in _PHRASE_MARKS:
        start -= 1
    end = _trim_tail(folded, start, q.start)
    for span in times.every_span(end):
        if span.start <= start < span.end or (start <= span.start and span.end <= end and span.start - start <= 1):
            start = max(start, span.end)
    start = past_words(folded, start, end, _CLAUSE_OPENERS)
    if end - start < 2 or folded[start] in _COMPARISON_OPENERS or folded[start:end].isascii():
        return None
    return Span(start, end)


def _inside_word(folded: str, at: int) -> bool:
    """Whether the character at AT belongs to a two-character word (普及率, 以及)."""
    return segment.is_word(folded[at - 1 : at + 1]) or segment.is_word(folded[at : at + 2])


def _trim_tail(folded: str, start: int, end: int) -> int:
    """END moved left past change verbs, qualifiers and fillers (同比增长, 达):
    to the furthest point from which the rest is a run of such words.

    Read from the right, a point counts when a word leads from it to a
    point that counts; a longest word's length of points in a row that do
    not count means none further left can.
    """
    tails, _ = _EDGE_WORDS
    longest = _LONGEST_TAIL
    # reached[END - P]: whether such words lead from P to END. A list grown
    # one point at a time, not a set: compiled, a set boxes and hashes each point.
    reached = [True]
    trimmed = end
    position = end - 1
    while position >= start and trimmed - position <= longest:
        counts = False
        for length in range(1, min(longest, end - position) + 1):
            if reached[end - position - length] and folded[position : position + length] in tails:
                counts = True
                trimmed = position
                break
        reached.append(counts)
        position -= 1
    return trimmed


def _clause_start(folded: str, floor: int, position: int) -> int:
    start = position
    # 水上交通事故“四项指标”同比下降: a quoted term is part of the phrase.
    while start > floor and folded[start - 1] not in _PHRASE_MARKS:
        start -= 1
    # 汽车、电气、电子和电力累计增速: the last item of a list heads the phrase.
    # Without a 、 two nouns joined are one phrase (卫生和社会工作增长21.3%).
    if folded.find("、", start, position) < 0:
        return start
    for joiner in _LIST_JOINERS:
        at = folded.rfind(joiner, start, position)
        if start < at < position - 2 and not _inside_word(folded, at):  # 普及率 and 以及 are not lists
            start = at + 1
    return start


def _noun_tail(folded: str, words: list[segment.Word], start: int, end: int, compared: bool = False) -> Span | None:
    """The longest run of noun-like words that ends at END, or just before
    a verb or preposition there (新台币汇率昨日以三四.九九八元开盘).
    WORDS are those of START..END. COMPARED: the phrase is what 同比 or
    环比 compares, so a verb that ends it names the quantity
    (酒店预订同比涨超200%)."""
    _, heads = _EDGE_WORDS
    whole, whole_end = words, end
    for _ in range(2):
        if len(words) > 1 and (words[-1].tag in _TRAILING_SKIP
                               or (words[-1].tag == "v" and not _nominal(words[-1], compared))):
            end = words[-1].start
            words = words[:-1]
    first = _run_start(words, compared)
    if first < len(words) and end - words[first].start < 2 and len(whole) > len(words) and whole[len(words)].tag == "v":
        # 年化回报为78.91%: where a phrase of one character would be left, the verb names the figure.
        words, end = whole, whole_end
        first = _run_start(words, compared, whole[-1])
    if 0 < first < len(words) and _acting_on(words, first - 1):
        first -= 1  # 年接待游客830万人次, 新增市场主体1.57万户: what was done to the things counted
    while first < len(words) and words[first].text in heads:
        first += 1
    if first >= len(words):
        return None
    start = words[first].start
    if folded[start] in _QUOTES or folded[end - 1] in _QUOTES:
        return _without_stray_quotes(folded, start, end)
    return Span(start, end)


def _nominal(word: segment.Word, compared: bool) -> bool:
    """Whether WORD, a verb by its tag, names a thing here (收入, 增速; any
    verb of two characters in what 同比 COMPARED)."""
    return word.text in _NOMINAL_VERBS or (compared and word.tag == "v" and len(word.text) > 1)


def _run_start(words: list[segment.Word], compared: bool, head: segment.Word | None = None) -> int:
    """Where the run of noun-like words that ends WORDS starts; HEAD, where
    given, counts as a noun (the verb that names the figure)."""
    first = len(words)
    # 餐饮收入, 电力累计增速: jieba tags the head as a verb; after a noun it is one.
    verbs = 0
    while verbs < 2 and first - verbs > 1 and (words[first - verbs - 1] is head
                                               or _nominal(words[first - verbs - 1], compared)):
        verbs += 1
    first -= verbs
    while first > 0:
        if _nounish(words[first - 1]) or _modifying_verb(words, first - 1):
            first -= 1
        elif first < len(words) and words[first - 1].text in _HEAD_MODIFIERS and words[first - 1].text not in _YEAR_ON_YEAR:
            first -= 1  # 累计装车量, 日均成交额: a word of how it is counted belongs to the head
        elif first > 1 and words[first - 1].text in _NOUN_JOINERS and _nounish(words[first - 2]):
            first -= 2  # 文化体育和娱乐业投资, 卫生和社会工作: two nouns joined are one phrase
        else:
            break
    return first


def _without_stray_quotes(folded: str, start: int, end: int) -> Span | None:
    """START..END less a quote mark at either edge that its partner does not
    follow or precede inside the phrase (「紅利 -> 紅利, “四项指标” stays)."""
    text = folded[start:end]
    while text and (text[0] in _CLOSING_QUOTES or (text[0] in _PARTNER and _PARTNER[text[0]] not in text)):
        start, text = start + 1, text[1:]
    while text and (text[-1] in _PARTNER or (text[-1] in _CLOSING_QUOTES and not any(o in text for o in _OPENING_OF[text[-1]]))):
        end, text = end - 1, text[:-1]
    return Span(start, end) if text else None


def _acting_on(words: list[segment.Word], at: int) -> bool:
    """Whether the word at AT is a verb done to the noun after it that opens
    its clause (接待游客, 引进项目), not one linking a subject to its figure (实现)."""
    word = words[at]
    if word.tag != "v" or len(word.text) < 2 or word.text in _EDGE_WORDS[0] or word.text[-1] in _COMPLEMENTS:
        return False  # 高于全国, 受到日圆汇率: a verb with 于 or 到 compares or undergoes, it does nothing to a thing
    return at == 0 or words[at - 1].tag in ("ns", "nt", "t", "m")


def _modifying_verb(words: list[segment.Word], at: int) -> bool:
    """人均可支配收入, 稳定务工岗位: a verb between nouns modifies the head."""
    word = words[at]
    return word.tag == "v" and len(word.text) > 1 and at > 0 and _nounish(words[at - 1]) and words[at - 1].tag != "ns"


def _nounish(word: segment.Word) -> bool:
    if word.tag == "ns":
        return False  # a place opens the phrase: 攸县卫生厕所普及率
    if word.text.isascii():
        # ICU病床, A股市场, PC端: a name in Latin letters is part of the phrase; digits are not.
        return word.text.isalnum() and not word.text.isdigit()
    return word.tag in _NOUNISH or (len(word.text) == 1 and word.text in _QUOTES)


def _share_of(folded: str, start: int, end: int, noun_first: bool = False) -> Span | None:
    """79%的毕业生想立即工作: a share of those who do something is the
    whole clause after 的, up to its mark (at most _LONGEST_SHARE characters)."""
    stop = start
    while stop < end and stop - start < _LONGEST_SHARE and folded[stop] not in _PHRASE_MARKS:
        stop += 1
    if stop - start < 2 or (stop < end and folded[stop] not in _PHRASE_MARKS):
        return None  # nothing, or a clause too long to be a phrase: the usual rules
    words = [word for word in segment.words_after(folded, start, stop) if word.text not in _QUOTES]
    if not words or words[0].tag == "v" or not any(word.tag == "v" for word in words[1:]):
        return None  # 38.6%的增长, 5.5%的平均增速基础上: no one doing anything
    if noun_first and not words[0].tag.startswith("n"):
        return None  # 下降5%以上, 增长20%达到: with no 的, only a noun opens the share
    return _without_stray_quotes(folded, start, stop)


def _after(folded: str, q: Quantity, sentence: Sentence) -> Span | None:
    """3000余家注册网店, 5万多斤鲢鱼, 200多万的游客: the noun right after."""
    if q.kind in _SHARES:
        # 79%的毕业生想立即工作, 近9成毕业生愿意加班: the share of those who do something.
        opens = q.end + 1 if folded[q.end : q.end + 1] == "的" else q.end
        share = _share_of(folded, opens, sentence.end, opens == q.end)
        if share is not None or opens > q.end:
            return share
    if q.kind in _NO_NOUN_AFTER and folded[q.end : q.end + 1] != "的":
        return None
    skip = _AFTER_SKIP.match(folded, q.end, sentence.end) if folded[q.end : q.end + 1] in _AFTER_SKIP_FIRST else None
    start = skip.end() if skip else q.end
    end = start
    while end < sentence.end and end - start < 12 and folded[end] not in CLAUSE_MARKS:
        end += 1
    if end == start:
        return None
    if change.change_word_at(folded, start, end):
        return None  # 从500人增至1200人: the change, not what is counted
    words = segment.words_after(folded, start, end)
    taken = 0
    for number, word in enumerate(words):
        single = len(word.text) == 1 and is_han(word.text) and word.tag not in _FUNCTION_TAGS
        if word.tag in _NOUN_AFTER or single:
            taken = number + 1
            continue
        if word.tag == "v" and len(word.text) > 1 and number + 1 < len(words) and words[number + 1].tag in _NOUN_AFTER:
            continue  # 注册网店, 求职信
        if word.text in _RANGE_JOINERS and taken == number > 0 and number + 1 < len(words) and words[number + 1].tag in _NOUN_AFTER:
            continue  # 3.5到5.5米的大浪到巨浪: a range of grades is one phrase
        break
    if taken == 0 and q.kind in _COUNTS and words and words[0].tag == "v" and len(words[0].text) > 1:
        return Span(words[0].start, words[0].end)  # 14人死亡, 21万户停电: what befell them
    if taken == 0 or words[taken - 1].end - start < 2:
        return None
    if words[0].text in _LEVEL_WORDS:
        return None
    return Span(start, words[taken - 1].end)


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_EDGE_WORDS: Final = _edge_words()
_LONGEST_TAIL: Final = _longest_tail()
_AFTER_SKIP: Final = _after_skip()
_NOMINAL_VERBS: Final = _nominal_verbs()
_AFTER_SKIP_FIRST: Final = _after_skip_first()
_LEVEL_WORDS: Final = _level_words()
