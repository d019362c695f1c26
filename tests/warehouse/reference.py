"""An independent, plain-Python reading of the metric rules over conftest.POSTS.

The SQL in warehouse/sql/q_*.sql is checked against this: two implementations of the same
written rules (metrics.KPIS, metrics.INDEX_COMPONENTS) that must agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from tests.factory import ACCOUNTS, OPDS, POSTS

KINERJA = {"kegiatan", "layanan", "informasi", "capaian", "klarifikasi"}


def posts_in(start: dt.date, end: dt.date, platforms=(), opd_ids=(), source=None):
    out = []
    for opd_id, account_id, platform, at, ctype, figure, rea, com, sha, reach in (
        POSTS if source is None else source
    ):
        if not (start <= at.date() <= end):
            continue
        if platforms and platform not in platforms:
            continue
        if opd_ids and opd_id not in opd_ids:
            continue
        out.append(
            dict(opd_id=opd_id, account_key=account_id if account_id else f"platform:{platform}",
                 platform=platform, at=at, ctype=ctype, figure=figure,
                 engagement=(rea or 0) + (com or 0) + (sha or 0), reach=reach,
                 has_interaction=any(v is not None for v in (rea, com, sha)))
        )  # fmt: skip
    return out


def expected_opds(kinds=()):
    return [o[0] for o in OPDS if o[6] and (not kinds or o[3] in kinds)]


def busiest_account(posts, opd_id) -> int:
    counts = Counter(p["account_key"] for p in posts if p["opd_id"] == opd_id)
    return max(counts.values(), default=0)


def counted(posts, opd_id, rule: str = "account") -> int:
    """What the activity rule compares with the minimum: the busiest account ('account') or
    every post of the OPD ('opd_total')."""
    if rule == "opd_total":
        return sum(p["opd_id"] == opd_id for p in posts)
    return busiest_account(posts, opd_id)


def active_opds(start, end, required, kinds=(), platforms=(), source=None, rule="account"):
    posts = posts_in(start, end, platforms, source=source)
    return [o for o in expected_opds(kinds) if counted(posts, o, rule) >= required]


def mondays(start: dt.date, end: dt.date) -> list[dt.date]:
    first = start - dt.timedelta(days=start.weekday())
    out = []
    while first <= end:
        out.append(first)
        first += dt.timedelta(days=7)
    return out


def index_rows(start, end, required, target, weights, platforms=(), source=None, rule="account"):
    """Component scores per expected OPD, as metrics.INDEX_COMPONENTS describes them."""
    posts = posts_in(start, end, platforms, source=source)
    n_weeks = len(mondays(start, end))
    rows = {}
    for opd_id in expected_opds():
        mine = [p for p in posts if p["opd_id"] == opd_id]
        n = len(mine)
        weeks = {p["at"].date() - dt.timedelta(days=p["at"].weekday()) for p in mine}
        acct_platforms = {a[2] for a in ACCOUNTS if a[1] == opd_id}
        posted_platforms = {p["platform"] for p in mine}
        total_platforms = acct_platforms | posted_platforms
        rows[opd_id] = dict(
            posts=n,
            is_active=counted(posts, opd_id, rule) >= required,
            score_frequency=min(100.0, 100.0 * n / target),
            score_consistency=100.0 * len(weeks) / n_weeks,
            score_kinerja=100.0 * sum(p["ctype"] in KINERJA for p in mine) / n if n else 0.0,
            score_platform=(100.0 * len(posted_platforms) / len(total_platforms)
                            if total_platforms else 0.0),
            n_interaction=sum(p["has_interaction"] for p in mine),
            epp=(sum(p["engagement"] for p in mine if p["has_interaction"])
                 / max(1, sum(p["has_interaction"] for p in mine))),
        )  # fmt: skip
    # Engagement is ranked among OPDs whose posts carry interaction counts; an OPD with posts
    # but none carrying counts (logbook only) has no engagement score and its weight is spread.
    posting = [o for o, r in rows.items() if r["n_interaction"] > 0]
    for r in rows.values():
        if r["posts"] == 0:
            r["score_engagement"] = 0.0
        elif r["n_interaction"] == 0:
            r["score_engagement"] = None
        elif len(posting) == 1:
            r["score_engagement"] = 100.0
        else:
            below = sum(rows[x]["epp"] < r["epp"] for x in posting)
            r["score_engagement"] = 100.0 * below / (len(posting) - 1)
        have = [k for k in weights if r[f"score_{k}"] is not None]
        total_w = sum(weights[k] for k in have)
        r["index_score"] = sum(weights[k] * r[f"score_{k}"] for k in have) / total_w
    return rows


def grade(score: float, very_good=80, good=60, fair=40) -> str:
    if score >= very_good:
        return "Sangat Baik"
    if score >= good:
        return "Baik"
    if score >= fair:
        return "Cukup"
    return "Kurang"


def by_kind_activity(start, end, required):
    out = defaultdict(lambda: [0, 0])
    act = set(active_opds(start, end, required))
    for o in OPDS:
        if o[6]:
            out[o[3]][1] += 1
            out[o[3]][0] += o[0] in act
    return {k: (a, e) for k, (a, e) in out.items()}
