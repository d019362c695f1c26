"""How one OPD's Indeks Medsos is made, in words a leader reads: five scores, weights, grade.

Fed by a row of queries.activity.opd_index (which carries every component, score and weight), so the
explanation can never disagree with the ranking next to it.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from ui import i18n
from warehouse.metrics import INDEX_COMPONENTS, INDEX_COMPONENTS_EN

# (score column, weight column, Indonesian name, English name), from metrics.INDEX_COMPONENTS.
COMPONENTS = tuple(
    (f"score_{key}", f"w_{key}", label, INDEX_COMPONENTS_EN[key])
    for key, (label, _how) in INDEX_COMPONENTS.items()
)


def _basis(r: dict[str, Any], score: str) -> str:
    """The raw figure behind one score, e.g. '146 postingan dari target 72'."""
    n = i18n.fmt_int
    if score == "score_frequency":
        return i18n.tr(
            f"{n(r['posts'])} postingan dari target {n(r['target_posts'])} (maks. 100)",
            f"{n(r['posts'])} posts against a target of {n(r['target_posts'])} (max. 100)",
        )
    if score == "score_consistency":
        return i18n.tr(
            f"{n(r['weeks_with_post'])} dari {n(r['weeks_in_period'])} minggu ada postingan",
            f"posts in {n(r['weeks_with_post'])} of {n(r['weeks_in_period'])} weeks",
        )
    if score == "score_kinerja":
        return i18n.tr(
            f"{n(r['kinerja_posts'])} dari {n(r['posts'])} postingan bertema kinerja",
            f"{n(r['kinerja_posts'])} of {n(r['posts'])} posts about performance",
        )
    if score == "score_platform":
        return i18n.tr(
            f"aktif di {n(r['platforms_posted'])} dari {n(r['platforms_total'])} platform akunnya",
            f"posted on {n(r['platforms_posted'])} of its {n(r['platforms_total'])} platforms",
        )
    if r.get(score) is None:
        return i18n.tr("tidak ada angka interaksi", "no interaction counts")
    per_post = i18n.fmt_num(r.get("engagement_per_post"), 1)
    return i18n.tr(
        f"{per_post} interaksi per postingan, dibanding OPD lain (peringkat persentil)",
        f"{per_post} interactions per post, ranked against other OPDs (percentile)",
    )


def breakdown(r: dict[str, Any]) -> pl.DataFrame:
    """One row per component: name, basis, score (null = no data: shown "-"), weight (share
    of the weights of the parts with data, 0..1), points it adds to the index."""
    have = [(s, w) for s, w, _, _ in COMPONENTS if r[s] is not None]
    total_w = sum(float(r[w] or 0) for _, w in have) or 1.0
    rows = []
    for score, weight, name_id, name_en in COMPONENTS:
        wt = float(r[weight] or 0)
        s = None if r[score] is None else float(r[score])
        rows.append(
            {
                "component": i18n.tr(name_id, name_en),
                "basis": _basis(r, score),
                "score": s,
                "weight": None if s is None else wt / total_w,
                "points": None if s is None else s * wt / total_w,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "component": pl.String,
            "basis": pl.String,
            "score": pl.Float64,
            "weight": pl.Float64,
            "points": pl.Float64,
        },
    )


def missing_note(r: dict[str, Any]) -> str | None:
    """'Interaksi: tidak ada data (...); bobotnya 15% dibagi ke komponen lain.' or None."""
    missing = [(w, i, e) for s, w, i, e in COMPONENTS if r[s] is None]
    if not missing:
        return None
    total = sum(float(r[w] or 0) for _, w, _, _ in COMPONENTS) or 1.0
    names = ", ".join(i18n.tr(i, e) for _, i, e in missing)
    share = i18n.fmt_pct(sum(float(r[w] or 0) for w, _, _ in missing) / total, 0)
    return i18n.tr(
        f"{names}: tidak ada data (postingan dari buku rekap tidak membawa angka interaksi), "
        f'ditulis "-" dan bukan 0; bobotnya ({share}) dibagi ke komponen yang ada '
        "datanya, sebanding bobot masing-masing.",
        f'{names}: no data (logbook posts carry no interaction counts), shown "-" not 0; '
        f"its weight ({share}) is spread over the parts with data in proportion to their "
        "weights.",
    )


def explain(r: dict[str, Any], thresholds: tuple[float, float, float]) -> None:
    """The five scores, weights, the sum and the grade, with the formula in words."""
    from ui.widgets import Col, table

    st.markdown(
        i18n.tr(
            f"**{r['opd']}**: Indeks **{i18n.fmt_num(r['index_score'], 1)}** dari 100, "
            f"predikat **{i18n.grade_label(r['grade'])}**.",
            f"**{r['opd']}**: index **{i18n.fmt_num(r['index_score'], 1)}** of 100, "
            f"grade **{i18n.grade_label(r['grade'])}**.",
        )
    )
    table(
        breakdown(r),
        [
            Col("component", i18n.tr("Komponen", "Component")),
            Col("basis", i18n.tr("Dasar perhitungan", "Based on")),
            Col("score", i18n.tr("Skor (0–100)", "Score (0–100)"), "num"),
            Col("weight", i18n.tr("Bobot", "Weight"), "pct"),
            Col("points", i18n.tr("Sumbangan ke indeks", "Points added"), "num"),
        ],
        key="index_breakdown",
        export=False,
        numbered=False,
    )
    note = missing_note(r)
    if note:
        st.caption(note)
    very_good, good, fair = (i18n.fmt_num(t, 0) for t in thresholds)
    st.caption(
        i18n.tr(
            "Cara membaca: setiap komponen diberi skor 0–100, lalu dikalikan bobotnya; "
            "jumlah kelima sumbangan adalah Indeks. "
            f"Predikat: Sangat Baik ≥ {very_good}, Baik ≥ {good}, Cukup ≥ {fair}, "
            f"di bawahnya Kurang. Bobot dan target dapat diubah analis di Pengaturan.",
            "How to read it: each component gets a score of 0–100, multiplied by its weight; "
            "the five contributions add up to the index. "
            f"Grades: Sangat Baik (very good) ≥ {very_good}, Baik (good) ≥ {good}, "
            f"Cukup (fair) ≥ {fair}, below that Kurang (poor). Analysts set the weights and "
            "target in Settings.",
        )
    )
