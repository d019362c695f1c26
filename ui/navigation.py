"""The app's pages, declared once: app.py builds st.navigation from this list and the tests
derive their page list from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

# Folder of the page scripts, relative to app.py (why not pages/: docs/DECISIONS.md).
FOLDER = "app_pages/"
# Internal path of the default page (served at "/"); its spec's url_path goes to a hidden twin.
ROOT_PAGE_URL_PATH = "beranda"


@dataclass(frozen=True)
class PageSpec:
    key: str  # script name without .py
    title_key: str  # ui.i18n key of the title
    icon: str
    url_path: str
    group: Literal["meeting", "analyst", "admin"]
    # The access.policy action a role needs to see the page (checked by navigation and again
    # by the page itself, server-side).
    action: str = "view_dashboard"
    default: bool = False

    @property
    def path(self) -> str:
        return f"{FOLDER}{self.key}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "ringkasan", "page_ringkasan", ":material/dashboard:", "ringkasan", "meeting", default=True
    ),
    PageSpec("keaktifan", "page_keaktifan", ":material/leaderboard:", "keaktifan", "meeting"),
    PageSpec("konten", "page_konten", ":material/category:", "jenis-konten", "meeting"),
    PageSpec("tren", "page_tren", ":material/trending_up:", "tren", "meeting"),
    PageSpec("kampanye", "page_kampanye", ":material/campaign:", "kampanye", "meeting"),
    PageSpec(
        "unggah", "page_unggah", ":material/upload_file:", "unggah", "analyst", "view_upload_page"
    ),
    PageSpec(
        "kelengkapan",
        "page_kelengkapan",
        ":material/fact_check:",
        "kelengkapan",
        "analyst",
        "view_coverage",
    ),
    PageSpec(
        "pengaturan",
        "page_pengaturan",
        ":material/settings:",
        "pengaturan",
        "analyst",
        "view_settings_page",
    ),
    PageSpec("audit", "page_audit", ":material/shield_person:", "pengguna", "admin", "view_audit"),
)


def page_action(key: str) -> str:
    """The action a page needs (KeyError for a page not in PAGES)."""
    return {p.key: p.action for p in PAGES}[key]


# A page address Streamlit could serve as a page of its own (st.Page refuses "/" in it).
_PAGE_NAME = re.compile(r"^[A-Za-z0-9_.~-]{1,100}$")


def unknown_page(url: str | None, known: set[str]) -> str | None:
    """The page name in `url` (the app's address, st.context.url) when it names no page of
    `known` (url paths), else None. "http://host:8501/ringkasn?opd=X" -> "ringkasn".

    Streamlit answers an unknown page with an English "Page not found" dialog and then runs
    the main page: the app declares the mistyped name as a hidden page instead and says so
    in Bahasa Indonesia (app.py). Names with a "/" (nested) are left to Streamlit: they are
    never a page and st.Page refuses them. The base path of an app served below a prefix is
    not known here, so only the last segment is read."""
    if not url:
        return None
    path = urlsplit(url).path.strip("/")
    if not path:
        return None
    name = unquote(path.rsplit("/", 1)[-1])
    if name in known or name == ROOT_PAGE_URL_PATH or not _PAGE_NAME.match(name):
        return None
    return name
