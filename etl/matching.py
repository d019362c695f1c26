"""Which OPD does a post belong to.

Order of evidence, strongest first:
1. the account: platform + normalized handle, from the file or from the post's permalink,
   looked up in the Daftar Akun (table account) and the analyst's aliases; else the page's
   display name read as one account (etl.page_place; a name against 2-4 is refused);
2. the OPD the uploader named (--opd, or the choice on the upload page);
3. a logbook row's own "Nama OPD" (opd_hint): exact alias, else fuzzy;
4. the file's owner by its own evidence (etl.file_owner): the folder or file name ("Rekap
   Dinkes Oktober.xlsx", "exports/Dinas Kesehatan/..."), a logbook's title rows and sheet
   names; these and the uploader's choice naming different OPDs refuse the file.

The name index and its fuzzy rule live in etl.opd_index, the normalized spellings in
etl.opd_names; this module decides, row by row, from that evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from etl import file_owner
from etl.account_match import with_accounts
from etl.opd_index import NameMatch, OpdIndex, OpdNotFound
from etl.opd_names import normalize_opd_name
from etl.page_place import (
    PAGE_COLUMN,
    conflicts,
    describe_unplaced,
    name_clashes,
    place_by_name,
)
from etl.place_fixes import UNKNOWN_OPD_FIX, UNKNOWN_OPD_NAME_FIX
from etl.shared_place import shared_refusal

# Re-exported for etl.load, which imports them from here.
__all__ = ["OpdNotFound", "Resolution", "UNKNOWN_OPD_FIX", "normalize_opd_name", "resolve_posts"]

# ---------------------------------------------------------------------------------------------
# Per-row resolution

# The columns the resolution works with, dropped from the posts it returns.
WORK_COLUMNS: tuple[str, ...] = ("handle_norm", "acc_opd_id", "hint_opd_id", "_other", "_said")
WORK_COLUMNS += ("_shown", "_pn_opds", "_pn_refused")


@dataclass
class Resolution:
    posts: pl.DataFrame  # input columns + opd_id, account_id (rows with an OPD only)
    rejects: pl.DataFrame  # REJECT_SCHEMA rows for rows that cannot be placed
    notes: list[str]
    file_opd_id: int | None  # the one OPD of the file, when there is one
    assumptions: list[str] = field(default_factory=list)  # accounts tied by name / only account


def resolve_posts(
    index: OpdIndex,
    posts: pl.DataFrame,
    *,
    opd: str | None = None,
    path: str | None = None,
    file_name: str = "",
    titles: Sequence[file_owner.TitleRow] = (),
) -> Resolution:
    """Add opd_id and account_id to every post; rows that cannot be placed become rejects.
    titles: a logbook's title rows, (sheet, row number, text), evidence of the file's owner.

    Raises OpdNotFound when --opd names no OPD, file_owner.OwnerConflict when the choice, the
    file name and the titles name different OPDs, and FileRejected (etl.schema) when no row of
    the file can be placed.
    """
    from etl.schema import FileRejected

    notes: list[str] = []
    option = index.resolve_option(opd) if opd else None
    if option is not None and option.how != "exact":
        notes.append(f'OPD "{opd}" dibaca sebagai "{option.name}" ({_how(option)}).')

    # 1. Account: handle from the file, else from the permalink.
    acc_keys = index.account_keys if index.account_keys is not None else index.accounts
    df = with_accounts(
        posts, acc_keys.select("platform", "handle_norm", "account_id", "acc_opd_id")
    )

    # 1b. The page's display name ("Dishub Sukamaju"), where no handle or link named it.
    df, by_name = place_by_name(index.page_names(), df, index.names, path or file_name)
    fast = _all_by_account(df, option is None and not by_name)
    if fast is not None:  # every row by its account: the file's own evidence only noted
        owner = file_owner.decide(index, option=None, path=path, file_name=file_name, titles=titles)
        fast.notes.extend(file_owner.accounts_elsewhere(owner, df, index.names))
        return fast

    # 3. Logbook OPD column.
    hints = [
        h for h in df.get_column("opd_hint").unique().to_list() if h is not None and str(h).strip()
    ]
    hint_map = {}
    for h in hints:
        m = index.match_name(h)
        hint_map[h] = m.opd_id if m else None
        if m is not None and m.how != "exact":
            notes.append(f'Nama OPD "{h}" dibaca sebagai "{m.name}" ({_how(m)}).')
    hint_frame = pl.DataFrame(
        {"opd_hint": list(hint_map), "hint_opd_id": list(hint_map.values())},
        schema={"opd_hint": pl.String, "hint_opd_id": pl.Int64},
    )
    df = df.join(hint_frame, on="opd_hint", how="left")

    # 4. The file's owner by its name and titles, agreeing with the choice; pieces naming
    # different OPDs refuse the file when a row has nothing else to go by.
    owner = file_owner.decide(index, option=option, path=path, file_name=file_name, titles=titles)
    by_file = pl.col("acc_opd_id").is_null() & pl.col("hint_opd_id").is_null()
    if owner.conflict and (df.height == 0 or df.select(by_file.any()).item()):
        raise file_owner.OwnerConflict(owner.conflict)
    option_id = option.opd_id if option else None
    path_id = owner.opd_id if option is None else None
    has_hint = pl.col("opd_hint").is_not_null() & (pl.col("opd_hint").str.strip_chars() != "")
    # The file's owner: the uploader's choice, else the OPD its name declares when its own rows
    # name that OPD too (then a row naming another OPD is that OPD's row in the wrong logbook).
    owner_id = option_id
    if owner_id is None and path_id is not None and path_id in hint_map.values():
        owner_id = path_id
    elif owner_id is None and path_id is not None:
        against = file_owner.rows_against(index, owner, df.filter(pl.col("acc_opd_id").is_null()))
        if against:
            raise file_owner.OwnerConflict(f"Berkas {file_name}: {against}")
    said = pl.coalesce(  # the OPD the uploader, the row or the folder names
        pl.lit(option_id, pl.Int64),
        pl.col("hint_opd_id"),
        pl.when(has_hint).then(None).otherwise(pl.lit(path_id, pl.Int64)),
    )
    df = df.with_columns(
        opd_id=pl.coalesce(pl.col("acc_opd_id").cast(pl.Int64), said),
        _said=said,
        # A logbook row naming another OPD than the uploader said (and no account says otherwise).
        _other=pl.col("acc_opd_id").is_null()
        & pl.lit(owner_id is not None)
        & has_hint
        & (
            pl.col("hint_opd_id").is_not_null()
            & (pl.col("hint_opd_id") != pl.lit(owner_id, pl.Int64))
        ),
    )

    sheet_col = pl.col("source_sheet")
    clash = conflicts("_said")
    rejects = [name_clashes(df.filter(clash), index.names)] if df.select(clash.any()).item() else []
    df = df.filter(~clash)
    other = df.filter(pl.col("_other"))
    unplaced = df.filter(~pl.col("_other") & pl.col("opd_id").is_null())
    good = df.filter(~pl.col("_other") & pl.col("opd_id").is_not_null())

    if other.height:
        rejects.append(
            other.select(
                sheet=sheet_col,
                row_number=pl.col("source_row"),
                column_name=pl.lit("Nama OPD"),
                value=pl.col("opd_hint"),
                reason=pl.lit("Baris milik OPD lain: ")
                + pl.col("opd_hint")
                + pl.lit(
                    f' (berkas dimuat untuk "{index.names.get(owner_id, "") if owner_id is not None else ""}")'
                ),
            )
        )
    if unplaced.height:
        if good.height == 0:
            what = describe_unplaced(unplaced, index.suggestions)
            # A name's refusal says how to decide itself (etl.page_place).
            said = unplaced.select((pl.col("_pn_refused").is_not_null() & ~has_hint).any()).item()
            by_name = unplaced.select(has_hint.all()).item()
            fix = UNKNOWN_OPD_NAME_FIX if by_name else UNKNOWN_OPD_FIX
            named = shared_refusal(index, [path or file_name, *(t[2] for t in titles)])
            raise FileRejected(
                f"Berkas {file_name}: OPD pemilik postingan tidak dapat ditentukan{what}."
                + (named or ("" if said else " " + fix))
            )
        rejects.append(
            unplaced.select(
                sheet=sheet_col,
                row_number=pl.col("source_row"),
                column_name=pl.when(has_hint).then(pl.lit("Nama OPD")).otherwise(PAGE_COLUMN),
                value=pl.coalesce("opd_hint", "_shown", "handle_norm"),
                reason=pl.when(pl.col("_pn_refused").is_not_null() & ~has_hint)
                .then(pl.col("_pn_refused"))
                .when(has_hint)
                .then(pl.lit("Nama OPD tidak dikenal: ") + pl.col("opd_hint") + pl.lit(". "))
                .otherwise(pl.lit("OPD pemilik postingan tidak dapat ditentukan. "))
                + pl.when(pl.col("_pn_refused").is_not_null() & ~has_hint)
                .then(pl.lit(""))
                .when(has_hint)
                .then(pl.lit(UNKNOWN_OPD_NAME_FIX))
                .otherwise(pl.lit(UNKNOWN_OPD_FIX)),
            )
        )

    from etl.accounts import tie

    good, tie_assumptions, tie_notes = tie(good, index.accounts, index.names)
    tie_assumptions = by_name + tie_assumptions
    notes.extend(tie_notes)
    # Unknown accounts loaded under the OPD the uploader named: say so, once per account.
    unknown = (
        good.filter(pl.col("account_id").is_null() & pl.col("handle_norm").is_not_null())
        .select("platform", "handle_norm")
        .unique()
        .sort("platform", "handle_norm")
    )
    for platform, h in unknown.iter_rows():
        placed = _first(good, platform, h)
        name = index.names.get(placed, "") if placed is not None else ""
        notes.append(
            f"Akun {h} ({platform}) belum ada di Daftar Akun Medsos OPD; postingannya dimuat ke "
            f'OPD "{name}". Tambahkan akun ini ke daftar.'
        )
    if option is not None:
        unknown_hints = (
            good.filter(has_hint & pl.col("hint_opd_id").is_null() & pl.col("acc_opd_id").is_null())
            .get_column("opd_hint")
            .unique()
            .sort()
            .to_list()
        )
        if unknown_hints:
            notes.append(
                "Nama OPD "
                + ", ".join(f'"{h}"' for h in unknown_hints[:5])
                + f' tidak dikenal; barisnya dimuat ke "{option.name}" sesuai pilihan OPD.'
            )
    notes.extend(file_owner.accounts_elsewhere(owner, good, index.names))
    if (
        owner.opd_id is not None
        and good.filter(pl.col("opd_id") == owner.opd_id).height
        and good.filter(by_file).height
    ):
        notes.append(owner.note(index.names))

    ids = good.get_column("opd_id").unique().to_list()
    file_opd = ids[0] if len(ids) == 1 else option_id
    if not ids and file_opd is None and path_id is not None:
        # A header-only export names its owner only in its folder or file name (or a logbook's
        # title); the load still records that this OPD sent the period, so the owner is said.
        notes.append(owner.note(index.names))
        file_opd = path_id
    good = good.with_columns(pl.col("account_id").cast(pl.Int64)).drop(*WORK_COLUMNS)
    from etl.schema import REJECT_SCHEMA

    rej = (
        pl.concat([r.cast(pl.Schema(REJECT_SCHEMA)) for r in rejects])
        if rejects
        else pl.DataFrame(schema=REJECT_SCHEMA)
    )
    return Resolution(
        posts=good, rejects=rej, notes=notes, file_opd_id=file_opd, assumptions=tie_assumptions
    )


def _all_by_account(df: pl.DataFrame, no_option: bool) -> Resolution | None:
    """resolve_posts' result when every row's account is in the master list, no row names an
    OPD of its own and no OPD was chosen (most platform exports), else None.

    Then each row's OPD is its account's, nothing is rejected, tied or noted, and the file
    name is not needed: the general path gives the same (resolve_posts' tests compare them),
    in a few polars calls instead of about twenty (a fixed cost per file)."""
    if not no_option or df.height == 0:
        return None
    blank_hint = pl.col("opd_hint").is_null() | (pl.col("opd_hint").str.strip_chars() == "")
    check = df.select(
        placed=(pl.col("acc_opd_id").is_not_null() & pl.col("account_id").is_not_null()).all(),
        no_hint=blank_hint.all(),
    )
    if not (check.item(0, "placed") and check.item(0, "no_hint")):
        return None
    good = df.with_columns(
        pl.col("account_id").cast(pl.Int64), opd_id=pl.col("acc_opd_id").cast(pl.Int64)
    ).drop(*(c for c in WORK_COLUMNS if c in df.columns))
    ids = good.get_column("opd_id").unique().to_list()
    from etl.schema import REJECT_SCHEMA

    return Resolution(
        posts=good,
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
        notes=[],
        file_opd_id=ids[0] if len(ids) == 1 else None,
    )


def _how(m: NameMatch) -> str:
    """Why a name was read as an OPD that is not its exact spelling, Bahasa Indonesia."""
    if m.how == "lead":
        return "awal nama OPD itu; tidak ada OPD lain yang namanya diawali begitu"
    return f"kemiripan {m.score:.0f}"


def _first(df: pl.DataFrame, platform: str, h: str) -> int | None:
    row = df.filter((pl.col("platform") == platform) & (pl.col("handle_norm") == h)).head(1)
    return int(row.item(0, "opd_id")) if row.height else None
