"""A rule's own wording for the pieces of a message a check chooses (``texts:`` in its pack).

A check whose message depends on what it found — "below the budget by" or "above it", a
suggestion fitted to the indicator — does not carry that wording: it names a text of its
rule by key (its module's ``TEXTS`` lists the keys and the ``{fields}`` each may use) and
this module fills the text in, in every language the rule has. The pack loader checks at
load that a rule has every text its check kind names, and no other.
"""

from __future__ import annotations

# How each language lists names in a message, and quotes them in a list: punctuation, not
# wording, so it stays here.
_SEPARATORS = {"zh": "、", "en": ", "}
_QUOTED = {"zh": ("「{}」", ""), "en": ("'{}'", ", ")}


def text(rule, key: str, **fields) -> dict[str, str]:
    """The rule's text ``key`` in each language, its ``{fields}`` filled in; a field given in
    each language (a {"zh": …, "en": …} dict, such as another text) is filled in per language."""
    return {lang: template.format_map({name: _in(value, lang) for name, value in fields.items()})
            for lang, template in rule.texts[key].items()}


def listed(items: list[str]) -> dict[str, str]:
    """``items`` joined the way each language writes a list."""
    return {lang: separator.join(items) for lang, separator in _SEPARATORS.items()}


def quoted(items: list[str]) -> dict[str, str]:
    """``items`` each quoted and listed the way each language writes it: 「a」「b」, 'a', 'b'."""
    return {lang: separator.join(quote.format(item) for item in items) for lang, (quote, separator) in _QUOTED.items()}


def _in(value, lang: str):
    return value.get(lang, value.get("zh", "")) if isinstance(value, dict) else value
