"""Find what a question is about: the program (by its names), the topic, and the best facts.

Korean terms are compared on the question with spaces and punctuation removed, so particles,
endings and spacing do not matter; English terms are compared as whole words. Typos in program
names are forgiven by comparing Hangul letter by letter (jamo) with rapidfuzz.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bot.english import GENERIC_ENGLISH, english_content_words, english_word
from bot.normalize import (
    Query,
    asks_in_past_tense,
    compact,
    ends_in_past_tense,
    has_hangul,
    jamo,
    spaced,
    term_pattern,
)
from knowledge.loader import KnowledgeBase
from knowledge.schema import Fact, Topic

MatchKind = Literal[
    "facts", "topic", "card", "duty", "greeting", "no_detail", "other_year", "fallback"
]
YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
CONDITION = re.compile(r"^(되면|하면|돼서|되어|되고|하고)")  # 선정되면: "if selected", a condition

FUZZY_MIN_RATIO = 87.0
FUZZY_MIN_SYLLABLES = 3
SECOND_FACT_SHARE = 0.75
MAX_FACTS = 2
LONG_KEYWORD = 6  # syllables: a keyword this long (꿈더하기베이커리) names its program alone
HEAD_BONUS = 1  # the topic of the question's last topic word (Korean is head-final)
TEXT_WEIGHT = 0.5  # word overlap with a fact's text counts half as much as a keyword
GREETING_REST = 6  # syllables after a greeting that are still the greeting (하세요, 반가워요)
ENGLISH_MIN_WORDS = 2  # an English question names a program by two of its words at least
ENGLISH_MIN_RARITY = 3.0  # ... rare ones: log(programs / programs with the word), summed
ENGLISH_LEAD = 1.0  # ... and well ahead of the next program
COMMON_SHARE = 0.15  # a word found in more facts than this says nothing about which one
DUTY_SUFFIXES = ("육성및지원", "활성화", "관리", "운영", "추진", "지원", "사업")


@dataclass(frozen=True)
class Term:
    """A word or phrase to look for in a question."""

    text: str
    packed: str
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, text: str) -> Term:
        packed = compact(text)
        return cls(
            text=text, packed=packed, pattern=None if has_hangul(text) else term_pattern(text)
        )

    @property
    def weight(self) -> int:
        return len(self.packed) if self.pattern is None else 2 + len(self.packed) // 4

    def find(self, korean: str, english: str) -> bool:
        if self.pattern is None:
            return bool(korean) and self.packed in korean
        return bool(english) and self.pattern.search(english) is not None


@dataclass(frozen=True)
class IndexedFact:
    program_id: str
    fact: Fact
    keywords: tuple[Term, ...]
    specific: frozenset[str]
    text: str  # every value's Korean text, compact, for word overlap with the question
    words_en: frozenset[str]  # the words of every value's English text, singular

    @property
    def keyword_set(self) -> set[str]:
        return {term.packed for term in self.keywords}


@dataclass
class Match:
    kind: MatchKind
    program_id: str | None = None
    topic: Topic | None = None
    facts: list[Fact] = field(default_factory=list)
    year: int | None = None
    duty: tuple[str, str] | None = None
    english: bool = False
    wants_screener: bool = False
    detail: str | None = None  # a detail the report never gives (전화번호), as asked
    asked: Topic | None = None  # the topic of the question word (어디 → place)
    compare: bool = False  # the question compares the years (작년보다 올랐어요)


def expand_synonyms(keywords: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """The keywords plus their variants with a word replaced by a synonym."""
    expanded = dict.fromkeys(keywords)
    for word in keywords:
        for canonical, alternatives in synonyms.items():
            if has_hangul(word) and canonical in word and word != canonical:
                expanded.update(dict.fromkeys(word.replace(canonical, alt) for alt in alternatives))
    return list(expanded)


def typed_name(korean: str, name: str) -> str:
    """The window of the question that a misspelled name was typed as (일자리플러스샌터 for
    일자리플러스센터, 청년네트웍 for 청년네트워크): the closest letter by letter, of the name's
    length give or take a syllable."""
    target = jamo(name)
    windows = [
        (
            Levenshtein.distance(jamo(korean[start : start + size]), target),
            abs(size - len(name)),
            start,
            size,
        )
        for size in (len(name) - 1, len(name), len(name) + 1)
        if 0 < size <= len(korean)
        for start in range(len(korean) - size + 1)
    ]
    if not windows:
        return korean
    _, _, start, size = min(windows)
    return korean[start : start + size]


def duty_core(duty: str) -> str:
    """The distinctive part of a team duty: '직업소개소 관리' -> '직업소개소'."""
    core = compact(duty)
    for suffix in DUTY_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            return core[: -len(suffix)]
    return core


def is_specific(term: Term, topic_words: set[str], other_names: list[str]) -> bool:
    """Whether a fact keyword is distinctive enough to identify its program on its own: not a
    topic word or a topic word with a particle (어디서), and not part of (or the whole of)
    another program's name or a team duty (개소 in 직업소개소; 생활임금, a duty of its own)."""
    if term.pattern is not None:
        return len(term.packed) >= 5 and term.packed not in topic_words
    if len(term.packed) < 2 or any(
        word in term.packed and len(term.packed) - len(word) <= 1 for word in topic_words
    ):
        return False
    return not any(term.packed in name for name in other_names)


class Matcher:
    """An index of the knowledge base's names, topic words and fact keywords."""

    def __init__(self, kb: KnowledgeBase) -> None:
        vocabulary = kb.vocabulary
        self.replacements = vocabulary.replacements
        self.years = {compact(word): year for word, year in vocabulary.years.items()}
        self.past_tense_year = vocabulary.past_tense_year
        self.comparison_words = tuple(Term.of(word) for word in vocabulary.comparison_words)
        self.not_past = tuple(Term.of(word) for word in vocabulary.not_past)
        self.greetings = tuple(Term.of(word) for word in vocabulary.greetings)
        self.screener_triggers = tuple(Term.of(word) for word in vocabulary.screener_triggers)
        self.first_person = tuple(Term.of(word) for word in vocabulary.first_person)
        self.work_words = tuple(Term.of(word) for word in vocabulary.work_words)
        self.generic_terms = frozenset(compact(word) for word in vocabulary.generic_terms)
        self.not_in_report = tuple(
            sorted(
                (Term.of(word) for word in vocabulary.not_in_report), key=lambda t: -len(t.packed)
            )
        )
        self.topics = {
            topic: tuple(Term.of(w) for w in words) for topic, words in vocabulary.topics.items()
        }
        self.question_words = sorted(
            (
                (topic, Term.of(word))
                for topic, words in vocabulary.question_words.items()
                for word in words
            ),
            key=lambda item: -len(item[1].packed),
        )
        topic_words = {term.packed for terms in self.topics.values() for term in terms}
        topic_words |= {term.packed for _, term in self.question_words}
        self.topic_words = frozenset(topic_words)
        # What may follow a short keyword that stands as a word of its own (목공을, 목공 교육).
        self.word_heads = (
            *vocabulary.particles,
            *self.topic_words,
            *(t.packed for t in self.work_words),
        )
        question_word_set = {term.packed for _, term in self.question_words}
        # Each topic's Korean nouns (지원금), not its question words (몇개): a keyword right before
        # one of them modifies what is asked (회사 지원금).
        self.topic_nouns: dict[Topic, tuple[str, ...]] = {
            topic: tuple(
                t.packed for t in terms if t.pattern is None and t.packed not in question_word_set
            )
            for topic, terms in self.topics.items()
        }
        self.english_topic_words = frozenset(
            english_word(word) for word in topic_words if not has_hangul(word)
        )
        self.amount_of = {
            topic: tuple(Term.of(w) for w in words) for topic, words in vocabulary.amount_of.items()
        }

        self.aliases: list[tuple[str, Term, str]] = []
        for program in kb.programs.values():
            # In the order written, so names of one length keep it whatever the hash seed
            # (뉴딜일자리 before the project 환경관리사), and the same question always gets the
            # same answer.
            names = dict.fromkeys(
                [program.name.ko, *([program.name.en] if program.name.en else []), *program.aliases]
            )
            for name in names:
                term = Term.of(name)
                self.aliases.append((program.id, term, jamo(term.packed)))
        self.aliases.sort(key=lambda item: -len(item[1].packed))
        self.needs = sorted(
            (
                (program.id, Term.of(need))
                for program in kb.programs.values()
                for need in program.needs
            ),
            key=lambda item: -len(item[1].packed),
        )

        # Keywords that are part of a program's own names say nothing of which fact is asked.
        self.name_words: dict[str, set[str]] = {}
        for program in kb.programs.values():
            names = [t.packed for owner, t, _ in self.aliases if owner == program.id]
            self.name_words[program.id] = {
                Term.of(word).packed
                for fact in program.facts
                for word in fact.keywords
                if any(Term.of(word).packed in name for name in names)
            }

        self.duties: list[tuple[Term, str, str]] = []
        for team in kb.division.teams:
            for duty in team.duties:
                self.duties.append((Term.of(duty_core(duty)), team.id, duty))

        names_of_others: dict[str, list[str]] = {
            program_id: [t.packed for owner, t, _ in self.aliases if owner != program_id]
            + [t.packed for t, _, _ in self.duties]
            for program_id in kb.programs
        }
        keyword_owners: dict[str, set[str]] = {}
        for program in kb.programs.values():
            for fact in program.facts:
                for word in expand_synonyms(fact.keywords, vocabulary.keyword_synonyms):
                    keyword_owners.setdefault(Term.of(word).packed, set()).add(program.id)
        self.facts: list[IndexedFact] = []
        for program in kb.programs.values():
            for fact in program.facts:
                words = expand_synonyms(fact.keywords, vocabulary.keyword_synonyms)
                terms = tuple(Term.of(word) for word in words)
                specific = frozenset(
                    t.packed
                    for t in terms
                    if is_specific(t, topic_words, names_of_others[program.id])
                    and len(keyword_owners[t.packed]) <= 2
                )
                text = compact(" ".join(value.ko for value in fact.values))
                words_en = frozenset(
                    english_word(word)
                    for value in fact.values
                    for word in spaced(value.en or "").split()
                )
                self.facts.append(IndexedFact(program.id, fact, terms, specific, text, words_en))

        # Each program's English words (names and the English of its facts, not eligibility:
        # that names other schemes), for English questions that name no program.
        self.english_words: dict[str, frozenset[str]] = {}
        for program in kb.programs.values():
            texts = [program.name.en or "", *(a for a in program.aliases if not has_hangul(a))]
            texts += [
                value.en or ""
                for fact in program.facts
                if fact.topic != "eligibility"
                for value in fact.values
            ]
            self.english_words[program.id] = frozenset(
                english_word(word) for text in texts for word in spaced(text).split()
            )
        # How rare each of those words is among programs: log(programs / programs with it).
        programs_with = Counter(word for words in self.english_words.values() for word in words)
        self.english_rarity = {
            word: math.log(len(self.english_words) / count) for word, count in programs_with.items()
        }
        # Each Korean name's longer specific keywords of other programs (협동조합 → the 마을기업
        # 협동조합노느매기), found once here rather than at every question.
        specific_words = {
            (word, f.program_id) for f in self.facts for word in f.specific if has_hangul(word)
        }
        self.names_holding: dict[str, list[tuple[str, str]]] = {}
        for _, term, _ in self.aliases:
            if term.pattern is None:
                self.names_holding[term.packed] = sorted(
                    (
                        (word, program_id)
                        for word, program_id in specific_words
                        if len(word) >= len(term.packed) + 2
                        and term.packed in word
                        and program_id not in self._owners(term)
                    ),
                    key=lambda item: (-len(item[0]), item),
                )
        self._fact_share = lru_cache(maxsize=4096)(self._share_of_facts)
        self._last_spaced = ""

    def _share_of_facts(self, word: str) -> float:
        if not has_hangul(word):
            return max(sum(word in f.words_en for f in self.facts), 1) / len(self.facts)
        return max(sum(word in f.text for f in self.facts), 1) / len(self.facts)

    def match(self, text: str) -> Match:
        query = Query.of(text, self.replacements)
        self._last_spaced = query.spaced
        korean = query.compact if has_hangul(query.compact) else ""
        english = query.spaced if re.search("[a-z]", query.spaced) else ""
        named_years = {y for word, y in self.years.items() if word in query.compact}
        # 작년보다 올랐어요, 2017년이랑 2018년: a comparison asks for both years.
        compare = len(named_years) >= 2 or any(
            term.find(korean, english) for term in self.comparison_words
        )
        year = None if compare else next(iter(named_years), None)
        if (
            year is None
            and not compare
            and (ends_in_past_tense(korean) or asks_in_past_tense(english))
            and not any(term.find(korean, english) for term in self.not_past)
        ):
            year = self.past_tense_year  # 발대식 언제 했어요: the report's results year

        program_id, alias = self._find_program(korean, english)
        if alias is not None and (owner := self._named_inside(alias, korean)) is not None:
            program_id, alias = owner, None  # 협동조합노느매기 is a 마을기업, not a 협동조합
        if program_id is None:  # a need said outright names the program (직원 구하는 거); its
            # words stay in the question, to pick the fact (장사하는 법 → the shop course)
            program_id = next(
                (owner for owner, term in self.needs if term.find(korean, english)), None
            )
        # Topic words are read with the program's name taken out (드림팀 says nothing of 팀).
        topic_korean, topic_english = korean, english
        if alias is not None and alias.pattern is None:
            typed = alias.packed if alias.packed in korean else typed_name(korean, alias.packed)
            topic_korean = korean.replace(typed, "|")
        elif alias is not None and alias.pattern is not None:
            topic_english = alias.pattern.sub("|", english)
        topic_scores = {
            topic: sum(term.weight for term in terms if term.find(topic_korean, topic_english))
            for topic, terms in self.topics.items()
        }
        topic_scores = {topic: score for topic, score in topic_scores.items() if score > 0}
        if not topic_scores and program_id is not None:
            topic_scores = self._misspelled_topics(topic_korean)
        if (head := self._head_topic(topic_korean)) is not None:
            topic_scores[head] += HEAD_BONUS
        asked = self._asked_topic(topic_korean, topic_english)
        if asked == "pay":  # 얼마: an amount; the noun it asks about may name another topic
            asked = next(
                (
                    topic
                    for topic, terms in self.amount_of.items()
                    if any(term.find(topic_korean, topic_english) for term in terms)
                ),
                asked,
            )
        if asked == "about" and any(
            topic != "about"
            for topic in (
                self._topics_outside_question_word(topic_korean) if topic_korean else topic_scores
            )
        ):
            asked = None  # "what is the wage": the content word says what is asked
        if program_id is None:
            program_id = self._identify_by_keywords(korean, english)
        if program_id is None and english and not korean:
            program_id = self._identify_by_english(english)

        result = Match(
            kind="fallback", year=year, english=query.english, asked=asked, compare=compare
        )
        other_year = self._other_year(query.spaced)
        if other_year is not None and any(
            str(other_year) in f.text for f in self.facts if f.program_id == program_id
        ):
            other_year = None  # the program's facts speak of it (2015.04.28. 개관)
        detail = next(
            (
                term.text
                for term in self.not_in_report
                if term.find(korean, english) and not self._has_keyword(program_id, term.packed)
            ),
            None,
        )  # 주말 is a detail the report lacks, unless a fact of the program claims it (주5일)
        if program_id is not None and (other_year or detail):
            # Asked for a year or a detail the report does not have: say so, never the nearest
            # fact (2019년 시급 is not the 2018 wage; 전화번호 is not the address).
            result.program_id = program_id
            result.kind = "other_year" if other_year else "no_detail"
            result.year, result.detail = other_year or year, detail
        elif program_id is not None:
            facts = self._rank_facts(
                program_id, topic_korean, topic_english, topic_scores, asked, alias, english
            )
            best_topic = asked or (
                max(topic_scores, key=topic_scores.__getitem__) if topic_scores else None
            )
            result.program_id = program_id
            if facts and not (
                asked == "about" and not self._names_a_fact(facts[0], korean, english)
            ):
                result.kind, result.topic, result.facts = "facts", facts[0].topic, facts
                if year is None and not compare:
                    result.year = self._year_asked_about(facts[0], topic_korean)
            elif asked == "about":
                result.kind = "card"  # "뉴딜이 뭐예요?": the program's card says what it is
            else:
                result.kind, result.topic = ("topic", best_topic) if best_topic else ("card", None)
        elif (duty := self._find_duty(korean)) is not None:
            result.kind, result.duty = "duty", duty
        elif any(self._greets(term, korean, english) for term in self.greetings):
            result.kind = "greeting"
        about_me = any(term.find(korean, english) for term in self.first_person)
        result.wants_screener = any(
            term.find(korean, english) for term in self.screener_triggers
        ) or (about_me and (asked == "eligibility" or "eligibility" in topic_scores))
        return result

    def _has_keyword(self, program_id: str | None, word: str) -> bool:
        return any(
            word in indexed.keyword_set
            for indexed in self.facts
            if indexed.program_id == program_id
        )

    def _other_year(self, spaced: str) -> int | None:
        """A year the question names that the knowledge base has no values for (2019년)."""
        known = set(self.years.values())
        return next((int(y) for y in YEAR.findall(spaced) if int(y) not in known), None)

    def _find_program(self, korean: str, english: str) -> tuple[str | None, Term | None]:
        """The program named in the question: its longest name found, else a close misspelling."""
        for program_id, term, _ in self.aliases:
            if term.find(korean, english):
                return program_id, term
        if not korean:
            return None, None
        letters = jamo(korean)
        best: tuple[float, str | None, Term | None] = (0.0, None, None)
        for program_id, term, term_letters in self.aliases:
            if term.pattern is not None or len(term.packed) < FUZZY_MIN_SYLLABLES:
                continue
            if len(term_letters) > len(letters):
                continue
            ratio = fuzz.partial_ratio(term_letters, letters, score_cutoff=FUZZY_MIN_RATIO)
            if ratio > best[0]:
                best = (ratio, program_id, term)
        return best[1], best[2]  # the name meant (건축배간 → 건축배관), not found as typed

    def _misspelled_topics(self, korean: str) -> dict[str, int]:
        """Topic words of three syllables or more typed with one wrong letter (근무시관), when
        none is found as typed."""
        found: dict[str, int] = {}
        for topic, terms in self.topics.items():
            for term in terms:
                size = len(term.packed)
                if term.pattern is not None or size < FUZZY_MIN_SYLLABLES:
                    continue  # two-syllable words are a letter away from endings (나요 ~ 나이)
                target = jamo(term.packed)
                for start in range(len(korean) - size + 1):
                    window = korean[start : start + size]
                    if window[0] != term.packed[0]:
                        continue  # the first syllable as typed: 주쇼 for 주소, not 부소
                    if Levenshtein.distance(jamo(window), target, score_cutoff=1) <= 1:
                        found[topic] = found.get(topic, 0) + term.weight
                        break
        return found

    def _head_topic(self, korean: str) -> Topic | None:
        """The topic of the last topic word: Korean puts the head of a phrase last, so 가입 나이
        asks for an age and 나이 제한 가입 would not."""
        ends = [
            (korean.rfind(term.packed) + len(term.packed), topic)
            for topic, terms in self.topics.items()
            for term in terms
            if term.pattern is None and term.packed in korean
        ]
        return max(ends)[1] if ends else None

    def _topics_outside_question_word(self, korean: str) -> set[Topic]:
        """The topics of the words outside the question word: 뭘 할 수 있어요 holds 할수있, an
        eligibility word, that asks nothing of eligibility there."""
        word = next((t.packed for _, t in self.question_words if t.find(korean, "")), "")
        rest = korean.replace(word, "|") if word else korean
        return {
            topic
            for topic, terms in self.topics.items()
            if any(term.pattern is None and term.packed in rest for term in terms)
        }

    def _asked_topic(self, korean: str, english: str) -> Topic | None:
        """The topic of the question word, the longest one found (얼마나자주 before 얼마)."""
        for topic, term in self.question_words:
            if term.find(korean, english):
                return topic
        return None

    def _identify_by_keywords(self, korean: str, english: str) -> str | None:
        """The program whose distinctive keywords the question uses, when it names none: two
        distinct keywords, or one long one (꿈더하기베이커리), or one in a question about work or
        learning (조리사 일 배우고 싶은데 교육 있어요); alone, a short keyword may mean something
        else (도서관 몇 시까지). Eligibility facts do not count: they name other schemes
        (실업급여) as conditions."""
        about_work = any(term.find(korean, english) for term in self.work_words)
        found: dict[str, set[str]] = {}
        also: dict[str, set[str]] = {}  # keywords of the program that are not distinctive
        for indexed in self.facts:
            if indexed.fact.topic == "eligibility":
                continue
            for term in indexed.keywords:
                if term.find(korean, english) and term.packed not in self.generic_terms:
                    kind = found if term.packed in indexed.specific else also
                    kind.setdefault(indexed.program_id, set()).add(term.packed)
        content = self._content_words(korean)
        best: tuple[float, str | None] = (0.0, None)
        for program_id, words in found.items():
            words = {w for w in words if not any(w != other and w in other for other in words)}
            longest = max(len(w) for w in words)
            strong = (
                len(words) >= 2
                or longest >= LONG_KEYWORD
                or (about_work and longest >= 3)
                or (about_work and longest >= 2 and self._stands_alone(next(iter(words))))
            )
            if not strong:
                continue
            # Two programs with the same keyword (면접): the one whose facts share more of the
            # question's other words (면접 연습 … 프로그램) is meant.
            shared = max(
                sum(self._overlap(word, f.text) for word in content)
                for f in self.facts
                if f.program_id == program_id
            ) + sum(len(w) for w in also.get(program_id, set()) - words)
            score = sum(len(w) for w in words) + TEXT_WEIGHT * shared
            if score > best[0]:
                best = (score, program_id)
        return best[1]

    def _identify_by_english(self, english: str) -> str | None:
        """The program an English question describes without naming it (the training course for
        airport security screeners): the one whose English texts hold the question's rare words,
        two of them at least, well ahead of any other program."""
        words = sorted(set(english_content_words(english)) - GENERIC_ENGLISH)
        scores: list[tuple[float, int, str]] = []
        for program_id, known in self.english_words.items():
            found = [w for w in words if w in known]
            rarity = sum(self.english_rarity[w] for w in found)
            scores.append((rarity, len(found), program_id))
        scores.sort(reverse=True)
        (best, count, program_id), (second, _, _) = scores[0], scores[1]
        if (
            count >= ENGLISH_MIN_WORDS
            and best >= ENGLISH_MIN_RARITY
            and best - second >= ENGLISH_LEAD
        ):
            return program_id
        return None

    def _greets(self, term: Term, korean: str, english: str) -> bool:
        """A greeting starts the message (안녕하세요, hi there); inside a word it is none
        (하이사이클)."""
        if term.pattern is not None:
            return term.pattern.match(english) is not None
        rest = korean.removeprefix(term.packed)
        return rest != korean and len(rest) <= GREETING_REST  # else a question follows it

    def _named_inside(self, alias: Term, korean: str) -> str | None:
        """Another program whose own long name holds the alias found: the enterprise
        협동조합노느매기 (a 마을기업) holds 협동조합."""
        names = self.names_holding.get(alias.packed, ())
        return next((owner for word, owner in names if word in korean), None)

    def _owners(self, alias: Term) -> set[str]:
        return {owner for owner, term, _ in self.aliases if term.packed == alias.packed}

    def _stands_alone(self, word: str) -> bool:
        """Whether a short keyword is a word of the question, not part of a longer one: followed
        by nothing, a particle, or a word the matcher knows (목공 교육, 목공을; not 예비군), and
        not after another part of the word (not 4대보험)."""
        for token in self._last_spaced.split():
            if token.startswith(word):
                rest = token[len(word) :]
                if not rest or rest.startswith(self.word_heads):
                    return True
        return False

    def _rank_facts(
        self,
        program_id: str,
        korean: str,
        english: str,
        topic_scores: dict[str, int],
        asked: Topic | None,
        alias: Term | None = None,
        whole_english: str = "",
    ) -> list[Fact]:
        """The program's best facts, by keyword hits, topic words and words shared with a fact's
        text. `korean` and `english` are the question with the program's name taken out, so a
        word of the name (기업 in 중소기업 청년인턴) does not pick a fact; a name that is a
        fact's keyword in full (건축배관, one course of the program) does. The question word's
        topic (언제 → schedule) limits the choice to that topic's facts, unless the question
        names another fact outright: by a keyword that is no topic word and that no other fact
        of the program has (발대식 언제 → the fact about the launch ceremony)."""
        words = self._content_words(korean)
        # English words are weighed by rarity, so a program's name (public works) weighs
        # little and a course's name (aviation security) points to its fact.
        words_en = english_content_words(whole_english)
        own_name = self.name_words[program_id] if alias is not None else set()
        scored: list[tuple[float, IndexedFact, list[str]]] = []
        for indexed in self.facts:
            if indexed.program_id != program_id:
                continue
            found = [
                term
                for term in indexed.keywords
                if term.find(korean, english) and term.packed not in own_name
            ]
            hits = sum(term.weight for term in found)
            if alias is not None and alias.packed in indexed.keyword_set:
                found.append(alias)  # the name the question used is this fact's own (a course)
                hits += 2 * alias.weight
            overlap = TEXT_WEIGHT * (
                sum(self._overlap(word, indexed.text) for word in words)
                + sum(self._overlap_en(word, indexed.words_en) for word in words_en)
            )
            score = hits + overlap + topic_scores.get(indexed.fact.topic, 0)
            scored.append((score, indexed, [term.packed for term in found]))
        scored.sort(key=lambda item: (-item[0], len(item[1].text)))  # level: the focused one
        by_name = [
            item for item in scored if alias is not None and alias.packed in item[1].keyword_set
        ]
        if by_name:
            # The name the question used is a fact's own (job 포 유, 건축배관): that fact answers,
            # whatever the question word (잡포유 몇 명 취업: the job fair's results).
            # Named by several facts (꿈더하기베이커리: what it does, where it is): the asked one.
            on_topic = [item for item in by_name if item[1].fact.topic == asked]
            scored = on_topic or by_name
        elif asked is not None and asked != "about":
            on_topic = [item for item in scored if item[1].fact.topic == asked]
            topic_words_en = english_content_words(english)
            named = [
                item
                for item in scored
                if self._names_outright(item, scored, korean, asked)
                or self._names_outright_en(item, scored, topic_words_en)
            ]
            if named and not any(self._has_evidence(item, words, words_en) for item in on_topic):
                scored = named
            elif on_topic:
                scored = on_topic
            else:
                return []
        elif asked is None and topic_scores:
            # No question word: the strongest topic word says what is asked. When the program has
            # no fact on it (담당 팀 of a program without a place), only a fact the question
            # names by a keyword may answer; else the topic's own reply does.
            dominant = max(topic_scores, key=topic_scores.__getitem__)
            if not any(item[1].fact.topic == dominant for item in scored):
                scored = [item for item in scored if item[2]]
        scored = [item for item in scored if item[0] > 0]
        if not scored:
            return []
        best_score, best, _ = scored[0]
        chosen = [best.fact]
        for score, indexed, _ in scored[1:]:
            if len(chosen) >= MAX_FACTS:
                break
            if score >= SECOND_FACT_SHARE * best_score and indexed.fact.topic == best.fact.topic:
                chosen.append(indexed.fact)
        return chosen

    def _has_evidence(self, item, words: list[str], words_en: list[str]) -> bool:
        """Whether the question says anything of this fact beyond topic and question words."""
        _, indexed, found = item
        if any(word not in self.topic_words for word in found):
            return True
        return any(self._overlap(word, indexed.text) > 0 for word in words) or any(
            self._overlap_en(word, indexed.words_en) > 0 for word in words_en
        )

    def _names_outright(self, item, scored, korean: str, asked: Topic) -> bool:
        """Whether one of the fact's keywords found in the question is its own: no topic or
        question word, no keyword of another fact of the program, not the condition of the
        question (선정되면 팀당 얼마: the amount is asked, not the selection), and not a modifier
        of the asked topic's word after it (회사 지원금 얼마: the amount is asked, not the
        company)."""
        _, indexed, found = item
        others = {
            word for _, other, words in scored if other is not indexed for word in other.keyword_set
        }
        asked_words = self.topic_nouns.get(asked, ()) if asked is not None else ()

        def own(word: str) -> bool:
            after = korean[korean.find(word) + len(word) :]
            return (
                len(word) >= 2
                and word not in self.topic_words
                and word not in others
                and not CONDITION.search(after[:3])
                and not any(after.startswith(topic_word) for topic_word in asked_words)
            )

        return any(own(word) for word in found)

    def _names_outright_en(self, item, scored, words_en: list[str]) -> bool:
        """Whether the English question names the fact by a word of its English text that no
        other fact of the program has and few facts at all (launch ceremony → the launch)."""
        _, indexed, _ = item
        others = {word for _, other, _ in scored if other is not indexed for word in other.words_en}
        return any(
            word in indexed.words_en
            and word not in others
            and self._fact_share(word) <= COMMON_SHARE
            and word not in self.english_topic_words
            and word not in GENERIC_ENGLISH
            for word in words_en
        )

    def _year_asked_about(self, fact: Fact, korean: str) -> int | None:
        """When the question names no year: the year whose value alone holds a word of the
        question (엑셀 교육: the 2017 value lists it), else None for the newest."""
        if len(fact.values) < 2:
            return None
        if fact.topic == "pay":
            return None  # the words of a pay question are its parameters (한 시간 일하면 얼마)
        words = self._content_words(korean)

        def said(value) -> int:
            """The length of the question's words the value holds, rare words only (엑셀,
            not 사업, which half the facts say)."""
            text = compact(value.ko)
            return sum(
                max(
                    (
                        end
                        for end in range(len(w), 1, -1)
                        if w[:end] in text and self._fact_share(w[:end]) <= COMMON_SHARE
                    ),
                    default=0,
                )
                for w in words
            )

        newest = max(fact.values, key=lambda v: v.year)
        best = max(fact.values, key=said)
        return best.year if said(best) > said(newest) else None

    def _names_a_fact(self, fact: Fact, korean: str, english: str) -> bool:
        indexed = next(f for f in self.facts if f.fact is fact)
        return any(term.find(korean, english) for term in indexed.keywords)

    def _content_words(self, korean: str) -> list[str]:
        """The question's words outside the program's name, for overlap with fact texts."""
        if not korean:
            return []
        return [
            word
            for word in self._last_spaced.split()
            if has_hangul(word) and len(word) >= 2 and word[:2] in korean
        ]

    def _overlap(self, word: str, text: str) -> float:
        """How much one question word says about a fact: its longest prefix (2+ syllables, so
        particles fall away) found in the fact's text, weighted by how rare it is among facts."""
        for end in range(len(word), 1, -1):
            prefix = word[:end]
            if prefix in text:
                share = self._fact_share(prefix)
                rarity = math.log(1 / share) / math.log(len(self.facts))
                return 0.0 if share > COMMON_SHARE else end * rarity
        return 0.0

    def _overlap_en(self, word: str, words: frozenset[str]) -> float:
        """An English question word found among a fact's English words, weighted by rarity like
        a two-syllable Korean word."""
        if word not in words:
            return 0.0
        share = self._fact_share(word)
        return 0.0 if share > COMMON_SHARE else 2 * math.log(1 / share) / math.log(len(self.facts))

    def _find_duty(self, korean: str) -> tuple[str, str] | None:
        for term, team_id, duty in self.duties:
            if term.find(korean, ""):
                return team_id, duty
        return None
