"""The statistics chart, as a PNG (matplotlib, with a Korean font when one is installed)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager
from matplotlib import pyplot as plt

KOREAN_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "UnDotum")


def korean_font() -> str | None:
    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in KOREAN_FONTS if name in names), None)


def stats_chart(
    per_day: Mapping[str, int], top_programs: Sequence[tuple[str, int]], title: str
) -> bytes:
    font = korean_font()
    if font:
        plt.rcParams["font.family"] = font
    plt.rcParams["axes.unicode_minus"] = False
    figure, (days_axis, programs_axis) = plt.subplots(2, 1, figsize=(8, 7))
    days = list(per_day)
    days_axis.bar([d[5:] for d in days], [per_day[d] for d in days], color="#2f6db5")
    days_axis.set_title(title)
    days_axis.tick_params(axis="x", rotation=60)
    names = [name for name, _ in top_programs][::-1]
    programs_axis.barh(names, [count for _, count in top_programs][::-1], color="#4b9c5e")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return buffer.getvalue()
