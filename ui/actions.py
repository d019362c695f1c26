"""Everything the UI writes: uploads and undo, master list, relabelling, campaigns, settings.

Each write runs on its own cursor of the cached handle (one transaction per call inside etl/ or
warehouse/), then calls data.changed() so every cached chart shows the new state at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import polars as pl
import streamlit as st

from etl.errors import describe
from ui import data, i18n, import_queue
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


@contextmanager
def _cursor():
    # Every write from any session takes its turn (ui/import_queue.py): two uploads at once
    # on the one shared connection otherwise conflict inside DuckDB.
    with import_queue.turn():
        cur = data.con().cursor()
        try:
            yield cur
        finally:
            cur.close()


def _user() -> str:
    """Who is working: recorded on loads, label corrections and rule versions."""
    return str(st.session_state.get("_analyst") or "analis")


def current_user() -> str:
    """The analyst's name as recorded (for other UI modules)."""
    return _user()


def who() -> None:
    """The analyst's name for the records (kept for the session, across pages)."""
    name = st.text_input(
        i18n.tr("Nama petugas", "Your name"),
        value=st.session_state.get("_analyst", ""),
        placeholder=i18n.tr("mis. Rina (Diskominfo)", "e.g. Rina (Diskominfo)"),
        help=i18n.tr(
            "Dicatat di riwayat pemuatan, koreksi label dan versi aturan.",
            "Recorded in the load history, label corrections and rule versions.",
        ),
        key="analyst_name_input",
    )
    st.session_state["_analyst"] = name.strip()


# ---------------------------------------------------------------- upload


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
        with _cursor() as cur:
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
    files = st.file_uploader(
        i18n.tr("Pilih satu atau beberapa berkas ekspor", "Choose one or more export files"),
        type=["csv", "xlsx", "xls", "zip", "txt"],
        accept_multiple_files=True,
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
            opd = None if choice == auto else choice
            cmap = st.session_state.get(f"map_{nonce}_{i}")
            order_key = f"dord_{nonce}_{i}"
            order = DATE_ORDERS.get(st.session_state.get(order_key) or "")
            rep = _dry_run(up.name, raw, opd, cmap, order)
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
        with st.spinner(i18n.tr("Memuat...", "Loading...")), _cursor() as cur:
            for name, raw, opd, cmap, order in plan:
                r = _safe_load(
                    load_file,
                    cur,
                    name,
                    data=raw,
                    file_name=name,
                    opd=opd,
                    column_map=cmap or None,
                    date_order=order,
                    loaded_by=_user(),
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


def load_history() -> pl.DataFrame:
    from etl.load import history

    with _cursor() as cur:
        return history(cur)


def undo_flow(hist: pl.DataFrame) -> None:
    loaded = hist.filter(pl.col("status") == "loaded") if hist.height else hist
    if not loaded.height:
        return
    labels = {
        int(
            r["load_id"]
        ): f"#{r['load_id']} · {r['file_name']} · {i18n.fmt_date(r['loaded_at'], with_time=True)}"
        for r in loaded.iter_rows(named=True)
    }
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    pick = c1.selectbox(
        i18n.tr("Batalkan muatan", "Undo a load"),
        list(labels),
        format_func=labels.get,
        key="undo_pick",
    )
    if c2.button(i18n.tr("Batalkan", "Undo"), key="undo_go", icon=":material/undo:"):
        st.session_state["_undo_confirm"] = int(pick)
    # A load holds a whole file of posts: one more click, naming what goes, before it goes.
    asked = st.session_state.get("_undo_confirm")
    if asked is None or asked not in labels:
        return
    row = loaded.filter(pl.col("load_id") == asked).row(0, named=True)
    st.warning(
        i18n.tr(
            f"Batalkan muatan #{asked} ({row['file_name']})? Postingan yang hanya berasal dari "
            f"berkas ini (baru: {i18n.fmt_int(row['n_new'])}) dikeluarkan dan angka yang "
            "diperbarui kembali ke muatan lain. Berkas yang sama dapat dimuat lagi kapan saja.",
            f"Undo load #{asked} ({row['file_name']})? Posts that only this file brought (new: "
            f"{i18n.fmt_int(row['n_new'])}) are taken out and updated metrics go back to the "
            "other loads. The same file can be loaded again at any time.",
        ),
        icon=":material/warning:",
    )
    y, n_ = st.columns([1, 4])
    if n_.button(i18n.tr("Tidak", "No"), key="undo_no"):
        st.session_state.pop("_undo_confirm", None)
        st.rerun()
    if y.button(i18n.tr("Ya, batalkan", "Yes, undo"), key="undo_yes", type="primary"):
        from etl.load import undo_load

        st.session_state.pop("_undo_confirm", None)
        pick = asked
        with _cursor() as cur:
            n = undo_load(cur, int(pick))
        data.changed()
        st.toast(
            i18n.tr(
                f"Muatan #{pick} dibatalkan ({i18n.fmt_int(n)} postingan).",
                f"Load #{pick} undone ({i18n.fmt_int(n)} posts).",
            )
        )
        st.rerun()


# ---------------------------------------------------------------- master list


def master_upload() -> None:
    up = st.file_uploader(
        i18n.tr(
            "Unggah sheet Daftar Akun Medsos OPD (xlsx atau csv)",
            "Upload the Daftar Akun Medsos OPD sheet (xlsx or csv)",
        ),
        type=["xlsx", "csv"],
        key=f"master_{st.session_state.get('_master_nonce', 0)}",
    )
    if up is None:
        return
    if st.button(
        i18n.tr("Perbarui daftar OPD", "Update the OPD list"), type="primary", key="master_go"
    ):
        from etl.master import MasterRejected, load_master

        try:
            with _cursor() as cur:
                rep = load_master(cur, up.name, data=up.getvalue(), file_name=up.name)
        except MasterRejected as exc:  # the whole list unreadable: nothing was changed
            st.error(str(exc), icon=":material/error:")
            return
        st.session_state["_master_nonce"] = st.session_state.get("_master_nonce", 0) + 1
        data.changed()
        st.session_state["_master_report"] = rep.summary()
        st.rerun()


# ---------------------------------------------------------------- relabelling


def relabel_editor(examples: pl.DataFrame, *, key: str) -> None:
    """Example posts with their reason; analysts may change the label in place and save."""
    labels = [c for c in i18n.CONTENT_LABELS_ID if c != "belum_dilabeli"]
    view = examples.select(
        "post_key",
        pl.col("published_at")
        .map_elements(lambda d: i18n.fmt_date(d), return_dtype=pl.String)
        .alias("date"),
        "opd",
        pl.col("platform").map_elements(i18n.platform_label, return_dtype=pl.String),
        "caption",
        "content_reason",
        pl.col("content_type")
        .map_elements(i18n.content_label, return_dtype=pl.String)
        .alias("label"),
        "permalink",
        # The OPD's own logbook label, when the list is about disagreements with it.
        *(["logbook_label"] if "logbook_label" in examples.columns else []),
    )
    options = [i18n.content_label(c) for c in labels]
    edited = st.data_editor(
        view,
        hide_index=True,
        disabled=[c for c in view.columns if c != "label"],
        # The editable label comes early so it is on screen at 1366 px without scrolling.
        column_order=[
            "date",
            "opd",
            "label",
            *(["logbook_label"] if "logbook_label" in view.columns else []),
            "content_reason",
            "caption",
            "platform",
            "permalink",
        ],
        column_config={
            "date": st.column_config.TextColumn(i18n.t("date"), width="small"),
            "opd": st.column_config.TextColumn("OPD"),
            "platform": st.column_config.TextColumn(i18n.t("platform"), width="small"),
            "caption": st.column_config.TextColumn(i18n.t("caption"), width="medium"),
            "content_reason": st.column_config.TextColumn(i18n.t("reason")),
            "logbook_label": st.column_config.TextColumn(
                i18n.tr("Label logbook OPD", "OPD logbook label"), width="small"
            ),
            "label": st.column_config.SelectboxColumn(
                i18n.t("content_type") + " ✎", options=options, required=True, width="small"
            ),
            "permalink": st.column_config.LinkColumn(
                i18n.t("link"), display_text=i18n.t("open_post")
            ),
        },
        key=key,
    )
    back = dict(zip(options, labels, strict=True))
    changes = [
        (pk, back[new])
        for pk, old, new in zip(view["post_key"], view["label"], edited["label"], strict=True)
        if new != old
    ]
    st.caption(
        i18n.tr(
            "Ubah kolom Jenis konten bila label keliru, lalu simpan. Koreksi analis "
            "tetap berlaku setelah data dimuat ulang.",
            "Change the content type where the label is wrong, then save. Analyst "
            "corrections survive re-imports.",
        )
    )
    if st.button(
        i18n.tr(f"Simpan {len(changes)} koreksi", f"Save {len(changes)} correction(s)"),
        disabled=not changes,
        key=f"{key}_save",
        icon=":material/save:",
    ):
        from etl.classify import set_override

        with _cursor() as cur:
            for post_key, content_type in changes:
                set_override(cur, post_key, content_type, by=_user(), note="koreksi analis")
        data.changed()
        st.toast(i18n.tr("Koreksi label disimpan.", "Label corrections saved."))
        st.rerun()


# ---------------------------------------------------------------- campaigns


def _terms(text: str) -> list[str]:
    return [t.strip().lstrip("#").lower() for t in text.replace("\n", ",").split(",") if t.strip()]


def campaign_file_upload() -> None:
    """The analyst's campaign sheet (Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci):
    every campaign in it defined or updated at once; a sheet with any problem changes nothing."""
    import tempfile
    from pathlib import Path

    from etl.campaigns import CampaignFileError, load_campaign_file

    with st.expander(
        i18n.tr("Unggah daftar kampanye (xlsx/csv)", "Upload a campaign list (xlsx/csv)"),
        icon=":material/upload_file:",
    ):
        st.caption(
            i18n.tr(
                "Kolom: Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci (Keterangan boleh). "
                "Kampanye dengan nama yang sama diperbarui.",
                "Columns: Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci (Keterangan "
                "optional). A campaign with the same name is updated.",
            )
        )
        nonce = st.session_state.get("_campaign_nonce", 0)
        up = st.file_uploader(
            i18n.tr("Daftar kampanye", "Campaign list"),
            type=["xlsx", "csv"],
            key=f"campaign_file_{nonce}",
        )
        if up is None or not st.button(
            i18n.tr("Muat daftar kampanye", "Load the campaign list"),
            key="campaign_file_go",
            type="primary",
        ):
            return
        # The reader takes a path (its messages name the file): keep the analyst's file name.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(up.name).name
            path.write_bytes(up.getvalue())
            try:
                with _cursor() as cur:
                    done = load_campaign_file(cur, path)
            except CampaignFileError as exc:
                st.error(str(exc), icon=":material/error:")
                return
        st.session_state["_campaign_nonce"] = nonce + 1
        data.changed()
        st.toast(
            i18n.tr(
                f"{len(done)} kampanye dimuat: " + ", ".join(n for n, _, _ in done),
                f"{len(done)} campaign(s) loaded: " + ", ".join(n for n, _, _ in done),
            )
        )
        st.rerun()


def campaign_form(*, key: str, expanded: bool = False) -> None:
    with (
        st.expander(
            i18n.tr("Tetapkan kampanye baru", "Define a new campaign"),
            expanded=expanded,
            icon=":material/add_circle:",
        ),
        st.form(key),
    ):
        name = st.text_input(
            i18n.tr("Nama kampanye", "Campaign name"), placeholder="Gerakan Tanam Pohon"
        )
        c1, c2 = st.columns(2)
        today = dt.date.today()
        start = c1.date_input(
            i18n.tr("Mulai", "Start"), value=today.replace(day=1), format="DD/MM/YYYY"
        )
        end = c2.date_input(i18n.tr("Selesai", "End"), value=today, format="DD/MM/YYYY")
        tags = st.text_input(
            i18n.tr("Tagar (pisahkan dengan koma)", "Hashtags (comma separated)"),
            placeholder="#TanamPohon, #KabupatenHijau",
        )
        words = st.text_input(
            i18n.tr("Kata kunci (pisahkan dengan koma)", "Keywords (comma separated)"),
            placeholder="tanam pohon, penghijauan",
        )
        if st.form_submit_button(i18n.tr("Simpan kampanye", "Save campaign"), type="primary"):
            if not name.strip():
                st.error(i18n.tr("Nama kampanye wajib diisi.", "A campaign needs a name."))
                return
            if not (_terms(tags) or _terms(words)):
                st.error(
                    i18n.tr(
                        "Isi sedikitnya satu tagar atau kata kunci.",
                        "Give at least one hashtag or keyword.",
                    )
                )
                return
            from etl.campaigns import save_campaign

            try:
                with _cursor() as cur:
                    save_campaign(
                        cur,
                        name.strip(),
                        start_date=start,
                        end_date=end,
                        hashtags=_terms(tags),
                        keywords=_terms(words),
                    )
            except ValueError as exc:
                st.error(str(exc))
                return
            data.changed()
            st.toast(i18n.tr("Kampanye disimpan.", "Campaign saved."))
            st.rerun()


# ---------------------------------------------------------------- settings


SETTING_LABELS = {
    "min_posts_per_month": (
        "Minimal postingan per bulan agar OPD dihitung aktif",
        "Minimum posts a month for an active OPD",
    ),
    "min_posts_per_week": (
        "Minimal postingan per minggu (tren mingguan)",
        "Minimum posts a week (weekly trend)",
    ),
    "dormant_days": ("Akun dianggap tidak aktif setelah (hari)", "Dormant after (days)"),
    "target_posts_per_month": (
        "Target postingan per bulan (skor frekuensi 100)",
        "Posts a month for a full frequency score",
    ),
    "w_frequency": ("Bobot frekuensi", "Weight: frequency"),
    "w_consistency": ("Bobot konsistensi", "Weight: consistency"),
    "w_kinerja": ("Bobot porsi kinerja", "Weight: performance share"),
    "w_platform": ("Bobot cakupan platform", "Weight: platform coverage"),
    "w_engagement": ("Bobot interaksi", "Weight: engagement"),
    "grade_very_good": ("Batas predikat Sangat Baik", "Threshold: very good"),
    "grade_good": ("Batas predikat Baik", "Threshold: good"),
    "grade_fair": ("Batas predikat Cukup", "Threshold: fair"),
    "collection_deadline_day": (
        "Batas pengumpulan data (tanggal bulan berikutnya)",
        "Data due on this day of the next month",
    ),
}


def settings_form() -> None:
    from dataclasses import asdict, replace

    from warehouse import metrics

    with _cursor() as cur:
        current = metrics.get_settings(cur)
    values = asdict(current)
    with st.form("settings_form"):
        new: dict[str, Any] = {}
        groups = (
            (
                i18n.tr("Ambang keaktifan", "Activity thresholds"),
                [
                    "min_posts_per_month",
                    "min_posts_per_week",
                    "dormant_days",
                    "target_posts_per_month",
                ],
            ),
            (
                i18n.tr("Bobot Indeks Medsos OPD", "Index weights"),
                ["w_frequency", "w_consistency", "w_kinerja", "w_platform", "w_engagement"],
            ),
            (
                i18n.tr("Batas predikat", "Grade thresholds"),
                ["grade_very_good", "grade_good", "grade_fair"],
            ),
            (i18n.tr("Pengumpulan data", "Data collection"), ["collection_deadline_day"]),
        )
        for title, names in groups:
            st.markdown(f"**{title}**")
            cols = st.columns(len(names))
            for col, name in zip(cols, names, strict=True):
                if name not in values:
                    continue
                label = SETTING_LABELS.get(name, (name, name))
                v = values[name]
                if isinstance(v, int) and not isinstance(v, bool):
                    new[name] = col.number_input(
                        label[0] if i18n.current_lang() == "id" else label[1],
                        value=int(v),
                        step=1,
                        min_value=0,
                        key=f"set_{name}",
                    )
                else:
                    new[name] = col.number_input(
                        label[0] if i18n.current_lang() == "id" else label[1],
                        value=float(v),
                        step=1.0,
                        min_value=0.0,
                        key=f"set_{name}",
                    )
        if st.form_submit_button(i18n.tr("Simpan pengaturan", "Save settings"), type="primary"):
            candidate = replace(current, **new)
            errors = candidate.validate()
            if errors:
                for e in errors:
                    st.error(e)
                return
            with _cursor() as cur:
                metrics.save_settings(cur, candidate)
            data.changed()
            st.toast(i18n.tr("Pengaturan disimpan.", "Settings saved."))
            st.rerun()


def rules_editor() -> None:
    """The classification rules: a table of patterns per label, a box to try a caption, and the
    whole JSON for advanced edits. Each save becomes a new rules version and re-labels posts."""
    from etl import classify

    with _cursor() as cur:
        rules = classify.load_rules(cur)
    st.caption(
        i18n.tr(
            f"Versi aturan yang berlaku: {rules.version}. Setiap pola adalah ekspresi reguler "
            "(huruf kecil); bobot yang lebih besar lebih menentukan. Label dengan skor tertinggi "
            "menang; kinerja mengalahkan ucapan bila skornya cukup.",
            f"Rules version in force: {rules.version}. Each pattern is a regular expression "
            "(lower case); a larger weight counts more. The label with the highest score wins; "
            "kinerja beats a greeting when its score is high enough.",
        )
    )
    tab_table, tab_try, tab_json = st.tabs(
        [
            i18n.tr("Pola per label", "Patterns per label"),
            i18n.tr("Coba aturan", "Try the rules"),
            i18n.tr("JSON (lanjutan)", "JSON (advanced)"),
        ]
    )
    with tab_table:
        edited = st.data_editor(
            classify.rules_table(rules),
            num_rows="dynamic",
            hide_index=True,
            height=420,
            key="rules_table",
            column_config={
                "group": st.column_config.SelectboxColumn(
                    i18n.tr("Label", "Label"), options=list(classify.RULE_GROUPS), required=True
                ),
                "pattern": st.column_config.TextColumn(
                    i18n.tr("Pola", "Pattern"), width="large", required=True
                ),
                "weight": st.column_config.NumberColumn(
                    i18n.tr("Bobot", "Weight"), min_value=0.1, step=1.0, required=True
                ),
            },
        )
        if st.button(
            i18n.tr("Simpan aturan (versi baru)", "Save rules (new version)"),
            key="rules_table_save",
            icon=":material/save:",
            type="primary",
        ):
            _save_rules(classify.rules_with_table(rules, edited))
    with tab_try:
        caption = st.text_area(
            i18n.tr("Tempel keterangan sebuah postingan", "Paste a post's caption"),
            key="rules_try",
            height=120,
        )
        if caption.strip():
            from etl.classify.model_store import active_model

            with _cursor() as cur:
                model, _ = active_model(cur)
            out = classify.classify_frame(pl.DataFrame({"caption": [caption]}), rules, model).row(
                0, named=True
            )
            st.markdown(
                f"**{i18n.t('content_type')}:** {i18n.content_label(out['content_type'])}  \n"
                f"**{i18n.t('reason')}:** {out['content_reason']}  \n"
                + (
                    f"**{i18n.tr('Menonjolkan figur', 'Figure-centric')}:** {out['figure_reason']}"
                    if out["is_figure_centric"]
                    else i18n.tr("Tidak menonjolkan figur pimpinan.", "Not figure-centric.")
                )
            )
    with tab_json:
        text = st.text_area(
            i18n.tr("Aturan klasifikasi (JSON)", "Classification rules (JSON)"),
            json.dumps(rules.data, ensure_ascii=False, indent=2, default=str),
            height=360,
            key="rules_text",
        )
        if st.button(
            i18n.tr("Simpan JSON (versi baru)", "Save JSON (new version)"),
            key="rules_save",
            icon=":material/save:",
        ):
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as exc:
                st.error(
                    i18n.tr(
                        f"JSON tidak sah di baris {exc.lineno}, kolom {exc.colno}: {exc.msg}",
                        f"Invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                    )
                )
                return
            _save_rules(parsed)


def _save_rules(parsed: dict[str, Any]) -> None:
    """New rules version and every post re-labelled, in one transaction (all or nothing)."""
    from etl import classify

    problems = classify.validate_rules(parsed)
    if problems:
        st.error(
            i18n.tr("Aturan tidak disimpan:", "Rules not saved:") + "\n\n- " + "\n- ".join(problems)
        )
        return
    with _cursor() as cur:
        version, n = classify.save_rules_and_relabel(
            cur, parsed, by=_user(), note="diubah lewat Pengaturan"
        )
    st.session_state["_rules_msg"] = i18n.tr(
        f"Aturan versi {version} disimpan; {i18n.fmt_int(n)} postingan dilabeli ulang.",
        f"Rules version {version} saved; {i18n.fmt_int(n)} posts relabelled.",
    )
    data.changed()
    st.toast(i18n.tr("Aturan disimpan.", "Rules saved."))
    st.rerun()
