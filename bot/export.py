"""A round's applications as files staff open in Excel: .xlsx (a sheet of applications, a sheet
of members, a sheet of budget lines) and .csv (UTF-8 with BOM so Excel reads Korean): one file of
applications and one of members, as a CSV holds one table.

What residents typed is written as text, never as a formula: a team called "=HYPERLINK(…)" must
not run when staff open the file (OWASP, CSV injection). In the workbook such cells are typed as
strings; in the CSV a value that starts with = + - @, a tab or a carriage return gets a leading
single quote, which Excel and LibreOffice show as text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook

from bot.clock import SEOUL
from bot.texts import t

# Column headers and sheet names are catalogue keys (bot/texts.py: export_*), in Korean.
APPLICATION_HEADERS = (
    "receipt",
    "status",
    "reason",
    "team",
    "title",
    "theme",
    "description",
    "phone",
    "members",
    "budget_total",
    "file",
    "submitted_at",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MEMBER_HEADERS = ("receipt", "team", "name", "age", "tie")
BUDGET_HEADERS = ("receipt", "item", "amount")


def headers(keys: Sequence[str]) -> list[str]:
    return [t(f"export_col_{key}") for key in keys]


def application_rows(applications: Sequence[Any]) -> list[tuple[Any, ...]]:
    rows = []
    for a in applications:
        members, budget = json.loads(a.members_json), json.loads(a.budget_json)
        rows.append(
            (
                a.receipt,
                t(f"status_{a.status}"),
                a.status_reason or "",
                a.team_name,
                a.title,
                a.theme,
                a.description,
                a.phone,
                len(members),
                sum(line["amount"] for line in budget),
                a.file_name or "",
                seoul_time(a.submitted_at),
            )
        )
    return rows


def seoul_time(moment: datetime) -> datetime:
    """A stored (UTC) time as the Seoul wall-clock time Excel shows (Excel has no time zones)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(SEOUL).replace(tzinfo=None, second=0, microsecond=0)


def member_rows(applications: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [
        (a.receipt, a.team_name, m["name"], m["age"], t(f"form_tie_{m['tie']}"))
        for a in applications
        for m in json.loads(a.members_json)
    ]


def budget_rows(applications: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [
        (a.receipt, line["item"], line["amount"])
        for a in applications
        for line in json.loads(a.budget_json)
    ]


def to_xlsx(applications: Sequence[Any]) -> bytes:
    book = Workbook()
    sheets = (
        ("applications", APPLICATION_HEADERS, application_rows(applications)),
        ("members", MEMBER_HEADERS, member_rows(applications)),
        ("budget", BUDGET_HEADERS, budget_rows(applications)),
    )
    for index, (name, keys, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = t(f"export_sheet_{name}")
        sheet.append(headers(keys))
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text, even "=1+1"
                elif isinstance(cell.value, datetime):
                    cell.number_format = DATETIME_FORMAT
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_value(value: Any) -> Any:
    """A cell for the CSV: times as Seoul wall-clock text, text that a spreadsheet would take
    for a formula quoted with a leading apostrophe."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(keys: Sequence[str], rows: list[tuple[Any, ...]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(keys))
    writer.writerows([csv_value(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_csv(applications: Sequence[Any]) -> bytes:
    return _csv(APPLICATION_HEADERS, application_rows(applications))


def members_csv(applications: Sequence[Any]) -> bytes:
    """The members of every application, a row each (the workbook's 팀원 sheet)."""
    return _csv(MEMBER_HEADERS, member_rows(applications))
