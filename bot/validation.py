"""Parsing what people type: mobile numbers, won amounts, ages. None means "not valid"."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"^(?:\+?82-?|0)(1[016789])-?(\d{3,4})-?(\d{4})$")
# A mobile number however it is written: 010-1234-5678, 01012345678, +82 10 9876 5432,
# 821012345678, +82-10-…: every form the application form accepts.
_PHONE_ANYWHERE = re.compile(r"((?:\+?82[-\s.]?0?|0)1[016789])[-\s.]?(\d{3,4})[-\s.]?(\d{4})")
# Telegram user ids are positive and have at most 52 significant bits (Bot API documentation).
MAX_USER_ID = 2**52 - 1
_WON_PART = re.compile(r"(\d[\d,]*)(억|천만|만|천)?")
_WON_UNITS = {"억": 100_000_000, "천만": 10_000_000, "만": 10_000, "천": 1_000, "": 1}


def normalise_mobile(text: str) -> str | None:
    """A Korean mobile number as 010-1234-5678, from 01012345678, 010 1234 5678, +82 10-…"""
    digits = re.sub(r"[\s.()]", "", text.strip())
    match = _MOBILE.match(digits)
    if match is None or (match.group(1) == "10" and len(match.group(2)) != 4):
        return None
    return f"0{match.group(1)}-{match.group(2)}-{match.group(3)}"


def mask_mobile(text: str) -> str:
    """Hide the middle of every mobile number in a text (logs, stored questions): 010-****-5678,
    +82 10-****-5432."""
    return _PHONE_ANYWHERE.sub(lambda m: f"{m.group(1)}-****-{m.group(3)}", text)


def parse_won(text: str) -> int | None:
    """A won amount from 300000, 300,000원, 30만원, 30만 5천원, 1억, 5천만원."""
    compact = text.strip().replace(" ", "").removesuffix("원")
    if not compact or not re.fullmatch(r"(\d[\d,]*(억|천만|만|천)?)+", compact):
        return None
    total, previous = 0, None
    for number, unit in _WON_PART.findall(compact):
        if "," in number and not re.fullmatch(r"\d{1,3}(,\d{3})+", number):
            return None
        size = _WON_UNITS[unit]
        if previous is not None and size >= previous:
            return None  # units must fall: 1억 5천만, not 5천만 1억
        total, previous = total + int(number.replace(",", "")) * size, size
    return total


def parse_user_id(text: str) -> int | None:
    """A Telegram user id typed by an operator (`bot.py staff add 123456789`)."""
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdecimal()) or len(cleaned) > len(str(MAX_USER_ID)):
        return None
    value = int(cleaned)
    return value if 0 < value <= MAX_USER_ID else None


def parse_age(text: str, low: int = 1, high: int = 120) -> int | None:
    """Whole years from 27, 27살, 27세, 만 27세."""
    cleaned = text.strip().removeprefix("만").strip().removesuffix("살").removesuffix("세").strip()
    if not cleaned.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        return None
    age = int(cleaned)
    return age if low <= age <= high else None
