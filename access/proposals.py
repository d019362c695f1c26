"""Operators' label corrections as proposals (table label_proposal): an operator proposes a
label for one of their own OPD's posts; an analyst accepts it (it becomes the post's
label_override, recorded with the analyst's name) or rejects it. Audited both ways."""

from __future__ import annotations

import duckdb
import polars as pl

from access import audit
from access.clock import Clock, now_wib
from access.sessions import Principal


class ProposalError(ValueError):
    """A proposal refused (unknown post, another OPD's post, unknown label). Bahasa Indonesia."""


def propose(
    con: duckdb.DuckDBPyConnection,
    me: Principal,
    post_key: str,
    content_type: str,
    *,
    clock: Clock = now_wib,
) -> int:
    """Record an open proposal; returns its id. Raises access.policy.NotAllowed unless `me` may
    propose, ProposalError for a post outside `me`'s OPD or an unknown label."""
    from etl.classify.vocab import CONTENT_TYPES

    me.require("propose_label")
    if content_type not in CONTENT_TYPES:
        raise ProposalError(f"Jenis konten '{content_type}' tidak dikenal.")
    row = con.execute(
        "SELECT opd_id, content_type FROM v_posts WHERE post_key = ?", [post_key]
    ).fetchone()
    if row is None or me.opd_id is None or int(row[0]) != me.opd_id:
        # Same words whether the post exists elsewhere or not: nothing learned about others.
        raise ProposalError("Postingan ini bukan milik OPD Anda.")
    got = con.execute(
        "INSERT INTO label_proposal (post_key, opd_id, content_type, proposed_by, proposed_at)"
        " VALUES (?, ?, ?, ?, ?) RETURNING proposal_id",
        [post_key, me.opd_id, content_type, me.display_name, clock()],
    ).fetchone()
    assert got is not None
    audit.record(con, me.username, me.role, "label_proposal", target=post_key,
                 before={"content_type": row[1]}, after={"content_type": content_type},
                 clock=clock)  # fmt: skip
    return int(got[0])


def open_proposals(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Open proposals, oldest first. Columns: proposal_id, post_key, opd, published_at, caption,
    current_type, content_type (proposed), proposed_by, proposed_at."""
    from warehouse.db import sql_text

    cur = con.cursor()
    try:
        df: pl.DataFrame = cur.sql(sql_text("q_label_proposals")).pl()
    finally:
        cur.close()
    return df


def decide(
    con: duckdb.DuckDBPyConnection,
    me: Principal,
    proposal_id: int,
    accept: bool,
    *,
    clock: Clock = now_wib,
) -> None:
    """Accept (the label becomes the post's correction) or reject an open proposal, in one
    transaction. Raises NotAllowed unless `me` may accept proposals; ProposalError when the
    proposal is not open."""
    from etl.classify import set_override

    me.require("accept_proposal")
    row = con.execute(
        "SELECT post_key, content_type, proposed_by FROM label_proposal"
        " WHERE proposal_id = ? AND status = 'open'",
        [proposal_id],
    ).fetchone()
    if row is None:
        raise ProposalError(f"Usulan #{proposal_id} tidak ada atau sudah diputuskan.")
    post_key, content_type, proposer = str(row[0]), str(row[1]), str(row[2])
    con.execute("BEGIN TRANSACTION")
    try:
        if accept:
            set_override(con, post_key, content_type, by=me.display_name,
                         note=f"usulan operator {proposer}")  # fmt: skip
        con.execute(
            "UPDATE label_proposal SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE proposal_id = ?",
            ["accepted" if accept else "rejected", me.display_name, clock(), proposal_id],
        )
        audit.record(con, me.username, me.role,
                     "proposal_accept" if accept else "proposal_reject", target=post_key,
                     after={"content_type": content_type, "proposed_by": proposer},
                     clock=clock)  # fmt: skip
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
