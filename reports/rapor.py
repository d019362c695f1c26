"""Rapor OPD: one page per OPD for its head. Its figures for the period against the previous
period, its monthly posts (trend), its content mix against the kabupaten and against OPDs of
its kind, its rank, its accounts with their last post, and what to improve (reports.advice).

All figures are read through warehouse.queries; the queries run once for every OPD together
(not once per OPD), so "all OPDs" costs little more than one. Output: one PDF with a page per
OPD (kop on every page), or a ZIP with one PDF per OPD named for attaching to its letter.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import duckdb
import polars as pl

from reports import advice, doc, doc_pdf, idfmt, labels, monthly, report_charts
from reports.letterhead import Kop, Signature
from warehouse import analyst_settings, periods, vocabulary
from warehouse.queries import activity
from warehouse.queries import content as content_queries
from warehouse.queries.filters import Filters

ACCOUNT_COLUMNS = [
    ("platform_label", "Platform", "teks"), ("handle", "Akun", "teks"),
    ("posts_in_period", labels.kpi("posts"), "angka"),
    ("last_post", "Postingan terakhir", "tanggal"),
    ("status_label", "Status", "teks"),
]  # fmt: skip


@dataclass(frozen=True)
class _Data:
    """Every query result the pages need, for all OPDs of the filter at once."""

    index: pl.DataFrame
    previous: pl.DataFrame
    shares: pl.DataFrame
    mix_by_opd: pl.DataFrame
    mix_all: pl.DataFrame
    mix_kind: dict[str, pl.DataFrame]
    accounts: pl.DataFrame
    inactive: pl.DataFrame
    months: pl.DataFrame
    window: Filters
    activity_rule: str  # analyst_settings.Settings.activity_rule: how "Status keaktifan" was judged


def _gather(con: duckdb.DuckDBPyConnection, f: Filters) -> _Data:
    prev = f.shifted(*periods.previous_period(f.start, f.end))
    everyone = Filters(f.start, f.end, f.platforms)  # the kabupaten: no OPD or kind filter
    index = activity.opd_index(con, f)
    kinds = sorted(set(index["opd_kind"].to_list()))
    window = monthly.trend_window(f)
    return _Data(
        index=index,
        previous=activity.opd_index(con, prev),
        shares=content_queries.content_share_by_opd(con, f),
        mix_by_opd=content_queries.content_mix_by_opd(con, f),
        mix_all=content_queries.content_mix(con, everyone),
        mix_kind={
            k: content_queries.content_mix(con, Filters(f.start, f.end, f.platforms, (k,)))
            for k in kinds
        },  # fmt: skip
        accounts=activity.account_dormancy(con, f),
        inactive=activity.inactive_opds(con, f),
        months=activity.opd_month_heatmap(con, window),
        window=window,
        activity_rule=analyst_settings.get_settings(con).activity_rule,
    )


def _row(df: pl.DataFrame, opd_id: int) -> dict | None:
    rows = df.filter(pl.col("opd_id") == opd_id)
    return rows.row(0, named=True) if rows.height else None


def _mix_table(data: _Data, opd_id: int, kind: str) -> tuple[pl.DataFrame, list]:
    """Content shares in three rows (this OPD, its kind, the kabupaten), one column per content
    type: a wide, short table so the rapor stays on one page."""

    def shares(df: pl.DataFrame) -> dict[str, float]:
        return dict(zip(df["content_type"].to_list(), df["share"].to_list(), strict=True))

    mine = shares(data.mix_by_opd.filter(pl.col("opd_id") == opd_id))
    rows = {
        "OPD ini": mine,
        f"Rata-rata {labels.kind(kind)}": shares(data.mix_kind.get(kind, data.mix_all.clear())),
        "Kabupaten": shares(data.mix_all),
    }
    order = [c for c in (*vocabulary.CONTENT_TYPES, "belum_dilabeli")
             if any(c in r for r in rows.values())]  # fmt: skip
    frame = pl.DataFrame(
        {"who": list(rows), **{c: [r.get(c, 0.0) if r else None for r in rows.values()]
                               for c in order}},
        schema={"who": pl.String, **dict.fromkeys(order, pl.Float64)},
    )  # fmt: skip
    columns = [("who", "", "teks"), *((c, labels.content(c), "persen") for c in order)]
    return frame, columns


def _delta(now, before, f: Filters, decimals: int = 0) -> str:
    """ "+3 vs Des 2025" (the previous period by its short name)."""
    if now is None or before is None:
        return "tanpa pembanding"
    start, end = periods.previous_period(f.start, f.end)
    whole_month = start.day == 1 and (start.year, start.month) == (end.year, end.month)
    prev = idfmt.format_month(start, short=True) if whole_month else "periode sebelumnya"
    return f"{idfmt.format_signed(now - before, decimals)} vs {prev}"


def _page(d: doc.Document, data: _Data, r: dict, f: Filters, first: bool) -> None:
    opd_id, kind = r["opd_id"], r["opd_kind"]
    before = _row(data.previous, opd_id) or {}
    share = _row(data.shares, opd_id)
    inactive = _row(data.inactive, opd_id)
    if not first:
        d.add(doc.NewPage(with_kop=True))
    # An OPD whose data has not arrived has no rank and is not judged: a letter must not call
    # it "Belum aktif" (or print "peringkat None"); the rank counts the ranked OPDs only.
    ranked = data.index.filter(pl.col("rank").is_not_null()).height
    rank = (
        f"peringkat {r['rank']} dari {ranked} OPD"
        if r["rank"] is not None
        else "belum diperingkat: data periode ini baru sebagian diterima"
        if r.get("judgement") == "partly_received"
        else "belum diperingkat: data periode ini belum diterima"
    )
    d.add(doc.Heading("RAPOR MEDIA SOSIAL OPD", level=0), doc.Heading(r["opd"], level=0),
          doc.Para(f"{labels.kind(kind)} \u00b7 {_scope(f)} \u00b7 {rank}",
                   centered=True))  # fmt: skip
    # judgement: a partly received period is "Data baru sebagian", not "Data belum diterima".
    code = r.get("judgement") or r["activity_status"]
    status = labels.reason(code) if code else "-"
    d.add(doc.Figures((
        (labels.kpi("index_score"), idfmt.format_number(r["index_score"], 1),
         f"{labels.grade(r['grade'])}; {_delta(r['index_score'], before.get('index_score'), f, 1)}"),
        (labels.kpi("posts", full=True), idfmt.format_number(r["posts"]),
         _delta(r["posts"], before.get("posts"), f)),
        ("Status keaktifan", status,
         labels.activity_minimum(data.activity_rule, r["required_posts"])),
        (labels.kpi("kinerja_share", full=True), idfmt.format_percent(r["kinerja_share"]),
         "kabupaten " + idfmt.format_percent(_share(data.mix_all, kinerja=True))),
        (labels.kpi("ucapan_share"), idfmt.format_percent(share["ucapan_share"]) if share else "-",
         f"batas {advice.UCAPAN_LIMIT:.0%}"),
        ("Minggu dengan postingan", f"{r['weeks_with_post']} dari {r['weeks_in_period']}",
         f"{r['platforms_posted']} dari {r['platforms_total']} platform diunggahi"),
    ), per_row=6))  # fmt: skip
    months = data.months.filter(pl.col("opd_id") == opd_id)
    if months.height:
        title = f"Postingan per bulan, {labels.period(data.window.start, data.window.end)}"
        d.add(doc.Picture(report_charts.monthly_posts(months, title), width_frac=0.66))
    acc = data.accounts.filter(pl.col("opd_id") == opd_id).with_columns(
        platform_label=pl.col("platform").map_elements(labels.platform, return_dtype=pl.String),
        status_label=pl.col("status").map_elements(labels.reason, return_dtype=pl.String),
        last_post=pl.col("last_post_at").dt.date(),
    )
    d.add(doc.Heading("Akun resmi dan postingan terakhir", level=2))
    if acc.height:
        d.add(doc.Table(acc, ACCOUNT_COLUMNS, numbered=False))
    else:
        d.add(doc.Para("Belum ada akun resmi yang tercatat di daftar OPD."))
    points = advice.improvement_points(
        r, share, acc.to_dicts(), inactive["all_reasons"] if inactive else None, labels.platform
    )
    d.add(doc.Heading("Yang perlu diperbaiki", level=2))
    d.add(doc.Bullets(tuple(points)) if points else doc.Para(
        "Tidak ada catatan: pertahankan frekuensi dan mutu konten."))  # fmt: skip
    d.add(doc.Heading("Jenis konten dibanding OPD sejenis dan kabupaten", level=2),
          doc.Table(*_mix_table(data, opd_id, kind), numbered=False))  # fmt: skip
    d.add(doc.Sign())


def _scope(f: Filters) -> str:
    """The period, and the platforms when filtered (the OPD is named by the page itself)."""
    if not f.platforms:
        return labels.period(f.start, f.end)
    return f"{labels.period(f.start, f.end)} ({', '.join(map(labels.platform, f.platforms))})"


def _share(mix: pl.DataFrame, kinerja: bool) -> float | None:
    """The kinerja share of a content_queries.content_mix frame (sum of its kinerja rows' shares)."""
    if not mix.height:
        return None
    return float(mix.filter(pl.col("is_kinerja") == kinerja)["share"].sum())


def build(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    opd_ids: list[int] | None = None,
    *,
    kop: Kop | None = None,
    signature: Signature | None = None,
    paper: str = "A4",
) -> doc.Document:
    """The rapor of the given OPDs (None = every OPD in the filter, in rank order) as one
    Document. Raises ValueError when an OPD id is not among the filter's OPDs."""
    data = _gather(con, f)
    rows = data.index.to_dicts()
    if opd_ids is not None:
        known = {r["opd_id"] for r in rows}
        unknown = [i for i in opd_ids if i not in known]
        if unknown:
            raise ValueError(f"OPD tidak ada dalam filter saat ini: {unknown}")
        rows = [r for r in rows if r["opd_id"] in set(opd_ids)]
    d = doc.Document(title="", subtitle="", kop=kop, signature=signature, paper=paper)
    for i, r in enumerate(rows):
        _page(d, data, r, f, first=i == 0)
    return d


def file_name(opd: str, f: Filters) -> str:
    """ "Rapor Medsos Januari 2026 - Dinas Kesehatan.pdf": what staff attach to each letter."""
    safe = re.sub(r'[\\/:*?"<>|]+', "-", opd).strip()
    return f"Rapor Medsos {labels.period(f.start, f.end)} - {safe}.pdf"


def to_zip(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    kop: Kop | None = None,
    signature: Signature | None = None,
    paper: str = "A4",
) -> bytes:
    """A ZIP with one rapor PDF per OPD (file_name), queries run once for all."""
    data = _gather(con, f)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for r in data.index.iter_rows(named=True):
            d = doc.Document(title="", subtitle="", kop=kop, signature=signature, paper=paper)
            _page(d, data, r, f, first=True)
            z.writestr(file_name(r["opd"], f), doc_pdf.render(d))
    return buf.getvalue()
