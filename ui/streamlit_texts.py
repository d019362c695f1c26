"""Streamlit's own widget texts in the chosen language, in one place.

Streamlit 1.67 has no locale setting and st.file_uploader takes no text arguments (its
"Upload" button, "Drag and drop files here" and "50MB per file • CSV" are fixed English in
the frontend), nor does the empty state of a select's search ("No results"). So each
is hidden with CSS and our own words drawn in its place (`::after`), selected by the test ids
and roles Streamlit puts in the page. The multiselect's "Select all" row is switched off where
the filters draw their multiselects (select_all=False). When Streamlit adds real parameters,
this module is the one place to change.

Tooltips and screen-reader labels (aria-label, title, placeholder) of Streamlit's own controls
("Fullscreen", "Show/hide columns", "Download as CSV", "Search", "Show data", "Collapse
sidebar", "Help for ...") cannot be reached by CSS: a small script (`global_js`, run by st.html
in the page itself) rewrites them as they appear, from the table `UI_TEXTS`, and puts the
English back when the reader switches to English.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from ui import i18n


def _css_text(text: str) -> str:
    """A CSS string literal (content: ...) holding `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def global_css() -> str:
    """CSS for texts every page may show: the uploader's button and drag hint, "No results"."""
    upload = _css_text(i18n.tr("Pilih berkas", "Choose files"))
    drop = _css_text(i18n.tr("Lepaskan berkas di sini", "Drop the files here"))
    nothing = _css_text(i18n.tr("Tidak ada yang cocok", "Nothing matches"))
    return f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0; line-height: 0;
}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {upload}; font-size: 0.875rem; line-height: 1.6;
}}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) * {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > *::after {{
  content: {drop}; font-size: 1rem;
}}
/* The main menu's screen recorder is no tool of a meeting (and its dialog is English). */
[data-testid="stMainMenuItem-recordScreencast"] {{ display: none; }}
[role="listbox"] [role="option"]:not([data-key]) > span {{ font-size: 0; }}
[role="listbox"] [role="option"]:not([data-key]) > span::after {{
  content: {nothing}; font-size: 0.875rem;
}}
</style>"""


def _key_class(key: str) -> str:
    # Streamlit writes a widget's key as the class st-key-<key>, other characters as "-".
    return "st-key-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def limit_text(types: Sequence[str]) -> str:
    """What the uploader accepts: "Maks. 50 MB per berkas • XLSX, CSV" (server.maxUploadSize)."""
    mb = int(st.get_option("server.maxUploadSize"))
    kinds = ", ".join(t.upper() for t in types)
    text = i18n.tr(f"Maks. {mb} MB per berkas", f"Max {mb} MB per file")
    return f"{text} \u2022 {kinds}" if kinds else text


def file_uploader(
    label: str,
    types: Sequence[str],
    *,
    key: str,
    multiple: bool = False,
    help: str | None = None,
    where: Any = None,
) -> Any:
    """st.file_uploader (in `where`, default the page) whose every word is in the chosen
    language. Returns what st.file_uploader returns (UploadedFile, a list, or None)."""
    box = where if where is not None else st
    box.html(
        f"<style>.{_key_class(key)} [data-testid='stFileUploaderDropzoneInstructions'] span"
        " { font-size: 0; }"
        f" .{_key_class(key)} [data-testid='stFileUploaderDropzoneInstructions'] span::after"
        f" {{ content: {_css_text(limit_text(types))}; font-size: 0.875rem; }}</style>"
    )
    return box.file_uploader(
        label, type=list(types), accept_multiple_files=multiple, key=key, help=help
    )


# Streamlit 1.67's own English (frontend bundle) -> Bahasa Indonesia. An aria-label may carry a
# context after ": " ("Fullscreen: Tabel ...") or start with a prefix ("Help for ...").
UI_TEXTS: dict[str, str] = {
    "Fullscreen": "Layar penuh",
    "Close fullscreen": "Tutup layar penuh",
    "Show/hide columns": "Tampilkan/sembunyikan kolom",
    "Download as CSV": "Unduh sebagai CSV",
    "Search": "Cari",
    "Clear search": "Hapus pencarian",
    "Show data": "Tampilkan data",
    "Show chart": "Tampilkan grafik",
    "Download as PNG": "Unduh sebagai PNG",
    "Copy Vega-Lite spec": "Salin spesifikasi grafik",
    "Collapse sidebar": "Ciutkan panel samping",
    "Expand sidebar": "Buka panel samping",
    "Main menu": "Menu utama",
    "App pages": "Halaman aplikasi",
    "Sidebar": "Panel samping",
    "Link to heading": "Tautan ke judul ini",
    "Open": "Buka",
    "Close": "Tutup",
    "Clear all": "Hapus semua",
    "Clear": "Hapus",
    "Choose an option": "Pilih",
    "Choose options": "Pilih",
    "Vega visualization": "Grafik",
    "visualization": "visualisasi",
    "Copy to clipboard": "Salin",
    "Copied to clipboard": "Tersalin",
    # The main menu (the three dots): its items and the version line under them.
    "Print": "Cetak",
    "Record screen": "Rekam layar",
    "Copy version to clipboard": "Salin nomor versi",
}
UI_PREFIXES: dict[str, str] = {"Help for ": "Bantuan untuk ", "Made with ": "Dibuat dengan "}
_ATTRS = ("aria-label", "title", "placeholder", "aria-roledescription")

# Installed once per browser page (window.__pmTexts is replaced on every language change).
# Each attribute's English original is kept on the element, so a switch back to English
# restores it. Tooltip bodies are text nodes inside [data-testid="stTooltipContent"].
_JS = (Path(__file__).with_suffix(".js")).read_text(encoding="utf-8")


def global_js() -> str:
    """The script that puts Streamlit's tooltips and aria-labels in the chosen language (in
    English every text is its own original)."""
    texts = UI_TEXTS if i18n.current_lang() != "en" else {}
    prefixes = UI_PREFIXES if i18n.current_lang() != "en" else {}
    # DOMPurify (st.html) drops a script whose text holds "<" before a letter or "/"
    # (tests/ui/test_streamlit_texts.py guards the file).
    return (
        "<script>\n"
        + (
            _JS.replace("__TEXTS__", json.dumps(texts))
            .replace("__PREFIXES__", json.dumps(prefixes))
            .replace("__ATTRS__", json.dumps(list(_ATTRS)))
            .replace("__VEGA__", "false" if i18n.current_lang() == "en" else "true")
        )
        + "</script>"
    )
