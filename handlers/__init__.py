"""The Telegram channel (python-telegram-bot)."""

import os

# Opt in to PTB's coming behaviour: durations such as RetryAfter.retry_after are timedeltas.
os.environ.setdefault("PTB_TIMEDELTA", "1")
