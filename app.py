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


with st.spinner(i18n.t("preparing")):
    _bootstrap(str(data.settings.db_path()))

# ?presentasi=1 (the documented short link) switches the bound toggle on.
if st.query_params.get("presentasi") in ("1", "ya") and "presentasi" not in st.session_state:
    st.session_state["presentasi"] = True

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
        bind="query-params",
        help=i18n.tr(
            "Huruf besar, tanpa panel samping: untuk proyektor.",
            "Large type, no sidebar: for the projector.",
        ),
    )
widgets.apply_style(presenting)
page.run()
