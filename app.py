"""Pantau Medsos: entry point. Page config, first-start warehouse, navigation by role, sidebar.

Run with `streamlit run app.py`. The warehouse file is $PANTAU_DB (default
warehouse/pantau.duckdb); on first start it is built from sample_data/.
"""

from __future__ import annotations

import os
import threading

import streamlit as st

from ui import auth, data, filters, i18n, navigation, widgets

st.set_page_config(
    page_title="Pantau Medsos",
    page_icon=":material/monitoring:",
    layout="wide",
    initial_sidebar_state="expanded",
)


@st.cache_resource(show_spinner=False)
def _first_start() -> tuple[threading.Lock, set[str]]:
    """Per process: one session builds the warehouse at a time; the paths already prepared."""
    return threading.Lock(), set()


def _bootstrap(path: str) -> None:
    """Build the warehouse from sample_data/ once per process (a no-op when it exists), showing
    which file of how many is loading: the pages wait for the whole build (a page drawn from
    part of the sample would show wrong figures)."""
    # PANTAU_BOOTSTRAP=0 keeps an empty warehouse empty (tests of the empty states).
    if os.environ.get("PANTAU_BOOTSTRAP", "1") == "0":
        return
    lock, done = _first_start()
    with lock:
        if path in done:
            return
        from etl.bootstrap import ensure_warehouse

        bar = st.empty()

        def step(i: int, n: int, _file: str) -> None:
            bar.progress((i - 1) / n, text=i18n.t("preparing_file").format(i=i, n=n))

        with st.spinner(i18n.t("preparing")):
            ensure_warehouse(path, progress=step)
        bar.empty()
        done.add(path)


try:
    _bootstrap(str(data.settings.db_path()))
    data.con()
except data.db.WarehouseLocked as exc:  # the CLI is writing: say so instead of a traceback
    st.error(str(exc), icon=":material/lock:")
    st.stop()
except Exception as exc:  # a bundled sample file failed: name it instead of an empty app
    from etl.bootstrap import SampleDataError

    if not isinstance(exc, SampleDataError):
        raise
    st.error(str(exc), icon=":material/error:")
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


def _pages(allowed) -> dict[str, list]:
    """st.Page objects per navigation group for the pages `allowed(spec)` lets through."""
    # The page list is declared once in ui/navigation.py (why app_pages/ and not pages/:
    # docs/DECISIONS.md; tests/browser checks that every deep link shows the sidebar filters).
    groups: dict[str, list] = {"meeting": [], "analyst": [], "admin": []}
    for spec in navigation.PAGES:
        if not allowed(spec):
            continue
        groups[spec.group].append(
            st.Page(
                spec.path,
                title=i18n.t(spec.title_key),
                icon=spec.icon,
                # The default page is served at "/", so its own path would be free for nothing:
                # it gets an internal one, and a hidden twin takes its path below.
                url_path=navigation.ROOT_PAGE_URL_PATH if spec.default else spec.url_path,
                default=spec.default,
            )
        )
        if spec.default:
            # A shared deep link such as /ringkasan opens the page instead of Streamlit's
            # English "Page not found" dialog.
            groups[spec.group].append(
                st.Page(
                    spec.path,
                    title=i18n.t(spec.title_key),
                    icon=spec.icon,
                    url_path=spec.url_path,
                    visibility="hidden",
                )
            )
            if _MISTYPED:
                # A mistyped address (/ringkasn) opens the main page under that name, with
                # a notice in our words, instead of Streamlit's English "Page not found".
                groups[spec.group].append(
                    st.Page(
                        spec.path,
                        title=i18n.t(spec.title_key),
                        icon=spec.icon,
                        url_path=_MISTYPED,
                        visibility="hidden",
                    )
                )
    return groups


_MISTYPED = navigation.unknown_page(st.context.url, {spec.url_path for spec in navigation.PAGES})


# Who is at the keyboard: single-user mode on a localhost bind, else login (ui/auth.py). A run
# without a valid session stops here, before any page or query. While the login form shows,
# every page is declared (hidden, never run) so a shared deep link such as
# /jenis-konten?opd=... still opens that page after the login.
me = auth.gate(
    on_login_screen=lambda: st.navigation(
        [p for ps in _pages(lambda spec: True).values() for p in ps], position="hidden"
    )
)

# A role sees only the pages its actions allow; each page checks again itself.
groups = _pages(lambda spec: me.can(spec.action))
presenting = bool(st.session_state.get("presentasi"))
page = st.navigation(
    {
        i18n.t(f"group_{g}"): pages
        for g, pages in groups.items()
        if pages  # an empty group would show a bare heading
    },
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
if _MISTYPED and page.url_path == _MISTYPED:
    # On a slide a notice above the deck would push it off the screen: a toast there.
    (st.toast if presenting else st.warning)(
        i18n.tr(
            f"Halaman '/{_MISTYPED}' tidak ada. Yang ditampilkan halaman utama; pilih halaman "
            "lain di menu.",
            f"There is no page '/{_MISTYPED}'. This is the main page; choose another in the menu.",
        ),
        icon=":material/link_off:",
    )
page.run()
