"""Laporan bulanan: the whole evaluation for a period as one document (PDF or DOCX), in one
click: cover with kop, key figures with their comparison, activity and content charts, the
ranking with grades, the not-active list with reasons, campaign participation, and a page that
states how each figure is computed.

Every number is read through warehouse.queries (and warehouse.metrics for definitions and
settings); nothing is recomputed here. Period and filters are the caller's (the page passes
the sidebar's Filters).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from reports import advice, doc, idfmt, labels, report_charts
from reports.letterhead import Kop, Signature
from warehouse import analyst_settings, coverage, figures, metrics, periods, vocabulary
from warehouse.queries import activity as activity_queries
from warehouse.queries import campaigns, options, summary
from warehouse.queries import content as content_queries
from warehouse.queries.filters import Filters

TREND_MONTHS = 6
FIGURE_KEYS = (
    "activity_rate", "active_opds", "posts", "kinerja_share", "ucapan_share", "figure_share",
    "engagement", "engagement_per_post", "opds_without_operator",
)  # fmt: skip
RANK_COLUMNS = [
    ("rank", "Peringkat", "angka"), ("opd", "OPD", "teks"), ("kind", "Jenis", "teks"),
    ("posts", labels.kpi("posts"), "angka"),
    ("kinerja_share", labels.kpi("kinerja_share"), "persen"),
    ("index_score", "Indeks", "skor"), ("grade", "Predikat", "teks"),
]  # fmt: skip
INACTIVE_COLUMNS = [
    ("opd", "OPD", "teks"), ("all_reasons", "Alasan", "teks"),
    ("posts", labels.kpi("posts"), "angka"),
    ("days_since_last_post", labels.kpi("days_since_last_post"), "hari"),
]  # fmt: skip
MISSING_COLUMNS = [
    ("opd", "OPD", "teks"), ("accounts", "Akun yang datanya kurang", "teks"),
    ("reason", "Keterangan", "teks"),
]  # fmt: skip
CAMPAIGN_COLUMNS = [
    ("name", "Kampanye", "teks"), ("participating", "OPD ikut", "angka"),
    ("expected", "OPD wajib", "angka"), ("campaign_posts", labels.kpi("posts"), "angka"),
]  # fmt: skip


def describe_filters(con: duckdb.DuckDBPyConnection, f: Filters) -> str:
    """ "Januari 2026 · Facebook · Dinas" (period, then the filters in force)."""
    parts = [labels.period(f.start, f.end)]
    if f.platforms:
        parts.append(", ".join(labels.platform(p) for p in f.platforms))
    if f.opd_kinds:
        parts.append(", ".join(labels.kind(k) for k in f.opd_kinds))
    if f.opd_ids:
        opts = options.filter_options(con)
        parts.append(", ".join(opts.filter(opts["opd_id"].is_in(list(f.opd_ids)))["opd"]))
    return " \u00b7 ".join(parts)


def trend_window(f: Filters) -> Filters:
    """The TREND_MONTHS whole months ending with the period's last month (same filters)."""
    last = f.end.replace(day=1)
    return f.shifted(periods.add_months(last, -(TREND_MONTHS - 1)), f.end)


def _change_text(r: dict) -> str:
    if r["change_previous"] is None:
        return "tanpa pembanding"
    prev = labels.period(r["previous_start"], r["previous_end"])
    text = f"{idfmt.format_change(r['change_previous'], r['format'], r['decimals'])} vs {prev}"
    # The change is over part of the OPDs (the others' data is incomplete): the letter says so.
    subset = labels.compared_subset(r)
    return f"{text} ({subset})" if subset else text


def key_figures(con: duckdb.DuckDBPyConnection, f: Filters) -> doc.Figures:
    k = {r["key"]: r for r in summary.kpi_summary(con, f).iter_rows(named=True)}
    rows = []
    for key in FIGURE_KEYS:
        r = k[key]
        rows.append(
            (
                r["label"],
                idfmt.format_value(r["value"], r["format"], r["decimals"]),
                _change_text(r),
            )
        )
    return doc.Figures(tuple(rows))


def _campaigns(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Campaigns running in the period, with how many expected OPDs took part
    (figures.campaign_totals: the Kampanye page's tiles)."""
    out = []
    for c in campaigns.campaigns(con).iter_rows(named=True):
        start, end = c.get("start_date"), c.get("end_date")
        if (start and start > f.end) or (end and end < f.start):
            continue
        t = figures.campaign_totals(con, f, c["campaign_id"]).row(0, named=True)
        out.append({
            "name": c["name"], "participating": t["participating_opds"],
            "expected": t["expected_opds"], "campaign_posts": t["campaign_posts"],
        })  # fmt: skip
    schema = {"name": pl.String, "participating": pl.Int64, "expected": pl.Int64,
              "campaign_posts": pl.Int64}  # fmt: skip
    return pl.DataFrame(out, schema=schema)


def coverage_blocks(con: duckdb.DuckDBPyConnection, f: Filters) -> list[doc.Block]:
    """ "Kelengkapan data": account-months received, partly received and missing
    (warehouse.coverage), and what is still missing for the period's last month."""
    c = coverage.coverage_summary(con, f)
    total = c["total"]
    blocks: list[doc.Block] = [doc.Heading("6. Kelengkapan data yang diterima")]
    if not total:
        return [*blocks, doc.Para("Belum ada akun resmi dalam filter ini.")]
    blocks.append(doc.Para(
        f"Dari {idfmt.format_number(c['accounts'])} akun resmi selama {c['months']} bulan "
        f"({idfmt.format_number(total)} akun-bulan): {idfmt.format_number(c['received'])} "
        f"lengkap, {idfmt.format_number(c['partial'])} sebagian, "
        f"{idfmt.format_number(c['missing'])} belum ada; "
        f"{idfmt.format_number(c['not_submitted'])} akun-bulan melewati batas pengumpulan."
    ))  # fmt: skip
    month = f.end.replace(day=1)
    missing = coverage.coverage_missing(con, f, month).with_columns(
        reason=pl.col("reason_code").map_elements(labels.reason, return_dtype=pl.String)
    )
    if missing.height:
        blocks += [
            doc.Para(f"Yang masih kurang untuk {labels.month(month)}:", small=True),
            doc.Table(missing, MISSING_COLUMNS),
        ]
    return blocks


def method_blocks(con: duckdb.DuckDBPyConnection) -> list[doc.Block]:
    """ "Cara menghitung setiap angka": each KPI's definition, the index components and the
    settings in force, from warehouse.metrics (the same text the dashboard's help shows)."""
    s = analyst_settings.get_settings(con)
    blocks: list[doc.Block] = [doc.Heading("Cara menghitung setiap angka")]
    for kpi in metrics.KPIS.values():
        blocks.append(doc.Para(f"{kpi.label}: {kpi.description}", small=True))
    blocks.append(doc.Heading(labels.kpi("index_score"), level=2))
    weights = s.weights()
    for key, (label, how) in metrics.INDEX_COMPONENTS.items():
        w = idfmt.format_number(weights[key], 1)
        blocks.append(doc.Para(f"{label} (bobot {w}): {how}", small=True))
    blocks.append(doc.Heading("Pengaturan yang berlaku", level=2))
    blocks.append(doc.Bullets((
        f"{labels.kpi('active_opds')}: "
        f"{labels.activity_minimum(s.activity_rule, s.min_posts_per_month)} per bulan "
        f"({vocabulary.ACTIVITY_RULES[s.activity_rule].label}).",
        f"Akun tidak aktif: tanpa postingan selama {s.dormant_days} hari.",
        f"Target frekuensi indeks: {s.target_posts_per_month} postingan per bulan.",
        "Predikat: Sangat Baik \u2265 " + idfmt.format_number(s.grade_very_good, 0)
        + ", Baik \u2265 " + idfmt.format_number(s.grade_good, 0)
        + ", Cukup \u2265 " + idfmt.format_number(s.grade_fair, 0) + ", selain itu Kurang.",
        "Alasan OPD belum aktif, menurut urutan: " + _reasons_in_order() + ".",
        "Batas saran perbaikan pada rapor OPD: " + advice.LIMITS_TEXT,
    )))  # fmt: skip
    return blocks


def build(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    kop: Kop | None = None,
    signature: Signature | None = None,
    paper: str = "A4",
    made_on: dt.date | None = None,
) -> doc.Document:
    """The monthly report as a reports.doc.Document (render with reports.doc_pdf / doc_docx)."""
    period = labels.period(f.start, f.end)
    d = doc.Document(
        title="LAPORAN BULANAN EVALUASI MEDIA SOSIAL OPD",
        subtitle=describe_filters(con, f),
        kop=kop, signature=signature, paper=paper,
    )  # fmt: skip
    if made_on is not None:
        d.add(doc.Para(f"Disusun {idfmt.format_date(made_on)} dari data yang dimuat sampai "
                       "tanggal itu.", small=True))  # fmt: skip
    d.add(doc.Heading("1. Angka utama"), key_figures(con, f))

    d.add(doc.Heading("2. Keaktifan dan jenis konten"))
    window = trend_window(f)
    trend = activity_queries.activity_trend(con, window)
    if trend.height:
        title = (
            f"{labels.kpi('activity_rate', full=True)}, {labels.period(window.start, window.end)}"
        )
        d.add(doc.Picture(report_charts.activity_trend(trend, title)))
    mix = content_queries.content_mix(con, f)
    if mix.height:
        d.add(doc.Picture(report_charts.content_mix(mix, f"Komposisi konten, {period}"),
                          width_frac=0.9))  # fmt: skip
    else:
        d.add(doc.Para("Tidak ada postingan dalam periode ini."))

    d.add(doc.Heading(f"3. Peringkat {labels.kpi('index_score')}"))
    idx = activity_queries.opd_index(con, f).with_columns(
        kind=pl.col("opd_kind").map_elements(labels.kind, return_dtype=pl.String)
    )
    d.add(doc.Table(idx, RANK_COLUMNS, numbered=False))

    d.add(doc.Heading("4. OPD belum aktif dan alasannya"))
    inactive = activity_queries.inactive_opds(con, f)
    if inactive.height:
        rule = labels.activity_minimum(
            inactive.item(0, "activity_rule"), inactive.item(0, "required_posts")
        )
        d.add(doc.Para(f"{inactive.height} OPD wajib unggah belum aktif pada {period} "
                       f"(aturan: {rule} dalam periode)."),
              doc.Table(inactive, INACTIVE_COLUMNS))  # fmt: skip
    else:
        d.add(doc.Para("Semua OPD wajib unggah aktif."))

    d.add(doc.Heading("5. Partisipasi kampanye"))
    camp = _campaigns(con, f)
    if camp.height:
        d.add(doc.Table(camp, CAMPAIGN_COLUMNS))
    else:
        d.add(doc.Para("Tidak ada kampanye yang berjalan dalam periode ini."))

    d.add(*coverage_blocks(con, f))
    d.add(doc.Sign(), doc.NewPage(), *method_blocks(con))
    return d


def _reasons_in_order() -> str:
    """The reasons, in their order. The platform form of "no account" is its refinement under a
    platform filter, said where it applies (the list of OPDs): the method page is full."""
    return "; ".join(
        t for c, t in vocabulary.INACTIVE_REASONS.items() if c != "no_account_platform"
    )
