"""A large file is read in pieces (newsfacts.io.sources), cut where an
article starts; the claims must be those of the file read whole, byte for
byte, wherever the pieces happen to be cut.

The texts are the samples joined one after another, each opening with its
headline, as a day's pages are often saved in one file.
"""
from __future__ import annotations

import functools
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts import extract
from newsfacts.io import sources

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def joined(characters: int) -> str:
    """The samples joined by blank lines, again and again, to CHARACTERS."""
    texts = [path.read_text(encoding="utf-8").strip() for path in SAMPLES]
    parts: list[str] = []
    size = 0
    while size < characters:
        for text in texts:
            parts.append(text)
            size += len(text) + 2
    return "\n\n".join(parts)[:characters]


def records(claims) -> list[bytes]:
    return [orjson.dumps(claim.to_dict()) for claim in claims]


def read_in_pieces(path: Path) -> tuple[list[bytes], int]:
    """The claims of PATH as the command line reads it, and the number of pieces."""
    claims = []
    pieces = list(sources.pieces(str(path)))
    for piece in pieces:
        claims += extract(piece.text, source=piece.name, offset=piece.offset, first_line=piece.first_line,
                          provenance=piece.provenance)
    return records(claims), len(pieces)


def test_a_400000_character_file_gives_the_same_claims_in_pieces(tmp_path: Path, monkeypatch) -> None:
    text = joined(400_000)
    path = tmp_path / "pages.txt"
    path.write_text(text, encoding="utf-8")
    # 1.1 MB: read in pieces of the usual size, as files past 2 MB are.
    monkeypatch.setattr(sources, "_WHOLE_FILE_BYTES", 0)
    in_pieces, count = read_in_pieces(path)
    whole = records(extract(text, source=str(path)))
    assert count >= 2
    assert len(whole) > 5000
    assert in_pieces == whole


@functools.cache
def _small_corpus() -> tuple[str, tuple[bytes, ...]]:
    text = joined(60_000)
    return text, tuple(records(extract(text, source="pages.txt")))


@settings(max_examples=12, deadline=None)
@given(piece=st.integers(1_000, 30_000), read=st.integers(512, 20_000))
def test_the_same_claims_wherever_the_pieces_are_cut(tmp_path_factory, piece: int, read: int) -> None:
    text, whole = _small_corpus()
    path = tmp_path_factory.mktemp("pieces") / "pages.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sources, "_WHOLE_FILE_BYTES", 0)
        patch.setattr(sources, "_PIECE_CHARS", piece)
        patch.setattr(sources, "_READ_BYTES", read)
        claims = []
        for document in sources.pieces(str(path)):
            claims += extract(document.text, source="pages.txt", offset=document.offset, first_line=document.first_line,
                              provenance=document.provenance)
    assert tuple(records(claims)) == whole
