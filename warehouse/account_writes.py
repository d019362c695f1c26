"""What a new master list does to accounts the warehouse already holds: an account it puts under
another OPD (a move) and an account an OPD's row no longer names (a drop). The statements only;
etl.account_moves decides and words the report.

Both read the registered frame `_master_acc` (platform, handle, handle_norm, opd_id: every
account the new list names) and run inside the caller's transaction.

A dropped account is kept when data was loaded for it (posts, observations or coverage rows of
any load, undone ones included: an undo can be restored) and detached: account.opd_id NULL
(migration 330), and its coverage rows' opd_id NULL, so nothing waits for it (every coverage and
scope macro joins accounts to OPDs) while its posts stay their OPD's (history). An account with
no data at all is deleted, with the aliases that named it: the warehouse then equals one that had
the new list from the start.
"""

from __future__ import annotations

import duckdb
import polars as pl

# (account_id, platform, handle, old opd_id or None when detached, new opd_id)
Move = tuple[int, str, str, int | None, int]
# (account_id, platform, handle, opd_id, has_data)
Drop = tuple[int, str, str, int, bool]

_MOVES = (
    "SELECT a.account_id, a.platform, m.handle, a.opd_id, m.opd_id FROM _master_acc m"
    " JOIN account a USING (platform, handle_norm) WHERE a.opd_id IS DISTINCT FROM m.opd_id"
    " ORDER BY a.account_id"
)
# The OPDs holding the account's posts or coverage rows (a detached account's history may sit
# with an OPD other than the one the list now names).
_HOLDERS = (
    "SELECT opd_id FROM posts WHERE account_id = $acc AND opd_id IS NOT NULL"
    " UNION SELECT opd_id FROM load_coverage WHERE account_id = $acc AND opd_id IS NOT NULL"
)
_FOLLOW = (
    "UPDATE posts SET opd_id = $new WHERE account_id = $acc AND opd_id IS DISTINCT FROM $new",
    "UPDATE post_observation SET opd_id = $new WHERE account_id = $acc"
    " AND opd_id IS DISTINCT FROM $new",
    "UPDATE load_coverage SET opd_id = $new WHERE account_id = $acc"
    " AND opd_id IS DISTINCT FROM $new",
)
# Accounts of the OPD rows the sheet holds, on the platforms whose column it has ($listed:
# opd_id, platform), that the new list names nowhere (named under another OPD is a move).
_DROPS = (
    "SELECT a.account_id, a.platform, a.handle, a.opd_id"
    " FROM account a SEMI JOIN _listed_keys k ON k.opd_id = a.opd_id AND k.platform = a.platform"
    " ANTI JOIN _master_acc m ON m.platform = a.platform AND m.handle_norm = a.handle_norm"
    " ORDER BY a.account_id"
)
# A coverage row of the OPD's platform naming no account (an export with no post to tie, e.g. a
# header-only one) covered every account the OPD had there; when that was the dropped account
# alone, the row is that account's and goes with it (else the OPD, left with no account, would
# wait for that platform's exports every month: independent evaluator 16's X5). Run before the
# account table changes (a replacing account inserted later must not share it).
_CLAIM = (
    "UPDATE load_coverage SET account_id = $acc WHERE opd_id = $opd AND platform = $platform"
    " AND account_id IS NULL AND (SELECT count(*) FROM account"
    " WHERE opd_id = $opd AND platform = $platform) = 1"
)
_HAS_DATA = (
    "SELECT EXISTS (SELECT 1 FROM posts WHERE account_id = $acc)"
    " OR EXISTS (SELECT 1 FROM post_observation WHERE account_id = $acc)"
    " OR EXISTS (SELECT 1 FROM load_coverage WHERE account_id = $acc)"
)
_DETACH = (
    "UPDATE account SET opd_id = NULL WHERE account_id = $acc",
    "UPDATE load_coverage SET opd_id = NULL WHERE account_id = $acc",
)
_DELETE = (
    "DELETE FROM account_alias WHERE account_id = $acc",
    "DELETE FROM account WHERE account_id = $acc",
)


def planned_moves(con: duckdb.DuckDBPyConnection) -> list[Move]:
    """The accounts `_master_acc` puts under another OPD than the account table holds (a detached
    account the list names again included: old opd_id None); read before account is updated."""
    return [tuple(r) for r in con.execute(_MOVES).fetchall()]


def holders(con: duckdb.DuckDBPyConnection, account_id: int) -> set[int]:
    """The OPD ids holding the account's posts or coverage rows now."""
    return {r[0] for r in con.execute(_HOLDERS, {"acc": account_id}).fetchall()}


def follow(con: duckdb.DuckDBPyConnection, account_id: int, new_opd: int) -> tuple[int, int]:
    """Put the account's posts, observations and coverage rows under `new_opd`. Returns (posts
    moved, coverage rows moved)."""
    args = {"acc": account_id, "new": new_opd}
    (posts,) = con.execute(_FOLLOW[0], args).fetchall()[0]
    con.execute(_FOLLOW[1], args)
    (spans,) = con.execute(_FOLLOW[2], args).fetchall()[0]
    return int(posts), int(spans)


def planned_drops(con: duckdb.DuckDBPyConnection, listed: pl.DataFrame) -> list[Drop]:
    """The accounts the new list drops, each with whether data was ever loaded for it.
    listed: (opd_id Int64, platform String), the OPD rows the sheet holds x the platform columns
    it has (a row whose account there could not be read excluded). Run before account is
    updated: an OPD's coverage rows of no account on a platform where the dropped account was
    its only one become that account's (_CLAIM)."""
    con.register("_listed_keys", listed)
    try:
        found = con.execute(_DROPS).fetchall()
    finally:
        con.unregister("_listed_keys")
    drops: list[Drop] = []
    for account_id, platform, handle, opd_id in found:
        args = {"acc": account_id, "opd": opd_id, "platform": platform}
        con.execute(_CLAIM, args)
        (has_data,) = con.execute(_HAS_DATA, {"acc": account_id}).fetchall()[0]
        drops.append((account_id, platform, handle, opd_id, bool(has_data)))
    return drops


def detach(con: duckdb.DuckDBPyConnection, account_id: int) -> int:
    """Stop waiting for a dropped account that has data; its posts stay where they are.
    Returns its posts' count."""
    for statement in _DETACH:
        con.execute(statement, {"acc": account_id})
    (n,) = con.execute(
        "SELECT count(*) FROM posts WHERE account_id = $acc", {"acc": account_id}
    ).fetchall()[0]
    return int(n)


def delete(con: duckdb.DuckDBPyConnection, account_id: int) -> None:
    """Remove a dropped account that never had data, with the aliases naming it."""
    for statement in _DELETE:
        con.execute(statement, {"acc": account_id})
