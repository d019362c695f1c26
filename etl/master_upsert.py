"""Writing a read master list into opd, opd_alias and account: ids kept by normalized name,
duplicates and parents resolved, the master list winning over learned spellings.

Runs inside the caller's transaction; counts go into the MasterReport.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb
import polars as pl

from etl import account_moves
from etl.master_report import MasterReport
from etl.opd_names import handle_norm, name_variants, normalize_opd_name
from warehouse import coverage_days


def upsert_master(
    con: duckdb.DuckDBPyConnection, entries: list[dict[str, Any]], report: MasterReport
) -> None:
    existing = con.execute(
        "SELECT opd_id, name, short_name, kind, parent_opd_id, operator_name, operator_phone,"
        " operator_trained, master_row FROM opd"
    ).fetchall()
    by_norm = {normalize_opd_name(r[1]): r for r in existing}
    alias_owner = dict(con.execute("SELECT alias_norm, opd_id FROM opd_alias").fetchall())

    # Same name twice in the sheet: a desa name repeated in two kecamatan gets its kecamatan
    # appended; otherwise the later row is a duplicate.
    seen: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for e in entries:
        norm = normalize_opd_name(e["name"])
        if norm in seen:
            first = seen[norm]
            if e.get("parent") and normalize_opd_name(e.get("parent")) != normalize_opd_name(
                first.get("parent")
            ):
                e["name"] = f"{e['name']} ({e['parent']})"
                norm = normalize_opd_name(e["name"])
            else:
                report.errors.append(
                    f'{e["where"]}: OPD "{e["name"]}" sudah ada di baris {first["row"]}; baris ini dilewati.'
                )
                continue
        seen[norm] = e
        kept.append(e)

    # Assign ids: existing by normalized name, else new from the sequence.
    new_count = sum(1 for e in kept if normalize_opd_name(e["name"]) not in by_norm)
    new_ids = (
        [
            r[0]
            for r in con.execute(
                "SELECT nextval('opd_id_seq') FROM range(?)", [new_count]
            ).fetchall()
        ]
        if new_count
        else []
    )
    it = iter(new_ids)
    for e in kept:
        norm = normalize_opd_name(e["name"])
        e["opd_id"] = by_norm[norm][0] if norm in by_norm else next(it)
        e["is_new"] = norm not in by_norm

    # Parent (Induk): a kecamatan in this sheet or already known.
    sheet_alias: dict[str, int] = {}
    for e in kept:
        for v in name_variants(e["name"]):
            sheet_alias.setdefault(v, e["opd_id"])
    known = {**alias_owner, **{k: r[0] for k, r in by_norm.items()}, **sheet_alias}
    for e in kept:
        e["parent_opd_id"] = None
        p = e.get("parent")
        if not p or e["kind"] not in ("desa", "kelurahan"):
            continue
        pn = normalize_opd_name(p)
        pid = known.get(pn) or known.get(f"kecamatan {pn}")
        if pid is None:
            report.notes.append(f'{e["where"]}: induk "{p}" tidak ditemukan di daftar OPD.')
        e["parent_opd_id"] = pid

    opd_frame = pl.DataFrame(
        [
            {
                "opd_id": e["opd_id"],
                "name": e["name"],
                "short_name": e.get("short_name"),
                "kind": e["kind"],
                "parent_opd_id": e["parent_opd_id"],
                "operator_name": e.get("operator_name"),
                "operator_phone": e.get("operator_phone"),
                "operator_trained": e["trained"],
                "master_row": e["row"],
            }
            for e in kept
        ],
        schema={
            "opd_id": pl.Int64,
            "name": pl.String,
            "short_name": pl.String,
            "kind": pl.String,
            "parent_opd_id": pl.Int64,
            "operator_name": pl.String,
            "operator_phone": pl.String,
            "operator_trained": pl.Boolean,
            "master_row": pl.Int64,
        },
    )
    for e in kept:
        if e["is_new"]:
            report.opd_new += 1
        else:
            old = by_norm[normalize_opd_name(e["name"])]
            new = (
                e["opd_id"], e["name"], e.get("short_name"), e["kind"], e["parent_opd_id"],
                e.get("operator_name"), e.get("operator_phone"), e["trained"],
            )  # fmt: skip
            if tuple(old[:8]) != new:
                report.opd_updated += 1
            else:
                report.opd_unchanged += 1

    con.register("_master_opd", opd_frame)
    try:
        con.execute(
            "UPDATE opd SET name = m.name, short_name = m.short_name, kind = m.kind,"
            " parent_opd_id = m.parent_opd_id, operator_name = m.operator_name,"
            " operator_phone = m.operator_phone, operator_trained = m.operator_trained,"
            " master_row = m.master_row, updated_at = current_localtimestamp()"
            " FROM _master_opd m WHERE opd.opd_id = m.opd_id AND ("
            " opd.name IS DISTINCT FROM m.name OR opd.short_name IS DISTINCT FROM m.short_name"
            " OR opd.kind IS DISTINCT FROM m.kind OR opd.parent_opd_id IS DISTINCT FROM m.parent_opd_id"
            " OR opd.operator_name IS DISTINCT FROM m.operator_name"
            " OR opd.operator_phone IS DISTINCT FROM m.operator_phone"
            " OR opd.operator_trained IS DISTINCT FROM m.operator_trained"
            " OR opd.master_row IS DISTINCT FROM m.master_row)"
        )
        con.execute(
            "INSERT INTO opd (opd_id, name, short_name, kind, parent_opd_id, operator_name,"
            " operator_phone, operator_trained, master_row)"
            " SELECT opd_id, name, short_name, kind, parent_opd_id, operator_name, operator_phone,"
            " operator_trained, master_row FROM _master_opd"
            " WHERE opd_id NOT IN (SELECT opd_id FROM opd)"
        )
    finally:
        con.unregister("_master_opd")

    _upsert_aliases(con, kept, report)
    before = coverage_days.account_keys(con)
    _upsert_accounts(con, kept, report)
    coverage_days.changed_accounts(con, before)  # an account added or moved: its covered days


def _upsert_aliases(
    con: duckdb.DuckDBPyConnection, kept: list[dict[str, Any]], report: MasterReport
) -> None:
    owners: dict[str, set[int]] = {}
    for e in kept:
        names = name_variants(e["name"])
        if e.get("short_name"):
            names |= name_variants(e["short_name"])
        for v in names:
            owners.setdefault(v, set()).add(e["opd_id"])
    rows = []
    for alias, ids in owners.items():
        if len(ids) > 1:
            report.notes.append(f'Alias "{alias}" dipakai lebih dari satu OPD; tidak dipakai.')
            continue
        rows.append({"alias_norm": alias, "opd_id": next(iter(ids)), "source": "master"})
    frame = pl.DataFrame(
        rows, schema={"alias_norm": pl.String, "opd_id": pl.Int64, "source": pl.String}
    )
    con.register("_master_alias", frame)
    try:
        # The master list wins over learned spellings; a hand-made (manual) alias is kept.
        con.execute(
            "DELETE FROM opd_alias WHERE source <> 'manual'"
            " AND alias_norm IN (SELECT alias_norm FROM _master_alias)"
        )
        con.execute(
            "INSERT INTO opd_alias SELECT alias_norm, opd_id, source FROM _master_alias"
            " WHERE alias_norm NOT IN (SELECT alias_norm FROM opd_alias)"
        )
    finally:
        con.unregister("_master_alias")
    report.aliases = frame.height


def _upsert_accounts(
    con: duckdb.DuckDBPyConnection, kept: list[dict[str, Any]], report: MasterReport
) -> None:
    rows = []
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for e in kept:
        for platform, written, header in e["accounts"]:
            norm = handle_norm(platform, written)
            if not norm:
                e.setdefault("unreadable", set()).add(platform)  # not read: not a drop either
                report.errors.append(
                    f'{e["where"]}, kolom "{header}": akun "{written}" tidak dapat dibaca.'
                )
                continue
            key = (platform, norm)
            if key in seen:
                if seen[key]["opd_id"] != e["opd_id"]:
                    report.errors.append(
                        f'{e["where"]}, kolom "{header}": akun "{written}" sudah tercatat untuk '
                        f'OPD "{seen[key]["name"]}" (baris {seen[key]["row"]}); akun ini dilewati.'
                    )
                continue
            seen[key] = e
            rows.append(
                {
                    "platform": platform,
                    "handle": written,
                    "handle_norm": norm,
                    "url": _url_of(platform, written),
                    "opd_id": e["opd_id"],
                }
            )
    frame = pl.DataFrame(
        rows,
        schema={
            "platform": pl.String,
            "handle": pl.String,
            "handle_norm": pl.String,
            "url": pl.String,
            "opd_id": pl.Int64,
        },
    )
    con.register("_master_acc", frame)
    try:
        (n_new,) = con.execute(
            "SELECT count(*) FROM _master_acc m ANTI JOIN account a USING (platform, handle_norm)"
        ).fetchall()[0]
        (n_upd,) = con.execute(
            "SELECT count(*) FROM _master_acc m JOIN account a USING (platform, handle_norm)"
            " WHERE a.opd_id IS DISTINCT FROM m.opd_id OR a.handle <> m.handle"
            " OR a.url IS DISTINCT FROM m.url"
        ).fetchall()[0]
        moves = account_moves.planned_moves(con)
        drops = account_moves.planned_drops(
            con, account_moves.listed_keys(kept, [e["opd_id"] for e in kept])
        )
        con.execute(
            "UPDATE account SET opd_id = m.opd_id, handle = m.handle, url = m.url FROM _master_acc m"
            " WHERE account.platform = m.platform AND account.handle_norm = m.handle_norm"
            " AND (account.opd_id IS DISTINCT FROM m.opd_id OR account.handle <> m.handle"
            " OR account.url IS DISTINCT FROM m.url)"
        )
        con.execute(
            "INSERT INTO account (opd_id, platform, handle, handle_norm, url)"
            " SELECT opd_id, platform, handle, handle_norm, url FROM _master_acc m"
            " ANTI JOIN account a USING (platform, handle_norm)"
        )
        names = dict(con.execute("SELECT opd_id, name FROM opd").fetchall())
        report.notes.extend(account_moves.follow(con, moves, names))
        report.notes.extend(account_moves.drop(con, drops, names))
        report.accounts_dropped = len(drops)
    finally:
        con.unregister("_master_acc")
    report.accounts_new = int(n_new)
    report.accounts_updated = int(n_upd)


def _url_of(platform: str, written: str) -> str | None:
    if "://" in written or re.match(r"^(www\.)?[\w.-]+\.(com|net)/", written, re.I):
        return written if "://" in written else "https://" + written
    return None
