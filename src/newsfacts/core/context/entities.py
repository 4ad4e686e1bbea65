"""Places, organisations and people named in a sentence (ANNOTATION.md
`entity`): names ending like a place (醴陵市, 虎踞镇) or an organisation
(…合作社), people by their title (陈小姐, 书记李慧勤) or at the head of a
clause, and dictionary places at a clause's subject (广东完成…)."""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Final, Iterable

import re

import regex

from .. import lexicon, segment, units
from . import times
from ..sentences import CLAUSE_MARK, CLAUSE_MARKS, Sentence
from ..numerals import DIGITS, is_han
from ..once import Once
from ..spans import Span

# 王金友就赶到, 书记李慧勤说: what may follow a person's name.
_PERSON_STOP: Final = lexicon.characters("after_person_name")
# 引进茶陵县, 在醴陵市: what cannot be part of a place's name before its ending.
_PLACE_STOP: Final = frozenset(lexicon.characters("not_in_place_name") + DIGITS + "十百千万")
_MAX_NAME: Final = 6
_NAME_NUMERALS: Final = frozenset(DIGITS + "十百千万") - frozenset("0123456789")
_ANAPHORS: Final = lexicon.characters("anaphors")
_REFERRING: Final = lexicon.characters("referring")  # 该县, 全镇, 本市
_COMMON_WORD: Final = 100  # jieba dictionary count above which a word is not read as part of a name
# 镇上, 村里: a place ending followed by a word of position is still a place.
_PLACE_WORDS_AFTER: Final = frozenset(lexicon.characters("position_after_place"))
_MAX_ORG: Final = 12


@cache
def _place_endings() -> frozenset[str]:
    return frozenset(word for word in _suffixes()["place"] if len(word) == 1)


def opens_with_anaphor(text: str) -> int:
    """How many characters of TEXT are a word that refers to a place named
    before (全市, 该县, 本镇) opening it: 0 when none does."""
    if len(text) > 2 and text[0] in _REFERRING_CHARACTERS and text[1] in _PLACE_ENDINGS:
        return 2
    return 0


_REFERRING_CHARACTERS: Final = frozenset(lexicon.characters("referring"))


@cache
def _suffixes() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for word, role in lexicon.rows("entity_suffixes.tsv"):
        table.setdefault(role, []).append(word)
    return table


@cache
def _entity_patterns() -> tuple[re.Pattern[str], re.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    table = _suffixes()
    surnames = lexicon.alternation(_surnames())
    place = _words_scanner("place")
    org = _words_scanner("org", "authority")
    # 陈小姐: found by the title, which is rare, then the surname behind it;
    # scanning for the surname first tries every one of surnames.txt at every character.
    after = regex.compile(rf"(?<={surnames})(?:{lexicon.alternation(table['title_after'])})")
    before = regex.compile(rf"(?:{lexicon.alternation(table['title_before'])})"
                           rf"(?P<name>(?:{surnames})[\p{{Han}}]{{1,2}}?)(?=[{_PERSON_STOP}，,：:。\s])")
    return place, org, after, before


@cache
def _titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The titles alone (after a name, before one), to find where the
    title patterns can match at all."""
    return _words_scanner("title_after"), _words_scanner("title_before")


def _words_scanner(*roles: str) -> re.Pattern[str]:
    """The words of ROLES in entity_suffixes.tsv, compiled by re: every
    branch of the alternation opens with a character, so re gathers them
    and skips in C to the next place one occurs (no lookahead needed, see
    lexicon.scanner)."""
    return re.compile(lexicon.alternation([word for role in roles for word in _SUFFIXES[role]]))


def is_authority(name: str) -> bool:
    """Whether NAME ends like a public body (广东省统计局), which reports
    figures more often than it is what they are about."""
    return name.endswith(_AUTHORITY_ENDINGS)


@cache
def _clause_name() -> regex.Pattern[str]:
    """王金友就赶到, 李国章说: a name opening a clause, before a verb or particle
    (matched only where a clause opens, see _clause_starts)."""
    surnames = lexicon.alternation(_surnames())
    return regex.compile(rf"(?:{surnames})[\p{{Han}}]{{1,2}}?(?=[{_PERSON_STOP}])")


_PERSON_TAGS: Final = frozenset({"nr", "nrt", "nrfg"})  # jieba's tags for people's names


def _opens_with_a_word(name: str) -> bool:
    """Whether NAME, three characters or more, opens with a dictionary word
    that is no person's name (全省 of 全省进出口: 全 is a surname, 全省 a word)."""
    return any(segment.is_word(name[:cut]) and segment.tag_of(name[:cut]) not in _PERSON_TAGS
               for cut in range(2, len(name)))


def _name_before_a_verb(folded: str, start: int, end: int) -> Span | None:
    """何兆炜联同…, 黄志强18岁就…, 蒋澎龙改变战术: a surname and one or two
    characters that jieba's dictionary knows only as a name or not at all,
    opening a clause before a verb, a number or a mark."""
    surname = 2 if folded[start : start + 2] in _SURNAMES else 1
    for length in (surname + 2, surname + 1):
        stop = start + length
        name = folded[start:stop]
        if stop > end or not all(is_han(ch) for ch in name) or "某" in name:
            continue
        known = segment.is_word(name)
        if known and segment.tag_of(name) not in _PERSON_TAGS:
            continue  # 王牌, 高速: a word, not a name
        if not known and any(segment.is_word(name[:cut]) for cut in range(max(2, surname + 1), length)):
            continue  # 张德 + 培: a word inside is read as a word, not a name
        if not known and length == surname + 1 and not _tagged_as_name(folded, start, stop, end):
            continue  # 房企购置: jieba reads 房企 as an abbreviation, not a name
        after = folded[stop : stop + 1]
        if after.isdecimal() and _leads_to_a_number(name):
            continue  # 高达2.2亿: the word before a number, no name
        if after.isdecimal() or after in CLAUSE_MARKS or after in _PERSON_STOP:
            return Span(start, stop)
        word = segment.longest_word_at(folded, stop, min(end, stop + 4))
        if word is not None and segment.tag_of(word) in ("v", "t"):  # 罗建华承包, 司徒浩然去年
            return Span(start, stop)
    return None


def _leads_to_a_number(name: str) -> bool:
    """Whether NAME ends with a word that leads into a number (高达, 约, 有:
    the tails of measure_edges.tsv), as no name before a number does."""
    return any(name.endswith(tail) for tail in _number_leads())


@cache
def _number_leads() -> tuple[str, ...]:
    return tuple(word for word, end in lexicon.rows("measure_edges.tsv") if end == "tail")


def _tagged_as_name(folded: str, start: int, stop: int, end: int) -> bool:
    """Whether jieba's tagger, HMM included, reads FOLDED[START:STOP] as a
    person's name in the few characters around it, or at least not as
    another word that runs past the surname (蒋澎龙改变 yes, 房企购置 no)."""
    words = segment.tagged(folded[start : min(end, stop + 3)])
    if not words:
        return False
    first, tag = words[0]
    # 冯 / 明远, 罗 / 建华: the tagger may read the surname as a word of its own.
    return first in _SURNAMES or (first == folded[start:stop] and tag in _PERSON_TAGS)


# Runs of single characters longer than this are not read for names: a name
# jieba has never seen is two to five characters (蒋澎龙, 斯里查方), and its
# tagger's HMM costs time in proportion to what it reads.
_LONGEST_UNSEEN_NAME: Final = 5
# How far back from a number its clause is read by the tagger (the name a
# figure is about stands close before it: 东方财富总市值为2960亿元).
_TAGGED_REACH: Final = 16
# jieba's tags for people, places and organisations; nz (other proper
# nouns) is left out: the dictionary gives it to 第二产业, 红利.
_NAME_TAGS: Final = _PERSON_TAGS | {"ns", "nt"}


def _tagged_names(folded: str, start: int, end: int) -> list[Span]:
    """The names jieba's tagger reads in FOLDED[START:END]: words of two or
    more Chinese characters tagged as a person, place or organisation. A
    common dictionary word tagged as a person is taken for the word it
    mostly is (the dictionary tags 龙虾, 黄金周, 连胜 nr).

    As jieba.posseg does, dictionary words take their dictionary tags and
    only runs of characters the dictionary reads one by one go through its
    HMM (斯里查方, 瑪嘉烈): the HMM sees those few characters, not the clause."""
    names = []
    cuts = segment.best_path_cuts(folded, start, end)
    run_start = -1  # where the current run of single Chinese characters began
    for at, stop in zip(cuts, cuts[1:] + [-1]):
        single = stop == at + 1 and is_han(folded[at])
        if single and run_start < 0:
            run_start = at
        if not single and run_start >= 0:
            if 1 < at - run_start <= _LONGEST_UNSEEN_NAME:
                names += _names_in(segment.tagged(folded[run_start:at]), run_start)
            run_start = -1
        if stop > at + 1:
            word = folded[at:stop]
            tag = segment.tag_of(word)
            if tag in _NAME_TAGS:  # most words are none: no list made for them
                names += _names_in([(word, tag)], at)
    return names


def _names_in(words: Iterable[tuple[str, str]], at: int) -> list[Span]:
    """The (word, tag) pairs WORDS, read from AT on, that are names."""
    names = []
    for word, tag in words:
        if (tag in _NAME_TAGS and len(word) >= 2 and all(is_han(ch) for ch in word) and word not in _NOT_PLACES
                and not _part_of_a_place(word)
                and not (tag in _PERSON_TAGS and segment.frequency(word) >= _COMMON_WORD)):
            names.append(Span(at, at + len(word)))
        at += len(word)
    return names


def _surname_start(folded: str, end: int) -> int:
    """Where the surname that ends at END starts: two characters back for 欧阳, one for 陈."""
    return end - 2 if end >= 2 and folded[end - 2 : end] in _SURNAMES else end - 1


@cache
def _surnames() -> frozenset[str]:
    return lexicon.words("surnames.txt")


@cache
def _surname_openings() -> frozenset[str]:
    """The first character of each surname (陈, and 欧 of 欧阳)."""
    return frozenset(surname[0] for surname in _surnames())


_SPEECH_VERBS: Final = tuple(lexicon.word_list("speech_verbs"))
_SPEECH_MARKS: Final = frozenset("，,：:")  # after a verb of speech, what is said follows
# Marks after which a clause's subject may stand (广东完成…, 其中，全县…).
_SUBJECT_MARKS: Final = frozenset("，,；;：:、")


def _clause_starts(folded: str, sentence: Sentence) -> tuple[list[int], list[int]]:
    """Where clauses open in SENTENCE: (after any clause mark, or at the very
    start of the text; at the sentence's start and after a comma, semicolon,
    colon or 、). Names open the first kind, subjects the second."""
    name_starts: list[int] = []
    subject_starts = [sentence.start]
    if sentence.start == 0 or folded[sentence.start - 1] in CLAUSE_MARKS:
        name_starts.append(sentence.start)
    # Split on the marks, which are one character each, and add up the
    # pieces: no match object per mark.
    end = sentence.start - 1
    for piece in CLAUSE_MARK.split(folded[sentence.start : sentence.end])[:-1]:
        end += len(piece) + 1
        name_starts.append(end + 1)
        if folded[end] in _SUBJECT_MARKS and end + 1 < sentence.end:
            subject_starts.append(end + 1)
    return name_starts, subject_starts




class Names:
    """The names in one sentence, looked for role by role as they are asked
    for: a claim that finds its place never needs the people or the
    organisations, and their search is most of the work. Any role may be
    asked for first."""

    def __init__(self, folded: str, sentence: Sentence, spaces: tuple[int, ...] = ()) -> None:
        self.folded = folded
        self.sentence = sentence
        self.spaces = spaces  # where spaces between words were taken out (normalize.compact)
        self._by_role: dict[str, list[Span]] = {}
        self._places: list[Span] | None = None  # merged, quoted ones included
        self._subject_orgs: list[Span] = []
        self._name_starts, self._subject_starts = _clause_starts(folded, sentence)
        self._subject_positions: list[int] | None = None
        self._tagged: dict[int, list[Span]] = {}  # by clause start: names read by jieba's tagger
        self._after_speech: list[int] | None = None  # where clauses after a verb of speech open

    def of(self, role: str) -> list[Span]:
        """The names of ROLE (place, person or org) in reading order."""
        found = self._by_role.get(role)
        if found is None:
            if role == "place":
                found = self._place_names()
            elif role == "person":
                found = self._person_names()
            elif role == "market":
                found = self._market_names()
            elif role == "currency":
                found = self._currencies()
            else:
                found = self._org_names()
            self._by_role[role] = found
        return found

    def speaker_end(self, position: int) -> int:
        """Where the last clause before POSITION that says who speaks ends
        (李国章说，政府拨出5.5亿元; 国盛证券首席刘高畅认为：…), or the
        sentence's start: the names before it are the speaker's, and the
        figures after it are not about them."""
        if self._after_speech is None:
            # Found once per sentence: a line of thousands of clauses is not walked per claim.
            folded, start = self.folded, self.sentence.start
            self._after_speech = [opening for opening in self._subject_starts
                                  if opening > start and folded[opening - 1] in _SPEECH_MARKS
                                  and folded.endswith(_SPEECH_VERBS, start, opening - 1)]
        at = bisect_right(self._after_speech, position) - 1
        return self._after_speech[at] if at >= 0 else self.sentence.start

    def tagged_before(self, position: int) -> Span | None:
        """The last name jieba's tagger, HMM included, reads in the clause
        before POSITION (目前东方财富证券总市值…, 给斯里查方带来): a name
        that no ending or title gives away. The clause alone is tagged, once."""
        folded, sentence = self.folded, self.sentence
        start = position
        while start > max(sentence.start, position - _TAGGED_REACH) and folded[start - 1] not in CLAUSE_MARKS:
            start -= 1
        names = self._tagged.get(start)
        if names is None:
            names = self._tagged[start] = _tagged_names(folded, start, position)
        for span in reversed(names):
            if span.end <= position:
                return span
        return None

    def _merged_places(self) -> list[Span]:
        """Places by their endings and at clause subjects, merged; the
        organisations found at the subjects are kept for _org_names."""
        if self._places is not None:
            return self._places
        folded, sentence = self.folded, self.sentence
        place = _ENTITY_PATTERNS[0]
        places: list[Span] = []
        for match in place.finditer(folded, sentence.start, sentence.end):
            span = _name_before(folded, self._floor(match.start()), match, _MAX_NAME, 1)
            if span:
                places.append(span)
        for match in _PLACE_NAMES.finditer(folded, sentence.start, sentence.end):
            if not _word_across_edges(folded, match.start(), match.end(), sentence.start, sentence.end):
                places.append(Span(match.start(), match.end()))
        places_and_orgs, openings = _PLACES_AND_ORGS.get(), _PLACES_AND_ORGS_OPENINGS.get()
        for position in self._subjects():
            # Only a place or organisation of the dictionary counts here: most
            # positions start none, and that small table answers without a
            # look-up in the whole dictionary.
            if not _starts_one_of(folded, position, sentence.end, places_and_orgs, openings):
                continue
            word = segment.longest_word_at(folded, position, min(sentence.end, position + 4))
            if word is None:
                continue
            tag = segment.tag_of(word)
            if (tag == "ns" and word not in _NOT_PLACES and not _part_of_a_place(word)
                    and not _word_across_edges(folded, position, position + len(word), sentence.start, sentence.end)):
                places.append(Span(position, position + len(word)))  # not the 国内 of 国内生产总值
            elif tag == "nt":
                self._subject_orgs.append(Span(position, position + len(word)))
        self._places = [_with_part(folded, span, sentence.end) for span in _merge(places)]
        return self._places

    def _floor(self, position: int) -> int:
        """How far back a name ending at POSITION may start: the sentence's
        start, or a space before it (醴陵8项工作 获省政府: no name crosses it)."""
        spaces = self.spaces
        at = bisect_right(spaces, position) - 1
        return max(self.sentence.start, spaces[at]) if at >= 0 else self.sentence.start

    def _subjects(self) -> list[int]:
        """Where the clauses' subjects may start (after openers and times)."""
        if self._subject_positions is None:
            self._subject_positions = _subject_positions(self.folded, self.sentence, self._subject_starts)
        return self._subject_positions

    def _place_names(self) -> list[Span]:
        return [span for span in self._merged_places() if not _quoted(self.folded, self.sentence.start, span.start)]

    def _market_names(self) -> list[Span]:
        folded, sentence = self.folded, self.sentence
        return [Span(match.start(), match.end())
                for match in _MARKET_NAMES.finditer(folded, sentence.start, sentence.end)
                if not _word_across_edges(folded, match.start(), match.end(), sentence.start, sentence.end)]

    def _currencies(self) -> list[Span]:
        """Currencies whose exchange rate the sentence gives (新台币汇率昨日收在…,
        日圆兑美元): what the rate is about."""
        folded, sentence = self.folded, self.sentence
        if not any(folded.find(word, sentence.start, sentence.end) >= 0 for word in _RATE_WORDS):
            return []  # most sentences name no rate: found in C, with no pattern run over them
        return [Span(match.start(), match.end("currency"))
                for match in _currency_rates().finditer(folded, sentence.start, sentence.end)
                if not folded.endswith(_RATE_WORDS, sentence.start, match.start())]  # the 美元 of 新台币兑美元汇率

    def _org_names(self) -> list[Span]:
        folded, sentence = self.folded, self.sentence
        merged_places = self._merged_places()
        orgs = list(self._subject_orgs)
        for match in _ENTITY_PATTERNS[1].finditer(folded, sentence.start, sentence.end):
            span = _name_before(folded, self._floor(match.start()), match, _MAX_ORG, 2)
            if span:
                orgs.append(span)
        return [span for span in _merge(orgs + merged_places) if span not in merged_places]

    def _person_names(self) -> list[Span]:
        folded, sentence = self.folded, self.sentence
        _, _, title_after, title_before = _ENTITY_PATTERNS
        after_words, before_words = _TITLES
        people: list[Span] = []
        # Titles are rare: the patterns run only from the first one, if any.
        first = after_words.search(folded, sentence.start, sentence.end)
        if first is not None:
            for match in _at_words(title_after, after_words, folded, first.start(), sentence.end):
                people.append(Span(_surname_start(folded, match.start()), match.end()))
        first = before_words.search(folded, sentence.start, sentence.end)
        if first is not None:
            for match in _at_words(title_before, before_words, folded, first.start(), sentence.end):
                people.append(Span(match.start("name"), match.end("name")))
            # 董事长徐旭东订了, 农民罗建华承包: a title and a name before a verb.
            for title in before_words.finditer(folded, first.start(), sentence.end):
                span = _name_before_a_verb(folded, title.end(), sentence.end)
                if span is not None:
                    people.append(span)
        clause_name = _CLAUSE_NAME
        surnames, openings = _SURNAMES, _SURNAME_OPENINGS
        starts = sorted(set(self._name_starts) | set(self._subjects()))
        for start in starts:
            # Most clauses do not open with a surname: skip the pattern for
            # them, most after one look-up of their first character.
            opening = folded[start : start + 1]
            if opening not in openings or (opening not in surnames and folded[start : start + 2] not in surnames):
                continue
            name = clause_name.match(folded, start, sentence.end)
            if name and not segment.is_word(name.group()) and "某" not in name.group() \
                    and not _opens_with_a_word(name.group()):
                people.append(Span(name.start(), name.end()))
            else:
                span = _name_before_a_verb(folded, start, sentence.end)
                if span is not None:
                    people.append(span)
        return _merge(people)


def _at_words(pattern: regex.Pattern[str], words: re.Pattern[str], folded: str, start: int,
              end: int) -> list[regex.Match[str]]:
    """What PATTERN.finditer(FOLDED, START, END) finds, where PATTERN matches
    only where one of WORDS starts (a title): WORDS, compiled by re, skips
    in C to each place one starts and PATTERN is tried there alone, where
    the regex module would try PATTERN at every character between them."""
    found: list[regex.Match[str]] = []
    position = start
    while True:
        word = words.search(folded, position, end)
        if word is None:
            return found
        match = pattern.match(folded, word.start(), end)
        if match is None:
            position = word.start() + 1
        else:
            found.append(match)
            position = match.end()


# Where a clause's subject starts: after its punctuation, an opening time
# expression (1-2月，广东) or a preposition (在兴化，以鱼为原料).
# 据海关统计: the source of a figure is not what it is about.
_SOURCES: Final = lexicon.word_list("source_words")
_SOURCE_FIRST: Final = frozenset(source[0] for source in _SOURCES)
_OPENERS: Final = lexicon.word_list("subject_openers")


@cache
def _subject_opening() -> tuple[re.Pattern[str], frozenset[str]]:
    """The openers that may stand before a clause's subject, after its time
    if it has one, and the characters other than digits that a time or an
    opener can start with."""
    pattern = re.compile(lexicon.alternation(_OPENERS))
    first = times.opening_characters() | {opener[0] for opener in _OPENERS}
    return pattern, first


_AFTER_OPENING_TIME: Final = frozenset("，, ")


def _subject_positions(folded: str, sentence: Sentence, clause_starts: list[int]) -> list[int]:
    positions = []
    openers, first = _SUBJECT_OPENING
    time_pattern = times.PATTERN
    for start in clause_starts:
        position = start
        if folded[start] in first or folded[start].isdecimal():
            # The time's own compiled pattern, then the marks after it, then
            # an opener: one pattern of all three would compile the time
            # pattern a second time, 50 ms of every start.
            time = time_pattern.match(folded, start, sentence.end)
            if time is not None:
                position = time.end()
                while position < sentence.end and folded[position] in _AFTER_OPENING_TIME:
                    position += 1
            opener = openers.match(folded, position, sentence.end)
            if opener is not None:
                position = opener.end()
        if folded[position : position + 1] not in _SOURCE_FIRST or not folded.startswith(_SOURCES, position):
            positions.append(position)
        if position != start:
            positions.append(start)
    return positions


def _quoted(folded: str, floor: int, position: int) -> bool:
    """Whether POSITION is inside “…” (中国龙虾之都 is a title, not the place)."""
    opened = folded.rfind("“", floor, position)
    return opened >= 0 and folded.find("”", opened, position) < 0


def _name_before(folded: str, floor: int, suffix: re.Match[str], longest: int, shortest: int) -> Span | None:
    """The name that ends with SUFFIX: 醴陵 in 醴陵市, not 引进 in 引进茶陵县."""
    # The match's offsets, read once: each read is a call.
    ending, end = suffix.start(), suffix.end()
    ending_length = end - ending
    if end < len(folded) and folded[end] not in _PLACE_WORDS_AFTER and segment.is_word(folded[ending : end + 1]):
        return None  # 村委, 市场, 区域: the ending is part of another word
    if ending_length == 1 and folded[ending - 1 : end] in _NOT_PLACES:
        return None
    start = ending
    while start > floor and ending - start < longest:
        ch = folded[start - 1]
        if ch in _PLACE_STOP and not _numeral_opens_name(folded, floor, start - 1):
            break
        if not is_han(ch) or _word_before_name_ends_at(folded, floor, start):
            break
        start -= 1
        if ch in _ANAPHORS:
            break  # 该县, 本市: nothing stands before the pronoun
    start = _after_a_count(folded, start, ending)
    if ending - start < shortest:
        return None
    if ending_length == 1 and folded[ending] in _PLACE_ENDINGS and _ending_inside_a_word(folded, start, suffix):
        return None  # 国际汇市: 汇市 is a word, its 市 no city's ending
    if ending - start == 1 and _ending_opens_a_word(folded, suffix):
        return None  # 获省政府表扬: one character before 省政府 is no province
    name = folded[start:end]
    if name[0] not in _REFERRING and segment.is_word(name) and segment.tag_of(name) not in ("ns", "nt", "nz", "nr"):
        return None  # 网店, 商店: a common noun that happens to end like a name (全镇 refers to one)
    if len(name) == ending_length + 1 and name[0] in _PLACE_ENDINGS:
        return None  # 镇区, 县城区: a part of the place its first character names, no name
    return Span(start, end)


def _after_a_count(folded: str, start: int, ending: int) -> int:
    """Where a name found back to START really starts: after the measure
    word of a number before it (2个街道, 三个收费站: no name but 街道)."""
    if start == 0 or not (folded[start - 1].isdecimal() or folded[start - 1] in _NAME_NUMERALS):
        return start
    unit = units.unit_at(folded, start)
    return min(unit.end, ending) if unit is not None else start


def _part_of_a_place(word: str) -> bool:
    """镇区, 镇内, 县城, 市区: a place's ending and a word of position or
    another ending, which jieba's dictionary tags as places but which name
    a part of whatever place the text is about."""
    return (len(word) == 2 and word[0] in _PLACE_ENDINGS
            and (word[1] in _PLACE_WORDS_AFTER or word[1] in _PLACE_ENDINGS or word[1] in "城"))


def _numeral_opens_name(folded: str, floor: int, position: int) -> bool:
    """Whether the Chinese numeral at POSITION opens a name (三源浦朝鲜镇,
    六安市) rather than counting (三个村, 全县十镇): no numeral before
    it, and no unit or measure word after it."""
    if folded[position] not in _NAME_NUMERALS:
        return False
    if position > floor and (folded[position - 1] in _PLACE_STOP or folded[position - 1].isdecimal()):
        return False
    return units.unit_at(folded, position + 1) is None


def _ending_inside_a_word(folded: str, start: int, suffix: re.Match[str]) -> bool:
    """Whether jieba's reading of the name START..SUFFIX's end joins the
    ending to the character before it into a word that names no place
    (国际 / 汇市), unless the whole name is one dictionary word (攸县)."""
    end = suffix.end()
    glued = folded[suffix.start() - 1 : end]
    if segment.is_word(folded[start:end]) or not segment.is_word(glued) or segment.tag_of(glued) == "ns":
        return False  # 攸县; 惠山区 (山区 is a place word): the ending stands
    return suffix.start() not in segment.best_path_cuts(folded, start, min(len(folded), end + 2))


def _ending_opens_a_word(folded: str, suffix: re.Match[str]) -> bool:
    """Whether a dictionary word longer than the ending starts with it (省政府, 市场)."""
    word = segment.longest_word_at(folded, suffix.start(), min(len(folded), suffix.start() + 5))
    return word is not None and len(word) > len(suffix.group())


def _word_before_name_ends_at(folded: str, floor: int, position: int) -> bool:
    """Whether a word that stands before a name, not in it, ends at
    POSITION: a common two-character verb, adverb or pronoun (邀请虎踞镇,
    目前该县; rare ones such as 虎踞 are more likely names) or a time word
    (上半年东方财富证券). The two characters are sliced once for both."""
    if position - 2 < floor:
        return False
    two = folded[position - 2 : position]
    if two in _COMMON_TWO_CHARACTER_WORDS.get() or two in _TIME_WORDS:
        return True
    return position - 3 >= floor and folded[position - 3 : position] in _TIME_WORDS


@cache
def _time_words() -> frozenset[str]:
    return frozenset(word for word in lexicon.words("time_words.txt") if len(word) in (2, 3))


@cache
def _common_function_words(length: int) -> dict[str, None]:
    """Verbs, prepositions, adverbs, conjunctions, time words and pronouns
    of LENGTH characters seen at least _COMMON_WORD times in jieba's dictionary
    (a dict of None, as segment.words_tagged says why)."""
    return dict.fromkeys(
        word for tag in ("v", "p", "d", "c", "t", "r") for word in segment.words_tagged(tag)
        if len(word) == length and segment.frequency(word) >= _COMMON_WORD
    )


_RATE_WORDS: Final = tuple(lexicon.word_list("rate_of_currency"))  # 汇率, 兑


@cache
def _currency_rates() -> re.Pattern[str]:
    currencies = [surface for surface, kind, *_ in lexicon.rows("units.tsv") if kind == "money" and len(surface) > 1]
    return re.compile(rf"(?P<currency>{lexicon.alternation(currencies)})(?:{lexicon.alternation(_RATE_WORDS)})")


@cache
def _market_names() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.words("market_names.txt")))


@cache
def _place_names() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.words("place_names.txt")))


def _word_across_edges(folded: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """Whether jieba's reading of the text around START..END runs a word
    across either edge (平台中: 平台 runs into 台中; 国内生产总值 is no place;
    全国商品房 reads 全国 / 商品房)."""
    whole = segment.longest_word_at(folded, start, min(ceiling, start + 6))
    if whole is not None and len(whole) > end - start:
        return True  # a word that opens with the name: 国内生产总值, 全国人民
    cuts = segment.best_path_cuts(folded, max(floor, start - 3), min(ceiling, end + 3))
    return start not in cuts or end not in cuts


def _starts_one_of(folded: str, position: int, end: int, words: dict[str, None], openings: dict[str, None]) -> bool:
    """Whether one of WORDS (two to four characters) starts at POSITION and
    ends by END. OPENINGS are the first two characters of each of WORDS:
    at most places none opens, and one look-up there answers."""
    if folded[position : position + 2] not in openings:
        return False
    for length in range(2, 5):
        if position + length > end:
            return False
        if folded[position : position + length] in words:
            return True
    return False


@cache
def _places_and_orgs() -> dict[str, None]:
    """The dictionary's places and organisations (tags ns and nt)."""
    return segment.words_tagged("ns") | segment.words_tagged("nt")


@cache
def _places_and_orgs_openings() -> dict[str, None]:
    """The first two characters of each of _places_and_orgs()."""
    return dict.fromkeys(word[:2] for word in _places_and_orgs())


@cache
def _not_places() -> frozenset[str]:
    return lexicon.words("not_places.txt")


_PLACE_PARTS: Final = tuple(sorted(lexicon.word_list("place_parts"), key=len, reverse=True))
_PLACE_PART_FIRST: Final = frozenset(part[0] for part in _PLACE_PARTS)


def _with_part(folded: str, span: Span, end: int) -> Span:
    """SPAN with the part of the place written right after it (长江 +
    干线 + 港口, 三峡 + 枢纽, 台湾 + 西南部): the figures are about that
    part. A part that jieba reads into a longer word stays out (长江南部
    yes; 中部署 no)."""
    stop = span.end
    while stop < end and folded[stop] in _PLACE_PART_FIRST:
        part = next((part for part in _PLACE_PARTS if folded.startswith(part, stop, end)), None)
        if part is None or segment.word_across(folded, stop + len(part), stop, min(end, stop + len(part) + 3)):
            break
        stop += len(part)
    return span if stop == span.end else Span(span.start, stop)


def _merge(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping or touching names joined (茶陵县 + 虎踞镇)."""
    if len(spans) < 2:
        return list(spans)  # most roles of most sentences: nothing to sort (a call per span)
    merged: list[Span] = []
    for span in sorted(spans, key=_span_order):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _span_order(span: Span) -> tuple[int, int]:
    return span.start, span.end


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_PLACE_ENDINGS: Final = _place_endings()
_SUFFIXES: Final = _suffixes()
_AUTHORITY_ENDINGS: Final = tuple(_SUFFIXES["authority"])
_ENTITY_PATTERNS: Final = _entity_patterns()
_TITLES: Final = _titles()
_CLAUSE_NAME: Final = _clause_name()
_SURNAMES: Final = _surnames()
_SURNAME_OPENINGS: Final = _surname_openings()
_SUBJECT_OPENING: Final = _subject_opening()
_TIME_WORDS: Final = _time_words()
_MARKET_NAMES: Final = _market_names()
_PLACE_NAMES: Final = _place_names()
_NOT_PLACES: Final = _not_places()
_COMMON_TWO_CHARACTER_WORDS: Final = Once(lambda: _common_function_words(2))
_PLACES_AND_ORGS: Final = Once(_places_and_orgs)
_PLACES_AND_ORGS_OPENINGS: Final = Once(_places_and_orgs_openings)
