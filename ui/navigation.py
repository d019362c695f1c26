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
    group: Literal["meeting", "analyst"]
    default: bool = False

    @property
    def path(self) -> str:
        return f"{FOLDER}{self.key}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan", "page_ringkasan", ":material/dashboard:", "ringkasan", "meeting", True),
    PageSpec("keaktifan", "page_keaktifan", ":material/leaderboard:", "keaktifan", "meeting"),
    PageSpec("konten", "page_konten", ":material/category:", "jenis-konten", "meeting"),
    PageSpec("tren", "page_tren", ":material/trending_up:", "tren", "meeting"),
    PageSpec("kampanye", "page_kampanye", ":material/campaign:", "kampanye", "meeting"),
    PageSpec("unggah", "page_unggah", ":material/upload_file:", "unggah", "analyst"),
    PageSpec("kelengkapan", "page_kelengkapan", ":material/fact_check:", "kelengkapan", "analyst"),
    PageSpec("pengaturan", "page_pengaturan", ":material/settings:", "pengaturan", "analyst"),
)
