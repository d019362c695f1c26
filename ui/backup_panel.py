"""Pengaturan > Cadangan: snapshot now, list snapshots, restore one (atomic, confirmed); and
the page shown instead of the app when the warehouse fails its integrity check."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data, i18n, import_queue
from ui.widgets import Col, table
from warehouse import backup, db, settings


def panel() -> None:
    """The Cadangan tab: make a snapshot, list them, restore one."""
    from ui import auth

    if not auth.section("backup_restore"):
        return
    st.caption(
        i18n.tr(
            "Cadangan otomatis dibuat sebelum membatalkan muatan, mengganti Daftar Akun, "
            "melabel ulang dan memulihkan, serta terjadwal; yang terbaru disimpan.",
            "Snapshots are taken automatically before undoing a load, replacing the master "
            "list, re-labelling and restoring, and on a schedule; the newest are kept.",
        )
    )
    if st.button(i18n.tr("Buat cadangan sekarang", "Back up now"), icon=":material/backup:"):
        auth.require("backup_restore")
        with import_queue.turn():
            snap = backup.snapshot(data.con(), "manual")
        if snap is not None:
            auth.record("backup", target=snap.path.name)
            st.success(i18n.tr(f"Cadangan dibuat: {snap.path.name}", f"Saved: {snap.path.name}"))
    path = backup.db_file(data.con())
    snaps = backup.list_snapshots(path) if path else []
    if not snaps:
        st.info(i18n.tr("Belum ada cadangan.", "No snapshots yet."))
        return
    table(
        pl.DataFrame(
            {
                "taken_at": [s.taken_at for s in snaps],
                "reason": [s.reason for s in snaps],
                "file": [s.path.name for s in snaps],
            }
        ),
        [
            Col("taken_at", i18n.tr("Waktu", "Time"), "datetime"),
            Col("reason", i18n.tr("Sebab", "Reason")),
            Col("file", i18n.tr("Berkas", "File")),
        ],
        key="snapshots",
        export=False,
    )
    _restore_form(snaps, data.con())


def _restore_form(snaps: list[backup.Snapshot], con) -> bool:
    names = [s.path.name for s in snaps]
    choice = st.selectbox(i18n.tr("Pulihkan dari", "Restore from"), names, key="restore_pick")
    sure = st.checkbox(
        i18n.tr(
            "Saya paham: isi gudang data diganti isi cadangan ini (isi sekarang disimpan dulu "
            "sebagai cadangan).",
            "I understand: the warehouse content is replaced by this snapshot (the current "
            "content is saved as a snapshot first).",
        ),
        key="restore_sure",
    )
    if not st.button(
        i18n.tr("Pulihkan", "Restore"), type="primary", disabled=not sure, key="restore_go"
    ):
        return False
    from ui import auth

    auth.require("backup_restore")
    src = snaps[names.index(choice)].path
    try:
        with import_queue.turn():
            backup.restore(con, src)
    except backup.BackupError as exc:
        st.error(str(exc))
        return False
    auth.record("restore", target=src.name)
    data.changed()
    st.success(i18n.tr(f"Dipulihkan dari {src.name}.", f"Restored from {src.name}."))
    return True


def refused(message: str) -> None:
    """Shown instead of any page when the warehouse failed its integrity check."""
    st.error(message, icon=":material/gpp_bad:")
    path = settings.db_path()
    snaps = backup.list_snapshots(path)
    if not snaps:
        return
    con = db.connect(path, check=False)  # only to replace its content
    try:
        if _restore_form(snaps, con):
            st.cache_resource.clear()
            st.rerun()
    finally:
        con.close()
