"""Ringkasan when the filter is one OPD: that OPD's own story (its status against the rule, its
months, its content, its accounts, its rank among all OPDs) instead of charts meant for many.

A rate over one OPD is 0 % or 100 %, a ranking of one is a hairline bar and a bottom list has
nobody: none of them says anything about the one OPD a meeting is talking about.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, charts_opd, data, explain, filters, i18n, slides
from ui import widgets as w


def is_one_opd(f: data.Filters) -> bool:
    """True when the sidebar narrows the view to exactly one OPD."""
    return len(f.opd_ids) == 1


def _status_card(row: dict | None) -> None:
    status = (row or {}).get("activity_status")
    value = {
        "active": i18n.tr("Aktif", "Active"),
        "inactive": i18n.tr("Belum aktif", "Not active"),
        "no_data": i18n.tr("Belum dinilai", "Not judged"),
    }.get(status or "", "-")
    w.kpi(i18n.tr("Status keaktifan", "Activity status"), value)


def _status_detail(row: dict | None, inactive: pl.DataFrame) -> str:
    """Why, in numbers: the failed rule for an inactive OPD, the rule met for an active one."""
    if row is None:
        return ""
    if inactive.height:
        r = inactive.row(0, named=True)
        return f"{i18n.reason_label(r['reason_code'])}; {explain.inactive_detail(r)}"
    minimum = i18n.activity_minimum_text(row["activity_rule"], row["required_posts"])
    return i18n.tr(
        f"{i18n.fmt_int(row['counted_posts'])} postingan; {minimum}",
        f"{i18n.fmt_int(row['counted_posts'])} posts; {minimum}",
    )


def ringkasan(f: data.Filters, big: bool) -> None:
    """Draw the one-OPD Ringkasan (screen and slides from the same blocks)."""
    opd_id = int(f.opd_ids[0])
    everyone = filters.make_filters(f.start, f.end, f.platforms)
    ranking = data.opd_index(everyone)
    mine = ranking.filter(pl.col("opd_id") == opd_id)
    row = mine.row(0, named=True) if mine.height else None
    name = row["opd"] if row else i18n.t("opd")
    short = (row or {}).get("opd_short") or name
    months = data.opd_month_heatmap(f).filter(pl.col("opd_id") == opd_id)
    mix = data.content_mix(f)
    acc = data.account_dormancy(f)
    kpis = data.kpi_summary(f)

    t_months = i18n.tr(f"Postingan {short} per bulan", f"Posts of {short} by month")
    t_mix = i18n.tr(f"Komposisi konten {short}", f"Content mix of {short}")
    t_acc = i18n.tr(f"Akun {short}", f"Accounts of {short}")
    panels = {"kpi": i18n.tr("Angka utama", "Key figures")}
    if months.height:
        panels["months"] = t_months
    if mix.height:
        panels["mix"] = t_mix
    if acc.height:
        panels["accounts"] = t_acc
    deck = slides.Deck("ringkasan", panels)

    if deck.show("kpi"):
        inactive = data.inactive_opds(f)
        judged = months.filter(pl.col("activity_status") != "no_data")
        c1, c2, c3, c4 = st.columns([1.5, 1, 1, 1]) if not big else st.columns(2) * 2
        with c1:
            _status_card(row)
        with c2:
            active_months = int(judged.get_column("is_active").sum()) if judged.height else 0
            w.kpi(
                i18n.tr("Bulan aktif", "Active months"),
                i18n.tr(
                    f"{active_months} dari {judged.height}", f"{active_months} of {judged.height}"
                ),
            )
        with c3:
            w.kpi_from(kpis, "posts")
        with c4:
            ranked = ranking.filter(pl.col("rank").is_not_null())
            if row and row.get("rank") is not None:
                w.kpi(
                    i18n.tr("Peringkat indeks", "Index rank"),
                    i18n.tr(
                        f"{row['rank']} dari {ranked.height}", f"{row['rank']} of {ranked.height}"
                    ),
                )
            else:
                w.kpi(i18n.tr("Peringkat indeks", "Index rank"), "-")
        status = _status_detail(row, inactive)
        if row and row.get("rank") is not None:
            status += i18n.tr(
                f". Indeks {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) di antara semua OPD; bulan aktif dihitung "
                "dari bulan yang datanya lengkap.",
                f". Index {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) among all OPDs; active months count the "
                "months whose data is complete.",
            )
        st.caption(f"{name}: {status}")
        w.comparison_caption(kpis)

    left, right = st.columns([3, 2]) if not big else (st.container(), st.container())
    with left:
        if "months" in panels and deck.show("months"):
            st.subheader(t_months)
            rule = row["activity_rule"] if row else "account"
            deck.chart(charts_opd.monthly_status(months, rule, big=big))
            if not big:
                st.caption(
                    i18n.tr(
                        "Garis putus-putus: batas minimal bulan itu. Biru aktif, jingga belum, "
                        "abu-abu data belum diterima.",
                        "Dashed line: the month's minimum. Blue active, orange not yet, grey "
                        "data not received.",
                    )
                )
                # A month without data draws no bar: name those months in words too.
                gaps = months.filter(pl.col("activity_status") == "no_data")
                if gaps.height:
                    names = ", ".join(
                        i18n.fmt_month(m, short=False) for m in gaps.get_column("month")
                    )
                    st.caption(
                        i18n.tr(
                            f"Data belum diterima (bukan nol postingan): {names}.",
                            f"Data not received (not zero posts): {names}.",
                        )
                    )
    with right:
        if "mix" in panels and deck.show("mix"):
            st.subheader(t_mix)
            deck.chart(charts.content_totals(mix, big=big, height=300))
    if "accounts" in panels and deck.show("accounts"):
        st.subheader(t_acc)
        deck.chart(charts_opd.accounts(acc, big=big), rows=acc.height)
    if not big:
        w.drilldown(i18n.tr("semua postingan periode ini", "all posts in this period"), f,
                    key="all")  # fmt: skip
