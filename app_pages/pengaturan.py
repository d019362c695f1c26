"""Pengaturan: OPD master list and accounts, thresholds and index weights, classification rules."""

import streamlit as st

from ui import auth as _auth
from ui import backup_panel, data, i18n, model_panel
from ui import widgets as w
from ui.forms import common as common_form
from ui.forms import letter as letter_form
from ui.forms import master as master_form
from ui.forms import rules as rules_form
from ui.forms import settings as settings_form
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("pengaturan")

st.title(i18n.t("page_pengaturan"))
common_form.who()
tab_opd, tab_thr, tab_rules, tab_letter, tab_backup = st.tabs(
    [
        i18n.tr("Daftar OPD dan akun", "OPDs and accounts"),
        i18n.tr("Ambang dan bobot indeks", "Thresholds and index weights"),
        i18n.tr("Aturan klasifikasi", "Classification rules"),
        i18n.tr("Lampiran surat", "Letter appendix"),
        i18n.tr("Cadangan", "Backups"),
    ]
)

with tab_opd:
    st.caption(
        i18n.tr(
            "Daftar Akun Medsos OPD adalah sumber nama OPD, jenisnya, operator dan akun resminya. "
            "Unggah versi terbaru untuk memperbarui; OPD lama tidak dihapus.",
            "The Daftar Akun Medsos OPD sheet lists OPD names, kinds, operators and official "
            "accounts. Upload the newest version to update; existing OPDs are kept.",
        )
    )
    master_form.master_upload()
    if st.session_state.get("_master_report"):
        st.code(st.session_state["_master_report"], language=None)
    opds = data.filter_options()
    if not opds.height:
        w.empty_state(
            i18n.tr("Daftar OPD masih kosong", "The OPD list is empty"),
            i18n.tr(
                "Unggah sheet Daftar Akun Medsos OPD di atas.",
                "Upload the Daftar Akun Medsos OPD sheet above.",
            ),
        )
    else:
        w.table(
            opds,
            [
                Col("opd", "OPD"),
                Col("opd_short", i18n.tr("Singkatan", "Short name")),
                Col("opd_kind", i18n.t("opd_kind"), "kind"),
                Col("expected_to_post", i18n.tr("Wajib", "Must post"), "bool"),
                Col("n_accounts", i18n.tr("Akun", "Accounts"), "int"),
                Col("has_operator", i18n.tr("Operator", "Operator"), "bool"),
                Col("operator_named", i18n.tr("Nama operator", "Operator named"), "bool"),
                Col("operator_trained", i18n.tr("Terlatih", "Trained"), "bool"),
            ],
            key="opd_master",
            title=i18n.tr("Daftar OPD", "OPD list"),
            height=360,
        )
        issues = data.master_contradictions()
        if issues.height:
            st.warning(
                i18n.tr(
                    f"{issues.height} isian Daftar Akun saling bertentangan. Angka di dasbor "
                    "membaca daftar apa adanya; perbaiki di berkas asal lalu unggah lagi.",
                    f"{issues.height} master-list entries contradict each other. The figures "
                    "read the list as written; fix the source file and upload it again.",
                ),
                icon=":material/rule:",
            )
            w.table(
                issues,
                [
                    Col("opd", "OPD"),
                    Col("master_row", i18n.tr("Baris", "Row"), "int"),
                    Col(
                        "problem" if i18n.current_lang() == "id" else "problem_en",
                        i18n.tr("Yang bertentangan", "Contradiction"),
                        "caption",
                    ),
                ],
                key="master_contradictions",
                title=i18n.tr("Isian Daftar Akun yang bertentangan", "Master-list contradictions"),
                height=240,
            )

with tab_thr:
    settings_form.settings_form()

with tab_rules:
    if st.session_state.get("_rules_msg"):
        st.success(st.session_state.pop("_rules_msg"))
    rules_form.rules_editor()
    model_panel.model_retraining(common_form.current_user())

with tab_letter:
    letter_form.letter_form()

with tab_backup:
    backup_panel.panel()
