"""Fuzz target for newsfacts.extract, for atheris (libFuzzer for Python).

Usage:

    pip install atheris && python fuzz/fuzz_extract.py -max_total_time=600 fuzz/corpus

Each input is taken as bytes and fed to `extract` twice: as
`newsfacts.io.decode.decode` reads it (skipped when it raises DecodeError,
which is decode's documented answer for non-text), and as UTF-8 with
invalid bytes replaced. Every claim must point into the text it came from
(`text[start:end] == claim.text`); any other exception is a crash, which
libFuzzer saves as crash-<hash> in the working folder. Copy a reproduced
crash input into the test table it breaks (tests/), as a bug caught.

fuzz/corpus/ holds a few short texts from samples/ as seeds; libFuzzer adds
the inputs it finds interesting to it (they need not be committed). atheris
is a fuzzing-only tool: it is not a dependency of the project.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsfacts"]):
    from newsfacts import extract
    from newsfacts.io.decode import DecodeError, decode


def check(text: str) -> None:
    for claim in extract(text):
        assert 0 <= claim.start < claim.end <= len(text), (text, claim)
        assert text[claim.start : claim.end] == claim.text, (text, claim)
        ranged = claim.low is not None and claim.high is not None
        assert (claim.value is not None) != ranged, (text, claim)
        for number in (claim.value, claim.low, claim.high):
            assert number is None or number.is_finite(), (text, claim)


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


def main() -> None:
    extract("全县共有耕地2862亩。")  # load jieba's dictionary before the clock starts
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
