"""What Unggah Data shows about a file: its check before loading (format, OPD, counts,
assumptions, preview, rejected rows) and the summary after loading."""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from ui import i18n
from ui.widgets import Col, table


def report_row(r) -> dict[str, Any]:
    """One row of the after-load summary from an etl load report."""
    return {
        "file": r.file,
        "format": r.format,
        "opd": r.opd,
        "rows_read": r.rows_read,
        "new": r.new,
        "updated": r.updated,
        "duplicate": r.duplicate,
        "rejected": r.rejected,
        "status": r.status,
        "message": r.error or "; ".join(r.notes or []),
    }


def report_cols() -> tuple[Col, ...]:
    """Columns of the after-load summary, in the current language."""
    return (
        Col("file", i18n.tr("Berkas", "File")),
        Col("status", "Status", "load_status"),
        Col("format", "Format", "format"),
        Col("opd", "OPD"),
        Col("rows_read", i18n.tr("Baris dibaca", "Rows read"), "int"),
        Col("new", i18n.tr("Baru", "New"), "int"),
        Col("updated", i18n.tr("Diperbarui", "Updated"), "int"),
        Col("duplicate", i18n.tr("Duplikat", "Duplicate"), "int"),
        Col("rejected", i18n.tr("Ditolak", "Rejected"), "int"),
        Col("message", i18n.tr("Keterangan", "Message")),
    )


def show_check(rep) -> None:
    """One file's check before loading: format, OPD, counts, notes, the load's assumptions,
    a preview of its rows and the rows it rejects (an etl load report, dry run)."""
    ok = rep.status not in ("failed", "needs_review")
    icon = ":material/check_circle:" if ok else ":material/error:"
    st.markdown(f"{icon} **{rep.file}**")
    if not ok:
        st.error(rep.error or i18n.tr("Berkas tidak dapat dibaca.", "The file cannot be read."))
        if rep.status == "failed" and not (rep.rejects is not None and rep.rejects.height):
            return
    if rep.status == "skipped":
        st.warning(rep.error or i18n.tr("Berkas ini sudah pernah dimuat.", "Already loaded."))
        return
    # Format and OPD are long names: plain text, so st.metric does not cut them to "met...".
    st.markdown(
        f"**{i18n.tr('Format', 'Format')}:** {i18n.format_label(rep.format)}  \n"
        f"**OPD:** {rep.opd or '-'}"
    )
    c = st.columns(4)
    c[0].metric(i18n.tr("Baris dibaca", "Rows read"), i18n.fmt_int(rep.rows_read))
    c[1].metric(i18n.tr("Baru", "New"), i18n.fmt_int(rep.new))
    c[2].metric(i18n.tr("Diperbarui", "Updated"), i18n.fmt_int(rep.updated))
    c[3].metric(i18n.tr("Ditolak", "Rejected"), i18n.fmt_int(rep.rejected))
    for note in rep.notes or []:
        st.caption(f"• {note}")
    if getattr(rep, "assumptions", None):
        with st.expander(
            i18n.tr(f"Asumsi muatan ({len(rep.assumptions)})", f"Load assumptions "
                    f"({len(rep.assumptions)})"),
            expanded=not ok,
        ):  # fmt: skip
            for a in rep.assumptions:
                st.markdown(f"- {a}")
    tabs = st.tabs([i18n.tr("Pratinjau", "Preview"), i18n.tr("Baris ditolak", "Rejected rows")])
    with tabs[0]:
        if rep.preview is not None and rep.preview.height:
            preview = rep.preview.head(50)
            table(
                preview.with_columns(pl.col("status").replace(PREVIEW_STATUS_ID))
                if "status" in preview.columns
                else preview,
                [c for c in _preview_columns() if c.name in preview.columns],
                key=f"preview_{rep.file}",
                export=False,
                numbered=False,
                height=250,
            )
        else:
            st.caption(i18n.tr("Tidak ada pratinjau.", "No preview."))
    with tabs[1]:
        if rep.rejects is not None and rep.rejects.height:
            table(
                rep.rejects,
                [
                    Col("sheet", "Sheet"),
                    Col("row_number", i18n.tr("Baris", "Row"), "int"),
                    Col("column_name", i18n.tr("Kolom", "Column")),
                    Col("value", i18n.tr("Nilai", "Value")),
                    Col("reason", i18n.t("reason")),
                ],
                key=f"rej_{rep.file}",
                export=False,
                numbered=False,
            )
        else:
            st.caption(i18n.tr("Tidak ada baris yang ditolak.", "No row rejected."))


PREVIEW_STATUS_ID = {"baru": "Baru", "diperbarui": "Diperbarui", "duplikat": "Duplikat"}


def _preview_columns() -> list[Col]:
    return [
        Col("status", "Status"),
        Col("opd", "OPD"),
        Col("platform", "Platform", "platform"),
        Col("account_handle", i18n.tr("Akun", "Account")),
        Col("published_at", i18n.tr("Waktu unggah", "Published"), "datetime"),
        Col("caption", i18n.tr("Keterangan", "Caption"), "caption"),
        Col("post_format", i18n.tr("Bentuk", "Format")),
        Col("permalink", i18n.t("link"), "link"),
        Col("views", i18n.tr("Tayangan", "Views"), "int"),
        Col("reach", i18n.tr("Jangkauan", "Reach"), "int"),
        Col("reactions", i18n.tr("Reaksi", "Reactions"), "int"),
        Col("comments", i18n.tr("Komentar", "Comments"), "int"),
        Col("shares", i18n.tr("Dibagikan", "Shares"), "int"),
        Col("logbook_label", i18n.tr("Label logbook", "Logbook label")),
    ]
