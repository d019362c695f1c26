"""Post-format mix charts (berita/tautan, foto, video, reels/shorts, carousel, story, ...).

Pure Altair builders like ui.charts: a small aggregated frame in, a chart out, every category
named in the legend (at most the nine formats of i18n.POST_FORMAT_LABELS).
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl

from ui import chart_counts, i18n
from ui.charts import ROW_LABEL_PX, finish, time_tooltip, time_x

# Okabe-Ito order again; "tidak tercatat" light grey so it reads as "unknown", not a format.
FORMAT_COLORS = {
    "tautan": "#56B4E9",
    "foto": "#0072B2",
    "video": "#D55E00",
    "reels": "#E69F00",
    "carousel": "#009E73",
    "story": "#CC79A7",
    "live": "#F0E442",
    "teks": "#7F7F7F",
    "tidak_tercatat": "#D9D9D9",
}
ORDER = {c: i for i, c in enumerate(FORMAT_COLORS)}


def _prep(df: pl.DataFrame) -> pl.DataFrame:
    codes = df.get_column("post_format").unique().to_list()
    labels = {c: i18n.post_format_label(c) for c in codes}
    return df.with_columns(
        pl.col("post_format").replace_strict(labels, return_dtype=pl.String).alias("format_label"),
        pl.col("post_format")
        .replace_strict(ORDER, default=99, return_dtype=pl.Int32)
        .alias("_order"),
    )


def _color(df: pl.DataFrame, big: bool = False) -> alt.Color:
    present = [c for c in FORMAT_COLORS if c in set(df.get_column("post_format").to_list())]
    return alt.Color(
        "format_label:N",
        title=None if big else i18n.tr("Format", "Format"),
        scale=alt.Scale(
            domain=[i18n.post_format_label(c) for c in present],
            range=[FORMAT_COLORS[c] for c in present],
        ),
        sort=[i18n.post_format_label(c) for c in present],
    )


def unrecorded_note(df: pl.DataFrame, who: str, *, col: str = "post_format") -> str:
    """'Format 81 dari 142 postingan Kec. Cibening (57%) tidak tercatat (buku rekap tidak
    menyebutnya): porsi setiap format dihitung dari semua 142, jadi porsi foto, video, dst.
    adalah batas bawah.' ('' when every post's format is recorded). df: a format frame with
    `col` (format code, "tidak_tercatat" when the source did not say) and posts."""
    if not df.height:
        return ""
    total = int(df.get_column("posts").sum())
    gone = df.filter(pl.col(col) == "tidak_tercatat")
    n = int(gone.get_column("posts").sum())
    if not n or not total:
        return ""
    pct = i18n.fmt_pct(n / total, 0)
    why = _why_unrecorded(gone, n)
    return i18n.tr(
        f"Format {i18n.fmt_int(n)} dari {i18n.fmt_int(total)} postingan {who} ({pct}) tidak "
        f"tercatat ({why[0]}): porsi setiap format dihitung dari "
        f"semua {i18n.fmt_int(total)} postingan, jadi porsi foto, video, dst. adalah batas bawah.",
        f"The format of {i18n.fmt_int(n)} of {i18n.fmt_int(total)} posts of {who} ({pct}) is not "
        f"recorded ({why[1]}): each format's share is of all "
        f"{i18n.fmt_int(total)} posts, so the photo, video, ... shares are lower bounds.",
    )


def _why_unrecorded(gone: pl.DataFrame, n: int) -> tuple[str, str]:
    """Why formats are missing, from where the posts came (from_logbook, when the frame has
    it): every one from a logbook -> the logbooks have no format column; else either."""
    if "from_logbook" in gone.columns and int(gone.get_column("from_logbook").sum()) == n:
        return (
            "buku rekap OPD tidak punya kolom format",
            "the OPDs' logbooks have no format column",
        )
    return (
        "buku rekap atau ekspor tidak menyebutnya",
        "the logbook or export does not say",
    )


def unrecorded_slide_note(df: pl.DataFrame, *, most: int = 3) -> str:
    """One line for a slide of formats per OPD (format_mix_by_opd): the OPDs with the largest
    share of unrecorded formats, and why ("" when every format is recorded). "Format tidak
    tercatat di buku rekap (tanpa kolom format): Kec. Cibening 57%, ... dan 4 OPD lainnya." """
    gone = df.filter(pl.col("post_format") == "tidak_tercatat").sort("share", descending=True)
    if not gone.height:
        return ""
    n = int(gone.get_column("posts").sum())
    names = [
        f"{r['opd_short'] or r['opd']} {i18n.fmt_pct(r['share'], 0)}"
        for r in gone.head(most).iter_rows(named=True)
    ]
    rest = gone.height - len(names)
    why = _why_unrecorded(gone, n)
    more = i18n.tr(f" dan {rest} OPD lainnya", f" and {rest} more OPDs") if rest else ""
    return i18n.tr(
        f"Format tidak tercatat ({why[0]}): {', '.join(names)}{more}; porsi lain dihitung dari "
        "semua postingan.",
        f"Format not recorded ({why[1]}): {', '.join(names)}{more}; other shares are of all posts.",
    )


def format_over_time(
    df: pl.DataFrame,
    *,
    x: str = "period_start",
    big: bool = False,
    height: int = 320,
    partial: tuple[dt.date, str] | None = None,
) -> alt.TopLevelMixin:
    """Stacked 100% bars per month, one colour per post format (format_mix_over_time).
    partial: (start, note) of the unfinished month, named under its axis label."""
    data = _prep(df)
    x_enc = time_x(data, x, partial=partial)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x_enc,
            y=alt.Y(
                "posts:Q", stack="normalize", title=i18n.t("share"), axis=alt.Axis(format=".0%")
            ),
            color=_color(data),
            order=alt.Order("_order:Q"),
            tooltip=[
                time_tooltip(x),
                alt.Tooltip("format_label:N", title=i18n.tr("Format", "Format")),
                alt.Tooltip("posts:Q", title=i18n.t("posts"), format=",.0f"),
                alt.Tooltip("share:Q", title=i18n.t("share"), format=".1%"),
            ],
        )
    )
    counts = chart_counts.vertical(data, x_enc, x, big=big, title=i18n.t("share"))
    return finish(chart + counts, big=big, height=height)


def format_by_opd(
    df: pl.DataFrame,
    *,
    sort: list[str] | None = None,
    group: str = "opd",
    big: bool = False,
    row_height: int = 26,
) -> alt.TopLevelMixin:
    """One horizontal 100% bar per OPD split by post format (format_mix_by_opd)."""
    data = _prep(df)
    n = max(1, data.get_column(group).n_unique())
    y = alt.Y(
        f"{group}:N",
        title=None,
        sort=sort,
        axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "posts:Q",
                stack="normalize",
                title=None if big else i18n.t("share"),
                axis=alt.Axis(format=".0%"),
            ),
            color=_color(data, big),
            order=alt.Order("_order:Q"),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=i18n.t("opd")),
                alt.Tooltip("format_label:N", title=i18n.tr("Format", "Format")),
                alt.Tooltip("posts:Q", title=i18n.t("posts"), format=",.0f"),
                alt.Tooltip("share:Q", title=i18n.t("share"), format=".1%"),
            ],
        )
    )
    counts = chart_counts.horizontal(
        data, y, group, big=big, title=None if big else i18n.t("share")
    )
    return finish(chart + counts, big=big, height=min(1400, 40 + n * row_height))
