"""The data-completeness panel on Ringkasan: how much of the period's data arrived, and which
OPDs are still missing the latest month (names of OPDs only: no operator names for leaders)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui import data, explain, i18n

# OPDs named in a sentence under the tiles; the rest are counted ("dan 35 lainnya") and listed
# on Kelengkapan Data, linked below (a slide of 40 names was a wall of text).
MOST_NAMED = 8


def summary_panel(f: data.Filters) -> None:
    """Counts of account-months received / partial / missing and the OPDs still missing data
    for the period's last month, with a link to the Kelengkapan Data page."""
    s = data.coverage_summary(f)
    total = s["total"]
    if total == 0:
        return
    st.subheader(i18n.tr("Kelengkapan data", "Data completeness"))
    month = f.end.replace(day=1)
    missing = data.coverage_missing(f, month=month)
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
    last = data.date_bounds()[1]
    running = last is not None and month <= last < f.end
    if missing.height and running:
        # The month the data end cuts: its data is only partly in so far, not missing.
        names = explain.some_names(missing.get_column("opd").to_list(), MOST_NAMED)
        through = i18n.fmt_through(last)
        st.markdown(
            i18n.tr(
                f"Data {i18n.fmt_month(month, short=False)} baru sebagian (data {through}, "
                f"bulan berjalan) untuk {missing.height} OPD: {names}.",
                f"{i18n.fmt_month(month, short=False)} data only partly in so far (data "
                f"{through}, month still running) for {missing.height} OPDs: {names}.",
            )
        )
    elif missing.height:
        names = explain.some_names(missing.get_column("opd").to_list(), MOST_NAMED)
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


@dataclass(frozen=True)
class StatusCard:
    """One Kelengkapan card. part: one of the statuses that partition the grid (their values
    add up to the total card's); note: the subset inside it ("termasuk 39 ...") or None."""

    label: str
    value: int
    note: str | None = None
    help: str | None = None
    part: bool = True


def status_cards(s: dict) -> list[StatusCard]:
    """The Kelengkapan key figures from a warehouse.coverage.summarize dict: the grid's
    account-months, then received + partial + missing (a partition: they add up to it). "Tidak
    menyerahkan data" (past the deadline) is part of partial or missing, so it is said inside
    its parent card ("termasuk 39 tidak menyerahkan data"), never as a card of its own."""
    late_help = i18n.tr(
        "Akun-bulan yang belum lengkap setelah batas pengumpulan (Pengaturan): "
        f"{i18n.reason_label('not_submitted').lower()}.",
        "Account-months still incomplete after the collection deadline (Settings).",
    )

    def late(n: int) -> str | None:
        if not n:
            return None
        return i18n.tr(
            f"termasuk {i18n.fmt_int(n)} {i18n.reason_label('not_submitted').lower()}",
            f"incl. {i18n.fmt_int(n)} {i18n.reason_label('not_submitted').lower()}",
        )

    def running(n: int) -> str | None:
        if not n:
            return None
        return i18n.tr(
            f"termasuk {i18n.fmt_int(n)} bulan berjalan",
            f"incl. {i18n.fmt_int(n)} in the month still running",
        )

    return [
        StatusCard(
            i18n.tr("Akun-bulan", "Account-months"),
            s["total"],
            i18n.tr(
                f"{i18n.fmt_int(s['accounts'])} akun, {i18n.fmt_int(s['months'])} bulan",
                f"{i18n.fmt_int(s['accounts'])} accounts, {i18n.fmt_int(s['months'])} months",
            ),
            part=False,
        ),
        StatusCard(i18n.tr("Diterima lengkap", "Fully received"), s["received"]),
        StatusCard(
            i18n.coverage_label("partial"),
            s["partial"],
            "; ".join(
                t
                for t in (running(s.get("partial_running", 0)), late(s["not_submitted_partial"]))
                if t
            )
            or None,
            late_help if s["not_submitted_partial"] else None,
        ),
        StatusCard(
            i18n.coverage_label("missing"),
            s["missing"],
            late(s["not_submitted_missing"]),
            late_help if s["not_submitted_missing"] else None,
        ),
    ]


def kpi_value(kpis, key: str) -> float | None:
    row = kpis.filter(kpis["key"] == key)
    return row["value"][0] if row.height else None


def denominator_caption(kpis, *, short: bool = False) -> None:
    """Under the activity tile: the rate's denominator, stated ("dari 41 OPD yang datanya
    lengkap") and how many OPDs were not judged for want of data. short: one line for a
    slide (the cards fill the screen), the kinds of missing data left to the normal view."""
    judged, no_data = kpi_value(kpis, "judged_opds"), kpi_value(kpis, "no_data_opds")
    if judged is None:
        return
    if short:
        text = i18n.tr(
            f"Tingkat keaktifan dari {i18n.fmt_int(judged)} OPD yang dinilai",
            f"Activity rate over {i18n.fmt_int(judged)} judged OPDs",
        )
        if no_data:
            text += i18n.tr(
                f"; {i18n.fmt_int(no_data)} OPD belum dinilai karena datanya belum lengkap "
                "(bukan belum aktif).",
                f"; {i18n.fmt_int(no_data)} OPDs not judged as their data is not all in "
                "(not 'inactive').",
            )
        st.caption(text if no_data else text + ".")
        return
    text = i18n.tr(
        f"Tingkat keaktifan dihitung dari {i18n.fmt_int(judged)} {i18n.kpi_label('judged_opds')}.",
        f"The activity rate is over {i18n.fmt_int(judged)} {i18n.kpi_label('judged_opds')}.",
    )
    text += " " + not_judged_text(no_data, kpi_value(kpis, "partial_data_opds"))
    st.caption(text.strip())


def not_judged_text(no_data: float | None, partial: float | None) -> str:
    """'13 OPD belum dinilai: datanya baru sebagian diterima (periode masih berjalan).' An OPD
    part of whose data arrived is never said to have had no data arrive."""
    no_data, partial = int(no_data or 0), int(partial or 0)
    if not no_data:
        return ""
    missing = no_data - partial
    parts = []
    if partial:
        parts.append(
            i18n.tr(
                f"{i18n.fmt_int(partial)} datanya baru sebagian diterima (bulan berjalan atau "
                "ekspor yang belum lengkap)",
                f"{i18n.fmt_int(partial)} with their data only partly in (a month still "
                "running or an export not yet whole)",
            )
        )
    if missing:
        parts.append(
            i18n.tr(
                f"{i18n.fmt_int(missing)} datanya belum diterima",
                f"{i18n.fmt_int(missing)} with no data received",
            )
        )
    if len(parts) == 1:  # one kind only: the count is the total already said
        parts = [p.split(" ", 1)[1] for p in parts]
    return i18n.tr(
        f"{i18n.fmt_int(no_data)} OPD belum dinilai (bukan belum aktif): {'; '.join(parts)}.",
        f"{i18n.fmt_int(no_data)} OPDs not judged (not 'inactive'): {'; '.join(parts)}.",
    )


def trend_gaps(trend, x: str = "month") -> list:
    """Periods of an activity trend in which no OPD's data arrived (the rate is no data)."""
    if trend.height == 0 or "judged_opds" not in trend.columns:
        return []
    return trend.filter(trend["judged_opds"] == 0).get_column(x).unique().sort().to_list()


def gap_caption(trend, x: str = "month", *, rate: bool = True) -> None:
    """Under a trend: gap_text as a caption (nothing when there is nothing to say)."""
    text = gap_text(trend, x, rate=rate)
    if text:
        st.caption(text)


def gap_text(trend, x: str = "month", *, rate: bool = True) -> str:
    """Which periods of a trend (a queries.activity.activity_trend frame) are grey (no data) and which
    hold part of the OPDs' data, true to what the chart computes. rate: the chart is the
    activity rate (over the judged OPDs only: "dihitung dari OPD yang dapat dinilai");
    otherwise a total over every OPD (posts, active OPDs, interactions), which counts all the
    data received so far, so it says so and that the figure may still grow."""
    if trend.height == 0 or "no_data_opds" not in trend.columns:
        return ""
    gaps = trend_gaps(trend, x)
    parts = []
    if gaps:
        months = ", ".join(i18n.fmt_month(m, short=False) for m in gaps)
        parts.append(
            i18n.tr(
                f"Abu-abu: data belum diterima ({months}), bukan nol.",
                f"Grey: data not received ({months}), not zero.",
            )
        )
    some = trend.filter((trend["no_data_opds"] > 0) & (trend["judged_opds"] > 0))
    if some.height and rate:
        months = ", ".join(
            f"{i18n.fmt_month(r[x], short=True)} ({r['judged_opds']}/{r['expected_opds']})"
            for r in some.iter_rows(named=True)
        )
        parts.append(
            i18n.tr(
                # judged: complete data, or active on the data that arrived (not "complete")
                f"Dihitung dari OPD yang dapat dinilai saja: {months}.",
                f"Over the OPDs that can be judged only: {months}.",
            )
        )
    elif some.height:
        months = (
            # Every month named one by one took two lines of a slide to say "all of them".
            i18n.tr("setiap bulan", "every month")
            if some.height == trend.height and some.height > 1
            else ", ".join(i18n.fmt_month(r[x], short=True) for r in some.iter_rows(named=True))
        )
        parts.append(
            i18n.tr(
                "Jumlah dari semua OPD, dari data yang sudah diterima; data sebagian OPD "
                f"belum lengkap ({months}), jadi angkanya bisa bertambah.",
                "Totals over every OPD from the data received so far; some OPDs' data is "
                f"not all in ({months}), so the figures may still grow.",
            )
        )
    return " ".join(parts)
