"""Turn a typed question into forms that matching can use: spaced words, compact Korean, jamo."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NON_WORD = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3131-\u318e]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_LATIN = re.compile(r"[a-z]")

_SYLLABLE_BASE = 0xAC00
_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TAILS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


def spaced(text: str) -> str:
    """Lower-case words separated by single spaces; punctuation becomes a space."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(_NON_WORD.sub(" ", text).split())


def compact(text: str) -> str:
    """The spaced form without spaces: how Korean terms are compared."""
    return spaced(text).replace(" ", "")


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


def is_mostly_latin(text: str) -> bool:
    """True for a question written in English (more Latin letters than Hangul)."""
    lowered = text.lower()
    return len(_LATIN.findall(lowered)) > 2 * len(_HANGUL.findall(lowered))


def jamo(text: str) -> str:
    """Decompose Hangul syllables into letters, so one mistyped letter costs little."""
    letters: list[str] = []
    for char in text:
        code = ord(char) - _SYLLABLE_BASE
        if 0 <= code < 11172:
            lead, rest = divmod(code, 588)
            vowel, tail = divmod(rest, 28)
            letters.append(_LEADS[lead] + _VOWELS[vowel] + _TAILS[tail])
        else:
            letters.append(char)
    return "".join(letters)


_PAST_TAIL = _TAILS.index("ㅆ")
_NOT_PAST = frozenset("있겠")  # ㅆ-final syllables that are no past tense: 있어요, 하겠어요
_LAST_PREDICATE = 5  # syllables at the end of a question where its last verb is


def ends_in_past_tense(compact_korean: str) -> bool:
    """Whether the question's last verb is in the past tense (열렸어요, 했나요, 였어요): a syllable
    ending in ㅆ near its end, other than 있 and 겠."""
    for char in compact_korean[-_LAST_PREDICATE:]:
        code = ord(char) - _SYLLABLE_BASE
        if 0 <= code < 11172 and code % 28 == _PAST_TAIL and char not in _NOT_PAST:
            return True
    return False


_AUXILIARIES = frozenset(
    {"do", "does", "did", "is", "are", "am", "was", "were", "has", "have", "had"}
    | {"can", "could", "will", "would", "may", "might", "should", "shall"}
)
_PAST_AUXILIARIES = frozenset({"did", "was", "were"})


def asks_in_past_tense(spaced_english: str) -> bool:
    """Whether an English question's first auxiliary is in the past tense (When was…, How many
    did…, Where has … been held): the question is about what happened, not what is planned."""
    words = spaced_english.split()
    first = next((i for i, word in enumerate(words) if word in _AUXILIARIES), None)
    if first is None:
        return False
    if words[first] in _PAST_AUXILIARIES:
        return True
    return words[first] in ("has", "have", "had") and "been" in words[first + 1 :]


@dataclass(frozen=True)
class Query:
    """A question in the forms the matcher reads."""

    raw: str
    spaced: str
    compact: str
    english: bool

    @classmethod
    def of(cls, raw: str, replacements: dict[str, str] | None = None) -> Query:
        """Build the query; `replacements` maps typed forms to canonical ones (spaces ignored)."""
        words = spaced(raw)
        packed = words.replace(" ", "")
        for typed, canonical in (replacements or {}).items():
            typed_words, canonical_words = spaced(typed), spaced(canonical)
            if typed_words in words:
                words = words.replace(typed_words, canonical_words)
            typed_packed = typed_words.replace(" ", "")
            if typed_packed in packed:
                packed = packed.replace(typed_packed, canonical_words.replace(" ", ""))
        return cls(raw=raw, spaced=words, compact=packed, english=is_mostly_latin(raw))


def term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word pattern for an English term, singular or plural (community job(s))."""
    words = spaced(term)
    if len(words) > 3 and words.endswith("s") and not words.endswith("ss"):
        words = words[:-1]
    return re.compile(r"(?<![0-9a-z])" + re.escape(words) + r"s?(?![0-9a-z])")
