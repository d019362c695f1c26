"""Jenis Konten: the analyst corrects a post's label (recorded with who and why)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data, i18n, table_fit, tables
from ui.forms.common import cursor, user

# The editor's height: the header and about five rows of wrapped text, four lines a row (three
# cut the caption's last line in half).
EDITOR_PX, EDITOR_ROW_PX = 470, 84


def _opd_head() -> str:
    return i18n.tr("OPD · platform", "OPD · platform")


def _logbook_head() -> str:
    return i18n.tr("Label logbook", "Logbook label")


# How each editor column sizes (ui.table_fit kinds): the reason, the caption and the OPD
# wrap; the rest keep their width. The label's select needs room for its arrow.
_KINDS = {
    "date": "date",
    "opd_platform": "text",
    "label": "content",
    "logbook_label": "content",
    "content_reason": "reason",
    "caption": "caption",
    "permalink": "link",
}
_SELECT_PX = 24


def editor_widths(view: pl.DataFrame, budget: int = table_fit.FIT_PX) -> tuple[dict, bool]:
    """Column -> px for the label editor (columns of `view` as relabel_editor builds them) so
    that it fits `budget` (the 1366 px page), and whether its rows must wrap. A caption is
    sized by its first 140 characters: the rest wraps or shows on opening the cell."""
    shown = view.select([c for c in _KINDS if c in view.columns and c != "permalink"]).with_columns(
        pl.col("caption").map_elements(tables.short_caption, return_dtype=pl.String)
    )
    if "permalink" in view.columns:
        shown = shown.with_columns(pl.lit("").alias("permalink"))
    headers = {
        "date": i18n.t("date"),
        "opd_platform": _opd_head(),
        "label": i18n.t("content_type") + " ✎",
        "logbook_label": _logbook_head(),
        "content_reason": i18n.t("reason"),
        "caption": i18n.t("caption"),
        "permalink": i18n.t("link"),
    }
    kinds = {c: k for c, k in _KINDS.items() if c in shown.columns}
    widths, wraps = table_fit.fit(
        shown, kinds, headers, budget - _SELECT_PX, link_text=i18n.t("open_post")
    )
    if not widths:  # fits as it is: every column at its natural width
        widths = table_fit.natural_widths(
            shown, headers, {"permalink": i18n.t("open_post")} if "permalink" in kinds else {}
        )
    widths["label"] = widths["label"] + _SELECT_PX
    return widths, wraps


def relabel_editor(examples: pl.DataFrame, *, key: str) -> None:
    """Example posts with their reason; analysts may change the label in place and save;
    an operator's changes are saved as proposals an analyst accepts (access/proposals.py);
    other roles see the list read-only."""
    from ui import auth

    direct, propose = auth.can("relabel"), auth.can("propose_label")
    labels = [c for c in i18n.CONTENT_LABELS_ID if c != "belum_dilabeli"]
    view = examples.select(
        "post_key",
        pl.col("published_at")
        .map_elements(lambda d: i18n.fmt_date(d, short=True), return_dtype=pl.String)
        .alias("date"),
        "opd",
        # The platform beside the OPD's name, wrapping with it: a column of its own pushed
        # the table past a 1366 px screen.
        (
            pl.col("opd")
            + pl.lit(" · ")
            + pl.col("platform").map_elements(i18n.platform_label, return_dtype=pl.String)
        ).alias("opd_platform"),
        pl.col("content_type")
        .map_elements(i18n.content_label, return_dtype=pl.String)
        .alias("label"),
        # The OPD's own logbook label, when the list is about disagreements with it.
        *(["logbook_label"] if "logbook_label" in examples.columns else []),
        "content_reason",
        "caption",
        "permalink",
    )
    options = [i18n.content_label(c) for c in labels]
    widths, wraps = editor_widths(view)
    edited = st.data_editor(
        view,
        hide_index=True,
        disabled=[c for c in view.columns if c != "label" or not (direct or propose)],
        # The editable label comes early so it is on screen without scrolling; every column
        # fits 1366 px (editor_widths), the reason and the caption wrapping in tall rows.
        column_order=[c for c in view.columns if c not in ("post_key", "opd")],
        column_config={
            "date": st.column_config.TextColumn(i18n.t("date"), width=widths["date"]),
            "opd_platform": st.column_config.TextColumn(_opd_head(), width=widths["opd_platform"]),
            "caption": st.column_config.TextColumn(i18n.t("caption"), width=widths["caption"]),
            "content_reason": st.column_config.TextColumn(
                i18n.t("reason"), width=widths["content_reason"]
            ),
            "logbook_label": st.column_config.TextColumn(
                _logbook_head(), width=widths.get("logbook_label")
            ),
            "label": st.column_config.SelectboxColumn(
                i18n.t("content_type") + " ✎",
                options=options,
                required=True,
                width=widths["label"],
            ),
            "permalink": st.column_config.LinkColumn(
                i18n.t("link"), display_text=i18n.t("open_post"), width=widths["permalink"]
            ),
        },
        row_height=EDITOR_ROW_PX if wraps else None,
        height=EDITOR_PX,
        key=key,
    )
    back = dict(zip(options, labels, strict=True))
    changes = [
        (pk, back[new])
        for pk, old, new in zip(view["post_key"], view["label"], edited["label"], strict=True)
        if new != old
    ]
    if not (direct or propose):
        return
    if propose and not direct:
        _propose(changes, key)
        return
    st.caption(
        i18n.tr(
            "Ubah kolom Jenis konten bila label keliru, lalu simpan. Koreksi analis "
            "tetap berlaku setelah data dimuat ulang.",
            "Change the content type where the label is wrong, then save. Analyst "
            "corrections survive re-imports.",
        )
    )
    if st.button(
        i18n.tr(f"Simpan {len(changes)} koreksi", f"Save {len(changes)} correction(s)"),
        disabled=not changes,
        key=f"{key}_save",
        icon=":material/save:",
    ):
        from access import audit
        from etl.classify import set_override

        auth.require("relabel")
        me = auth.principal()
        old = dict(zip(view["post_key"], view["label"], strict=True))
        with cursor() as cur:
            # One transaction: the corrections, their audit rows and the per-month content
            # counts (warehouse.label_counts) land together or not at all.
            cur.execute("BEGIN TRANSACTION")
            try:
                for post_key, content_type in changes:
                    set_override(cur, post_key, content_type, by=user(), note="koreksi analis")
                    audit.record(cur, me.username, me.role, "relabel", target=post_key,
                                 before={"label": old[post_key]}, after={"content_type": content_type})  # fmt: skip
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        data.changed()
        st.toast(i18n.tr("Koreksi label disimpan.", "Label corrections saved."))
        st.rerun()


def _propose(changes: list[tuple[str, str]], key: str) -> None:
    """The operator's save: each change becomes an open proposal for an analyst."""
    from access import proposals
    from ui import auth

    st.caption(
        i18n.tr(
            "Ubah kolom Jenis konten bila label keliru, lalu kirim sebagai usulan: analis "
            "Diskominfo memeriksa dan menerimanya.",
            "Change the content type where the label is wrong, then send it as a proposal: an "
            "analyst checks and accepts it.",
        )
    )
    if not st.button(
        i18n.tr(f"Usulkan {len(changes)} koreksi", f"Propose {len(changes)} correction(s)"),
        disabled=not changes,
        key=f"{key}_propose",
        icon=":material/send:",
    ):
        return
    auth.require("propose_label")
    me = auth.principal()
    try:
        with cursor() as cur:
            for post_key, content_type in changes:
                proposals.propose(cur, me, post_key, content_type)
    except proposals.ProposalError as exc:
        st.error(str(exc))
        return
    st.toast(i18n.tr("Usulan dikirim ke analis.", "Proposals sent to the analysts."))


def proposals_panel() -> None:
    """Open proposals from operators, for an analyst to accept or reject (one click each)."""
    from access import proposals
    from ui import auth

    if not auth.can("accept_proposal"):
        return
    with cursor() as cur:
        open_ = proposals.open_proposals(cur)
    if not open_.height:
        return
    st.subheader(i18n.tr("Usulan koreksi label dari operator OPD", "Label proposals from OPDs"))
    for r in open_.iter_rows(named=True):
        pid = int(r["proposal_id"])
        with st.container(border=True):
            st.markdown(
                f"**{r['opd']}** · {i18n.fmt_date(r['published_at'])} · "
                f"{i18n.content_label(r['current_type'])} → **{i18n.content_label(r['content_type'])}**"
                f" · {i18n.tr('oleh', 'by')} {r['proposed_by']}"
            )
            st.caption((r["caption"] or "")[:300])
            a, b, _ = st.columns([1, 1, 4])
            yes = a.button(i18n.tr("Terima", "Accept"), key=f"prop_yes_{pid}")
            no = b.button(i18n.tr("Tolak", "Reject"), key=f"prop_no_{pid}")
            if yes or no:
                auth.require("accept_proposal")
                with cursor() as cur:
                    proposals.decide(cur, auth.principal(), pid, accept=bool(yes))
                data.changed()
                st.rerun()
