"""Fuzz target for newsfacts.extract, for atheris (libFuzzer for Python).

Usage:

    pip install atheris && python fuzz/fuzz_extract.py -max_total_time=600 fuzz/corpus

Each input is taken as bytes and fed to `extract` three times: as
`newsfacts.io.decode.decode` reads it (skipped when it raises DecodeError,
which is decode's documented answer for non-text), as UTF-8 with invalid
bytes replaced, and as UTF-8 with lone surrogates let through (what an
escaped "\ud83d" in JSON gives). Every claim must point into the text it
came from (`text[start:end] == claim.text`), its `sentence` must be at most
LONGEST_SENTENCE characters (and the … marks), and every writer must write
the claims as the command does; any other exception is a crash, which
libFuzzer saves as crash-<hash> in the working folder. Copy a reproduced
crash input into the test table it breaks (tests/), as a bug caught.

fuzz/corpus/ holds a few short texts from samples/ as seeds, and seeds for
the hostile inputs of issue 16 (16_*: long multiplier chains and numbers,
a long sentence, a long paragraph, invisible characters, surrogates and
lone CRs). Give libFuzzer a folder of its own first, so that the inputs it
finds stay out of the repository:

    python fuzz/fuzz_extract.py -max_total_time=600 /tmp/fuzz-work fuzz/corpus atheris
is a fuzzing-only tool: it is not a dependency of the project.
"""
from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["newsfacts"]):
    from newsfacts import extract
    from newsfacts.core.pipeline import LONGEST_SENTENCE
    from newsfacts.io import writers
    from newsfacts.io.decode import DecodeError, decode


def check(text: str) -> None:
    claims = extract(text)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text), (text, claim)
        assert text[claim.start : claim.end] == claim.text, (text, claim)
        assert len(claim.sentence) <= LONGEST_SENTENCE + 2, (text, claim)
        ranged = claim.low is not None and claim.high is not None
        assert (claim.value is not None) != ranged, (text, claim)
        for number in (claim.value, claim.low, claim.high):
            assert number is None or number.is_finite(), (text, claim)
    for fmt in ("jsonl", "csv", "table"):
        # As the command opens its output: UTF-8, lone surrogates escaped.
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="")
        writers.write(claims, fmt, out)
        out.flush()


def test_one_input(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError:
        decoded = None
    if decoded is not None:
        check(decoded)
    replaced = data.decode("utf-8", "replace")
    if replaced != decoded:
        check(replaced)
    if b"\xed" in data:  # the lead byte of an encoded surrogate
        try:
            passed = data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return
        if passed != replaced:
            check(passed)


def main() -> None:
    extract("全县共有耕地2862亩。")  # load jieba's dictionary before the clock starts
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
