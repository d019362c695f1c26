"""Shared page pieces: header, KPI tile, empty states, tables with lampiran export, drill-down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
import streamlit as st

from ui import data, explain, filters, i18n


@dataclass(frozen=True)
class Col:
    """One column of a display table / lampiran: source column, label, how to show it.

    kind: text, int, num (1 decimal), pct (fraction 0..1), date, datetime, link, content,
    platform, kind, reason, bool, caption (shortened text), who (loaded_by: the app's own loads
    in words).
    """

    name: str
    label: str
    kind: str = "text"


def presenting() -> bool:
    return bool(st.session_state.get("presentasi"))


def header(title: str, subtitle: str | None = None) -> None:
    """Page title plus the period and filters in force (so a screenshot is self-explanatory)."""
    st.title(title)
    f = filters.current()
    line = filters.describe(f)
    st.caption(f"{subtitle} · {line}" if subtitle else line)


def empty_state(title: str, body: str, *, icon: str = ":material/info:") -> None:
    st.info(f"**{title}**\n\n{body}", icon=icon)


def no_data() -> None:
    empty_state(i18n.t("no_data_title"), i18n.t("no_data_body"), icon=":material/inbox:")
    st.page_link("app_pages/unggah.py", label=i18n.t("page_unggah"), icon=":material/upload:")


def no_match() -> None:
    empty_state(i18n.t("no_match_title"), i18n.t("no_match_body"), icon=":material/filter_alt_off:")


def require_data() -> None:
    """Stop the page with guidance when the warehouse holds no post at all."""
    first, _ = data.date_bounds()
    if first is None:
        no_data()
        st.stop()


def kpi(
    label: str,
    value: str,
    delta: str | None = None,
    *,
    help: str | None = None,
    inverse: bool = False,
    description: str | None = None,
    neutral: bool = False,
) -> None:
    """A KPI card. neutral: the delta is words (e.g. "belum ada pembanding"), drawn grey."""
    flat = neutral or (bool(delta) and delta.lstrip("±+−-").split(" ")[0].strip("0,.") == "")
    st.metric(
        label,
        value,
        delta_description=description,
        delta=delta or None,
        delta_color="off" if flat else ("inverse" if inverse else "normal"),
        delta_arrow="off" if flat else "auto",
        help=help,
        border=True,
    )


# ---------------------------------------------------------------- tables


def _fmt_cell(kind: str):
    if kind == "int":
        return i18n.fmt_int
    if kind == "num":
        return lambda v: i18n.fmt_num(v, 1)
    if kind == "pct":
        return i18n.fmt_pct
    if kind == "date":
        return lambda v: i18n.fmt_date(v) if v is not None else "-"
    if kind == "datetime":
        return lambda v: i18n.fmt_date(v, with_time=True) if v is not None else "-"
    if kind == "content":
        return i18n.content_label
    if kind == "platform":
        return i18n.platform_label
    if kind == "kind":
        return i18n.kind_label
    if kind == "format":
        return i18n.format_label
    if kind == "reason":
        return i18n.reason_label
    if kind == "grade":
        return i18n.grade_label
    if kind == "load_status":
        return i18n.load_status_label
    if kind == "coverage":
        return i18n.coverage_label
    if kind == "who":
        return i18n.who_label
    if kind == "bool":
        return lambda v: (
            "-" if v is None else (i18n.tr("Ya", "Yes") if v else i18n.tr("Tidak", "No"))
        )
    if kind == "caption":
        return lambda v: "" if v is None else (v if len(v) <= 140 else v[:137] + "...")
    return lambda v: "" if v is None else str(v)


def display_frame(df: pl.DataFrame, cols: Sequence[Col], *, numbered: bool = True) -> pl.DataFrame:
    """Indonesian-formatted strings for reading (1.234,5; 45,2%; 3 Oktober 2026)."""
    out = {}
    if numbered:
        out[i18n.t("rank")] = list(range(1, df.height + 1))
    for c in cols:
        if c.name not in df.columns:
            continue
        values = df.get_column(c.name).to_list()
        if c.kind == "link":
            out[c.label] = values
        else:
            fn = _fmt_cell(c.kind)
            out[c.label] = [fn(v) for v in values]
    return pl.DataFrame(out, strict=False)


def _column_config(cols: Sequence[Col]) -> dict:
    cfg = {}
    for c in cols:
        if c.kind == "link":
            cfg[c.label] = st.column_config.LinkColumn(c.label, display_text=i18n.t("open_post"))
        elif c.kind in ("int", "num", "pct"):
            cfg[c.label] = st.column_config.TextColumn(c.label, alignment="right")
        elif c.kind == "caption":
            cfg[c.label] = st.column_config.TextColumn(c.label, width="large")
    cfg[i18n.t("rank")] = st.column_config.NumberColumn(i18n.t("rank"), width="small", format="%d")
    return cfg


SLIDE_TABLE_HEIGHT = 300  # px: what a 1366x768 slide has under its title and slide bar


def table(
    df: pl.DataFrame,
    cols: Sequence[Col],
    *,
    key: str,
    title: str | None = None,
    export: bool = True,
    height: int | str = "auto",
    numbered: bool = True,
) -> None:
    """A read-only table in Indonesian formats, with Excel/PDF lampiran buttons under it."""
    shown = display_frame(df, cols, numbered=numbered)
    if presenting() and height == "auto":
        # On a slide a table takes what a 1366x768 screen leaves under the slide bar and
        # scrolls inside itself; the auto height of a long list ran off the screen.
        height = min(SLIDE_TABLE_HEIGHT, 38 + 35 * (shown.height + 1))
    st.dataframe(
        shown, hide_index=True, column_config=_column_config(cols), height=height, key=f"tbl_{key}"
    )
    if export and df.height and not presenting():
        export_buttons(df, cols, title=title or key, key=key)


_LAMPIRAN_KIND = {
    "int": "angka",
    "num": "desimal",
    "pct": "persen",
    "date": "tanggal",
    "datetime": "waktu",
}


def lampiran_frame(df: pl.DataFrame, cols: Sequence[Col]) -> tuple[pl.DataFrame, list]:
    """The frame and (column, header, kind) spec reports.lampiran expects: numbers and dates stay
    typed (Excel keeps them numeric), codes become their Indonesian labels."""
    out, spec = {}, []
    for i, c in enumerate(cols):
        if c.name not in df.columns:
            continue
        name = f"c{i}"
        values = df.get_column(c.name)
        if c.kind == "link":
            out[name] = values.cast(pl.String)
            spec.append((name, c.label, "tautan"))
        elif c.kind in _LAMPIRAN_KIND:
            out[name] = values
            spec.append((name, c.label, _LAMPIRAN_KIND[c.kind]))
        else:
            fn = _fmt_cell(c.kind)
            out[name] = pl.Series(name, [fn(v) for v in values.to_list()], dtype=pl.String)
            spec.append((name, c.label, "teks"))
    return pl.DataFrame(out), spec


def export_buttons(df: pl.DataFrame, cols: Sequence[Col], *, title: str, key: str) -> None:
    """Excel, PDF, CSV and image lampiran (kop, letter block, numbered rows, A4 or F4).
    A table showing operators' names or phones is personal data: offered only to roles with
    export_personal, and each download is written to the audit trail."""
    from ui import auth, report_buttons

    if not auth.can("export"):
        return
    on_download: object = "ignore"
    personal = [
        c.name
        for c in cols
        if c.name in data.PERSONAL_COLUMNS
        and c.name in df.columns
        # Masked values (ui/data.py) are not personal data any more.
        and df.get_column(c.name).drop_nulls().cast(pl.String).ne(data.MASK).any()
    ]
    if personal:
        if not auth.can("export_personal"):
            return

        def on_download() -> None:
            auth.record("export_personal", target=title, detail=", ".join(personal))

    frame, spec = lampiran_frame(df, cols)
    report_buttons.lampiran_popover(frame, spec, title=title, key=key, on_download=on_download)


# ---------------------------------------------------------------- drill-down


def post_cols() -> tuple[Col, ...]:
    """Columns of a list of posts, labels in the current language."""
    return (
        Col("published_at", i18n.t("date"), "datetime"),
        Col("opd", "OPD", "text"),
        Col("platform", i18n.t("platform"), "platform"),
        Col("content_type", i18n.t("content_type"), "content"),
        Col("caption", i18n.t("caption"), "caption"),
        Col("content_reason", i18n.t("reason"), "text"),
        Col("engagement", i18n.t("engagement"), "int"),
        Col("permalink", i18n.t("link"), "link"),
    )


def drilldown(label: str, f: data.Filters, *, key: str, expanded: bool = False, **kwargs) -> None:
    """An expander listing the posts behind a number, with links to the real posts.

    Its queries run only while it is open (state tracked, a rerun on toggle): a collapsed
    expander's body would otherwise run on every rerun, pushing every post of the period
    through the post view for a list nobody opened."""
    if presenting():
        return
    box = st.expander(
        f"{i18n.t('drill_title')}: {label}",
        expanded=expanded,
        icon=":material/search:",
        key=f"drill_open_{key}",
        on_change="rerun",
    )
    with box:
        if not box.open:
            return
        total = data.drilldown_count(f, **kwargs)
        posts = data.drilldown_posts(f, limit=500, **kwargs)
        if not posts.height:
            st.caption(i18n.tr("Tidak ada postingan.", "No posts."))
            return
        shown = i18n.fmt_int(posts.height)
        st.caption(
            i18n.tr(
                f"{i18n.fmt_int(total)} postingan; ditampilkan {shown} terbaru.",
                f"{i18n.fmt_int(total)} posts; showing the newest {shown}.",
            )
        )
        table(posts, post_cols(), key=f"drill_{key}", title=label, numbered=True, height=360)


def partial_period(f: data.Filters, grain: str = "month") -> tuple[dt.date, str] | None:
    """(start, note) of the last period the data only partly covers, e.g. (1 Nov, "s.d. 20 Nov")
    when the newest post is from 20 November; None when the period's last month/week is whole.
    Charts mark it so a leader does not read an unfinished month as a real fall."""
    _, last = data.date_bounds()
    if last is None or last >= f.end or last < f.start:
        return None
    if grain == "week":
        start = last - dt.timedelta(days=last.weekday())
        if last.weekday() == 6:
            return None
    else:
        start = last.replace(day=1)
        if (last + dt.timedelta(days=1)).month != last.month:
            return None
    month = (i18n.MONTHS_SHORT_EN if i18n.current_lang() == "en" else i18n.MONTHS_SHORT_ID)[
        last.month - 1
    ]
    return start, i18n.tr(f"s.d. {last.day} {month}", f"to {last.day} {month}")


def partial_caption(partial: tuple[dt.date, str] | None, grain: str = "month") -> None:
    """One line under a trend chart explaining the hollow last point."""
    if partial is None:
        return
    unit = i18n.tr("Bulan", "Month") if grain == "month" else i18n.tr("Minggu", "Week")
    st.caption(
        i18n.tr(
            f"Titik berongga: {unit.lower()} terakhir belum selesai (data {partial[1]}), "
            "jadi angkanya belum sebanding dengan periode sebelumnya.",
            f"Hollow point: the last {unit.lower()} is not over yet (data {partial[1]}), "
            "so its figure is not comparable with earlier periods yet.",
        )
    )


# ---------------------------------------------------------------- look


_BASE_CSS = """
<style>
/* Room for long OPD names in tables and the sidebar at 1366x768. */
section[data-testid="stSidebar"] { min-width: 300px; }
[data-testid="stMetric"] { padding: 0.6rem 0.9rem; }
[data-testid="stMetricValue"] { font-size: 2.1rem; }
</style>
"""

_PRESENT_CSS = """
<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"],
button[data-testid="stExpandSidebarButton"] { display: none !important; }
html, body, .stMarkdown p, .stCaption { font-size: 1.25rem !important; }
h2, h3 { font-size: 2.2rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { font-size: 1.6rem !important; }
[data-testid="stMetricValue"] { font-size: 3.4rem !important; }
[data-testid="stMetricDelta"] { font-size: 1.4rem !important; }
.block-container { padding-top: 3.5rem; max-width: 100% !important; }
/* Slides: every pixel of height goes to the chart. The way out sits in the top bar. */
h1 { font-size: 2.4rem !important; padding-top: 0.2rem !important; }
.st-key-leave_presentation { position: fixed; top: 0.6rem; right: 4rem; z-index: 999991; }
/* Captions and markdown keep no invisible space below their box (it made a slide scroll). */
[data-testid="stMain"] :is([data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"]) {
    margin-bottom: 0 !important; padding-bottom: 0 !important;
}
[data-testid="stMain"] :is([data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"])
    p:last-child { margin-bottom: 0 !important; }
/* 1366x768 and other short screens: the slide's chrome (title, period, slide bar) and the
   key-figure cards shrink so that four cards, their comparison line and a chart fit. */
@media (max-height: 820px) {
    .block-container { padding-top: 3.9rem !important; }
    h1 { font-size: 1.7rem !important; padding: 0 !important; }
    .stMarkdown p, .stCaption, [data-testid="stCaptionContainer"] p {
        font-size: 1.05rem !important;
    }
    [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
    [data-testid="stMetric"] { padding: 0.35rem 0.9rem !important; }
    [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
        font-size: 1.3rem !important;
    }
    [data-testid="stMetricValue"] { font-size: 2.5rem !important; }
    [data-testid="stMetricDelta"] { font-size: 1.15rem !important; }
}
</style>
"""


def _leave_presentation() -> None:
    st.session_state["presentasi"] = False


def apply_style(presenting_now: bool) -> None:
    """House CSS; in presentation mode hide the sidebar, enlarge type, offer a way out."""
    st.html(_BASE_CSS)
    if presenting_now:
        st.html(_PRESENT_CSS)
        st.button(
            i18n.t("exit_presentation"),
            icon=":material/close_fullscreen:",
            on_click=_leave_presentation,
            key="leave_presentation",
            type="tertiary",
        )


def chart(c, *, key: str | None = None) -> None:
    """Draw an Altair chart at full width (charts are built in ui.charts, never here)."""
    st.altair_chart(c, width="stretch", key=key)
    if key and not presenting():
        from ui import report_buttons

        report_buttons.chart_downloads(c, key=key)


def chart_pick(c, *, key: str, selection: str, field: str, deck=None) -> str | None:
    """Draw a clickable chart; return the value of `field` the user clicked, if any.

    deck: the page's ui.slides.Deck, so that on a slide the chart fills the screen."""
    box = st.container()
    if deck is not None:
        box, c = deck.fit(c)
    with box:
        event = st.altair_chart(c, width="stretch", key=key, on_select="rerun")
    if not presenting():
        from ui import report_buttons

        report_buttons.chart_downloads(c, key=key)
    try:
        picked = event.selection.get(selection) or []
    except AttributeError:
        return None
    if isinstance(picked, dict):  # interval-style payloads
        values = picked.get(field) or []
        return values[0] if values else None
    return picked[0].get(field) if picked else None


def kpi_from(
    kpis: pl.DataFrame,
    key: str,
    *,
    help: str | None = None,
    label: str | None = None,
) -> None:
    """A KPI tile from a kpi_summary row: value, change and what the change compares with
    (on the card itself), id-ID; "belum ada pembanding" when there is nothing to compare.
    A rise shows red when the KPI's direction says lower is better (metrics.Kpi)."""
    rows = kpis.filter(pl.col("key") == key) if kpis.height else kpis
    if not rows.height:
        kpi(label or key, "-")
        return
    r = rows.row(0, named=True)
    fmt = r.get("format")
    value, change = r.get("value"), r.get("change_previous")
    if fmt == "persen":
        shown, delta = i18n.fmt_pct(value), i18n.fmt_delta_pp(change)
    else:
        shown, delta = i18n.fmt_int(value), i18n.fmt_delta(change)
    if help is None and i18n.current_lang() == "id":
        from warehouse.metrics import KPIS

        help = KPIS[key].description if key in KPIS else None
    from warehouse.metrics import KPIS

    against = explain.comparison_text(r, "previous", short=True)
    inverse = key in KPIS and not KPIS[key].higher_is_better
    if r.get("previous_status") == "none":
        kpi(label or r.get("label"), shown, against, inverse=inverse, help=help, neutral=True)
        return
    kpi(label or r.get("label"), shown, delta, inverse=inverse, help=help, description=against)


def comparison_caption(kpis: pl.DataFrame) -> None:
    """One line under a KPI row: what every change compares with, and why (unfinished period:
    the same days; no data: no change shown)."""
    if not kpis.height or "previous_status" not in kpis.columns:
        return
    r = kpis.row(0, named=True)
    status = r.get("previous_status")
    if status == "cut":
        c_end = r["compared_end"]
        text = i18n.tr(
            f"Data baru s.d. {i18n.fmt_date(c_end)}, jadi perubahan membandingkan hari yang "
            f"sama: {explain.comparison_text(r)}.",
            f"Data only up to {i18n.fmt_date(c_end)}, so changes compare the same days: "
            f"{explain.comparison_text(r)}.",
        )
    elif status == "none":
        text = i18n.tr("Perubahan tidak ditampilkan: ", "No change shown: ") + (
            explain.comparison_text(r)
        )
    else:
        text = i18n.tr("Perubahan ", "Changes ") + explain.comparison_text(r) + "."
    st.caption(text)
