"""Kelengkapan Data: which OPD exports arrived, for the analyst's monthly collection round."""

import datetime as dt

import polars as pl
import streamlit as st

from reports import coverage_text
from ui import auth as _auth
from ui import coverage_chart, coverage_panel, data, filters, i18n, slides
from ui import widgets as w
from ui.panels import SCREEN, Panel, show
from ui.slides import Deck
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("kelengkapan")

w.header(
    i18n.t("page_kelengkapan"),
    i18n.tr(
        "Ekspor mana yang sudah masuk per akun dan bulan. Bulan tanpa berkas dihitung "
        "'belum ada data', bukan 'tidak mengunggah'.",
        "Which exports arrived, per account and month. A month without a file counts as "
        "'no data', not as 'posted nothing'.",
    ),
)
w.require_data()
f = filters.current()
today = dt.date.today()

grid = data.coverage_grid(f)
data_end = data.date_bounds()[1]  # v_data_end: how far the running month's data goes
if grid.height == 0:
    w.no_match()
    st.stop()


def key_figures(deck: Deck) -> None:
    # The same counts as the monthly report's "Kelengkapan data" (warehouse.coverage): the
    # grid's account-months, then the three statuses that add up to it.
    cards = coverage_panel.status_cards(data.coverage_summary(f))
    # Two by two on a slide: four labels in a row were cut at 1366 px.
    columns = st.columns(2) * 2 if deck.active else st.columns(4)
    for col, card in zip(columns, cards, strict=True):
        with col:
            w.kpi(card.label, i18n.fmt_int(card.value), card.note, help=card.help, neutral=True)


def coverage_grid(deck: Deck) -> None:
    if deck.active:
        # A slide holds a few rows: the accounts with months not (fully) received, most
        # first; the rest is counted, the screen shows every account.
        shown, more, whole = coverage_chart.needing_attention(grid, slides.MAX_ROWS_WITH_LEGEND)
        if not shown.height:
            st.success(
                i18n.tr(
                    "Data semua akun sudah masuk untuk setiap bulan periode ini.",
                    "Every account's data has arrived for every month of the period.",
                )
            )
            return
        n = shown.get_column("account_id").n_unique()
        st.caption(
            i18n.tr(
                f"{n} akun dengan bulan yang datanya belum lengkap"
                + (f", {more} akun lainnya juga" if more else "")
                + f"; {whole} akun lengkap.",
                f"{n} accounts with months not fully received"
                + (f", {more} more too" if more else "")
                + f"; {whole} accounts complete.",
            )
        )
        chart = coverage_chart.coverage_grid(shown, big=True, data_end=data_end)
        deck.chart(chart, key="coverage_grid", rows=n)
        return
    through = i18n.fmt_through(data_end)
    running = "to_data_end" in grid.columns and bool(grid.get_column("to_data_end").any())
    st.caption(
        i18n.tr(
            "Biru: seluruh hari bulan itu tercakup ekspor atau buku rekap. "
            + (
                f"Biru muda: bulan berjalan, data sudah masuk sampai data terakhir ({through}). "
                if running
                else ""
            )
            + "Jingga: sebagian hari saja, belum lengkap (arahkan kursor untuk melihat "
            "tanggalnya). Abu-abu: belum ada berkas, jadi tidak dihitung sebagai nol postingan.",
            "Blue: every day of the month is covered by an export or logbook. "
            + (
                f"Light blue: the month still running, its data in as far as any data goes "
                f"({through}). "
                if running
                else ""
            )
            + "Orange: some days only, incomplete (hover to see which). Grey: no file yet, so "
            "it does not count as zero posts.",
        )
    )
    w.chart(coverage_chart.coverage_grid(grid, data_end=data_end), key="coverage_grid")


def still_missing(deck: Deck) -> None:
    months = grid.get_column("month_start").unique().sort().to_list()
    month = st.selectbox(
        i18n.t("month"),
        months,
        index=len(months) - 1,
        format_func=lambda d: i18n.fmt_month(d, short=False),
        key="coverage_month",
    )
    missing = data.coverage_missing(f, month=month)
    month_text = i18n.fmt_month(month, short=False)
    if missing.height == 0:
        st.success(
            i18n.tr(
                f"Data {month_text} dari semua akun sudah masuk.",
                f"Every account's data for {month_text} has arrived.",
            )
        )
        return
    due = missing.get_column("due_date").min()
    st.caption(
        i18n.tr(
            f"Batas pengumpulan data {month_text}: {i18n.fmt_date(due)}.",
            f"Deadline for {month_text}: {i18n.fmt_date(due)}.",
        )
    )
    # Operator names are personal data: shown to the analyst and admin (access.policy
    # view_personal), never on the projector; ui/data.py masks them for everyone else.
    show_ops = not deck.active and _auth.can("view_personal")
    shown = missing if show_ops else missing.with_columns(pl.lit(None).alias("operator_name"))
    cols = [
        Col("opd", "OPD"),
        Col("opd_kind", i18n.t("opd_kind"), "kind"),
        Col("accounts", i18n.tr("Akun yang belum lengkap", "Incomplete accounts"), "long"),
        Col("reason_code", i18n.t("reason"), "reason"),
    ]
    if show_ops:
        cols.insert(2, Col("operator_name", i18n.tr("Operator", "Operator")))
    w.table(
        shown,
        cols,
        key="coverage_missing",
        title=i18n.tr(
            f"Data medsos {month_text} yang belum masuk", f"Missing social media data {month_text}"
        ),
    )
    if show_ops:
        whatsapp(missing, month)


def whatsapp(missing: pl.DataFrame, month: dt.date) -> None:
    with_ops = st.checkbox(
        i18n.tr("Sertakan nama operator di teks", "Include operator names in the text"),
        value=False,
        key="coverage_wa_ops",
    )
    text = coverage_text.whatsapp_text(missing, month, with_operator=with_ops, today=today)
    st.markdown(i18n.tr("**Teks untuk grup WhatsApp**", "**Text for the WhatsApp group**"))
    st.code(text, language=None, wrap_lines=True)
    st.download_button(
        i18n.tr("Unduh teks WhatsApp", "Download WhatsApp text"),
        text,
        file_name=f"data_medsos_belum_masuk_{month:%Y%m}.txt",
        mime="text/plain",
        key="coverage_wa_download",
        icon=":material/chat:",
        # With operator names it is an export of personal data: audited on the click.
        on_click=(
            (lambda: _auth.record("export_personal", target="teks WhatsApp kelengkapan"))
            if with_ops
            else "ignore"
        ),
    )


def latest_exports(deck: Deck) -> None:
    w.table(
        data.coverage_accounts(f),
        [
            Col("opd", "OPD"),
            Col("platform", i18n.t("platform"), "platform"),
            Col("handle", i18n.tr("Akun", "Account")),
            Col("latest_export", i18n.tr("Tanggal ekspor terakhir", "Latest export"), "date"),
            Col("covered_until", i18n.tr("Data sampai", "Data up to"), "date"),
            Col("n_loads", i18n.tr("Berkas", "Files"), "int"),
        ],
        key="coverage_accounts",
        title=i18n.tr("Ekspor terakhir per akun", "Latest export per account"),
        height=360,
    )


show(
    "kelengkapan",
    [
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), heading=False),
        Panel(
            "grid",
            coverage_grid,
            i18n.tr("Akun yang datanya belum lengkap", "Accounts with data missing")
            if w.presenting()
            else i18n.tr("OPD x akun x bulan", "OPD x account x month"),
        ),
        Panel("missing", still_missing, i18n.tr("Yang belum masuk", "Still missing")),
        Panel(
            "accounts",
            latest_exports,
            i18n.tr("Ekspor terakhir per akun", "Latest export per account"),
            SCREEN,
        ),
    ],
)
