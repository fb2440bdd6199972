"""The core's front door: a message or a button press in, a reply out. Knows no channel."""

from __future__ import annotations

from bot import callbacks
from bot.answers import answer_match, card_reply, topic_reply
from bot.callbacks import Press
from bot.matcher import Matcher
from bot.menus import audiences_reply, help_reply, home_reply, language_reply, programs_reply
from bot.normalize import is_mostly_latin
from bot.reply import Reply
from bot.screener import Screener
from bot.texts import t
from knowledge.loader import KnowledgeBase

MAX_QUESTION_CHARS = 500


class Assistant:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher = Matcher(kb)
        self.screener = Screener(kb)

    def ask(self, text: str, lang: str = "ko") -> Reply:
        """Answer a free-text question; English questions get English answers."""
        if len(text) > MAX_QUESTION_CHARS:
            return Reply(t("too_long", lang, limit=MAX_QUESTION_CHARS), answered=True)
        match = self.matcher.match(text)
        answer_lang = "en" if is_mostly_latin(text) else lang
        reply = answer_match(self.kb, match, answer_lang)
        reply.wants_screener = match.wants_screener
        reply.topic = match.topic
        return reply

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
