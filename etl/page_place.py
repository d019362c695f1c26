"""Step 1b of etl.matching: posts whose handle matched no account, placed by the display name
the export gives for the page or channel (etl.page_names), every such reading stated.

A Facebook export names its Page ("Dishub Sukamaju"), never its username; other platforms
give a username, and a display name only where a person typed it (a logbook's "Akun"). Only
names are read here: a username that is not in the master list is another account.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

import polars as pl

from etl.formats import meta_facebook, meta_instagram, tiktok, x, youtube
from etl.page_names import NameMatch, NameRefusal, PageNames

# Rows a refusal lists by number before "dan N lainnya".
MAX_ROWS_SHOWN = 5

# A logbook's row: what tells it from a platform export's (which has none of these).
LOGBOOK_ROW = (
    pl.col("source_sheet").is_not_null()
    | pl.col("opd_hint").is_not_null()
    | pl.col("logbook_label").is_not_null()
)


# Where a platform export writes its account, as the user sees it (column_of): the export's
# own header (etl.formats), and for a file or link "/ nama berkas" (a ZIP's or file's name may
# carry the handle too); a YouTube Studio export names its channel only in its file or folder.
EXPORT_COLUMN = {
    meta_facebook.PLATFORM: meta_facebook.HEADERS["page_name"][0],
    meta_instagram.PLATFORM: meta_instagram.HEADERS["account_handle"][0],
    tiktok.PLATFORM: tiktok.HEADERS["permalink"][0] + " / nama berkas",
    x.PLATFORM: x.HEADERS["permalink"][0] + " / nama berkas",
    youtube.PLATFORM: "nama berkas/folder",
}

# column_of as an expression over a frame of posts.
PAGE_COLUMN = (
    pl.when(LOGBOOK_ROW)
    .then(pl.lit("Akun"))
    .otherwise(pl.col("platform").replace_strict(EXPORT_COLUMN, default="Akun"))
)


def column_of(platform: str | None, logbook: bool, name: str | None = None) -> str:
    """The column a page's or account's name comes from, as the user sees it: a logbook's
    account column ("Akun"), else the export's (EXPORT_COLUMN: a Facebook export's "Page name",
    a YouTube Studio export's file or folder name). An Instagram `name` with a space is no
    username: it was read from "Account name" (etl.formats.meta_instagram, username empty)."""
    if logbook:
        return "Akun"
    if platform == meta_instagram.PLATFORM and name and re.search(r"\s", name.strip()):
        return meta_instagram.HEADERS["account_name"][0]
    return EXPORT_COLUMN.get(platform or "", "Akun")


def is_display_name(platform: str | None, handle: str | None) -> bool:
    """A name typed by a person, not a username: it has a space, or it is a Facebook Page name
    (Meta exports name the Page; a Page ID is digits)."""
    if not handle or not handle.strip():
        return False
    text = handle.strip()
    return any(c.isspace() for c in text) or (platform == "facebook" and not text.isdigit())


# A YouTube Studio export's ZIP or folder: the UI's word for "Content" in its language, the
# period, then the channel's name ("Content 2026-10-01_2026-10-31 Disdikbud Sukamaju").
_STUDIO_NAME = re.compile(r"^\S+ \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} (.+)$")


def channel_in_name(path: str | None) -> str | None:
    """The channel a YouTube Studio export's ZIP or folder name gives, else None (the file
    itself never names it)."""
    if not path:
        return None
    p = PurePath(path)
    for part in [p.stem, *(q.name for q in p.parents)][:3]:
        m = _STUDIO_NAME.match(part.strip())
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def place_by_name(
    pages: PageNames, df: pl.DataFrame, names: dict[int, str], path: str | None = None
) -> tuple[pl.DataFrame, list[str]]:
    """df (with_accounts' output) with account_id and acc_opd_id filled where the display name
    names one account, and three columns for etl.matching: _shown (the name read: the row's
    account, else a YouTube export's channel in its ZIP or folder name), _pn_opds (list of OPD
    ids the name allows: the matched one, or the candidates of a refusal; null when the name
    said nothing) and _pn_refused (why the name placed nothing, Bahasa Indonesia). Returns
    (df, assumptions). The stored account_handle is left as the file wrote it.
    """
    shown = pl.col("account_handle")
    channel = channel_in_name(path)
    if channel is not None:
        on_youtube = pl.when(pl.col("platform") == youtube.PLATFORM).then(pl.lit(channel))
        shown = pl.coalesce(shown, on_youtube)
    df = df.with_columns(shown.alias("_shown"))
    loose = df.filter(
        pl.col("account_id").is_null()
        & pl.col("acc_opd_id").is_null()
        & pl.col("_shown").is_not_null()
    )
    pairs = loose.group_by("platform", "_shown").agg(
        pl.len().alias("n"),
        LOGBOOK_ROW.any().alias("logbook"),
        pl.col("account_handle").is_null().all().alias("from_name"),
    )
    rows: list[dict[str, object]] = []
    assumptions: list[str] = []
    for platform, handle, n, logbook, from_name in pairs.sort("platform", "_shown").iter_rows():
        item: dict[str, object] = {"platform": platform, "_shown": handle}
        named = from_name or is_display_name(platform, handle)
        got = pages.match(platform, handle) if named else None
        if isinstance(got, NameMatch):
            item.update(_pn_acc=got.account_id, _pn_opd=got.opd_id, _pn_opds=[got.opd_id])
            column = column_of(platform, logbook, handle)
            said = _assumed(got, platform, handle, int(n), names, column)
            assumptions.append(said)
        elif isinstance(got, NameRefusal):
            item.update(_pn_opds=list(got.opd_ids), _pn_refused=_refused(got, platform, handle))
        else:  # said only when nothing else places the row (etl.matching); allows any OPD
            item.update(_pn_refused=_unknown(pages, platform, handle, names))
        rows.append(item)
    schema: dict[str, pl.DataType] = {
        "platform": pl.String(), "_shown": pl.String(), "_pn_acc": pl.Int64(),
        "_pn_opd": pl.Int64(), "_pn_opds": pl.List(pl.Int64()), "_pn_refused": pl.String(),
    }  # fmt: skip
    found = pl.DataFrame(rows, schema=schema)
    out = df.join(found, on=["platform", "_shown"], how="left")
    out = out.with_columns(
        pl.coalesce(pl.col("account_id").cast(pl.Int64), "_pn_acc").alias("account_id"),
        pl.coalesce(pl.col("acc_opd_id").cast(pl.Int64), "_pn_opd").alias("acc_opd_id"),
    ).drop("_pn_acc", "_pn_opd")
    return out, assumptions


def _where(column: str) -> str:
    """ "kolom 'Page name'", or "dari nama berkas/folder" for a name outside the table."""
    return f"dari {column}" if column == EXPORT_COLUMN[youtube.PLATFORM] else f"kolom '{column}'"


def _noun(platform: str) -> str:
    return "kanal" if platform == "youtube" else "halaman" if platform == "facebook" else "akun"


def _assumed(
    got: NameMatch, platform: str, handle: str, n: int, names: dict[int, str], column: str
) -> str:
    score = (
        "kecocokan nama: awal nama OPD" if got.how == "lead" else f"kecocokan nama {got.score:.0f}%"
    )
    return (
        f"{n} postingan {platform}: {_noun(platform)} '{handle}' ({_where(column)}) dianggap "
        f"akun '{got.handle}' milik {names.get(got.opd_id, got.opd_id)}, karena {got.why}; "
        f"{score}. Bila keliru, petakan nama ini sekali ke akun yang benar: python -m etl "
        f'akun --platform {platform} --nama "{handle}" --akun "HANDLE DI DAFTAR".'
    )


def _fix(platform: str, handle: str) -> str:
    return (
        f"Bila {_noun(platform)} ini milik salah satu OPD itu, tulis namanya di kolom akun "
        f"{platform} OPD itu di Daftar Akun Medsos OPD lalu muat ulang daftar itu (python -m etl "
        f"opd BERKAS.xlsx), atau petakan sekali: python -m etl akun --platform {platform} "
        f'--nama "{handle}" --akun "HANDLE DI DAFTAR"; atau pilih OPD-nya dengan --opd "Nama OPD" '
        "atau di halaman unggah."
    )


def _refused(got: NameRefusal, platform: str, handle: str) -> str:
    return (
        f"{_noun(platform).capitalize()} '{handle}' ({platform}) {got.why}: tidak dipilih "
        f"sendiri. {_fix(platform, handle)}"
    )


def _unknown(pages: PageNames, platform: str, handle: str, names: dict[int, str]) -> str:
    near = pages.nearest(platform, handle)
    listed = ", ".join(f'"{names.get(o, o)}"' for o in near)
    return (
        f"{_noun(platform).capitalize()} '{handle}' ({platform}) belum terdaftar di Daftar Akun "
        "Medsos OPD: tidak cocok dengan nama OPD atau akun mana pun"
        + (f"; yang paling mirip: {listed}" if listed else "")
        + f". {_fix(platform, handle)}"
    )


def first_refusal(unplaced: pl.DataFrame) -> str | None:
    """ " (baris R, kolom 'C': why)" of the first unplaced row whose name said why it placed
    nothing, with the other rows of that name ("baris 2, 3, 4 dan 5 lainnya")."""
    refused = unplaced.filter(pl.col("_pn_refused").is_not_null()).sort("source_row")
    if not refused.height:
        return None
    platform, why, book, sheet, name = refused.select(
        "platform", "_pn_refused", LOGBOOK_ROW.alias("_logbook"), "source_sheet", "_shown"
    ).row(0)
    rows = (
        refused.filter(pl.col("_pn_refused") == why)
        .get_column("source_row")
        .drop_nulls()
        .unique()
        .sort()
        .to_list()
    )
    shown = row_list(rows)
    where = f"sheet '{sheet}', " if sheet else ""
    column = column_of(platform, book, name)
    return f" ({where}baris {shown}, {_where(column)}: {why.rstrip('.')})"


def row_list(rows: list[int]) -> str:
    """Row numbers as a user reads them: runs joined ("2-5, 9"), at most MAX_ROWS_SHOWN runs,
    then "dan N baris lain"."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][1] + 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    shown = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:MAX_ROWS_SHOWN])
    rest = sum(b - a + 1 for a, b in runs[MAX_ROWS_SHOWN:])
    return shown + (f" dan {rest} baris lain" if rest else "")


def conflicts(said_col: str) -> pl.Expr:
    """Rows whose display name allows OPDs (_pn_opds) other than the one the uploader, the
    row's Nama OPD or the folder names (said_col): neither is taken on trust."""
    return (
        pl.col("_pn_opds").is_not_null()
        & pl.col(said_col).is_not_null()
        & ~pl.col("_pn_opds").list.contains(pl.col(said_col))
    )


def name_clashes(rows: pl.DataFrame, names: dict[int, str]) -> pl.DataFrame:
    """REJECT_SCHEMA rows for conflicts(): file row, the name's column, why, how to decide."""
    out = []
    for sheet, row, platform, handle, allowed, said, logbook in rows.select(
        "source_sheet", "source_row", "platform", "_shown", "_pn_opds", "_said",
        LOGBOOK_ROW.alias("_logbook"),
    ).iter_rows():  # fmt: skip
        theirs = " atau ".join(f'"{names.get(o, o)}"' for o in allowed)
        out.append({
            "sheet": sheet, "row_number": row,
            "column_name": column_of(platform, logbook, handle),
            "value": handle,
            "reason": (
                f"Halaman '{handle}' ({platform}) menurut namanya milik {theirs}, tetapi OPD "
                f'yang dipilih atau disebut nama folder/berkas/baris adalah "{names.get(said, said)}": '
                "tidak dimuat. Bila halaman ini memang milik OPD itu, daftarkan namanya sebagai "
                f'alias akunnya (python -m etl akun --platform {platform} --nama "{handle}" '
                '--akun "HANDLE DI DAFTAR"); bila bukan, muat berkas ini tanpa pilihan OPD itu.'
            ),
        })  # fmt: skip
    from etl.schema import REJECT_SCHEMA

    return pl.DataFrame(out, schema=REJECT_SCHEMA)


def describe_unplaced(df: pl.DataFrame, suggest: Callable[[str], list[str]] | None = None) -> str:
    """ " (why)" of rows nothing placed, for the refusal: why a page's or account's name placed
    nothing (first_refusal), else each unknown Nama OPD with its first row and the nearest OPD
    names (suggest: text -> names), else the unregistered accounts; "" when none of these."""
    hinted = pl.col("opd_hint").is_not_null() & (pl.col("opd_hint").str.strip_chars() != "")
    refused = first_refusal(df.filter(~hinted))
    if refused:  # a row's own Nama OPD says more than its account's name
        return refused
    bits = []
    for hint, sheet, row in (
        df.filter(hinted).sort("source_row").group_by("opd_hint", maintain_order=True)
        .agg(pl.col("source_sheet").first(), pl.col("source_row").first()).head(3).iter_rows()
    ):  # fmt: skip
        near = ", ".join(f'"{n}"' for n in (suggest(hint) if suggest else []))
        where = f"sheet '{sheet}', " if sheet else ""
        bits.append(
            f"Nama OPD \"{hint}\" tidak dikenal ({where}baris {row}, kolom 'Nama OPD'"
            + (f"; yang paling mirip: {near})" if near else ")")
        )
    handles = (
        df.select("platform", "handle_norm").drop_nulls().unique().sort("platform", "handle_norm")
    )
    if handles.height and not bits:
        listed = ", ".join(f"{h} ({p})" for p, h in handles.head(3).iter_rows())
        bits.append(f"akun {listed} belum terdaftar")
    return (" (" + "; ".join(bits) + ")") if bits else ""
