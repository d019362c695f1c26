"""Top and bottom lists: how many OPDs the viewer wants, and ties named as ties."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import i18n
from ui.widgets import presenting

TOP_N_CHOICES = (5, 10)


def top_n_choice() -> int:
    """How many OPDs a top/bottom list shows, chosen by the viewer (kept in ?n= of the link)."""
    raw = str(st.query_params.get("n", ""))
    default = int(raw) if raw.isdigit() and int(raw) in TOP_N_CHOICES else TOP_N_CHOICES[0]
    if presenting():
        return int(st.session_state.get("top_n") or default)
    n = st.segmented_control(
        i18n.tr("Banyaknya OPD di daftar teratas/terbawah", "OPDs in the top/bottom lists"),
        TOP_N_CHOICES,
        default=default,
        key="top_n",
        required=True,
    )
    n = int(n or default)
    if n != TOP_N_CHOICES[0]:
        st.query_params["n"] = str(n)
    elif "n" in st.query_params:
        del st.query_params["n"]
    return n


def tie_caption(rows: pl.DataFrame, n: int) -> None:
    """Say when a top/bottom list holds ties: longer than n, or equal OPDs side by side."""
    if not rows.height or "tie_size" not in rows.columns:
        return
    tied = rows.filter(pl.col("tie_size") > 1)
    if not tied.height:
        return
    groups = []
    for _, g in tied.group_by(["rank"], maintain_order=True):
        score = i18n.fmt_num(g["index_score"][0], 1)
        size = int(g["tie_size"][0])
        groups.append(i18n.tr(f"{size} OPD sama-sama {score}", f"{size} OPDs tied at {score}"))
    text = "; ".join(groups)
    if rows.height > n:
        text += i18n.tr(
            f": semuanya ditampilkan, jadi daftar berisi {rows.height} OPD.",
            f": all are shown, so the list holds {rows.height} OPDs.",
        )
    else:
        text += i18n.tr(" (peringkat sama).", " (same rank).")
    st.caption(text)
