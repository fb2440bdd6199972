"""English words as the matcher compares them: stems, so the forms of one word meet, and the
words of a question that can tell facts or programs apart."""

from __future__ import annotations

ENGLISH_STOPWORDS = frozenset(
    """what when where which who whom whose why how there their they them this that these those
    about does have with from your into would could should will shall some many much tell please
    want know need like also than then just more most other only over such very""".split()  # noqa: SIM905
)


ENGLISH_SUFFIXES = (
    "ications", "ication", "icants", "icant", "ments", "ment", "ings", "ing", "ies", "ied",
    "ers", "er", "ed", "es", "s", "y", "e",
)  # fmt: skip
STEM_MIN = 3


def english_word(word: str) -> str:
    """A word as English overlap compares it: its stem, so the forms of one word meet (apply,
    applied, application → appl; courses, course → cours). One suffix at a time, twice at most
    (applying → apply → appl), never below three letters."""
    for _ in range(2):
        suffix = next(
            (
                end
                for end in ENGLISH_SUFFIXES
                if word.endswith(end) and len(word) - len(end) >= STEM_MIN
            ),
            None,
        )
        if suffix is None or word.endswith("ss"):
            break
        word = word[: -len(suffix)]
    return word


def english_content_words(english: str) -> list[str]:
    """The English question's words that can tell facts apart: four letters or more, no
    question or filler words."""
    return [
        english_word(word)
        for word in english.split()
        if len(word) >= 4 and word.isalpha() and word not in ENGLISH_STOPWORDS
    ]


# Words of any English question that say nothing of which program is meant (stems).
GENERIC_ENGLISH = frozenset(
    {"day", "year", "month", "week", "tim", "peopl", "aft", "befor", "program", "programm", "schem"}
)
