"""What the checks derive from options and texts is computed once, within fixed bounds."""

from lint.checks import _memo, _options
from lint.checks._names import is_placeholder, normalise, placeholder_names


def test_placeholders_are_normalised_once_per_option_value():
    words = ["不适用", " 无 "]
    assert placeholder_names(words) is placeholder_names(words)
    assert placeholder_names(words) == {"不适用", "无"}
    assert is_placeholder("", words) and is_placeholder("无", words) and not is_placeholder("培训人数", words)


def test_equal_option_values_of_two_rules_each_get_their_own_entry():
    assert placeholder_names(["无"]) == placeholder_names(["无"]) == {"无"}


def test_prepared_values_stay_bounded(monkeypatch):
    monkeypatch.setattr(_options, "_PREPARED", {})
    kept = [[str(n)] for n in range(_options._PREPARED_MAX * 2)]
    for words in kept:
        assert placeholder_names(words) == {words[0]}
    assert len(_options._PREPARED) <= _options._PREPARED_MAX


def test_long_texts_are_not_kept():
    long_name = "培训人数" * (_memo._LONGEST // 4 + 1)
    before = _cache_size()
    assert normalise(long_name) == long_name
    assert _cache_size() == before


def _cache_size() -> int:
    # The lru_cache sits in the wrapper's closure.
    cached = next(cell.cell_contents for cell in normalise.__closure__ if hasattr(cell.cell_contents, "cache_info"))
    return cached.cache_info().currsize
