"""The app's pages, declared once: app.py builds st.navigation from this list and the tests
derive their page list from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
