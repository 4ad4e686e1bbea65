"""jieba, loaded on first use: word boundaries of a piece of text.

Loading jieba's dictionary takes most of a second, so nothing imports it
until a claim needs it.
"""
from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=4096)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word of TEXT, from the dictionary only (no HMM guesses).

    >>> [("一二三产业"[s:e]) for s, e in word_spans("一二三产业")]
    ['一二三', '产业']
    """
    spans = []
    position = 0
    for word in _tokenizer().cut(text, HMM=False):
        spans.append((position, position + len(word)))
        position += len(word)
    return tuple(spans)
