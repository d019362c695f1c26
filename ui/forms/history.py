"""Unggah Data: the load history and taking one load back out, with confirmation."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data, i18n
from ui.forms.common import cursor


def load_history() -> pl.DataFrame:
    """Every load (v_load_history), newest first; an operator's view keeps only their OPD's."""
    from etl.load import history
    from ui import auth
    from warehouse.queries import history as history_queries
    from warehouse.queries import run as run_queries

    scope = auth.principal().scope_opd_id
    with cursor() as cur:
        df = history(cur)
        if scope is not None:
            own = history_queries.load_history(cur, limit=run_queries.MAX_ROWS, opd_id=scope)
            df = df.filter(pl.col("load_id").is_in(own.get_column("load_id").implode()))
    return df


def undo_flow(hist: pl.DataFrame) -> None:
    from ui import auth

    if not auth.section("undo_load"):
        return
    loaded = hist.filter(pl.col("status") == "loaded") if hist.height else hist
    if not loaded.height:
        return
    labels = {
        int(
            r["load_id"]
        ): f"#{r['load_id']} · {r['file_name']} · {i18n.fmt_date(r['loaded_at'], with_time=True)}"
        for r in loaded.iter_rows(named=True)
    }
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    pick = c1.selectbox(
        i18n.tr("Batalkan muatan", "Undo a load"),
        list(labels),
        format_func=labels.get,
        key="undo_pick",
    )
    if c2.button(i18n.tr("Batalkan", "Undo"), key="undo_go", icon=":material/undo:"):
        st.session_state["_undo_confirm"] = int(pick)
    # A load holds a whole file of posts: one more click, naming what goes, before it goes.
    asked = st.session_state.get("_undo_confirm")
    if asked is None or asked not in labels:
        return
    row = loaded.filter(pl.col("load_id") == asked).row(0, named=True)
    st.warning(
        i18n.tr(
            f"Batalkan muatan #{asked} ({row['file_name']})? Postingan yang hanya berasal dari "
            f"berkas ini (baru: {i18n.fmt_int(row['n_new'])}) dikeluarkan dan angka yang "
            "diperbarui kembali ke muatan lain. Berkas yang sama dapat dimuat lagi kapan saja.",
            f"Undo load #{asked} ({row['file_name']})? Posts that only this file brought (new: "
            f"{i18n.fmt_int(row['n_new'])}) are taken out and updated metrics go back to the "
            "other loads. The same file can be loaded again at any time.",
        ),
        icon=":material/warning:",
    )
    y, n_ = st.columns([1, 4])
    if n_.button(i18n.tr("Tidak", "No"), key="undo_no"):
        st.session_state.pop("_undo_confirm", None)
        st.rerun()
    if y.button(i18n.tr("Ya, batalkan", "Yes, undo"), key="undo_yes", type="primary"):
        from etl.load import undo_load

        auth.require("undo_load")
        st.session_state.pop("_undo_confirm", None)
        pick = asked
        with cursor() as cur:
            n = undo_load(cur, int(pick))
        auth.record(
            "undo", target=f"muatan #{pick}", before={"file": row["file_name"], "status": "loaded"},
            after={"status": "undone", "posts_recomputed": n},
        )  # fmt: skip
        data.changed()
        st.toast(
            i18n.tr(
                f"Muatan #{pick} dibatalkan ({i18n.fmt_int(n)} postingan).",
                f"Load #{pick} undone ({i18n.fmt_int(n)} posts).",
            )
        )
        st.rerun()
