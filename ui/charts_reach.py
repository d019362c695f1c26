"""Reach down to desa: each kecamatan with its desa and kelurahan, how many are active.

Pure Altair builder like ui.charts: queries.kecamatan_rollup in, a chart out.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.charts import ACCENT, ROW_LABEL_PX, WARN, finish


def kecamatan_rollup(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """One horizontal bar per kecamatan: active and not-active members (office + villages),
    each bar labelled "a dari n aktif"; sorted by share active, lowest first."""
    active_t = i18n.tr("Aktif", "Active")
    idle_t = i18n.tr("Belum aktif", "Not active")
    rows = []
    for r in df.iter_rows(named=True):
        name = (r["kecamatan_short"] or r["kecamatan"]) + (
            i18n.tr(f" + {r['villages']} desa/kel.", f" + {r['villages']} villages")
            if r["villages"]
            else ""
        )
        share = r["active_members"] / r["members"] if r["members"] else 0.0
        label = i18n.tr(
            f"{r['active_members']} dari {r['members']} aktif",
            f"{r['active_members']} of {r['members']} active",
        )
        rows.append((name, active_t, r["active_members"], share, label, r["members"]))
        rows.append((name, idle_t, r["members"] - r["active_members"], share, label, r["members"]))
    data = pl.DataFrame(
        rows, schema=["name", "status", "n", "share", "label", "members"], orient="row"
    )
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
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "n:Q",
                title=i18n.tr("Kantor kecamatan + desa/kelurahan", "Kecamatan office + villages"),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=[active_t, idle_t], range=[ACCENT, WARN]),
                sort=[active_t, idle_t],
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
        .encode(y=y, x=alt.X("members:Q"), text="label:N")
    )
    n = max(1, len(order))
    return finish(bars + text, big=big, height=min(1200, 40 + n * 30))
