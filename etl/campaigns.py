"""Campaigns: the analyst names a campaign (period, hashtags, keywords); posts are matched in SQL.

A post joins a campaign when it was published inside the campaign period (bounds inclusive,
an open bound = no limit) and its caption carries one of the campaign's hashtags (as a whole
hashtag: '#bangganganjuk' does not match '#bangganganjukmelesat') or keywords (as whole words).
The warehouse then answers which OPDs took part (v_campaign_participation).

The campaign file is read in etl.campaign_file; this module stores campaigns and matches them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any

import duckdb

from etl.campaign_file import CampaignFileError, read_campaign_file
from etl.campaign_terms import norm_terms

# CampaignFileError is re-exported for the upload form, which imports it from here.
__all__ = [
    "CampaignFileError",
    "delete_campaign",
    "load_campaign_file",
    "match_campaigns",
    "save_campaign",
]


# Terms are turned into RE2 patterns inside SQL: escape regex metacharacters first, then
# require a boundary on both sides. A hashtag ends where a non-word character starts.
_MATCH_SQL = r"""
WITH terms AS (
    SELECT c.campaign_id, c.start_date, c.end_date, '#' || t AS term,
           '(^|[^\w])#' || regexp_replace(t, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g') || '($|[^\w])' AS rx
    FROM campaign c, unnest(c.hashtags) AS u(t)
    WHERE $campaign_id IS NULL OR c.campaign_id = $campaign_id
    UNION ALL
    SELECT c.campaign_id, c.start_date, c.end_date, t AS term,
           '(^|[^\w])' || regexp_replace(t, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g') || '($|[^\w])' AS rx
    FROM campaign c, unnest(c.keywords) AS u(t)
    WHERE $campaign_id IS NULL OR c.campaign_id = $campaign_id
),
scope AS (
    SELECT post_key, CAST(published_at AS DATE) AS day,
           coalesce(caption_norm, lower(caption)) AS text
    FROM posts
    WHERE $load_ids IS NULL OR list_contains($load_ids, load_id)
)
INSERT INTO post_campaign (post_key, campaign_id, matched_terms)
SELECT s.post_key, t.campaign_id, string_agg(DISTINCT t.term, ', ' ORDER BY t.term)
FROM scope s
JOIN terms t
  ON (t.start_date IS NULL OR s.day >= t.start_date)
 AND (t.end_date IS NULL OR s.day <= t.end_date)
-- The pattern differs per term, so it is compiled per row: only rows holding the term's text at
-- all (which any match does) are matched against it.
WHERE CASE WHEN contains(s.text, t.term) THEN regexp_matches(s.text, t.rx) ELSE false END
GROUP BY s.post_key, t.campaign_id
"""

_DELETE_SQL = """
DELETE FROM post_campaign
WHERE ($campaign_id IS NULL OR campaign_id = $campaign_id)
  AND ($load_ids IS NULL
       OR post_key IN (SELECT post_key FROM posts WHERE list_contains($load_ids, load_id)))
"""


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[tuple[Any, ...]]:
    # DuckDB 2.0: fetch every execute() result whole; con itself joins the caller's transaction.
    return con.execute(sql, params if params is not None else []).fetchall()


def save_campaign(
    con: duckdb.DuckDBPyConnection,
    name: str,
    *,
    start_date: dt.date | None,
    end_date: dt.date | None,
    hashtags: Iterable[str] | str | None,
    keywords: Iterable[str] | str | None,
    description: str | None = None,
) -> int:
    """Create the campaign (or update the one with the same name), re-match it against every
    post and return its id. Errors are Bahasa Indonesia."""
    name = " ".join((name or "").split())
    if not name:
        raise ValueError("Nama kampanye wajib diisi.")
    tags = norm_terms(hashtags, hashtag=True)
    words = norm_terms(keywords, hashtag=False)
    if not tags and not words:
        raise ValueError(f"Kampanye '{name}': isi minimal satu tagar atau kata kunci.")
    if start_date and end_date and start_date > end_date:
        raise ValueError(
            f"Kampanye '{name}': tanggal mulai ({start_date:%d-%m-%Y}) sesudah tanggal selesai "
            f"({end_date:%d-%m-%Y})."
        )
    rows = _run(con, "SELECT campaign_id FROM campaign WHERE name = ?", [name])
    params = [description, start_date, end_date, tags, words]
    if not rows:
        rows = _run(
            con,
            "INSERT INTO campaign (name, description, start_date, end_date, hashtags, keywords)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING campaign_id",
            [name, *params],
        )
        campaign_id = int(rows[0][0])
    else:
        campaign_id = int(rows[0][0])
        _run(
            con,
            "UPDATE campaign SET description = ?, start_date = ?, end_date = ?, hashtags = ?,"
            " keywords = ? WHERE campaign_id = ?",
            [*params, campaign_id],
        )
    _match(con, load_ids=None, campaign_id=campaign_id)
    return campaign_id


def delete_campaign(con: duckdb.DuckDBPyConnection, campaign_id: int) -> None:
    """Remove a campaign and its post links."""
    _run(con, "DELETE FROM post_campaign WHERE campaign_id = ?", [campaign_id])
    _run(con, "DELETE FROM campaign WHERE campaign_id = ?", [campaign_id])


def _match(
    con: duckdb.DuckDBPyConnection, *, load_ids: list[int] | None, campaign_id: int | None
) -> int:
    params = {"load_ids": load_ids, "campaign_id": campaign_id}
    _run(con, _DELETE_SQL, params)
    _run(con, _MATCH_SQL, params)
    rows = _run(
        con,
        "SELECT count(*) FROM post_campaign pc WHERE ($campaign_id IS NULL OR campaign_id = $campaign_id)"
        " AND ($load_ids IS NULL OR post_key IN"
        " (SELECT post_key FROM posts WHERE list_contains($load_ids, load_id)))",
        params,
    )
    return int(rows[0][0])


def match_campaigns(
    con: duckdb.DuckDBPyConnection, load_id: int | Iterable[int] | None = None
) -> int:
    """(Re)fill post_campaign for the posts of one load, of several loads (an iterable of load
    ids) or of all posts (None) against every campaign; returns the number of post-campaign
    links now held for those posts."""
    ids = None if load_id is None else [load_id] if isinstance(load_id, int) else list(load_id)
    return _match(con, load_ids=ids, campaign_id=None)


def load_campaign_file(
    con: duckdb.DuckDBPyConnection, path: str | os.PathLike[str]
) -> list[tuple[str, int, int]]:
    """Define (or update, by name) every campaign in the file and match it against all posts,
    in one transaction: a file with any problem changes nothing. Returns (name, campaign_id,
    matched posts) per campaign. Campaigns not in the file are left as they are."""
    defs = read_campaign_file(path)
    _run(con, "BEGIN TRANSACTION")
    try:
        out = []
        for c in defs:
            cid = save_campaign(
                con,
                c.name,
                start_date=c.start_date,
                end_date=c.end_date,
                hashtags=list(c.hashtags),
                keywords=list(c.keywords),
                description=c.description,
            )
            (n,) = _run(con, "SELECT count(*) FROM post_campaign WHERE campaign_id = ?", [cid])[0]
            out.append((c.name, cid, int(n)))
        _run(con, "COMMIT")
    except BaseException:
        _run(con, "ROLLBACK")
        raise
    return out
