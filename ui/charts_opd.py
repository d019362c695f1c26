"""Charts of one OPD's own story: its months against the minimum, its accounts, its index
parts (ui/charts_opd_compare.py sets it beside every OPD)."""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl

from ui import i18n
from ui.chart_axes import count_encoding
from ui.chart_base import (
    ACCENT,
    GAP_GREY,
    PARTIAL_FILL,
    ROW_LABEL_PX,
    WARN,
    ZERO_COLOR,
    finish,
    time_x,
)

PARTIAL_COLOR = "#8FB8D8"  # an active month whose data came in part: pale blue
PARTIAL_OPEN_COLOR = PARTIAL_FILL  # a month not judged, part of its data in: its own amber


def through_text(day: dt.date | None) -> str:
    """'s.d. 20 Nov' (data up to that day), or '' without a day."""
    return i18n.fmt_through(day)


def month_state(status: str | None, coverage: str | None) -> str:
    """The legend entry of one month: the judgement, and for a month not judged whether its
    data came in part ('Data sebagian') or not at all ('Data belum diterima'). An active month
    whose data came in part (a month still running) has its own entry: its bar is what came."""
    if status == "active":
        if coverage == "partial":
            return i18n.tr("Aktif (data sebagian)", "Active (partial data)")
        return i18n.tr("Aktif", "Active")
    if status == "no_data":
        if coverage == "partial":
            return i18n.tr("Data sebagian (belum dinilai)", "Partial data (not judged)")
        return i18n.tr("Data belum diterima", "Data not received")
    return i18n.tr("Belum aktif", "Not active")


def _states() -> list[str]:
    return [
        month_state("active", None),
        month_state("inactive", None),
        month_state("no_data", "partial"),
        month_state("no_data", "missing"),
        month_state("active", "partial"),
    ]


def monthly_status(df: pl.DataFrame, rule: str, *, big: bool = False) -> alt.TopLevelMixin:
    """One OPD's months (a warehouse.opd_story.opd_months frame, or a queries.activity.opd_month_heatmap
    frame: without coverage_state a month not judged reads 'not received'): each bar is what the
    activity rule `rule` counts (counted_posts), coloured by the month's judgement, labelled with
    its count (0 printed too), beside a dashed line at the month's minimum (required_posts).
    A month whose data came in part is pale blue and says up to which day ("s.d. 20 Nov"); a
    month whose data never came has no bar and no count (it is not zero posts)."""
    states = _states()
    cov = pl.col("coverage_state") if "coverage_state" in df.columns else pl.lit(None)
    through = (
        df.get_column("covered_through").to_list()
        if "covered_through" in df.columns
        else [None] * df.height
    )
    shown = df.with_columns(
        pl.struct(status=pl.col("activity_status"), cov=cov)
        .map_elements(lambda r: month_state(r["status"], r["cov"]), return_dtype=pl.String)
        .alias("status"),
        pl.Series("through", [through_text(d) for d in through], dtype=pl.String),
    )
    x = time_x(shown, "month")
    base = alt.Chart(shown).encode(x=x)
    # The axis is a count of posts: its title says so, and whose ("Postingan (akun terbanyak)").
    y_title = f"{i18n.t('posts')} ({i18n.activity_counted_label(rule)})"
    # The legend lists only the states drawn (in their fixed order and colours).
    colours = [ACCENT, WARN, PARTIAL_OPEN_COLOR, ZERO_COLOR, PARTIAL_COLOR]
    drawn = set(shown.get_column("status").to_list())
    kept = [(s, c) for s, c in zip(states, colours, strict=True) if s in drawn]
    bars = base.mark_bar(size=40 if big else 28).encode(
        y=alt.Y(
            "counted_posts:Q",
            title=y_title,
            **count_encoding(
                shown.select(pl.max_horizontal("counted_posts", "required_posts").max()).item()
            ),
        ),
        color=alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(domain=[s for s, _ in kept], range=[c for _, c in kept]),
            # Two entries a row: four did not fit the half-width column of Ringkasan.
            legend=alt.Legend(columns=2),
        ),
        tooltip=[
            alt.Tooltip("month:T", title=i18n.t("month"), format="%b %Y"),
            alt.Tooltip("counted_posts:Q", title=y_title, format=",.0f"),
            alt.Tooltip("posts:Q", title=i18n.tr("Semua akun", "All accounts"), format=",.0f"),
            alt.Tooltip("required_posts:Q", title=i18n.tr("Minimal", "Minimum")),
            alt.Tooltip("status:N", title=i18n.tr("Status", "Status")),
        ],
    )
    # A month whose data never arrived is not "0 posts": it gets no count printed.
    size = 22 if big else 13
    text = (
        base.mark_text(dy=-10, fontSize=size)
        .encode(y=alt.Y("counted_posts:Q"), text=alt.Text("counted_posts:Q", format=",.0f"))
        .transform_filter(alt.datum.status != states[3])
    )
    # A partly received month says how far its data reaches, above its count.
    note = (
        base.mark_text(dy=-10 - size - 4, fontSize=size - 2, color="#3F6E8F")
        .encode(y=alt.Y("counted_posts:Q"), text=alt.Text("through:N"))
        .transform_filter((alt.datum.status == states[2]) | (alt.datum.status == states[4]))
    )
    minimum = base.mark_line(strokeDash=[6, 4], color="#555555", point=False).encode(
        y=alt.Y("required_posts:Q")
    )
    return finish(bars + text + note + minimum, big=big, height=280)


def accounts(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """Posts in the period per account of one OPD (a queries.activity.account_dormancy frame): one row
    per account named "Instagram @handle", its count and state printed at the bar's end
    ("79 · aktif"), dormant accounts in orange. No legend: the text says the state, and every
    row keeps a bar as thick as a label (a legend under a short chart squeezed them flat)."""
    shown = df.with_columns(
        pl.struct("platform", "handle")
        .map_elements(
            lambda r: f"{i18n.platform_label(r['platform'])} {r['handle'] or ''}".strip(),
            return_dtype=pl.String,
        )
        .alias("account"),
        pl.col("status").map_elements(i18n.reason_label, return_dtype=pl.String).alias("state"),
    )
    shown = shown.with_columns(
        (
            pl.col("posts_in_period").map_elements(i18n.fmt_int, return_dtype=pl.String)
            + pl.lit(" · ")
            + pl.col("state").str.to_lowercase()
        ).alias("label")
    )
    active = i18n.reason_label("aktif")
    missing = i18n.reason_label("not_received")
    # Active blue, data not received grey (not dormancy), dormant or never orange.
    shown = shown.with_columns(
        pl.when(pl.col("state") == active)
        .then(pl.lit(ACCENT))
        .when(pl.col("state") == missing)
        .then(pl.lit(GAP_GREY))
        .otherwise(pl.lit(WARN))
        .alias("_colour")
    )
    top = int(shown.get_column("posts_in_period").max() or 0) if shown.height else 0
    base = alt.Chart(shown).encode(
        y=alt.Y(
            "account:N",
            title=None,
            sort=alt.EncodingSortField("posts_in_period", order="descending"),
            axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
        ),
        x=alt.X(
            "posts_in_period:Q",
            title=i18n.tr("Postingan dalam periode", "Posts in the period"),
            # Room at the right for the printed count and state.
            **count_encoding(top, room=1.3),
        ),
    )
    bars = base.mark_bar(height={"band": 0.7}).encode(
        color=alt.Color("_colour:N", scale=None),  # the colours themselves, no legend
        tooltip=[
            alt.Tooltip("account:N", title=i18n.tr("Akun", "Account")),
            alt.Tooltip("posts_in_period:Q", title=i18n.t("posts"), format=",.0f"),
            alt.Tooltip("days_since_last_post:Q", title=i18n.t("days_since")),
            alt.Tooltip("state:N", title=i18n.tr("Status", "Status")),
        ],
    )
    text = base.mark_text(align="left", dx=5, fontSize=22 if big else 13).encode(
        text=alt.Text("label:N")
    )
    n = max(1, shown.height)
    return finish(bars + text, big=big, height=int((50 + n * 40) / (1.7 if big else 1)))


def index_parts(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """One OPD's index parts (a ui.scorecard.breakdown frame): a bar per component at its
    score (0-100), labelled "skor 72 · bobot 25% · +18,0"; a part without data has no bar and
    says "tidak ada data" (its weight went to the others)."""
    shown = df.with_columns(
        pl.struct("score", "weight", "points")
        .map_elements(
            lambda r: (
                i18n.tr("tidak ada data", "no data")
                if r["score"] is None
                else i18n.tr(
                    f"skor {i18n.fmt_num(r['score'], 0)} · bobot {i18n.fmt_pct(r['weight'], 0)}"
                    f" · +{i18n.fmt_num(r['points'], 1)}",
                    f"score {i18n.fmt_num(r['score'], 0)} · weight "
                    f"{i18n.fmt_pct(r['weight'], 0)} · +{i18n.fmt_num(r['points'], 1)}",
                )
            ),
            return_dtype=pl.String,
        )
        .alias("label"),
        pl.col("score").fill_null(0).alias("bar"),
    )
    order = shown.get_column("component").to_list()
    base = alt.Chart(shown).encode(
        y=alt.Y(
            "component:N",
            title=None,
            sort=order,
            axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
        ),
        x=alt.X(
            "bar:Q",
            title=i18n.tr("Skor komponen (0–100)", "Component score (0–100)"),
            scale=alt.Scale(domain=[0, 200], nice=False),
            axis=alt.Axis(values=[0, 25, 50, 75, 100], format=",.0f"),
        ),
    )
    bars = base.mark_bar(color=ACCENT, height={"band": 0.7}).encode(
        tooltip=[
            alt.Tooltip("component:N", title=i18n.tr("Komponen", "Component")),
            alt.Tooltip("basis:N", title=i18n.tr("Dasar perhitungan", "Based on")),
            alt.Tooltip("label:N", title=i18n.tr("Skor", "Score")),
        ]
    )
    text = base.mark_text(align="left", dx=6, fontSize=20 if big else 13).encode(
        text=alt.Text("label:N")
    )
    n = max(1, shown.height)
    return finish(bars + text, big=big, height=int((50 + n * 40) / (1.7 if big else 1)))
