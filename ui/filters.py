"""Global sidebar filters, bound to the URL so a leader can share the exact view.

Every filter widget uses bind="query-params": its value lives in the address bar
(?dari=Mei+2026&sampai=Okt+2026&platform=Instagram&jenis=Dinas&opd=Dinas+Kesehatan) and survives
page switches. Values equal to the default are left out of the URL to keep it short.
"""

from __future__ import annotations

import calendar
import datetime as dt

import streamlit as st

from ui import data, i18n

# Month labels in the URL are always Indonesian, so a shared link works in either language.
DEFAULT_MONTHS = 6


def _month_label_id(key: str) -> str:
    y, m = int(key[:4]), int(key[5:7])
    return f"{i18n.MONTHS_SHORT_ID[m - 1]} {y}"


def month_keys(first: dt.date, last: dt.date) -> list[str]:
    """'YYYY-MM' keys from first's month to last's month, inclusive."""
    keys = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        keys.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return keys


def month_start(key: str) -> dt.date:
    return dt.date(int(key[:4]), int(key[5:7]), 1)


def month_end(key: str) -> dt.date:
    y, m = int(key[:4]), int(key[5:7])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _period_options() -> tuple[list[str], str, str]:
    first, last = data.date_bounds()
    if first is None or last is None:
        today = dt.date.today()
        keys = [f"{today.year:04d}-{today.month:02d}"]
        return keys, keys[0], keys[0]
    keys = month_keys(first, last)
    return keys, keys[max(0, len(keys) - DEFAULT_MONTHS)], keys[-1]


def sidebar() -> object:
    """Draw the filters in the sidebar and return the queries.filters.Filters they select.

    The result is also kept in st.session_state["filters"] for the pages (ui.filters.current()).
    """
    keys, default_from, default_to = _period_options()
    opts = data.filter_options()
    platform_opts = data.platforms() or ["facebook", "instagram", "tiktok", "youtube", "x"]
    kind_opts = data.opd_kinds()

    with st.sidebar:
        st.markdown(f"### {i18n.t('filters')}")
        c1, c2 = st.columns(2)
        start_key = c1.selectbox(
            i18n.t("period_from"),
            keys,
            index=keys.index(default_from),
            format_func=_month_label_id,
            key="dari",
            bind="query-params",
        )
        end_key = c2.selectbox(
            i18n.t("period_to"),
            keys,
            index=keys.index(default_to),
            format_func=_month_label_id,
            key="sampai",
            bind="query-params",
        )
        if end_key < start_key:  # a reversed range is a slip of the hand, not an empty view
            start_key, end_key = end_key, start_key
        # select_all=False: Streamlit's own "Select all" row is English only, and an empty
        # choice already means "all" (the placeholder says so).
        chosen_platforms = st.multiselect(
            i18n.t("platform"),
            platform_opts,
            format_func=i18n.platform_label,
            placeholder=i18n.t("all"),
            select_all=False,
            key="platform",
            bind="query-params",
        )
        chosen_kinds = st.multiselect(
            i18n.t("opd_kind"),
            kind_opts,
            format_func=i18n.kind_label,
            placeholder=i18n.t("all"),
            select_all=False,
            key="jenis",
            bind="query-params",
        )
        opd_frame = opts
        if chosen_kinds and opd_frame.height:
            opd_frame = opd_frame.filter(opd_frame["opd_kind"].is_in(chosen_kinds))
        names = opd_frame.get_column("opd").to_list() if opd_frame.height else []
        _resolve_opd_link(opd_frame)
        chosen_opds = st.multiselect(
            i18n.t("opd"),
            names,
            placeholder=i18n.t("all"),
            select_all=False,
            key="opd",
            bind="query-params",
        )
        st.caption(i18n.t("share_hint"))
    if chosen_opds:  # the viewer chose: the link's unknown names no longer matter
        st.session_state.pop(_UNKNOWN_KEY, None)
    elif st.session_state.get(_UNKNOWN_KEY):
        names_unknown = ", ".join(st.session_state[_UNKNOWN_KEY])
        st.warning(
            i18n.t("opd_link_unknown").format(names=names_unknown), icon=":material/link_off:"
        )

    name_to_id = (
        dict(
            zip(opts.get_column("opd").to_list(), opts.get_column("opd_id").to_list(), strict=False)
        )
        if opts.height
        else {}
    )
    f = make_filters(
        month_start(start_key),
        month_end(end_key),
        tuple(chosen_platforms),
        tuple(chosen_kinds),
        tuple(int(name_to_id[n]) for n in chosen_opds if n in name_to_id),
    )
    st.session_state["filters"] = f
    return f


def match_opd_names(asked: list[str], opds: object) -> tuple[list[str], list[str]]:
    """The OPDs a shared link names, read the way people write them: the full name in any case
    or with extra spaces, or the short name ("Dinkes"). Returns (full names, names not found).

    opds: frame with columns opd (str) and opd_short (str or null), as data.filter_options().
    """
    by_key: dict[str, str] = {}
    for full, short in zip(opds["opd"].to_list(), opds["opd_short"].to_list(), strict=True):
        for key in (full, short):
            if key:
                by_key.setdefault(" ".join(str(key).split()).casefold(), full)
    found: list[str] = []
    unknown: list[str] = []
    for raw in asked:
        full = by_key.get(" ".join(raw.split()).casefold())
        if full is None:
            unknown.append(raw)
        elif full not in found:
            found.append(full)
    return found, unknown


_UNKNOWN_KEY = "_opd_link_unknown"


def _resolve_opd_link(opds: object) -> None:
    """Rewrite ?opd= to the full names before the bound widget reads it. An OPD the link names
    but the list does not have is said aloud: dropping it silently would show every OPD's
    figures under a link that promised one OPD's."""
    asked = st.query_params.get_all("opd")
    if not asked or not getattr(opds, "height", 0):
        return
    found, unknown = match_opd_names(asked, opds)
    if found != asked:
        # The bound widget has read the address already: set its state as well as the URL.
        st.query_params["opd"] = found
        st.session_state["opd"] = found
    if unknown:  # kept: the rerun that follows no longer sees them in the address
        st.session_state[_UNKNOWN_KEY] = unknown


def make_filters(
    start: dt.date,
    end: dt.date,
    platforms: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    opd_ids: tuple[int, ...] = (),
) -> data.Filters:
    """A queries.filters.Filters (kept in one place so pages never build one by hand)."""
    from ui import auth

    return data.Filters(
        start=start,
        end=end,
        platforms=tuple(platforms),
        opd_kinds=tuple(kinds),
        opd_ids=tuple(opd_ids),
        # Who looks: an operator's post lists stay within their OPD (ui/data.py enforces it
        # again on every cached query).
        viewer_opd_id=auth.principal().scope_opd_id,
    )


def current() -> object:
    """The Filters selected in the sidebar during this run (app.py draws the sidebar first)."""
    f = st.session_state.get("filters")
    if f is None:
        keys, a, b = _period_options()
        f = make_filters(month_start(a), month_end(b))
    return f


def describe(f: data.Filters) -> str:
    """One line naming the period and the active filters, for captions and lampiran titles."""
    if f.start.year == f.end.year and f.start.month == f.end.month:
        period = i18n.fmt_month(f.start, short=False)
    else:
        period = f"{i18n.fmt_month(f.start, short=False)} – {i18n.fmt_month(f.end, short=False)}"
    parts = [period]
    if f.platforms:
        parts.append(", ".join(i18n.platform_label(p) for p in f.platforms))
    if f.opd_kinds:
        parts.append(", ".join(i18n.kind_label(k) for k in f.opd_kinds))
    if f.opd_ids:
        opts = data.filter_options()
        if opts.height:
            names = opts.filter(opts["opd_id"].is_in(list(f.opd_ids))).get_column("opd").to_list()
            parts.append(", ".join(names))
    return " · ".join(parts)
