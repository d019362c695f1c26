"""Charts of one OPD's own story: its months against the minimum, its accounts."""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.charts import ACCENT, ROW_LABEL_PX, WARN, ZERO_COLOR, finish, time_x


def _status_label(status: str | None) -> str:
    if status == "active":
        return i18n.tr("Aktif", "Active")
    if status == "no_data":
        return i18n.tr("Data belum diterima", "Data not received")
    return i18n.tr("Belum aktif", "Not active")


def monthly_status(df: pl.DataFrame, rule: str, *, big: bool = False) -> alt.TopLevelMixin:
    """One OPD's months (a queries.opd_month_heatmap frame filtered to it): each bar is what the
    activity rule `rule` counts (counted_posts: the busiest account, or all accounts), coloured
    by the month's judgement and labelled with its count (0 printed too), beside a dashed line
    at the month's minimum (required_posts); the tooltip adds all accounts' posts."""
    labels = [_status_label(s) for s in ("active", "inactive", "no_data")]
    shown = df.with_columns(
        pl.col("activity_status")
        .map_elements(_status_label, return_dtype=pl.String)
        .fill_null(labels[1])
        .alias("status")
    )
    x = time_x(shown, "month")
    base = alt.Chart(shown).encode(x=x)
    y_title = i18n.activity_counted_label(rule).capitalize()
    bars = base.mark_bar(size=40 if big else 28).encode(
        y=alt.Y(
            "counted_posts:Q",
            title=y_title,
            axis=alt.Axis(tickCount=5, format=",.0f", tickMinStep=1),
        ),
        color=alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(domain=labels, range=[ACCENT, WARN, ZERO_COLOR]),
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
    text = (
        base.mark_text(dy=-10, fontSize=22 if big else 13)
        .encode(y="counted_posts:Q", text=alt.Text("counted_posts:Q", format=",.0f"))
        .transform_filter(alt.datum.status != labels[2])
    )
    minimum = base.mark_line(strokeDash=[6, 4], color="#555555", point=False).encode(
        y="required_posts:Q"
    )
    return finish(bars + text + minimum, big=big, height=280)


def accounts(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """Posts in the period per account of one OPD (a queries.account_dormancy frame): one row
    per account named "Instagram @handle", the count printed, dormant accounts in orange."""
    shown = df.with_columns(
        pl.struct("platform", "handle")
        .map_elements(
            lambda r: f"{i18n.platform_label(r['platform'])} {r['handle'] or ''}".strip(),
            return_dtype=pl.String,
        )
        .alias("account"),
        pl.col("status").map_elements(i18n.reason_label, return_dtype=pl.String).alias("state"),
    )
    states = sorted(set(shown.get_column("state").to_list()))
    colors = [ACCENT if s == i18n.reason_label("aktif") else WARN for s in states]
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
            axis=alt.Axis(format=",.0f", tickCount=5, tickMinStep=1),
        ),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("state:N", title=None, scale=alt.Scale(domain=states, range=colors)),
        tooltip=[
            alt.Tooltip("account:N", title=i18n.tr("Akun", "Account")),
            alt.Tooltip("posts_in_period:Q", title=i18n.t("posts"), format=",.0f"),
            alt.Tooltip("days_since_last_post:Q", title=i18n.t("days_since")),
            alt.Tooltip("state:N", title=i18n.tr("Status", "Status")),
        ],
    )
    text = base.mark_text(align="left", dx=5, fontSize=22 if big else 13).encode(
        text=alt.Text("posts_in_period:Q", format=",.0f")
    )
    n = max(1, shown.height)
    return finish(bars + text, big=big, height=60 + n * 36)
