"""Group similar questions (what residents ask that the bot could not answer).

Two questions are alike when they ask about the same things in other words: particles, endings,
question words and punctuation do not count ("구청 전화번호 알려줘" is "영등포구청 전화번호";
"minimum wage?" is "What is the minimum wage?"), nor does spacing ("청년월세지원"), nor a typo.
A content word swapped for another makes a different question, however alike the rest
(국민연금 / 기초연금). The cut-offs are tuned on the labelled pairs in
tests/data/unanswered_pairs.jsonl."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from bot.normalize import jamo, spaced

SAME_WORD = 80.0  # jamo similarity of two words taken as one (a typo); 70 merges 국민/기초연금
SIMILAR = 80.0  # token-set similarity of the content words of two questions in one group

# fmt: off
# Endings of Korean words that ask rather than name (verbs and copulas); longest are tried first.
ENDINGS = sorted((
    "해주세요", "알려주세요", "알려줘요", "알려줘", "가르쳐주세요", "가르쳐줘", "있나요", "있어요",
    "있을까요", "있니", "있어", "없나요", "없어요", "인가요", "인가", "일까요", "인데요", "인데",
    "이에요", "예요", "에요", "이요", "해요", "하나요", "하죠", "나요", "되나요", "되요", "돼요",
    "할까요", "까요", "가요", "어요", "아요", "었어요", "았어요", "나", "니", "지", "죠", "은요",
    "는요", "요", "하려면", "으려면", "려면", "하면", "으면", "하는데", "는데", "하는", "하고",
), key=len, reverse=True)
# Particles after a noun (only stripped when two syllables or more remain).
PARTICLES = sorted((
    "에서는", "에서", "으로", "에게", "한테", "까지", "부터", "이랑", "랑", "처럼", "보다",
    "은", "는", "이", "가", "을", "를", "에", "의", "도", "로", "와", "과", "만",
), key=len, reverse=True)
# Words that ask, or that every question here could carry (the district's own name).
QUESTION_WORDS = frozenset((
    "알려", "주세요", "줘", "좀", "뭐", "뭐예", "뭔가", "무엇", "어떻게", "어디", "어디서", "언제",
    "얼마", "얼마나", "몇", "있", "없", "해", "하", "되", "돼", "궁금", "궁금해", "문의", "질문",
    "혹시", "그", "이거", "저", "제가", "저는", "구", "방법", "곳",
    "what", "is", "the", "a", "an", "of", "how", "much", "do", "does", "did", "i", "can", "could",
    "to", "in", "for", "my", "me", "please", "tell", "about", "are", "there", "any", "where",
    "when", "who", "it", "you", "your", "get", "know", "want", "need", "be", "on", "at", "with",
    "and", "or", "this", "that", "many",
))
# fmt: on
PREFIXES = ("영등포", "몇")  # 영등포구청 is 구청; 몇시 is 시


@dataclass
class Group:
    members: list[Any] = field(default_factory=list)

    @property
    def newest(self) -> Any:
        return self.members[0]


def _stem(word: str) -> str:
    if word.isascii():
        plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
        return word[:-1] if plural else word
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            word = word[len(prefix) :]
    particle = next((p for p in PARTICLES if word.endswith(p) and len(word) - len(p) >= 2), "")
    word = word[: len(word) - len(particle)]
    ending = next((e for e in ENDINGS if word.endswith(e)), "")
    return word[: len(word) - len(ending)]


def content_words(text: str) -> list[str]:
    """The words a question is about, in its own order."""
    words = [stem for word in spaced(text).split() if (stem := _stem(word))]
    return [w for w in words if w not in QUESTION_WORDS] or words or [spaced(text)]


def _has(word: str, others: list[str]) -> bool:
    """Whether the other question has this word: the same, spaced differently, or mistyped."""
    packed = "".join(others)
    return (
        (len(word) >= 2 and word in packed)
        or any(len(other) >= 2 and other in word for other in others)
        or any(fuzz.ratio(jamo(word), jamo(other)) >= SAME_WORD for other in others)
    )


def similarity(first: str, second: str) -> float:
    """0 when a content word of one was swapped for another, or when one adds more than it
    shares; otherwise how alike their content words are (0-100)."""
    a, b = content_words(first), content_words(second)
    only_a = [w for w in a if not _has(w, b)]
    only_b = [w for w in b if not _has(w, a)]
    if only_a and only_b:
        return 0.0
    longer, added = (a, only_a) if len("".join(a)) >= len("".join(b)) else (b, only_b)
    if 2 * len("".join(added)) > len("".join(longer)):
        return 0.0
    letters_a, letters_b = " ".join(map(jamo, a)), " ".join(map(jamo, b))
    return max(
        fuzz.token_set_ratio(letters_a, letters_b),
        fuzz.ratio(letters_a.replace(" ", ""), letters_b.replace(" ", "")),
    )


def group_questions(questions: Sequence[Any], text_of=lambda q: q.text) -> list[Group]:
    """Greedy grouping, newest first: a question joins the first group whose first question it
    resembles."""
    groups: list[tuple[str, Group]] = []
    for question in questions:
        text = text_of(question)
        for key, group in groups:
            if similarity(text, key) >= SIMILAR:
                group.members.append(question)
                break
        else:
            groups.append((text, Group([question])))
    return [group for _, group in groups]
