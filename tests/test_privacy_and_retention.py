"""Phone numbers stay out of logs; application data is deleted after the review period."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session, select

from bot.clock import SEOUL
from bot.retention import expired_rounds
from bot.validation import mask_mobile, normalise_mobile
from handlers.deps import Deps
from handlers.jobs import purge_expired
from handlers.logging_setup import FORMAT, MaskingFormatter
from storage.models import Application
from tests.test_staff_review import seed


def test_mobile_numbers_are_masked_in_log_records(caplog) -> None:
    logger = logging.getLogger("test.privacy")
    handler = caplog.handler
    previous = handler.formatter
    handler.setFormatter(MaskingFormatter(FORMAT))
    try:
        logger.warning("applicant %s, again %s", "010-1234-5678", "01098765432")
        try:
            raise ValueError("INSERT … parameters: {'phone': '010-2222-3333'}")
        except ValueError:
            logger.exception("could not save %s", "+82 10 4444 5555")
    finally:
        handler.setFormatter(previous)
    assert "applicant 010-****-5678, again 010-****-5432" in caplog.text
    assert "could not save +82 10-****-5555" in caplog.text
    assert "'phone': '010-****-3333'" in caplog.text  # inside the traceback
    for middle in ("1234", "9876", "2222", "4444"):
        assert middle not in caplog.text


def test_every_mobile_format_the_form_accepts_is_masked() -> None:
    for typed in ("010-1234-5678", "010 1234 5678", "+82 10 1234 5678", "+82-10-1234-5678",
                  "821012345678", "+821012345678", "010.1234.5678", "011-123-5678"):  # fmt: skip
        assert normalise_mobile(typed) is not None, typed
        masked = mask_mobile(f"연락처는 {typed} 이에요")
        assert "1234" not in masked and "123-" not in masked, (typed, masked)
        assert masked.endswith("-****-5678 이에요"), (typed, masked)


def test_rounds_expire_after_their_review_period(kb) -> None:
    # 2018H1 closes 2018-04-30 and is reviewed for 90 days: kept through 2018-07-29.
    assert expired_rounds(kb, datetime(2018, 7, 29).date()) == []
    assert expired_rounds(kb, datetime(2018, 7, 30).date()) == ["2018H1"]


def test_purge_deletes_only_expired_rounds(kb, assistant, engine) -> None:
    seed(engine, "2018H1", 2)
    seed(engine, "2018H2", 1, first_user=90000)
    deps = Deps(assistant, engine, frozenset(), clock=lambda: datetime(2018, 8, 1, tzinfo=SEOUL))
    assert purge_expired(deps) == 2
    with Session(engine) as session:
        assert [a.round_id for a in session.exec(select(Application))] == ["2018H2"]
    assert purge_expired(deps) == 0


def test_receipt_numbers_are_never_reused_after_a_deletion(engine) -> None:
    from storage import applications as store

    first, second = seed(engine, "2018H1", 2)
    store.set_status(engine, first.id, "withdrawn", None, first.representative_id)
    assert store.delete_withdrawn(engine, first.representative_id) == 1
    [third] = seed(engine, "2018H1", 1, first_user=91000)
    assert (first.receipt, second.receipt, third.receipt) == (
        "DT-2018H1-0001",
        "DT-2018H1-0002",
        "DT-2018H1-0003",
    )


def test_purge_deletes_drafts_kept_for_an_expired_round(assistant, engine) -> None:
    from bot.application_form import FormState
    from storage.flows import load_flow, save_flow

    save_flow(engine, 1, "application", FormState(round_id="2018H1").to_json())  # never moved
    save_flow(engine, 2, "application", FormState(round_id="2018H2").to_json())
    save_flow(engine, 1, "screener", {"answers": {"age": 30}})
    clock = [datetime(2018, 7, 29, 12, 0, tzinfo=SEOUL)]  # 2018H1 is still in review
    deps = Deps(assistant, engine, frozenset(), clock=lambda: clock[0])
    assert purge_expired(deps) == 0
    assert load_flow(engine, 1, "application") is not None
    clock[0] = datetime(2018, 7, 30, 12, 0, tzinfo=SEOUL)
    assert purge_expired(deps) == 1
    assert load_flow(engine, 1, "application") is None
    assert load_flow(engine, 2, "application") is not None  # its round is not over
    assert load_flow(engine, 1, "screener") is not None  # not a draft
