"""Unggah Data: upload many files, check them first (format, OPD, preview, rejected rows), map
unknown columns by hand, then load (one transaction per file)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import polars as pl
import streamlit as st

from etl.errors import describe
from ui import data, i18n, streamlit_texts
from ui.forms import upload_scope
from ui.forms.common import cursor, user
from ui.widgets import Col, table

# Canonical fields an analyst can map an unknown layout onto (etl.schema.POST_SCHEMA names).
MAPPABLE = {
    "published_at": ("Waktu terbit (wajib)", "Publish time (required)"),
    "caption": ("Keterangan / caption", "Caption"),
    "permalink": ("Tautan postingan", "Post link"),
    "platform": ("Platform", "Platform"),
    "account_handle": ("Nama akun", "Account name"),
    "opd_hint": ("Nama OPD", "OPD name"),
    "post_format_raw": ("Bentuk postingan", "Post type"),
    "views": ("Tayangan", "Views"),
    "reach": ("Jangkauan", "Reach"),
    "reactions": ("Suka / reaksi", "Likes / reactions"),
    "comments": ("Komentar", "Comments"),
    "shares": ("Dibagikan", "Shares"),
    "logbook_label": ("Jenis konten (logbook)", "Content type (logbook)"),
}


def _safe_load(fn: Callable[..., Any], cur, name: str, **kwargs: Any):
    """The loader's report; an unexpected failure becomes a failed report naming the file, so
    one bad file never takes the page down (the loader already reports known problems)."""
    from etl.load import LoadReport

    try:
        return fn(cur, name, **kwargs)
    except Exception as exc:  # noqa: BLE001 - shown to the analyst, never swallowed silently
        return LoadReport(
            file=name,
            status="failed",
            error=i18n.tr(
                f"Berkas {name} tidak dapat diproses: {describe(exc)}",
                f"File {name} could not be processed: {describe(exc)}",
            ),
        )


def _dry_run(
    name: str,
    raw: bytes,
    opd: str | None,
    column_map: dict[str, str] | None,
    date_order: str | None = None,
):
    """Parse without writing; memoised per session by content + choices (no re-parse on rerun)."""
    from etl.load import load_file

    digest = hashlib.sha256(raw).hexdigest()
    key = ("dry", digest, opd, json.dumps(column_map or {}, sort_keys=True), date_order,
           data.version()[0])  # fmt: skip
    memo = st.session_state.setdefault("_dry_runs", {})
    if key not in memo:
        with cursor() as cur:
            memo[key] = _safe_load(
                load_file,
                cur,
                name,
                data=raw,
                file_name=name,
                opd=opd,
                column_map=column_map or None,
                date_order=date_order,
                dry_run=True,
            )
    return memo[key]


@st.cache_data(show_spinner=False, max_entries=16)
def file_columns(name: str, raw: bytes) -> list[str]:
    """Column headers of an uploaded file whose layout is unknown, for mapping by hand: the
    headers the parser itself found (after title rows), as its refusal lists them."""
    from etl.sandbox import parse_file
    from etl.schema import FileRejected

    try:
        parse_file(name, data=raw, file_name=name)
    except FileRejected as exc:
        return list(exc.columns_found)
    except Exception:  # noqa: BLE001 - an unreadable file has no columns to map
        return []
    return []


def _report_row(r) -> dict[str, Any]:
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


def _report_cols() -> tuple[Col, ...]:
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


def upload_flow() -> None:
    """Upload -> per-file check (format, OPD, preview, rejects) -> confirm -> report."""
    nonce = st.session_state.setdefault("_upload_nonce", 0)
    files = streamlit_texts.file_uploader(
        i18n.tr("Pilih satu atau beberapa berkas ekspor", "Choose one or more export files"),
        ["csv", "xlsx", "xls", "zip", "txt"],
        multiple=True,
        key=f"uploader_{nonce}",
        help=i18n.tr(
            "Meta Business Suite (Facebook/Instagram), TikTok Studio, YouTube Studio, X, atau "
            "Rekap Postingan OPD (xlsx).",
            "Meta Business Suite (Facebook/Instagram), TikTok Studio, YouTube Studio, X, or an "
            "OPD's Rekap Postingan logbook (xlsx).",
        ),
    )
    if st.session_state.get("_last_load_summary") is not None:
        st.success(i18n.tr("Berkas selesai dimuat.", "Files loaded."), icon=":material/done_all:")
        table(
            st.session_state["_last_load_summary"], _report_cols(), key="load_summary", export=False
        )
    if not files:
        return
    st.session_state["_last_load_summary"] = None
    opts = data.filter_options()
    opd_names = opts.get_column("opd").to_list() if opts.height else []
    auto = i18n.tr("(deteksi otomatis)", "(detect automatically)")
    opd_names, auto, own = upload_scope.choices(opd_names, auto)
    plan: list[tuple[str, bytes, str | None, dict[str, str] | None, str | None]] = []
    for i, up in enumerate(files):
        raw = up.getvalue()
        with st.container(border=True):
            choice = st.selectbox(
                i18n.tr(f"OPD untuk {up.name}", f"OPD for {up.name}"),
                [auto, *opd_names],
                key=f"opd_{nonce}_{i}",
                help=i18n.tr(
                    "Biarkan otomatis kecuali OPD tidak dikenali dari nama akun.",
                    "Leave automatic unless the account name does not identify the OPD.",
                ),
            )
            opd = own or (None if choice == auto else choice)
            cmap = st.session_state.get(f"map_{nonce}_{i}")
            order_key = f"dord_{nonce}_{i}"
            order = DATE_ORDERS.get(st.session_state.get(order_key) or "")
            rep = upload_scope.checked(_dry_run(up.name, raw, opd, cmap, order), own)
            if order is not None or "--date-order" in (rep.error or ""):
                # The file allows two readings of its dates: the analyst chooses, never a guess.
                st.selectbox(
                    i18n.tr("Urutan tanggal", "Date order"),
                    ["", *DATE_ORDERS],
                    key=order_key,
                    format_func=lambda v: v or i18n.tr("(pilih)", "(choose)"),
                )
            _show_check(rep)
            if rep.status == "failed" and "--date-order" not in (rep.error or ""):
                _column_mapper(up.name, raw, key=f"map_{nonce}_{i}")
            elif rep.status not in ("failed", "needs_review"):
                plan.append((up.name, raw, opd, cmap, order))
    if not plan:
        return
    label = i18n.tr(f"Muat {len(plan)} berkas ke gudang data", f"Load {len(plan)} file(s)")
    if st.button(label, type="primary", icon=":material/cloud_upload:", key=f"go_{nonce}"):
        from etl.load import load_file

        rows = []
        with st.spinner(i18n.tr("Memuat...", "Loading...")), cursor() as cur:
            for name, raw, opd, cmap, order in plan:
                r = _safe_load(
                    upload_scope.audited(load_file),
                    cur,
                    name,
                    data=raw,
                    file_name=name,
                    opd=opd,
                    column_map=cmap or None,
                    date_order=order,
                    loaded_by=user(),
                )
                rows.append(_report_row(r))
        summary = pl.DataFrame(rows)
        st.session_state["_last_load_summary"] = summary
        st.session_state["_upload_nonce"] = nonce + 1
        st.session_state.pop("_dry_runs", None)
        data.changed()
        st.rerun()


# The upload page's date-order choice -> load_file(date_order=...).
DATE_ORDERS = {
    "hari/bulan/tahun (dmy)": "dmy",
    "bulan/hari/tahun (mdy)": "mdy",
}


def _show_check(rep) -> None:
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


def _column_mapper(name: str, raw: bytes, *, key: str) -> None:
    cols = file_columns(name, raw)
    if not cols:
        return
    with st.expander(
        i18n.tr("Petakan kolom secara manual", "Map the columns by hand"),
        expanded=True,
        icon=":material/table_edit:",
    ):
        st.caption(
            i18n.tr(
                "Tata letak berkas ini belum dikenal. Pilih kolom berkas untuk setiap isian; "
                "sedikitnya waktu terbit, lalu periksa lagi.",
                "This layout is unknown. Pick the file's column for each field; at least the "
                "publish time, then check again.",
            )
        )
        none = "—"
        mapping: dict[str, str] = {}
        grid = st.columns(3)
        for i, (field, labels) in enumerate(MAPPABLE.items()):
            pick = grid[i % 3].selectbox(
                labels[0] if i18n.current_lang() == "id" else labels[1],
                [none, *cols],
                key=f"{key}_{field}",
            )
            if pick != none:
                mapping[pick] = field  # the parser's column_map: file header -> field
        if st.button(
            i18n.tr("Periksa dengan pemetaan ini", "Check with this mapping"),
            key=f"{key}_apply",
            disabled="published_at" not in mapping.values(),
        ):
            st.session_state[key] = mapping
            st.rerun()
