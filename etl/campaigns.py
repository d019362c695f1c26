"""Campaigns: the analyst names a campaign (period, hashtags, keywords); posts are matched in SQL.

A post joins a campaign when it was published inside the campaign period (bounds inclusive,
an open bound = no limit) and its caption carries one of the campaign's hashtags (as a whole
hashtag: '#bangganganjuk' does not match '#bangganganjukmelesat') or keywords (as whole words).
The warehouse then answers which OPDs took part (v_campaign_participation).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import duckdb

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
    WHERE $load_id IS NULL OR load_id = $load_id
)
INSERT INTO post_campaign (post_key, campaign_id, matched_terms)
SELECT s.post_key, t.campaign_id, string_agg(DISTINCT t.term, ', ' ORDER BY t.term)
FROM scope s
JOIN terms t
  ON (t.start_date IS NULL OR s.day >= t.start_date)
 AND (t.end_date IS NULL OR s.day <= t.end_date)
WHERE regexp_matches(s.text, t.rx)
GROUP BY s.post_key, t.campaign_id
"""

_DELETE_SQL = """
DELETE FROM post_campaign
WHERE ($campaign_id IS NULL OR campaign_id = $campaign_id)
  AND ($load_id IS NULL OR post_key IN (SELECT post_key FROM posts WHERE load_id = $load_id))
"""


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[tuple]:
    # DuckDB 2.0: fetch every execute() result whole; con itself joins the caller's transaction.
    return con.execute(sql, params if params is not None else []).fetchall()


def _norm_terms(terms: Iterable[str] | str | None, *, hashtag: bool) -> list[str]:
    if terms is None:
        return []
    if isinstance(terms, str):
        terms = re.split(r"[,;\n]+" if not hashtag else r"[,;\s]+", terms)
    out: list[str] = []
    for term in terms:
        t = " ".join(unicodedata.normalize("NFKC", str(term)).lower().split())
        if hashtag:
            t = t.lstrip("#").replace(" ", "")
        if t and t not in out:
            out.append(t)
    return out


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
    tags = _norm_terms(hashtags, hashtag=True)
    words = _norm_terms(keywords, hashtag=False)
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
    _match(con, load_id=None, campaign_id=campaign_id)
    return campaign_id


def delete_campaign(con: duckdb.DuckDBPyConnection, campaign_id: int) -> None:
    """Remove a campaign and its post links."""
    _run(con, "DELETE FROM post_campaign WHERE campaign_id = ?", [campaign_id])
    _run(con, "DELETE FROM campaign WHERE campaign_id = ?", [campaign_id])


def _match(con: duckdb.DuckDBPyConnection, *, load_id: int | None, campaign_id: int | None) -> int:
    params = {"load_id": load_id, "campaign_id": campaign_id}
    _run(con, _DELETE_SQL, params)
    _run(con, _MATCH_SQL, params)
    rows = _run(
        con,
        "SELECT count(*) FROM post_campaign pc WHERE ($campaign_id IS NULL OR campaign_id = $campaign_id)"
        " AND ($load_id IS NULL OR post_key IN (SELECT post_key FROM posts WHERE load_id = $load_id))",
        params,
    )
    return int(rows[0][0])


def match_campaigns(con: duckdb.DuckDBPyConnection, load_id: int | None = None) -> int:
    """(Re)fill post_campaign for the posts of one load (None = all posts) against every
    campaign; returns the number of post-campaign links now held for those posts."""
    return _match(con, load_id=load_id, campaign_id=None)
