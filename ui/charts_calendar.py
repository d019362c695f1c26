"""One OPD's posting calendar (GitHub style): weeks across, Senin..Minggu down; a day whose
data is not in (after the data's cut-off, an export not yet received) is grey "no data" with
its own legend entry, never a day of 0 posts."""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.charts import GAP_GREY, ZERO_COLOR, finish, gap_label


def calendar(df: pl.DataFrame, *, value: str = "posts", big: bool = False) -> alt.TopLevelMixin:
    """Calendar from queries.opd_daily_counts (its has_data column, when present, marks the
    days without data: drawn grey with a legend entry "Data belum diterima")."""
    days = "['Sen','Sel','Rab','Kam','Jum','Sab','Min']"
    if i18n.current_lang() == "en":
        days = "['Mon','Tue','Wed','Thu','Fri','Sat','Sun']"
    has = pl.col("has_data") if "has_data" in df.columns else pl.lit(True)
    gaps = df.filter(~has)
    df = df.filter(has)
    x = alt.X(
        "utcyearmonthdate(week_start):O",
        title=None,
        # One label per month, on its first week: every week's date did not fit and was
        # thinned or cut on a projector.
        axis=alt.Axis(
            labelExpr="utcdate(datum.value) <= 7 ? utcFormat(datum.value, '%b %Y') : ''",
            labelAngle=0,
            labelOverlap=False,
            labelAlign="left",
        ),
    )
    y = alt.Y(
        "weekday:O",
        title=None,
        sort="ascending",
        axis=alt.Axis(labelExpr=f"{days}[datum.value]", labelOverlap=False),
    )
    date_tip = alt.Tooltip("utcyearmonthdate(day):T", title=i18n.t("date"), format="%A, %e %B %Y")
    chart = (
        alt.Chart(df)
        .mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=2)
        .encode(
            x=x,
            y=y,
            color=alt.condition(
                f"datum['{value}'] > 0",
                alt.Color(
                    f"{value}:Q",
                    title=i18n.t("posts"),
                    scale=alt.Scale(scheme="greens", domainMin=1),
                    legend=alt.Legend(format=",.0f", orient="right", tickMinStep=1),
                ),
                alt.value(ZERO_COLOR),  # a day without a post: not the palest green
            ),
            tooltip=[date_tip, alt.Tooltip(f"{value}:Q", title=i18n.t("posts"), format=",.0f")],
        )
    )
    if gaps.height:
        label = gap_label()
        grey = (
            alt.Chart(gaps.with_columns(pl.lit(label).alias("_gap")))
            .mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=2)
            .encode(
                x=x,
                y=y,
                fill=alt.Fill(
                    "_gap:N",
                    title=None,
                    scale=alt.Scale(domain=[label], range=[GAP_GREY]),
                    legend=alt.Legend(orient="right"),
                ),
                tooltip=[date_tip, alt.Tooltip("_gap:N", title=" ")],
            )
        )
        chart = alt.layer(chart, grey).resolve_legend(color="independent", fill="independent")
    return finish(chart, big=big, height=230)
