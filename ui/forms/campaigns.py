"""Kampanye: define a campaign with the form, or upload the analyst's campaign list."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import data, i18n, streamlit_texts
from ui.forms.common import cursor


def _terms(text: str) -> list[str]:
    return [t.strip().lstrip("#").lower() for t in text.replace("\n", ",").split(",") if t.strip()]


def campaign_file_upload() -> None:
    """The analyst's campaign sheet (Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci):
    every campaign in it defined or updated at once; a sheet with any problem changes nothing."""
    import tempfile
    from pathlib import Path

    from etl.campaigns import CampaignFileError, load_campaign_file
    from ui import auth

    if not auth.can("edit_campaigns"):
        return
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
        up = streamlit_texts.file_uploader(
            i18n.tr("Daftar kampanye", "Campaign list"),
            ["xlsx", "csv"],
            key=f"campaign_file_{nonce}",
        )
        if up is None or not st.button(
            i18n.tr("Muat daftar kampanye", "Load the campaign list"),
            key="campaign_file_go",
            type="primary",
        ):
            return
        auth.require("edit_campaigns")
        # The reader takes a path (its messages name the file): keep the analyst's file name.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(up.name).name
            path.write_bytes(up.getvalue())
            try:
                with cursor() as cur:
                    done = load_campaign_file(cur, path)
            except CampaignFileError as exc:
                st.error(str(exc), icon=":material/error:")
                return
        auth.record("campaign_change", target=up.name,
                    after=[{"campaign": n, "id": i, "posts": k} for n, i, k in done])  # fmt: skip
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
    from ui import auth

    if not auth.can("edit_campaigns"):
        return
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

            auth.require("edit_campaigns")
            try:
                with cursor() as cur:
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
            auth.record("campaign_change", target=name.strip(),
                        after={"start": start, "end": end, "hashtags": _terms(tags),
                               "keywords": _terms(words)})  # fmt: skip
            data.changed()
            st.toast(i18n.tr("Kampanye disimpan.", "Campaign saved."))
            st.rerun()
