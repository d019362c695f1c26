"""The data-completeness panel on Ringkasan: how much of the period's data arrived, and which
OPDs are still missing the latest month (names of OPDs only: no operator names for leaders)."""

from __future__ import annotations

import streamlit as st

from ui import data, i18n


def summary_panel(f: data.Filters) -> None:
    """Counts of account-months received / partial / missing and the OPDs still missing data
    for the period's last month, with a link to the Kelengkapan Data page."""
    s = data.q("coverage_summary", f)
    total = s["received"] + s["partial"] + s["missing"]
    if total == 0:
        return
    st.subheader(i18n.tr("Kelengkapan data", "Data completeness"))
    month = f.end.replace(day=1)
    missing = data.q("coverage_missing", f, month=month)
    st.markdown(
        i18n.tr(
            f"**{i18n.fmt_int(s['received'])}** dari {i18n.fmt_int(total)} akun-bulan diterima "
            f"lengkap, {i18n.fmt_int(s['partial'])} sebagian, {i18n.fmt_int(s['missing'])} "
            "belum ada. Bulan tanpa data tidak dihitung sebagai tidak aktif.",
            f"**{i18n.fmt_int(s['received'])}** of {i18n.fmt_int(total)} account-months fully "
            f"received, {i18n.fmt_int(s['partial'])} partly, {i18n.fmt_int(s['missing'])} not "
            "received. A month without data does not count as inactive.",
        )
    )
    if missing.height:
        names = ", ".join(missing.get_column("opd").to_list())
        st.markdown(
            i18n.tr(
                f"Data {i18n.fmt_month(month, short=False)} belum lengkap dari "
                f"{missing.height} OPD: {names}.",
                f"{i18n.fmt_month(month, short=False)} data incomplete from "
                f"{missing.height} OPDs: {names}.",
            )
        )
    st.page_link(
        "app_pages/kelengkapan.py",
        label=i18n.tr("Buka Kelengkapan Data", "Open Data completeness"),
        icon=":material/fact_check:",
    )
