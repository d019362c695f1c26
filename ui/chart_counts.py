"""How many posts each 100% bar stands on: "n=3" at the end of every stacked-share bar.

A bar of 100% reads the same whether it is 3 posts or 300; a month of one OPD often has 1-5.
So every composition chart (content or format per OPD, per month) writes the bar's count at
its end: right of a horizontal bar, above a vertical one. The text is in the chart (Vega lays
it out, the slide contract measures it), not in a caption.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.chart_spec import condition

# Below this many posts a share is marked as resting on few posts (the count turns orange).
LOW_N = 10
LOW_COLOR = "#D55E00"
TEXT_COLOR = "#31333F"


def count_text(n: int) -> str:
    """'n=3' (id-ID digits: 'n=1.234')."""
    return f"n={i18n.fmt_int(n)}"


def counts(df: pl.DataFrame, group: str, value: str = "posts") -> pl.DataFrame:
    """One row per bar: group, _n (Int64, the bar's posts), _n_text ('n=3'), _low (bool, fewer
    than LOW_N posts), _one (1.0, the end of a 100% bar). Groups in first-seen order."""
    per = df.group_by(group, maintain_order=True).agg(
        pl.col(value).sum().cast(pl.Int64).alias("_n")
    )
    return per.with_columns(
        pl.col("_n").map_elements(count_text, return_dtype=pl.String).alias("_n_text"),
        (pl.col("_n") < LOW_N).alias("_low"),
        pl.lit(1.0).alias("_one"),
    )


def _color():
    # A condition, not a field: a colour field would share the bars' colour scale and legend.
    return condition(alt.ColorValue, "datum._low", alt.value(LOW_COLOR), alt.value(TEXT_COLOR))


def _share_axis(channel, title: str | None):
    # The same title and format as the bars' share axis: layered axes merge, and a second
    # field or a hidden axis would rename or remove the bars' own.
    return channel("_one:Q", title=title, axis=alt.Axis(format=".0%"))


def horizontal(
    df: pl.DataFrame,
    y: alt.Y,
    group: str,
    *,
    value: str = "posts",
    big: bool = False,
    title: str | None = None,
) -> alt.Chart:
    """Text layer for horizontal 100% bars: the count right of each bar's end. `y` is the
    bars' own y encoding (same field and sort), so each count sits on its bar's row; title:
    the share axis's title (the bars' own)."""
    return (
        alt.Chart(counts(df, group, value))
        .mark_text(align="left", dx=6, fontSize=20 if big else 12)
        .encode(
            y=y,
            x=_share_axis(alt.X, title),
            text=alt.Text("_n_text:N"),
            color=_color(),
        )
    )


def vertical(
    df: pl.DataFrame,
    x: alt.X,
    group: str,
    *,
    value: str = "posts",
    big: bool = False,
    title: str | None = None,
) -> alt.Chart:
    """Text layer for vertical 100% bars (one per month): the count just above each bar.
    `x` is the bars' own x encoding (ui.chart_base.time_x); title: the share axis's title."""
    return (
        alt.Chart(counts(df, group, value))
        .mark_text(baseline="bottom", dy=-4, fontSize=20 if big else 12)
        .encode(
            x=x,
            y=_share_axis(alt.Y, title),
            text=alt.Text("_n_text:N"),
            color=_color(),
        )
    )


def caption() -> str:
    """The sentence that says what the counts are (under the chart on the screen)."""
    return i18n.tr(
        f"n = banyaknya postingan di balik batang itu; jingga bila kurang dari {LOW_N} "
        "(porsinya bertumpu pada sedikit postingan).",
        f"n = the number of posts behind that bar; orange when fewer than {LOW_N} (its shares "
        "rest on few posts).",
    )
