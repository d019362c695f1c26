"""Lines of many groups (OPDs, OPD kinds): at most MAX_SERIES of them, each in a colour of
its own, named in a legend in the order of their size. Pure: polars and Altair, no st.*."""

from __future__ import annotations

import altair as alt
import polars as pl

# Okabe-Ito without its yellow (unreadable as a line on white) plus a brown: no two lines share
# a colour and none is the grey of "data not received" (chart_base.GAP_GREY).
SERIES_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#000000",
    "#8C6D31",
)
MAX_SERIES = len(SERIES_COLORS)
LEGEND_BESIDE = 4  # more lines than this: the legend goes beside the chart, one name a row


def cap_series(
    df: pl.DataFrame, *, value: str, n: int = MAX_SERIES, group: str = "group"
) -> tuple[pl.DataFrame, list[str]]:
    """Keep the n groups with the largest total of `value`, rows ordered largest group first
    (a chart's legend and colours follow that order), so every line keeps a colour of its own.

    Returns (frame, the groups left out, largest first); ties on the total go by name."""
    totals = (
        df.group_by(group)
        .agg(pl.col(value).sum().alias("_t"))
        .sort(["_t", group], descending=[True, False], nulls_last=True)
    )
    keep = totals.head(n).get_column(group).to_list()
    dropped = totals.slice(n).get_column(group).to_list()
    rank = {g: i for i, g in enumerate(keep)}
    kept = (
        df.filter(pl.col(group).is_in(keep))
        .with_columns(pl.col(group).replace_strict(rank, return_dtype=pl.Int32).alias("_rank"))
        .sort("_rank", maintain_order=True)
        .drop("_rank")
    )
    return kept, [str(g) for g in dropped]


def series_order(df: pl.DataFrame, field: str) -> list[str]:
    """The groups of `field` in their first-seen order (cap_series leaves them largest first)."""
    if field not in df.columns:
        return []
    return [str(v) for v in df.get_column(field).unique(maintain_order=True).to_list()]


def series_color(field: str, title: str | None, groups: list[str], *, label_px: int) -> alt.Color:
    """Colour channel of `field` with one SERIES_COLORS colour per group (in that order).

    Raises ValueError for more than MAX_SERIES groups (cap them first with cap_series)."""
    if len(groups) > MAX_SERIES:
        raise ValueError(
            f"{len(groups)} series in one chart: at most {MAX_SERIES} have a colour of their "
            "own (cap them first with cap_series)"
        )
    return alt.Color(
        f"{field}:N",
        title=title,
        scale=alt.Scale(domain=groups, range=list(SERIES_COLORS[: len(groups)])),
        sort=groups,
        # Every line named, in the order of the lines' size: beside the chart when there are
        # many (height is what a 1366x768 slide lacks), under it when a row holds them all.
        legend=(
            alt.Legend(
                orient="right",
                columns=1,
                labelLimit=0,
                # row-label type, not the legend's projector size: eight names fit 1366x768
                labelFontSize=label_px,
                symbolSize=150,
                rowPadding=2,
            )
            if len(groups) > LEGEND_BESIDE
            else alt.Legend(columns=LEGEND_BESIDE, labelLimit=0)
        ),
    )
