"""Pengaturan: the classification rules (pattern table, try a caption, JSON); each save is a new
rules version and re-labels every post."""

from __future__ import annotations

import json
from typing import Any

import polars as pl
import streamlit as st

from ui import data, i18n
from ui.forms.common import cursor, user


def rules_editor() -> None:
    """The classification rules: a table of patterns per label, a box to try a caption, and the
    whole JSON for advanced edits. Each save becomes a new rules version and re-labels posts."""
    from etl import classify
    from ui import auth

    if not auth.section("edit_rules"):
        return
    with cursor() as cur:
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

            with cursor() as cur:
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
    from ui import auth

    auth.require("edit_rules")
    with cursor() as cur:
        version, n = classify.save_rules_and_relabel(
            cur, parsed, by=user(), note="diubah lewat Pengaturan"
        )
    auth.record("rules_change", target=f"aturan versi {version}", after={"relabelled": n})
    st.session_state["_rules_msg"] = i18n.tr(
        f"Aturan versi {version} disimpan; {i18n.fmt_int(n)} postingan dilabeli ulang.",
        f"Rules version {version} saved; {i18n.fmt_int(n)} posts relabelled.",
    )
    data.changed()
    st.toast(i18n.tr("Aturan disimpan.", "Rules saved."))
    st.rerun()
