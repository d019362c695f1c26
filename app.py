"""Pantau Medsos: entry point. Page config, first-start warehouse, navigation by role, sidebar.

Run with `streamlit run app.py`. The warehouse file is $PANTAU_DB (default
warehouse/pantau.duckdb); on first start it is built from sample_data/.
"""

from __future__ import annotations

import os

import streamlit as st

from ui import data, filters, i18n, widgets

st.set_page_config(
    page_title="Pantau Medsos",
    page_icon=":material/monitoring:",
    layout="wide",
    initial_sidebar_state="expanded",
)


@st.cache_resource(show_spinner=False)
def _bootstrap(path: str) -> str:
    """Build the warehouse from sample_data/ once per process (a no-op when it exists)."""
    # PANTAU_BOOTSTRAP=0 keeps an empty warehouse empty (tests of the empty states).
    if os.environ.get("PANTAU_BOOTSTRAP", "1") == "0":
        return "off"
    from etl.bootstrap import ensure_warehouse

    ensure_warehouse(path)
    return "ok"


try:
    with st.spinner(i18n.t("preparing")):
        _bootstrap(str(data.settings.db_path()))
    data.con()
except data.db.WarehouseLocked as exc:  # the CLI is writing: say so instead of a traceback
    st.error(str(exc), icon=":material/lock:")
    st.stop()

# Presentation mode lives in the address as ?presentasi=1 (also "ya"/"true"), so a copied link
# opens on the projector view. Synced by hand, not with bind="query-params": a bound toggle drops
# "1" (not a boolean it parses) and ignores a value set from the link before it is drawn.
_asked = str(st.query_params.get("presentasi", "")).lower() in ("1", "ya", "true")
if "presentasi" not in st.session_state:
    st.session_state["presentasi"] = _asked

# ?lang=en (and ?lang=id) as well as the bound control's own ?lang=English.
_lang = str(st.query_params.get("lang", "")).lower()
if "lang" not in st.session_state and _lang in ("en", "id"):
    st.session_state["lang"] = _lang

with st.sidebar:
    lang = st.segmented_control(
        i18n.t("language"),
        ["id", "en"],
        default="id",
        format_func=lambda c: {"id": "Bahasa Indonesia", "en": "English"}[c],
        key="lang",
        bind="query-params",
        required=True,
    )

# Pages live in app_pages/, not pages/: Streamlit 1.67 still treats a pages/ folder as its old
# folder-based navigation, so a shared deep link (/kampanye?...) whose path matches a file name
# there would run that page alone, without this file's sidebar filters and page config.
# tests/browser checks that every deep link shows the sidebar filters.
P = "app_pages/"
meeting = [
    st.Page(
        P + "ringkasan.py",
        title=i18n.t("page_ringkasan"),
        icon=":material/dashboard:",
        url_path="ringkasan",
        default=True,
    ),
    st.Page(
        P + "keaktifan.py",
        title=i18n.t("page_keaktifan"),
        icon=":material/leaderboard:",
        url_path="keaktifan",
    ),
    st.Page(
        P + "konten.py",
        title=i18n.t("page_konten"),
        icon=":material/category:",
        url_path="jenis-konten",
    ),
    st.Page(
        P + "tren.py", title=i18n.t("page_tren"), icon=":material/trending_up:", url_path="tren"
    ),
    st.Page(
        P + "kampanye.py",
        title=i18n.t("page_kampanye"),
        icon=":material/campaign:",
        url_path="kampanye",
    ),
]
analyst = [
    st.Page(
        P + "unggah.py",
        title=i18n.t("page_unggah"),
        icon=":material/upload_file:",
        url_path="unggah",
    ),
    st.Page(
        P + "kelengkapan.py",
        title=i18n.t("page_kelengkapan"),
        icon=":material/fact_check:",
        url_path="kelengkapan",
    ),
    st.Page(
        P + "pengaturan.py",
        title=i18n.t("page_pengaturan"),
        icon=":material/settings:",
        url_path="pengaturan",
    ),
]
presenting = bool(st.session_state.get("presentasi"))
page = st.navigation(
    {i18n.t("group_meeting"): meeting, i18n.t("group_analyst"): analyst},
    position="top" if presenting else "sidebar",
    expanded=True,
)

filters.sidebar()
with st.sidebar:
    st.divider()
    st.toggle(
        i18n.t("presentation"),
        key="presentasi",
        help=i18n.tr(
            "Huruf besar, tanpa panel samping: untuk proyektor.",
            "Large type, no sidebar: for the projector.",
        ),
    )
if st.session_state["presentasi"] and st.query_params.get("presentasi") != "1":
    st.query_params["presentasi"] = "1"
elif not st.session_state["presentasi"] and "presentasi" in st.query_params:
    del st.query_params["presentasi"]
widgets.apply_style(presenting)
page.run()
