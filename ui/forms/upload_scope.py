"""Who may load which file: an operator loads only their own OPD's files (read as that OPD's,
never detected; a file found to hold another OPD's posts is refused at the check, before
anything loads); every load asks for the upload right and is written to the audit trail."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui import auth, data, i18n


def choices(opd_names: list[str], auto: str) -> tuple[list[str], str, str | None]:
    """(OPD choices, the preselected one, the operator's own OPD or None). For an operator the
    only choice is their OPD. Stops the run (with the reason) for an operator whose OPD is not
    in the master list."""
    me = auth.principal()
    if me.can("upload_any_opd"):
        return opd_names, auto, None
    opts = data.filter_options()
    hit = opts.filter(opts["opd_id"] == me.opd_id) if opts.height and me.opd_id else opts.clear()
    if not hit.height:
        st.error(
            i18n.tr(
                "Akun ini tidak terikat pada OPD yang ada di Daftar Akun; minta admin memperbaikinya.",
                "This account is not tied to an OPD of the master list; ask the admin.",
            )
        )
        st.stop()
    own = str(hit["opd"][0])
    return [], own, own


def checked(rep: Any, own: str | None) -> Any:
    """The check's report; for an operator's file holding another OPD's posts, the same report
    refused (status needs_review, nothing will load) with the reason."""
    if own is None or rep.status in ("failed", "needs_review", "skipped") or rep.opd == own:
        return rep
    return dataclasses.replace(
        rep,
        status="needs_review",
        error=i18n.tr(
            f"{rep.file} berisi postingan OPD {rep.opd or 'lain'}; operator OPD {own} hanya "
            "memuat berkas OPD sendiri. Minta analis Diskominfo memuatnya.",
            f"{rep.file} holds posts of {rep.opd or 'another OPD'}; the operator of {own} "
            "loads only their own OPD's files. Ask an analyst to load it.",
        ),
    )


def audited(load_file: Callable[..., Any]) -> Callable[..., Any]:
    """load_file that first asks for the upload right and writes one audit row per load."""

    def run(cur: Any, name: str, **kwargs: Any) -> Any:
        auth.require("upload")
        r = load_file(cur, name, **kwargs)
        auth.record(
            "upload", target=name,
            after={"load_id": r.load_id, "status": r.status, "opd": r.opd, "new": r.new,
                   "updated": r.updated, "rejected": r.rejected},
        )  # fmt: skip
        return r

    return run
