"""Pengaturan: upload the "Daftar Akun Medsos OPD" master list."""

from __future__ import annotations

import streamlit as st

from ui import data, i18n, streamlit_texts
from ui.forms.common import cursor


def master_upload() -> None:
    from ui import auth

    if not auth.section("edit_master"):
        return
    up = streamlit_texts.file_uploader(
        i18n.tr(
            "Unggah sheet Daftar Akun Medsos OPD (xlsx atau csv)",
            "Upload the Daftar Akun Medsos OPD sheet (xlsx or csv)",
        ),
        ["xlsx", "csv"],
        key=f"master_{st.session_state.get('_master_nonce', 0)}",
    )
    if up is None:
        return
    if st.button(
        i18n.tr("Perbarui daftar OPD", "Update the OPD list"), type="primary", key="master_go"
    ):
        from etl.master import MasterRejected, load_master

        auth.require("edit_master")
        try:
            with cursor() as cur:
                rep = load_master(cur, up.name, data=up.getvalue(), file_name=up.name)
        except MasterRejected as exc:  # the whole list unreadable: nothing was changed
            st.error(str(exc), icon=":material/error:")
            return
        # The report's summary holds counts only, never operators' names or phones.
        auth.record("master_change", target=up.name, after=rep.summary())
        st.session_state["_master_nonce"] = st.session_state.get("_master_nonce", 0) + 1
        data.changed()
        st.session_state["_master_report"] = rep.summary()
        st.rerun()
