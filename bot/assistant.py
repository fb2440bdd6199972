"""The core's front door: a message or a button press in, a reply out. Knows no channel."""

from __future__ import annotations

from bot import callbacks
from bot.answers import (
    after_header,
    answer_match,
    card_reply,
    pick_value,
    topic_reply,
    value_text,
    with_source,
)
from bot.callbacks import Press
from bot.matcher import Matcher
from bot.menus import audiences_reply, help_reply, home_reply, language_reply, programs_reply
from bot.normalize import compact, is_mostly_latin
from bot.reply import Reply
from bot.screener import Screener
from bot.stated import StatedPhrases, age_facts, stated_persona, verdict
from bot.texts import t
from knowledge.loader import KnowledgeBase

MAX_QUESTION_CHARS = 500
QUESTION_MARKS = ("?", "？")
SHORT_QUESTION_CHARS = 30


class Assistant:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher = Matcher(kb)
        self.screener = Screener(kb)
        self.stated_phrases = StatedPhrases.of(kb.vocabulary)
        self.question_words = tuple(
            compact(word) for words in kb.vocabulary.question_words.values() for word in words
        )

    def ask(self, text: str, lang: str = "ko") -> Reply:
        """Answer a free-text question; English questions get English answers."""
        if len(text) > MAX_QUESTION_CHARS:
            return Reply(t("too_long", lang, limit=MAX_QUESTION_CHARS), answered=True)
        match = self.matcher.match(text)
        answer_lang = "en" if is_mostly_latin(text) else lang
        reply = answer_match(self.kb, match, answer_lang)
        program = self.kb.programs.get(match.program_id or "")
        if program is not None and program.rules and match.topic == "eligibility":
            # 서른여섯 살인데 청년인턴 되나요: whether they fit, by the screener's own rules
            persona = stated_persona(text, self.stated_phrases)
            for fact in age_facts(program, persona):  # 70세: 하루 3시간 근무
                value = pick_value(fact)
                said = value_text(value, answer_lang)
                if said not in reply.text:
                    label = t(f"year_label_{value.year}", answer_lang)
                    text = with_source(reply.text, value.source, answer_lang)
                    reply.text = after_header(text, f"{said} ({label})")
            line = verdict(program, persona, answer_lang)
            if line is not None:
                reply.text = after_header(reply.text, line)
        reply.wants_screener = match.wants_screener
        reply.topic = match.topic
        return reply

    def as_question(self, text: str, lang: str = "ko") -> Reply | None:
        """The answer when text typed into a form is clearly a question, not an answer: it ends
        with a question mark, or it is short and names a program's topic with a question word
        ("공공근로 시급이 얼마예요"; a long text is a description that may well say 무엇 or 언제).
        None when it reads as an answer."""
        stripped = text.strip()
        reply = self.ask(stripped, lang)
        if stripped.endswith(QUESTION_MARKS):
            return reply
        packed = compact(stripped)
        short = len(stripped) <= SHORT_QUESTION_CHARS
        asks = short and any(word and word in packed for word in self.question_words)
        if asks and reply.answered and reply.program_id and reply.topic:
            return reply
        return None

    def start(self, payload: str | None, lang: str = "ko") -> Reply:
        """The home screen, or a program's card when /start carries its id (a poster's QR code)."""
        if payload and payload in self.kb.programs:
            return card_reply(self.kb, self.kb.programs[payload], lang)
        return home_reply(lang)

    def parse(self, data: str | None) -> Press | None:
        return callbacks.parse(data, self.kb)

    def press(self, press: Press, lang: str = "ko") -> Reply:
        """The screen a validated button press leads to."""
        match press.action, press.args:
            case "home", _:
                return home_reply(lang)
            case "menu", ("programs",):
                return audiences_reply(lang)
            case "menu", ("help",):
                return help_reply(lang)
            case "menu", _:
                return Reply(t("not_ready", lang), [[*home_reply(lang).buttons[0]]])
            case "aud", (audience,):
                return programs_reply(self.kb, audience, lang)
            case "prog", (program_id,):
                return card_reply(self.kb, self.kb.programs[program_id], lang)
            case "topic", (program_id, topic):
                return topic_reply(self.kb, self.kb.programs[program_id], topic, lang)  # type: ignore[arg-type]
            case "lang", (code,):
                return Reply(t("lang_set", code), home_reply(code).buttons)
        return home_reply(lang)

    def language_menu(self, lang: str) -> Reply:
        return language_reply(lang)
