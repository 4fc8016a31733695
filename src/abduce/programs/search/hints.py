"""Words turned into a prior for the search: a person's hint ("crop to the largest object,
then flip it"), or what a model wrote. DSL names in the text count most; other words are
matched to the primitives' names and one-line descriptions (a word found in many of them says
little, in few of them much); colour names and small numbers raise those literals. The words'
distribution is smoothed by mixing it with the search's own prior (uniform or learned).

>>> hint = hint_prior("crop to the largest object, then flip_left_right")
>>> hint.matches["flip_left_right"], "crop_to_largest_object" in hint.matches["largest"]
(('flip_left_right',), True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from abduce.programs.search.learned import searchable_names
from abduce.programs.search.prior import LiteralKey, Prior
from abduce.programs.search.vocabulary import primitives

WEIGHT = 0.5  # of the words' distribution in the mix with the search's own prior
NAMED = 3.0  # a DSL name in the text counts as this many matched words
GRID_ROW = re.compile(r"^[\d\s,\[\]]+$")  # a grid's row echoed: its digits name no number
NAMED_VALUE = 0.75  # a colour or number in the text: likelier than the rest of its type together
MOST_MATCHES = 16  # a word found in more primitives' names and descriptions is passed over
STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the of to and or then it its each every with by in on into from as is are be "
        "that this for all at same other one two grid cell cells",
    )
)
SYNONYMS = {
    "biggest": "largest", "big": "large", "tiny": "small", "gray": "grey", "turn": "rotate",
    "reflect": "mirror", "repeat": "tile", "paint": "recolour",
}  # fmt: skip
COLOURS = {
    "black": 0, "blue": 1, "red": 2, "green": 3, "yellow": 4, "grey": 5, "magenta": 6,
    "pink": 6, "orange": 7, "azure": 8, "cyan": 8, "maroon": 9, "brown": 9,
}  # fmt: skip


@dataclass(frozen=True)
class Hint:
    """The prior the words give, and which word or name raised which primitives or literals."""

    text: str
    prior: Prior
    matches: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weight: float = WEIGHT


def hint_prior(text: str, base: Prior | None = None, weight: float = WEIGHT) -> Hint:
    """The prior `text` gives, mixed with `base` (uniform if None) at `weight`."""
    names = searchable_names()
    known = set(names)
    counts: dict[str, float] = {}
    matches: dict[str, tuple[str, ...]] = {}
    words = []  # the text's words outside the DSL names it holds
    for token in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text):
        if token in known:
            counts[token] = counts.get(token, 0) + NAMED
            matches[token] = (token,)
        else:
            words += re.findall(r"[a-z]+", token.lower())
    index = _word_index()
    for word in dict.fromkeys(words):
        found = index.get(_stem(SYNONYMS.get(word, word)), ())  # stop words are not in it
        if 0 < len(found) <= MOST_MATCHES:
            for name in found:
                counts[name] = counts.get(name, 0) + 1 / len(found)
            matches[word] = found
    literals, named = _literals(text)
    matches.update(named)
    chances = dict(base.primitives) if base else {}
    if counts:
        total, uniform = sum(counts.values()), 1 / len(names)
        chances = {
            name: (1 - weight) * chances.get(name, uniform) + weight * counts.get(name, 0) / total
            for name in names
        }
    return Hint(text, Prior(primitives=chances, literals=literals), matches, weight)


def _literals(text: str) -> tuple[dict[LiteralKey, float], dict[str, tuple[str, ...]]]:
    """Colours named and numbers 0-9 written in the text (not in rows of a grid), each
    raised to `NAMED_VALUE`, and the words that named them."""
    raised: dict[LiteralKey, float] = {}
    named: dict[str, tuple[str, ...]] = {}
    for word in re.findall(r"[a-z]+", text.lower()):
        color = COLOURS.get(SYNONYMS.get(word, word))
        if color is not None:
            raised[("Color", color)] = NAMED_VALUE
            named[word] = (f"colour {color}",)
    prose = "\n".join(line for line in text.splitlines() if not GRID_ROW.match(line))
    for digit in re.findall(r"\b\d\b", prose):
        raised[("Integer", int(digit))] = NAMED_VALUE
        named[digit] = (f"number {digit}",)
    return raised, named


@cache
def _word_index() -> dict[str, tuple[str, ...]]:
    """For each stemmed word, the searchable primitives whose name or phrase has it."""
    phrases = primitives()
    index: dict[str, set[str]] = {}
    for name in searchable_names():
        words = re.findall(r"[a-z]+", f"{name.replace('_', ' ')} {phrases[name].phrase}".lower())
        for word in words:
            if _stem(word) not in STOP_WORDS:
                index.setdefault(_stem(word), set()).add(name)
    return {word: tuple(sorted(found)) for word, found in index.items()}


def _stem(word: str) -> str:
    """A crude stem: American spelling British, one plural or tense ending and a doubled
    final consonant dropped ("cropped" and "crops" -> "crop")."""
    word = word.replace("color", "colour")
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            if len(word) > 3 and word[-1] == word[-2]:
                word = word[:-1]
            break
    return word
