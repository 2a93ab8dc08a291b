"""Text functions memoised: the same 三级指标 name or value is normalised by many rules, and
repeats across the rows and files one worker checks."""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable

# Names and values are short; a long text (a goal, a hostile cell) is computed each time, so
# the cache stays under ~10 MB whatever the input: 4,096 entries of at most 256 characters,
# key and result.
_ENTRIES = 4096
_LONGEST = 256


def text_memo(function: Callable[[str], str]) -> Callable[[str], str]:
    cached = lru_cache(maxsize=_ENTRIES)(function)

    @wraps(function)
    def call(text: str) -> str:
        return cached(text) if len(text) <= _LONGEST else function(text)

    return call
