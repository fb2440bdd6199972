"""The statistics chart, as a PNG (matplotlib, with a Korean font when one is installed)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager
from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

KOREAN_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "UnDotum")
JOINERS = "\ufe0f\u200d"  # emoji variation selector and zero-width joiner


def korean_font() -> str | None:
    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in KOREAN_FONTS if name in names), None)


def plain(text: str) -> str:
    """Chart text without emoji and other pictographs: the chart's fonts draw them as boxes."""
    kept = "".join(c for c in text if unicodedata.category(c) != "So" and c not in JOINERS)
    return " ".join(kept.split())


def stats_figure(
    per_day: Mapping[str, int], top_programs: Sequence[tuple[str, int]], title: str
) -> Figure:
    """Questions per day above, the most asked programs below; counts on whole-number axes."""
    font = korean_font()
    if font:
        plt.rcParams["font.family"] = font
    plt.rcParams["axes.unicode_minus"] = False
    figure, (days_axis, programs_axis) = plt.subplots(2, 1, figsize=(8, 7))
    days = list(per_day)
    days_axis.bar([d[5:] for d in days], [per_day[d] for d in days], color="#2f6db5")
    days_axis.set_title(plain(title))
    days_axis.tick_params(axis="x", rotation=60)
    days_axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    names = [plain(name) for name, _ in top_programs][::-1]
    programs_axis.barh(names, [count for _, count in top_programs][::-1], color="#4b9c5e")
    programs_axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    return figure


def stats_chart(
    per_day: Mapping[str, int], top_programs: Sequence[tuple[str, int]], title: str
) -> bytes:
    figure = stats_figure(per_day, top_programs, title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return buffer.getvalue()
