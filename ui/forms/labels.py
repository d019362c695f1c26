"""Jenis Konten: the analyst corrects a post's label (recorded with who and why)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data, i18n
from ui.forms.common import cursor, user


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

        with cursor() as cur:
            for post_key, content_type in changes:
                set_override(cur, post_key, content_type, by=user(), note="koreksi analis")
        data.changed()
        st.toast(i18n.tr("Koreksi label disimpan.", "Label corrections saved."))
        st.rerun()
