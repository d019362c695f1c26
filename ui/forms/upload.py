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
from ui.forms.upload_report import report_cols, report_row, show_check
from ui.widgets import table

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
            st.session_state["_last_load_summary"], report_cols(), key="load_summary", export=False
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
            show_check(rep)
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
                rows.append(report_row(r))
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
