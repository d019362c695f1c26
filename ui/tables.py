"""Tables a page shows and exports as lampiran: columns (Col), id-ID display, the lampiran
frame and its download buttons, and the drill-down list of posts behind a number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
import streamlit as st

from ui import data, i18n, lang, table_fit
from ui.style import presenting


@dataclass(frozen=True)
class Col:
    """One column of a display table / lampiran: source column, label, how to show it.

    kind: text, long (a sentence: wraps in a fixed-width column), int, num (1 decimal), pct
    (fraction 0..1), date, date_short (3 Okt 2026: a narrow column), datetime, link, content, platform, kind, reason, bool, caption
    (shortened text), who (loaded_by: the app's own loads in words). short: a shorter header
    for the screen's grid (the label shows on hover, and heads the lampiran and slides).
    """

    name: str
    label: str
    kind: str = "text"
    short: str | None = None


def _yes_no(v) -> str:
    return "-" if v is None else (i18n.tr("Ya", "Yes") if v else i18n.tr("Tidak", "No"))


def short_caption(v) -> str:
    """A caption cut to 140 characters ("..." at the end), as a table cell shows it."""
    return "" if v is None else (v if len(v) <= 140 else v[:137] + "...")


def _text(v) -> str:
    return "" if v is None else str(v)


# How each Col.kind reads (id-ID numbers and dates, codes as their labels); text otherwise.
_FORMATS = {
    "int": i18n.fmt_int,
    "num": lambda v: i18n.fmt_num(v, 1),
    "pct": i18n.fmt_pct,
    "date": lambda v: i18n.fmt_date(v) if v is not None else "-",
    "date_short": lambda v: i18n.fmt_date(v, short=True) if v is not None else "-",
    "datetime": lambda v: i18n.fmt_date(v, with_time=True) if v is not None else "-",
    "content": i18n.content_label,
    "platform": i18n.platform_label,
    "kind": i18n.kind_label,
    "format": i18n.format_label,
    "reason": i18n.reason_label,
    "grade": i18n.grade_label,
    "load_status": i18n.load_status_label,
    "coverage": i18n.coverage_label,
    "who": i18n.who_label,
    "bool": _yes_no,
    "caption": short_caption,
}


def _fmt_cell(kind: str):
    return _FORMATS.get(kind, _text)


def _formatted(values: pl.Series, kind: str) -> list[str]:
    """Each value of the column as its cell reads (call inside lang.pinned()). A column of
    codes, text or whole numbers repeats its values (a grade, a reason, a count of posts), so
    each distinct value is formatted once; floats are formatted one by one (0.0 and -0.0 are
    one key of a dict but may read differently)."""
    fn = _fmt_cell(kind)
    items = values.to_list()
    dtype = values.dtype
    if not (dtype.is_integer() or dtype in (pl.String, pl.Boolean, pl.Categorical, pl.Date)):
        return [fn(v) for v in items]
    seen: dict = {}
    out = []
    for v in items:
        try:
            out.append(seen[v])
        except KeyError:
            text = seen[v] = fn(v)
            out.append(text)
    return out


def display_frame(df: pl.DataFrame, cols: Sequence[Col], *, numbered: bool = True) -> pl.DataFrame:
    """Indonesian-formatted strings for reading (1.234,5; 45,2%; 3 Oktober 2026)."""
    out = {}
    if numbered:
        out[i18n.t("rank")] = list(range(1, df.height + 1))
    with lang.pinned():  # one read of the chosen language for every cell
        for c in cols:
            if c.name not in df.columns:
                continue
            if c.kind == "link":
                out[c.label] = df.get_column(c.name).to_list()
            else:
                out[c.label] = _formatted(df.get_column(c.name), c.kind)
    return pl.DataFrame(out, strict=False)


def _column_config(cols: Sequence[Col], widths: dict[str, int] | None = None) -> dict:
    """Grid columns; widths (label -> px, ui.table_fit) make a wide table fit 1366 px."""
    widths = widths or {}
    cfg = {}
    for c in cols:
        head = {"label": c.short or c.label, "help": c.label if c.short else None}
        if c.kind == "link":
            cfg[c.label] = st.column_config.LinkColumn(
                **head, display_text=i18n.t("open_post"), width=widths.get(c.label)
            )
            continue
        width: int | str | None = widths.get(c.label)
        if width is None and c.kind == "caption":
            width = "large"
        elif width is None and c.kind == "long":
            # A sentence per row ("akun terbanyak: Instagram 14 dari minimal 24"): a column
            # of fixed width whose text wraps (table rows are made tall enough, WRAP_ROW_PX).
            width = LONG_COLUMN_PX
        align = "right" if c.kind in ("int", "num", "pct") else None
        if width is None and align is None and not c.short:
            continue  # Streamlit's own sizing
        cfg[c.label] = st.column_config.TextColumn(**head, width=width, alignment=align)
    cfg[i18n.t("rank")] = st.column_config.NumberColumn(
        i18n.t("rank"), width=widths.get(i18n.t("rank"), "small"), format="%d"
    )
    return cfg


# A "long" column on the screen: this wide, its text wrapping over up to three lines of a
# row this high (Streamlit wraps a grid's text only in rows taller than 4rem), so the table
# fits a 1366 px screen beside the sidebar instead of running its last columns off the edge.
LONG_COLUMN_PX = 280
WRAP_ROW_PX = 70


# Kinds whose cells are short and read as one piece ("12 November 2026", "Dinas"): never
# broken across lines on a slide (the other text columns wrap instead).
_UNBROKEN = {"date", "date_short", "datetime", "kind", "platform", "grade", "bool", "format"}


def table(
    df: pl.DataFrame,
    cols: Sequence[Col],
    *,
    key: str,
    title: str | None = None,
    export: bool = True,
    height: int | str = "auto",
    numbered: bool = True,
    fit_px: int = table_fit.FIT_PX,
) -> None:
    """A read-only table in Indonesian formats, with Excel/PDF lampiran buttons under it.
    On a slide: an HTML table with wrapping cells and the rows the screen holds
    (ui.slide_table), never a grid scrolling or cut at its edge. fit_px: the width the
    screen's grid must fit at 1366 px (half of it for a table in one of two columns)."""
    shown = display_frame(df, cols, numbered=numbered)
    if presenting():
        from ui import slide_table

        present = [c for c in cols if c.name in df.columns]
        slide_table.draw(
            shown,
            numeric={c.label for c in present if c.kind in ("int", "num", "pct")}
            | ({i18n.t("rank")} if numbered else set()),
            short={c.label for c in present if c.kind in _UNBROKEN},
        )
        return
    present = [c for c in cols if c.name in df.columns]
    kinds = {c.label: c.kind for c in present} | ({i18n.t("rank"): "rank"} if numbered else {})
    widths, squeezed = table_fit.fit(
        shown, kinds, table_fit.headers_of(present), fit_px, link_text=i18n.t("open_post")
    )
    wraps = squeezed or any(c.kind == "long" for c in present)
    st.dataframe(
        shown,
        hide_index=True,
        column_config=_column_config(cols, widths),
        height=height,
        key=f"tbl_{key}",
        row_height=WRAP_ROW_PX if wraps else None,
    )
    if export and df.height:
        export_buttons(df, cols, title=title or key, key=key)


_LAMPIRAN_KIND = {
    "int": "angka",
    "num": "desimal",
    "pct": "persen",
    "date": "tanggal",
    "date_short": "tanggal",
    "datetime": "waktu",
}


def lampiran_frame(df: pl.DataFrame, cols: Sequence[Col]) -> tuple[pl.DataFrame, list]:
    """The frame and (column, header, kind) spec reports.lampiran expects: numbers and dates stay
    typed (Excel keeps them numeric), codes become their Indonesian labels."""
    out, spec = {}, []
    with lang.pinned():  # one read of the chosen language for every cell
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
                out[name] = pl.Series(name, _formatted(values, c.kind), dtype=pl.String)
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
