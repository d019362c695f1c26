"""Reach down to desa: each kecamatan with its desa and kelurahan, how many are active.

Pure Altair builder like ui.charts: queries.activity.kecamatan_rollup in, a chart out.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.chart_axes import count_encoding
from ui.chart_base import ACCENT, GAP_GREY, ROW_LABEL_PX, WARN, finish


def kecamatan_rollup(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """One horizontal bar per kecamatan: active, not-active and not-judged members (office +
    villages; not judged = data not all in, grey, never counted as not active), each bar
    labelled "a dari j dinilai aktif" (plus "k belum dinilai"); sorted by share active of the
    judged, lowest first."""
    active_t = i18n.tr("Aktif", "Active")
    idle_t = i18n.tr("Belum aktif", "Not active")
    open_t = i18n.tr("Belum dinilai (data belum lengkap)", "Not judged (data not all in)")
    rows = []
    for r in df.iter_rows(named=True):
        name = (r["kecamatan_short"] or r["kecamatan"]) + (
            i18n.tr(f" + {r['villages']} desa/kel.", f" + {r['villages']} villages")
            if r["villages"]
            else ""
        )
        judged = r["members"] - r["not_judged_members"]
        share = r["active_members"] / judged if judged else -1.0
        parts = []
        if judged:
            parts.append(
                i18n.tr(
                    f"{r['active_members']} dari {judged} dinilai aktif",
                    f"{r['active_members']} of {judged} judged active",
                )
            )
        if r["not_judged_members"]:  # "0 dari 0 dinilai aktif" says nothing
            parts.append(
                i18n.tr(
                    f"{r['not_judged_members']} belum dinilai",
                    f"{r['not_judged_members']} not judged",
                )
            )
        label = ", ".join(parts)
        for status, n in (
            (active_t, r["active_members"]),
            (idle_t, r["inactive_members"]),
            (open_t, r["not_judged_members"]),
        ):
            rows.append((name, status, n, share, label, r["members"]))
    data = pl.DataFrame(
        rows, schema=["name", "status", "n", "share", "label", "members"], orient="row"
    )
    present = set(data.filter(pl.col("n") > 0).get_column("status").to_list())
    drawn = [
        (s, c) for s, c in ((active_t, ACCENT), (idle_t, WARN), (open_t, GAP_GREY)) if s in present
    ]
    order = (
        data.unique("name").sort(["share", "name"]).get_column("name").to_list()
        if data.height
        else []
    )
    y = alt.Y(
        "name:N",
        title=None,
        sort=order,
        axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
    )
    bars = (
        alt.Chart(data.filter(pl.col("n") > 0))
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "n:Q",
                title=i18n.tr("Kantor kecamatan + desa/kelurahan", "Kecamatan office + villages"),
                **count_encoding(data.get_column("members").max()),
            ),
            color=alt.Color(
                "status:N",
                title=None,
                # The legend lists only the states drawn (a state no row has is left out).
                scale=alt.Scale(domain=[s for s, _ in drawn], range=[c for _, c in drawn]),
                sort=[s for s, _ in drawn],
            ),
            order=alt.Order("status:N", sort="ascending"),
            tooltip=[
                alt.Tooltip("name:N", title=i18n.tr("Kecamatan", "Kecamatan")),
                alt.Tooltip("status:N", title=i18n.tr("Status", "Status")),
                alt.Tooltip("n:Q", title=i18n.tr("Banyaknya", "Count")),
            ],
        )
    )
    text = (
        alt.Chart(data.unique("name"))
        .mark_text(align="left", dx=6, fontSize=ROW_LABEL_PX if big else 13)
        .encode(y=y, x=alt.X("members:Q"), text=alt.Text("label:N"))
    )
    n = max(1, len(order))
    return finish(bars + text, big=big, height=min(1200, 40 + n * 30))
