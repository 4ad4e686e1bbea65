"""The shortcuts taken for speed answer exactly as the plain way would.

Each test sets a fast path against the slow, obvious form it replaced:
the tree-shaped word alternation against a longest-first list of words,
the tail trimming against a regex search, the prefix walk through jieba's
table against trying every length, the first-character gates against
the patterns they guard, and the scanners compiled by re against the
same patterns compiled by regex.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.core import lexicon as _lexicon, normalize, numbers, segment
from newsfacts.core.context import entities, measure, times

DEV_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "texts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _plain_alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_LETTERS = "年同期比增长去今上下半米平方公里"
_words = st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=4), min_size=1, max_size=12)


@settings(max_examples=500, deadline=None)
@given(words=_words, text=st.text(alphabet=_LETTERS + "，1", max_size=30), after=st.sampled_from(["", "年", "长", "\\Z"]))
def test_tree_alternation_matches_like_a_longest_first_list(words: list[str], text: str, after: str) -> None:
    # A pattern goes on after the words, so backtracking into them is tested too.
    tree = regex.compile(f"{_lexicon.alternation(words)}{after}")
    plain = regex.compile(f"(?:{_plain_alternation(words)}){after}")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _trim_tail_by_regex(folded: str, start: int, end: int) -> int:
    tails, _ = measure._edge_words()
    pattern = regex.compile(f"(?:{_plain_alternation(sorted(tails))})+\\Z")
    match = pattern.search(folded, start, end)
    return match.start() if match else end


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_trim_tail_finds_what_a_regex_search_finds(data) -> None:
    tails = sorted(measure._edge_words()[0])
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(tails), st.sampled_from(list("的产值率亿元年"))), max_size=8))
    folded = "".join(pieces)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    assert measure._trim_tail(folded, start, end) == _trim_tail_by_regex(folded, start, end)


def _texts() -> str:
    """The samples, and the dev texts where they sit beside the project."""
    paths = sorted(SAMPLES.glob("*.txt")) + sorted(DEV_TEXTS.glob("*.txt"))
    return "".join(path.read_text(encoding="utf-8") for path in paths)


def test_longest_word_agrees_with_trying_every_length() -> None:
    text = _texts()[:60_000]
    for start in range(len(text)):
        end = min(len(text), start + 5)
        expected = next((text[start:stop] for stop in range(end, start + 1, -1) if segment.is_word(text[start:stop])), None)
        assert segment.longest_word_at(text, start, end) == expected, text[start:end]


def test_first_character_gates_let_every_match_through() -> None:
    text = _texts()
    time_first = times.opening_characters()
    time_second = times.second_characters()
    time_pattern = regex.compile(times.pattern_text())  # without the scanner's own gate
    opening, opening_first = entities._subject_opening()
    for position in range(len(text)):
        ch = text[position]
        if time_pattern.match(text, position):
            assert ch in time_first or ch.isdecimal(), text[position : position + 8]
            after = text[position + 1 : position + 2]
            assert ch == "昨" or after in time_second or after.isdecimal(), text[position : position + 8]
        match = opening.match(text, position)
        if match and match.end() > position:
            assert ch in opening_first or ch.isdecimal(), text[position : position + 8]


_SCANNERS = {
    # name: (the fast scanner, the same pattern compiled plainly by regex)
    "numbers": (numbers._pattern, lambda: regex.compile(numbers._forms_pattern(), regex.VERBOSE)),
    "times": (times.pattern, lambda: regex.compile(times.pattern_text())),
    "places": (lambda: entities._entity_patterns()[0],
               lambda: regex.compile(_lexicon.alternation(entities._suffixes()["place"]))),
    "organisations": (lambda: entities._entity_patterns()[1],
                      lambda: regex.compile(_lexicon.alternation(entities._suffixes()["org"] + entities._suffixes()["authority"]))),
}


@pytest.mark.parametrize("name", sorted(_SCANNERS))
def test_scanners_find_what_regex_finds(name: str) -> None:
    # The samples carry rate tables, traditional characters and wire copy:
    # every form of number, time and name occurs in them.
    fast, plain = (make() for make in _SCANNERS[name])
    text = _texts()
    # Every kind of time expression, in case the texts lack one.
    text += "。昨（廿五）日，上周一，星期天，礼拜六，截至2023年，到2023年底，一季度，十五日，8点30分，2013-2018年，三四月份，昨午，昨，从昨"
    found = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]
    assert len(found) > 20


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="七成 六2 \u3000年", max_size=40), position=st.integers(0, 40))
def test_compacted_offsets_agree_with_bisect(text: str, position: int) -> None:
    import bisect

    from newsfacts.core import normalize

    compacted = normalize.compact(text)
    position = min(position, len(compacted.text))
    index = bisect.bisect_right(compacted.jumps, position) - 1
    expected = position + (compacted.shifts[index] if index >= 0 else 0)
    assert compacted.original(position) == expected


def test_units_pattern_matches_what_regex_matches() -> None:
    from newsfacts.core import units

    fast = units._pattern()
    plain = regex.compile(_lexicon.alternation(units._table()), regex.IGNORECASE)
    text = _texts() + "5KM 3KWH 4\u212am 20°C 7Km/h 9M² 1.5Kg"
    for position in range(len(text)):
        expected = plain.match(text, position)
        got = fast.match(text, position)
        assert (got and got.group()) == (expected and expected.group()), text[position : position + 6]


def _converted_patterns():
    from newsfacts.core import filters, quantities
    from newsfacts.core.context import change, qualifiers

    return {
        "change verbs": change._pattern(), "change after": change._after(),
        "qualifier before": qualifiers._before_pattern("before"),
        "qualifier before bare": qualifiers._before_pattern("before_bare"),
        "qualifier across verb": qualifiers._across_verb(), "qualifier after": qualifiers._after_pattern(),
        "time of day": filters._TIME_OF_DAY, "clock after": filters._CLOCK_AFTER,
        "identifier context": filters._ID_CONTEXT, "Chinese year": filters._CN_YEAR,
        "qualified bare": filters._QUALIFIED_BARE, "compared": times._compared(),
        "after skip": measure._after_skip(), "comparison": measure._COMPARISON,
        "currency": quantities._CURRENCY_PREFIX,
    }


@pytest.mark.parametrize("name", sorted(_converted_patterns()))
def test_short_patterns_compiled_by_re_answer_as_regex(name: str) -> None:
    # Each is searched in a short window before a number, or matched right after it.
    fast = _converted_patterns()[name]
    plain = regex.compile(fast.pattern, fast.flags & ~regex.UNICODE)
    text = _texts()[:40_000] + "约有近3万，至少安排200万元，电话：0731-2, 同比增长了5%，比上年，逾百，$5，HK$3"
    for end in range(len(text)):
        for start in (max(0, end - 16), max(0, end - 6)):
            a, b = fast.search(text, start, end), plain.search(text, start, end)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text[start:end]
        a, b = fast.match(text, end), plain.match(text, end)
        assert (a and a.span()) == (b and b.span()), text[end : end + 8]


def test_sentence_boundaries_as_the_plain_pattern_finds_them() -> None:
    from newsfacts.core import sentences

    ends, closers = regex.escape(sentences._END_MARKS), regex.escape(sentences._CLOSERS)
    plain = regex.compile(rf"[{ends}]+[{closers}]*|\n")
    text = _texts() + "他说：“好。”\n\n完！？」\n"
    assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


# Banker's numerals in fold(): the pattern that opens with the numeral and
# looks back from after it, against the plain one that looks back first.
_BANKER_TEXT = "陆点五折拾万零分之肆大收伍叁佰壹贰捌玖 \u30000123456789十百千万亿.，"


def _banker_pattern_looking_back_first() -> regex.Pattern[str]:
    from newsfacts.core.numerals import BANKERS, DIGITS

    near, banker = DIGITS + "十百千万亿点.0-9", "[" + "".join(BANKERS) + "]"
    return regex.compile(rf"(?<=[{near}][ \u3000]?|分之){banker}|{banker}(?=[ \u3000]?[{near}{''.join(BANKERS)}])")


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=_BANKER_TEXT, max_size=30))
def test_bankers_numeral_pattern_matches_like_the_lookbehind_first_one(text: str) -> None:
    from newsfacts.core import normalize

    plain = _banker_pattern_looking_back_first()
    assert [m.span() for m in normalize._BANKERS_BY_NUMERALS.finditer(text)] == [m.span() for m in plain.finditer(text)]


# Banker's numerals, numerals, spaces of every kind compact() takes out
# (between characters, invisible ones, combining marks) and line breaks.
_PIECE_TEXT = "伍拾陆万五 \u3000\u00a0\u200b\u0301年7\n"


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=_PIECE_TEXT, max_size=40), cut=st.integers(0, 40))
def test_a_piece_cut_after_a_line_break_folds_as_it_does_alone(text: str, cut: int) -> None:
    # sources.py folds the text ahead to find a cut; the piece up to the
    # cut is then sliced from it, which holds only if it folds and
    # compacts as it would alone.
    from newsfacts.core import normalize

    normalize.folded_and_compacted(text, remember=True)
    head = text[:cut]
    folded, compacted = normalize.folded_and_compacted(head)
    alone = normalize.compact(normalize.fold(head))
    assert folded == normalize.fold(head)
    assert (compacted.text, compacted.jumps, compacted.shifts) == (alone.text, alone.jumps, alone.shifts)


def _script_sample() -> str:
    from newsfacts.core import currency

    traditional, simplified = currency._script_characters()
    # Both scripts' own characters, shared ones, the marks the shortcut
    # writes (T, S), a private-use character and one past the BMP.
    return "".join(sorted(traditional)[:20] + sorted(simplified)[:20]) + "台中人TS\ue000a1 \U00020bb7"


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=_script_sample(), max_size=30))
def test_script_count_answers_as_counting_every_character(text: str) -> None:
    from collections import Counter

    from newsfacts.core import currency

    traditional, simplified = currency._script_characters()
    counts = Counter(text)
    plain = sum(n for ch, n in counts.items() if ch in traditional) > sum(n for ch, n in counts.items() if ch in simplified)
    assert currency.is_traditional(text) is plain


_TITLED = st.lists(st.one_of(
    st.sampled_from(sorted(entities._suffixes()["title_before"])[:40] + sorted(entities._suffixes()["title_after"])),
    st.sampled_from(sorted(entities._surnames())[:60]),
    st.sampled_from(list("建华明远说，。 认为了在")),
), max_size=14)


@settings(max_examples=500, deadline=None)
@given(pieces=_TITLED, data=st.data())
def test_title_patterns_tried_at_each_title_find_what_finditer_finds(pieces: list[str], data) -> None:
    # entities._at_words tries the name-and-title patterns (regex) only where
    # re finds a title starting; regex's own finditer tries every character.
    folded = "".join(pieces)
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    _, _, after, before = entities._entity_patterns()
    after_words, before_words = entities._titles()
    for pattern, words in ((after, after_words), (before, before_words)):
        fast = [(m.span(), m.groupdict()) for m in entities._at_words(pattern, words, folded, start, end)]
        assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(folded, start, end)]


def test_title_patterns_tried_at_each_title_on_the_dev_texts() -> None:
    _, _, after, before = entities._entity_patterns()
    after_words, before_words = entities._titles()
    texts = sorted(DEV_TEXTS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    found = 0
    for path in texts:
        folded = normalize.fold(path.read_text(encoding="utf-8-sig"))
        for pattern, words in ((after, after_words), (before, before_words)):
            fast = [(m.span(), m.groupdict()) for m in entities._at_words(pattern, words, folded, 0, len(folded))]
            assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(folded)], path.name
            found += len(fast)
    assert found > 20  # the texts name people by their titles: the test has matches to compare
