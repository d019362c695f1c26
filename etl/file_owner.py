"""Which OPD a whole file belongs to, from every piece of evidence the file carries.

The pieces: the uploader's choice (--opd, the upload page), the file or folder name
(OpdIndex.match_path), and each logbook sheet's title rows and sheet name ("PEMERINTAH
KABUPATEN SUKAMAJU | DESA MARGAMULYA | REKAP POSTINGAN ..."). Every piece is read with the one
name key of etl.name_keys, so the kabupaten ("Kabupaten Sukamaju", the region) names no OPD.
A title row names an OPD when a run of its key's words is an OPD's key of two words or more
("desa margamulya" inside "rekap postingan media sosial desa margamulya bulan agustus 2026"),
or the whole row is one ("INSPEKTORAT"); overlapping runs keep the longest. Of the OPDs one
sheet's title names, the most local one is its owner ("DESA X KECAMATAN Y" is Desa X, in
Kecamatan Y); a sheet naming two of the same kind, or a desa, kelurahan or kecamatan the master
list does not hold, names no owner (the kecamatan written after an unknown desa is its place).

Pieces agreeing make the file's owner, with a statement of which pieces said so. Pieces naming
different OPDs make none: the file is refused (OwnerConflict, Bahasa Indonesia: the file, the
sheet and row of the title, both OPDs, how to resolve) when any of its rows would be placed by
them, i.e. has no registered account and no Nama OPD of its own (etl.matching), or it has no
row at all. A row's own evidence is stronger than the file's and stays row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import polars as pl

from etl.name_keys import KIND, LOCALITY, name_key
from etl.opd_index import NameMatch, OpdIndex
from etl.schema import FileRejected

# How local an OPD is, by the first word of its key: a desa's or kelurahan's title may name
# its kecamatan, a kecamatan's its kabupaten, never the other way round.
_LEVEL = {"desa": 0, "kel": 0, "kec": 1}
OTHER_LEVEL = 2
# Longest OPD key in words to look for inside a title row.
MAX_KEY_WORDS = 10

# The uploader's choice as a piece of evidence.
CHOICE = "pilihan OPD (--opd / halaman unggah)"

# One title row as parse gives it: (sheet or None for a CSV, row number, text).
TitleRow = tuple[str | None, int, str]


class OwnerConflict(FileRejected):
    """Two pieces of a file's evidence name different OPDs. Message in Bahasa Indonesia."""


@dataclass(frozen=True)
class Piece:
    """One piece of evidence naming an OPD: what said it and where, in Bahasa Indonesia."""

    opd_id: int
    what: str  # "pilihan OPD (--opd / halaman unggah)", "nama berkas", "judul lembar"...
    where: str  # "'Rekap ... .xlsx'", "sheet 'AGUSTUS 2026' baris 2: 'DESA MARGAMULYA'"

    def said(self) -> str:
        return f"{self.what} {self.where}".strip()


@dataclass
class FileOwner:
    """The OPD the file's own evidence names (None when none does), the pieces that named it
    and, for the report, the statement of them."""

    opd_id: int | None
    pieces: list[Piece]
    path: NameMatch | None
    # Why no owner when pieces name different OPDs (Bahasa Indonesia): etl.matching refuses the
    # file with it when a row has only the file's evidence (no registered account, no Nama OPD).
    conflict: str | None = None

    def statement(self, names: dict[int, str]) -> str:
        """'OPD pemilik berkas "X" ditentukan dari: nama berkas '...'; judul lembar ...'."""
        said = " serta ".join(dict.fromkeys(p.said() for p in self.pieces))
        return f'OPD pemilik berkas "{names.get(self.opd_id or 0, "")}" ditentukan dari: {said}.'

    def note(self, names: dict[int, str]) -> str:
        """statement(), except that the folder or file name alone keeps its earlier wording."""
        if self.path is not None and all(p.what == "nama berkas/folder" for p in self.pieces):
            return f'OPD ditentukan dari nama berkas/folder: "{self.path.name}".'
        return self.statement(names)


def level(key: str) -> int:
    """0 for a desa or kelurahan key, 1 for a kecamatan, OTHER_LEVEL for any other office."""
    return _LEVEL.get(key.split()[0], OTHER_LEVEL) if key else OTHER_LEVEL


def named_in_row(index: OpdIndex, text: str) -> tuple[dict[int, str], int]:
    """The OPDs one title row names (opd_id -> its key) and the most local level of a place it
    names that no OPD's key covers (OTHER_LEVEL when none): "Desa Cikaret" outside the list."""
    pages = index.page_names()
    words = name_key(text, pages.regions).split()
    whole = " ".join(words)
    if whole in pages.opd_keys and len(pages.opd_keys[whole]) == 1:
        return {next(iter(pages.opd_keys[whole])): whole}, OTHER_LEVEL
    spans: list[tuple[int, int, str]] = []
    for i in range(len(words)):
        for j in range(min(len(words), i + MAX_KEY_WORDS), i + 1, -1):  # two words or more
            key = " ".join(words[i:j])
            if key in pages.opd_keys:
                spans.append((i, j, key))
    taken: set[int] = set()
    found: dict[int, str] = {}
    for i, j, key in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if taken & set(range(i, j)):
            continue
        taken |= set(range(i, j))
        owners = pages.opd_keys[key]
        if len(owners) == 1:
            found[next(iter(owners))] = key
    # A place word not inside a found name ("desa cikaret"): a place the list does not hold.
    loose = [
        _LEVEL[w]
        for k, w in enumerate(words)
        if k not in taken and w in LOCALITY and k + 1 < len(words) and words[k + 1] not in KIND
    ]
    return found, min(loose, default=OTHER_LEVEL)


def sheet_owner(index: OpdIndex, rows: Sequence[TitleRow]) -> tuple[int, TitleRow] | None:
    """The one OPD a sheet's title rows (and name) name as its owner, with the first row that
    names it; None when they name none, or no single most local one."""
    first: dict[int, TitleRow] = {}
    keys: dict[int, str] = {}
    unknown = OTHER_LEVEL
    for row in rows:
        found, loose = named_in_row(index, row[2])
        unknown = min(unknown, loose)
        for oid, key in found.items():
            first.setdefault(oid, row)
            keys[oid] = key
    if not keys:
        return None
    best = min(level(k) for k in keys.values())
    top = [oid for oid, k in keys.items() if level(k) == best]
    if len(top) != 1 or unknown <= min(best, OTHER_LEVEL - 1):
        return None
    return top[0], first[top[0]]


def decide(
    index: OpdIndex,
    *,
    option: NameMatch | None,
    path: str | None,
    file_name: str,
    titles: Sequence[TitleRow] = (),
) -> FileOwner:
    """The file's owner from the uploader's choice, the file/folder name and the titles.

    Pieces naming different OPDs give no owner and the conflict's message."""
    pieces: list[Piece] = []
    if option is not None:
        pieces.append(Piece(option.opd_id, CHOICE, ""))
    path_match = index.match_path(path or file_name)
    if path_match is not None:
        said = path_match.source or _shown(path)
        pieces.append(Piece(path_match.opd_id, "nama berkas/folder", f"'{said}'"))
    by_sheet: dict[str | None, list[TitleRow]] = {}
    for row in titles:
        by_sheet.setdefault(row[0], []).append(row)
    sheets: dict[int, list[str]] = {}  # OPD -> the sheets whose title names it
    for sheet, rows in by_sheet.items():
        named = [*rows, *([(sheet, 0, sheet)] if sheet else [])]
        got = sheet_owner(index, named)
        if got is None:
            continue
        oid, (_, row_no, text) = got
        sheets.setdefault(oid, []).append(sheet or "")
        if len(sheets[oid]) > 1:
            continue  # the first sheet is named; the others counted below
        where = f"sheet '{sheet}', " if sheet else ""
        if row_no:
            pieces.append(Piece(oid, "judul lembar", f"({where}baris {row_no}: '{text}'"))
        else:
            pieces.append(Piece(oid, "nama sheet", f"('{sheet}'"))
    for p in pieces:
        if p.what in ("judul lembar", "nama sheet"):
            more = len(sheets[p.opd_id]) - 1
            i = pieces.index(p)
            pieces[i] = Piece(
                p.opd_id, p.what, p.where + (f", dan {more} sheet lain)" if more else ")")
            )
    ids = list(dict.fromkeys(p.opd_id for p in pieces))
    if len(ids) > 1:
        return FileOwner(None, pieces, path_match, _conflict(file_name, pieces, ids, index.names))
    return FileOwner(ids[0] if ids else None, pieces, path_match)


def _shown(path: str | None) -> str:
    return PurePath(path).name if path else ""


def _conflict(file_name: str, pieces: list[Piece], ids: list[int], names: dict[int, str]) -> str:
    parts = []
    for oid in ids:
        said = " dan ".join(dict.fromkeys(p.said() for p in pieces if p.opd_id == oid))
        parts.append(f'{said} menyebut "{names.get(oid, oid)}"')
    return (
        f"Berkas {file_name}: OPD pemilik berkas tidak jelas: " + "; tetapi ".join(parts) + ". "
        "Tidak ada yang dimuat, agar postingannya tidak tercatat untuk OPD yang salah. Pilih OPD "
        "yang benar (--opd / halaman unggah; atau muat tanpa pilihan bila nama berkas dan "
        "judulnya benar), atau perbaiki nama berkas / judul lembar yang menyebut OPD lain, lalu "
        "muat ulang."
    )


def rows_against(index: OpdIndex, owner: FileOwner, rows: pl.DataFrame) -> str | None:
    """Why the file's own evidence and its rows' Nama OPD disagree, or None. rows: the rows
    without a registered account (opd_hint, hint_opd_id, source_sheet, source_row), when none
    of them names the owner. A kecamatan's file naming only desas and kelurahans is its rekap
    of them (each row goes to its own); any other file whose rows all name other OPDs than its
    name or title is refused: whose posts they are is not known."""
    named = (
        rows.filter(pl.col("hint_opd_id").is_not_null())
        .sort("source_row")
        .group_by("hint_opd_id", maintain_order=True)
        .first()
    )
    if owner.opd_id is None or not named.height:
        return None
    regions = index.page_names().regions
    lvl = {o: level(name_key(index.names.get(o, ""), regions)) for o in index.names}
    others = named.get_column("hint_opd_id").to_list()
    if lvl.get(owner.opd_id) == 1 and all(lvl.get(o) == 0 for o in others):
        return None
    sheet, row, hint = named.select("source_sheet", "source_row", "opd_hint").row(0)
    said = " serta ".join(dict.fromkeys(p.said() for p in owner.pieces))
    where = f"sheet '{sheet}', " if sheet else ""
    listed = ", ".join(f'"{index.names.get(o, o)}"' for o in others[:3])
    return (
        f'{said} menyebut "{index.names.get(owner.opd_id, "")}", tetapi kolom Nama OPD barisnya '
        f"hanya menyebut OPD lain: {listed} ({where}baris {row}: '{hint}'). Tidak ada yang "
        "dimuat. Pilih OPD yang benar (--opd / halaman unggah), atau perbaiki kolom Nama OPD, "
        "nama berkas atau judul lembarnya, lalu muat ulang."
    )


def accounts_elsewhere(owner: FileOwner, rows: pl.DataFrame, names: dict[int, str]) -> list[str]:
    """Notes (Bahasa Indonesia) for rows a registered account places in another OPD than a piece
    of the file's evidence names: the uploader's choice, the file or folder name, a logbook's
    title. The account wins, as for any row with its own evidence (the master list says whose
    page it is; the folder is where someone saved it), and the disagreement is said, once per
    account and piece. rows: platform, handle_norm, acc_opd_id."""
    if not owner.pieces:
        return []
    by_acc = (
        rows.filter(pl.col("acc_opd_id").is_not_null())
        .group_by("platform", "handle_norm", "acc_opd_id", maintain_order=True)
        .agg(pl.len().alias("n"))
    )
    out: list[str] = []
    for platform, h, oid, n in by_acc.iter_rows():
        theirs = names.get(oid, str(oid))
        for p in owner.pieces:
            if p.opd_id == oid:
                continue
            said = names.get(p.opd_id, str(p.opd_id))
            if p.what == CHOICE:
                out.append(
                    f'Akun {h} ({platform}) terdaftar milik "{theirs}", bukan "{said}": '
                    "postingannya dimuat ke OPD pemilik akun."
                )
                continue
            out.append(
                f'{p.said()} menyebut "{said}", tetapi {n} postingan {platform} berasal dari akun '
                f'{h} yang terdaftar milik "{theirs}" di Daftar Akun Medsos OPD: dimuat ke '
                f'"{theirs}", pemilik akun. Bila akun itu sebenarnya milik "{said}", perbaiki '
                "Daftar Akun lalu muat ulang; bila bukan, perbaiki nama berkas/folder atau "
                "judulnya."
            )
    return list(dict.fromkeys(out))
