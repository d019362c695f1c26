"""Pengaturan: retrain the learned content model, see its quality before and after on the
held-out split, then accept it (every post re-labelled) or reject it."""

from __future__ import annotations

import json
from typing import Any

import polars as pl
import streamlit as st

from ui import data, i18n

_SCORES = (
    ("akurasi", "Akurasi", "Accuracy"),
    ("f1_ucapan", "F1 ucapan vs lainnya", "F1 greeting vs rest"),
    ("f1_makro", "F1 makro 7 label", "Macro-F1, 7 labels"),
    ("f1_figur", "F1 figur pimpinan", "F1 figure-centric"),
)


def _quality_frame(q: dict[str, Any]) -> pl.DataFrame:
    before = i18n.tr(
        f"Sebelum (model v{q['versi_sebelum']})", f"Before (model v{q['versi_sebelum']})"
    )
    return pl.DataFrame(
        {
            i18n.tr("Ukuran", "Measure"): [i18n.tr(idn, en) for _, idn, en in _SCORES],
            i18n.tr("Aturan saja", "Rules alone"): [q["aturan_saja"][k] for k, _, _ in _SCORES],
            before: [q["sebelum"][k] for k, _, _ in _SCORES],
            i18n.tr("Sesudah (kandidat)", "After (candidate)"): [
                q["sesudah"][k] for k, _, _ in _SCORES
            ],
        }
    )


def model_retraining(user: str) -> None:
    """The model section of the rules tab: versions, retrain, accept or reject a candidate."""
    from etl.classify.model_store import accept_model, model_versions, reject_model, retrain
    from ui import auth

    if not auth.can("edit_rules"):
        return
    st.subheader(i18n.tr("Model pembelajaran mesin", "Learned model"))
    st.caption(
        i18n.tr(
            "Model belajar dari contoh berlabel bawaan, koreksi analis di halaman Jenis Konten, "
            "dan kolom Jenis Konten di logbook OPD (bobot lebih rendah). Aturan yang yakin tetap "
            "menentukan; di luar itu model yang memutuskan. Koreksi analis tidak pernah hilang.",
            "The model learns from the shipped labelled captions, analysts' corrections on the "
            "Content page and the OPDs' logbook content column (lower weight). Confident rules "
            "still decide; elsewhere the model does. Analysts' corrections are never lost.",
        )
    )
    cur = data.con().cursor()
    try:
        versions = model_versions(cur)
    finally:
        cur.close()
    if versions.height:
        st.dataframe(
            versions.select(
                pl.col("version").alias(i18n.tr("Versi", "Version")),
                pl.col("status").alias(i18n.tr("Status", "Status")),
                pl.col("created_at").alias(i18n.tr("Dibuat", "Created")),
                pl.col("created_by").alias(i18n.tr("Oleh", "By")),
                pl.col("n_train").alias(i18n.tr("Caption latih", "Training captions")),
            ),
            hide_index=True,
        )
    pending = versions.filter(pl.col("status") == "kandidat").head(1)
    if st.button(
        i18n.tr("Latih ulang model", "Retrain the model"),
        key="model_retrain",
        icon=":material/model_training:",
    ):
        auth.require("edit_rules")
        with st.spinner(
            i18n.tr("Melatih model (sekitar satu menit)…", "Training (about a minute)…")
        ):
            cur = data.con().cursor()
            try:
                rep = retrain(cur, by=user, note="dilatih lewat Pengaturan")
            finally:
                cur.close()
        st.session_state["_model_msg"] = i18n.tr(
            f"Kandidat versi {rep['version']} dilatih dengan {rep['n_train']} caption "
            f"({rep['n_koreksi']} koreksi analis, {rep['n_logbook']} label logbook).",
            f"Candidate version {rep['version']} trained on {rep['n_train']} captions "
            f"({rep['n_koreksi']} corrections, {rep['n_logbook']} logbook labels).",
        )
        st.rerun()
    if st.session_state.get("_model_msg"):
        st.success(st.session_state.pop("_model_msg"))
    if pending.height == 0:
        return
    row = pending.row(0, named=True)
    version = int(row["version"])
    st.markdown(
        i18n.tr(
            f"**Kandidat versi {version}** diukur pada {row['n_holdout']} caption yang disisihkan "
            "(tidak dipakai untuk melatih). Terima bila angka sesudah lebih baik.",
            f"**Candidate version {version}** measured on {row['n_holdout']} held-out captions "
            "(not used for training). Accept it when the after figures are better.",
        )
    )
    st.dataframe(_quality_frame(json.loads(row["quality"])), hide_index=True)
    left, right = st.columns(2)
    if left.button(
        i18n.tr("Pakai model ini (labeli ulang semua)", "Use this model (relabel all)"),
        key="model_accept",
        type="primary",
        icon=":material/check:",
    ):
        auth.require("edit_rules")
        cur = data.con().cursor()
        try:
            n = accept_model(cur, version, by=user)
        except ValueError as exc:
            st.error(str(exc))
            return
        finally:
            cur.close()
        auth.record("model_change", target=f"model versi {version}", after={"relabelled": n})
        data.changed()
        st.session_state["_model_msg"] = i18n.tr(
            f"Model versi {version} dipakai; {i18n.fmt_int(n)} postingan dilabeli ulang.",
            f"Model version {version} in use; {i18n.fmt_int(n)} posts relabelled.",
        )
        st.rerun()
    if right.button(i18n.tr("Tolak", "Reject"), key="model_reject", icon=":material/close:"):
        auth.require("edit_rules")
        cur = data.con().cursor()
        try:
            reject_model(cur, version)
        finally:
            cur.close()
        st.rerun()
