"""What an OPD should improve, generated from its own numbers for its rapor (report card).

Each point states the figure, the limit it is held against and what to do, in Bahasa
Indonesia ("Porsi ucapan 68,0%, di atas batas 30%"). The limits are defined here once and
printed on the report's method page. Figures come from warehouse.queries (opd_index,
content_share_by_opd, account_dormancy, inactive_opds); nothing is recomputed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reports import idfmt, labels
from warehouse.vocabulary import ACTIVITY_RULES

# Greetings are fine in moderation; above this share a feed reads as a greeting card rack.
UCAPAN_LIMIT = 0.30
# Posts that feature the leader personally rather than the service.
FIGURE_LIMIT = 0.25
# Kinerja content (kegiatan, layanan, informasi, capaian, klarifikasi) should be the majority.
KINERJA_TARGET = 0.60

LIMITS_TEXT = (
    (
        f"Porsi ucapan paling banyak {UCAPAN_LIMIT:.0%}; porsi konten berfokus figur paling banyak "
        f"{FIGURE_LIMIT:.0%}; porsi konten kinerja sedikitnya {KINERJA_TARGET:.0%}; sedikitnya satu "
        "postingan setiap minggu; setiap akun resmi mengunggah dalam batas hari akun tidak aktif "
        "(Pengaturan)."
    )
    .replace("%", " %")
    .replace(" %", "%")
)


def _pct(v: float | None) -> str:
    return idfmt.format_percent(v)


def improvement_points(
    index_row: dict[str, Any] | None,
    shares: dict[str, Any] | None,
    accounts: list[dict[str, Any]],
    inactive_reasons: str | None,
    platform_label=lambda code: code,
) -> list[str]:
    """Improvement points for one OPD, most important first; empty list = nothing to improve.

    index_row: a queries.activity.opd_index row (posts, required_posts, is_active, activity_status
    'active' | 'inactive' | 'no_data', weeks_with_post,
    weeks_in_period, kinerja_share). shares: a queries.content.content_share_by_opd row (ucapan_share,
    figure_share) or None when the OPD did not post. accounts: queries.activity.account_dormancy rows of
    the OPD (platform, handle, status, last_post_at). inactive_reasons: the "; "-joined
    reasons from queries.activity.inactive_opds, None when the OPD is active.
    """
    points: list[str] = []
    # An OPD whose data has not arrived is not judged: never "Belum aktif" in its letter.
    not_judged = (index_row or {}).get("activity_status") == "no_data"
    if inactive_reasons:
        lead = "Data periode ini belum lengkap diterima" if not_judged else "Belum aktif"
        points.append(f"{lead}: {inactive_reasons}.")
    if index_row is not None:
        posts, required = index_row.get("posts") or 0, index_row.get("required_posts") or 0
        below = not index_row.get("is_active") and not not_judged
        if below and required and not inactive_reasons:
            rule = index_row.get("activity_rule") or "account"
            counted = idfmt.format_number(index_row.get("counted_posts") or 0)
            points.append(
                f"Postingan {ACTIVITY_RULES[rule].counted} {counted}, di bawah batas "
                f"{labels.activity_minimum(rule, required)} dalam periode ini."
            )
        weeks, total = index_row.get("weeks_with_post") or 0, index_row.get("weeks_in_period") or 0
        if total and weeks < total and posts:
            points.append(
                f"Mengunggah hanya pada {weeks} dari {total} minggu: jadwalkan sedikitnya satu "
                "postingan setiap minggu."
            )
        kinerja = index_row.get("kinerja_share")
        if posts and kinerja is not None and kinerja < KINERJA_TARGET:
            points.append(
                f"{labels.kpi('kinerja_share', full=True)} {_pct(kinerja)}, di bawah sasaran {KINERJA_TARGET:.0%}: "
                "perbanyak informasi layanan, kegiatan dan capaian."
            )
    if shares is not None:
        ucapan = shares.get("ucapan_share")
        if ucapan is not None and ucapan > UCAPAN_LIMIT:
            points.append(
                f"{labels.kpi('ucapan_share')} {_pct(ucapan)}, di atas batas {UCAPAN_LIMIT:.0%}: ganti sebagian "
                "ucapan dengan informasi layanan."
            )
        figure = shares.get("figure_share")
        if figure is not None and figure > FIGURE_LIMIT:
            points.append(
                f"{labels.kpi('figure_share', full=True)} {_pct(figure)}, di atas batas {FIGURE_LIMIT:.0%}: "
                "tonjolkan layanan dan hasil kerja, bukan pribadi pimpinan."
            )
    for acc in accounts:
        name = f"{platform_label(acc.get('platform'))} {acc.get('handle') or ''}".strip()
        if acc.get("status") == "belum_pernah":
            points.append(f"Akun {name} belum pernah mengunggah.")
        elif acc.get("status") == "dorman":
            last = acc.get("last_post_at")
            day = last.date() if isinstance(last, dt.datetime) else last
            points.append(f"Akun {name} tidak aktif sejak {idfmt.format_date(day)}.")
    return points
