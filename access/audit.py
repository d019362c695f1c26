"""The audit trail (table audit_log): who did what, when (WIB), to what, before and after.

Written by the action itself, in the same transaction where it has one, so a change without
its audit row cannot happen. Read by the admin page (`read`), exported as a lampiran there.
Personal data: a row names the account that acted; operators' phone numbers never go in
`before`/`after` (master-list changes record counts, not the list).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb
import polars as pl

from access.clock import Clock, now_wib

# action -> what it means, in Bahasa Indonesia (the admin page's filter and column).
ACTIONS: dict[str, str] = {
    "login": "masuk",
    "login_failed": "gagal masuk",
    "logout": "keluar",
    "session_expired": "sesi berakhir",
    "user_add": "pengguna ditambah",
    "password_reset": "kata sandi diatur ulang",
    "role_change": "peran diubah",
    "upload": "berkas dimuat",
    "undo": "muatan dibatalkan",
    "relabel": "label dikoreksi",
    "label_proposal": "usulan label",
    "proposal_accept": "usulan label diterima",
    "proposal_reject": "usulan label ditolak",
    "rules_change": "aturan klasifikasi diubah",
    "model_change": "model klasifikasi diganti",
    "setting_change": "pengaturan diubah",
    "master_change": "Daftar Akun OPD diganti",
    "campaign_change": "kampanye diubah",
    "letter_change": "kop/tanda tangan diubah",
    "backup": "cadangan dibuat",
    "restore": "cadangan dipulihkan",
    "export_personal": "data pribadi diunduh",
    "denied": "akses ditolak",
}


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(
    con: duckdb.DuckDBPyConnection,
    username: str,
    role: str | None,
    action: str,
    *,
    target: str | None = None,
    before: Any = None,
    after: Any = None,
    detail: str | None = None,
    clock: Clock = now_wib,
) -> None:
    """Append one row. `before`/`after` are any JSON-able values (dates become text).
    Raises KeyError for an action not in ACTIONS (a typo must not write an unreadable row)."""
    if action not in ACTIONS:
        raise KeyError(f"audit action {action!r} is not in access.audit.ACTIONS")
    con.execute(
        "INSERT INTO audit_log (at_wib, username, role, action, target, before, after, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [clock(), username, role, action, target, _json(before), _json(after), detail],
    )


def read(
    con: duckdb.DuckDBPyConnection,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    username: str | None = None,
    actions: tuple[str, ...] = (),
    limit: int = 5000,
) -> pl.DataFrame:
    """Audit rows newest first. Columns: audit_id Int64, at Datetime (WIB), username, role,
    action, action_label, target, before, after, detail (String; before/after JSON text).
    start/end inclusive dates; empty `actions` = every action."""
    from warehouse.db import sql_text

    cur = con.cursor()
    try:
        df = cur.sql(
            sql_text("q_audit_log"),
            params={
                "start": start,
                "end_excl": None if end is None else end + dt.timedelta(days=1),
                "username": None if not username else username.strip().lower(),
                "actions": list(actions),
                "limit": int(limit),
            },
        ).pl()
    finally:
        cur.close()
    labels = pl.DataFrame(
        {"action": list(ACTIONS), "action_label": list(ACTIONS.values())},
        schema={"action": pl.String, "action_label": pl.String},
    )
    out: pl.DataFrame = (
        df.join(labels, on="action", how="left", maintain_order="left").select(
            "audit_id",
            "at",
            "username",
            "role",
            "action",
            "action_label",
            "target",
            "before",
            "after",
            "detail",
        )  # fmt: skip
    )
    return out
