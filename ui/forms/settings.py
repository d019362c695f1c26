"""Pengaturan: activity thresholds, index weights, grade thresholds, collection deadline."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import data, i18n
from ui.forms.common import cursor


def settings_form() -> None:
    from dataclasses import asdict, replace

    from ui import auth
    from warehouse import analyst_settings, vocabulary

    if not auth.section("edit_settings"):
        return
    with cursor() as cur:
        current = analyst_settings.get_settings(cur)
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
        # The activity rule first: every "aktif / belum aktif" in the app follows it.
        rule_text = analyst_settings.SETTING_LABELS["activity_rule"]
        rules = list(vocabulary.ACTIVITY_RULES)
        new["activity_rule"] = st.radio(
            rule_text.label if i18n.current_lang() == "id" else rule_text.label_en,
            rules,
            index=rules.index(current.activity_rule),
            format_func=i18n.activity_rule_label,
            captions=[
                i18n.tr(vocabulary.ACTIVITY_RULES[r].help, vocabulary.ACTIVITY_RULES[r].help_en)
                for r in rules
            ],
            key="set_activity_rule",
        )
        for title, names in groups:
            st.markdown(f"**{title}**")
            cols = st.columns(len(names))
            for col, name in zip(cols, names, strict=True):
                if name not in values:
                    continue
                text = analyst_settings.SETTING_LABELS[name]
                label = text.label if i18n.current_lang() == "id" else text.label_en
                help_text = text.help if i18n.current_lang() == "id" else None
                v = values[name]
                if isinstance(v, str):
                    continue  # a choice, drawn above
                if isinstance(v, int) and not isinstance(v, bool):
                    new[name] = col.number_input(
                        label,
                        help=help_text,
                        value=int(v),
                        step=1,
                        min_value=0,
                        key=f"set_{name}",
                    )
                else:
                    new[name] = col.number_input(
                        label,
                        help=help_text,
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
            auth.require("edit_settings")
            with cursor() as cur:
                analyst_settings.save_settings(cur, candidate)
            before, after = asdict(current), asdict(candidate)
            changed = {k for k in after if after[k] != before[k]}
            auth.record(
                "setting_change", target="ambang dan bobot",
                before={k: before[k] for k in sorted(changed)},
                after={k: after[k] for k in sorted(changed)},
            )  # fmt: skip
            data.changed()
            st.toast(i18n.tr("Pengaturan disimpan.", "Settings saved."))
            st.rerun()
