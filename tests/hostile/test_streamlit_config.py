"""The server settings the hostile-input work relies on, read from .streamlit/config.toml as
Streamlit reads it: the table toolbar's own CSV download off (it wrote captions starting with
= + - @ unescaped), and an upload limit for the real need (exports are a few MB)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_table_toolbar_download_is_off():
    cfg = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert cfg["client"]["disableDataExport"] is True


def test_upload_limit_fits_exports_not_the_default():
    cfg = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    limit = cfg["server"]["maxUploadSize"]  # MB
    from warehouse.settings import parse_limits

    assert 10 <= limit < 200  # a year of a busy account is ~10 MB; Streamlit's default is 200
    assert limit * 1024 * 1024 <= parse_limits().file_bytes  # the parser takes what uploads
