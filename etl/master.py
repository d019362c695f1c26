"""Diskominfo's master list "Daftar Akun Medsos OPD" (xlsx or csv) -> opd, opd_alias, account.

The sheet is typed by hand: title rows above the header, headers in several spellings, "-" for
"no account", Ya/Tidak or Sudah/Belum for training. Operator name and phone are personal data:
they are stored in opd and never printed, logged or put into messages.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from etl.matching import handle_norm, name_variants, normalize_opd_name

# Normalized header -> field. Headers are compared after normalize_opd_name ("No. HP" -> "no hp").
HEADER_ALIASES: dict[str, str] = {
    "no": "no",
    "nomor": "no",
    "no urut": "no",
    "nama opd": "name",
    "nama perangkat daerah": "name",
    "perangkat daerah": "name",
    "instansi": "name",
    "nama instansi": "name",
    "opd": "name",
    "nama unit": "name",
    "unit kerja": "name",
    "singkatan": "short_name",
    "nama singkat": "short_name",
    "jenis": "kind",
    "jenis opd": "kind",
    "kategori": "kind",
    "jenis perangkat daerah": "kind",
    "induk": "parent",
    "kecamatan": "parent",
    "induk kecamatan": "parent",
    "instagram": "instagram",
    "akun instagram": "instagram",
    "ig": "instagram",
    "facebook": "facebook",
    "akun facebook": "facebook",
    "fb": "facebook",
    "tiktok": "tiktok",
    "akun tiktok": "tiktok",
    "tik tok": "tiktok",
    "youtube": "youtube",
    "akun youtube": "youtube",
    "yt": "youtube",
    "kanal youtube": "youtube",
    "x": "x",
    "twitter": "x",
    "x twitter": "x",
    "twitter x": "x",
    "akun x": "x",
    "akun twitter": "x",
    "nama operator": "operator_name",
    "operator": "operator_name",
    "admin": "operator_name",
    "nama admin": "operator_name",
    "admin medsos": "operator_name",
    "no hp operator": "operator_phone",
    "no hp": "operator_phone",
    "no hp wa": "operator_phone",
    "no wa": "operator_phone",
    "wa": "operator_phone",
    "nomor hp": "operator_phone",
    "no telp": "operator_phone",
    "no hp admin": "operator_phone",
    "hp": "operator_phone",
    "sudah pelatihan": "trained",
    "pelatihan": "trained",
    "sudah ikut pelatihan": "trained",
    "status pelatihan": "trained",
}
PLATFORM_FIELDS = ("instagram", "facebook", "tiktok", "youtube", "x")
KINDS = (
    "dinas",
    "badan",
    "bagian",
    "sekretariat",
    "inspektorat",
    "rsud",
    "kecamatan",
    "kelurahan",
    "desa",
    "lainnya",
)
# First words of a Jenis cell or of the OPD name -> kind.
_KIND_WORDS = {
    "dinas": "dinas",
    "badan": "badan",
    "bagian": "bagian",
    "sekretariat": "sekretariat",
    "setda": "sekretariat",
    "setwan": "sekretariat",
    "inspektorat": "inspektorat",
    "rsud": "rsud",
    "rumah sakit": "rsud",
    "kecamatan": "kecamatan",
    "kec": "kecamatan",
    "kelurahan": "kelurahan",
    "kel": "kelurahan",
    "desa": "desa",
    "lainnya": "lainnya",
    "lain lain": "lainnya",
    # Known offices outside the named kinds: lainnya without a warning.
    "satpol": "lainnya",
    "satuan": "lainnya",
    "kantor": "lainnya",
    "upt": "lainnya",
    "uptd": "lainnya",
    "puskesmas": "lainnya",
    "lembaga": "lainnya",
}
_YES = {"ya", "y", "sudah", "iya", "true", "1", "v", "ok", "sdh", "✓", "√"}
_NO = {"tidak", "t", "belum", "tdk", "blm", "false", "0", "x", "no", "n", "-"}
_EMPTY = {"", "-", "–", "—", "tidak ada", "belum ada", "n/a", "na"}


@dataclass
class MasterReport:
    file: str
    rows_read: int = 0
    opd_new: int = 0
    opd_updated: int = 0
    opd_unchanged: int = 0
    accounts_new: int = 0
    accounts_updated: int = 0
    aliases: int = 0
    errors: list[str] = field(default_factory=list)  # rows skipped, Bahasa Indonesia
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"Daftar Akun: {self.file}",
            f"  Baris dibaca      : {self.rows_read}",
            f"  OPD baru          : {self.opd_new}",
            f"  OPD diperbarui    : {self.opd_updated}",
            f"  OPD tetap         : {self.opd_unchanged}",
            f"  Akun baru         : {self.accounts_new}",
            f"  Akun diperbarui   : {self.accounts_updated}",
            f"  Alias             : {self.aliases}",
        ]
        lines += [f"  Catatan: {n}" for n in self.notes]
        lines += [f"  Dilewati: {e}" for e in self.errors]
        return "\n".join(lines)


class MasterRejected(Exception):
    """The whole master list cannot be read. Bahasa Indonesia message."""


# ---------------------------------------------------------------------------------------------
# Reading


def _cell(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # phone numbers and row numbers typed as numbers
    s = str(v).strip()
    return s or None


def _read_rows(path: Path, data: bytes | None) -> list[tuple[str | None, list[list[str | None]]]]:
    """Every sheet as (sheet name, rows of cells); row i is Excel row i + 1."""
    suffix = path.suffix.lower()
    raw = data if data is not None else path.read_bytes()
    if suffix in {".xlsx", ".xlsm"}:
        import openpyxl  # a few hundred rows: exact Excel row numbers matter more than speed

        from etl.filecheck import check_bytes
        from etl.schema import FileRejected
        from warehouse.settings import parse_limits

        try:  # read here, not in the bounded child: refuse what would take the server down
            check_bytes(raw, path.name, parse_limits())
        except FileRejected as exc:
            raise MasterRejected(str(exc)) from exc

        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        out = []
        for ws in wb.worksheets:
            rows = [[_cell(v) for v in r] for r in ws.iter_rows(values_only=True)]
            out.append((ws.title, rows))
        wb.close()
        return out
    if suffix in {".csv", ".txt"}:
        for enc in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        first, _, rest = text.partition("\n")
        if first.strip().lower().startswith("sep="):  # Excel's "sep=;" line
            delim = first.strip()[4:5] or ","
            rows = [[_cell(v) for v in r] for r in csv.reader(io.StringIO(rest), delimiter=delim)]
            return [(None, [[None], *rows])]  # keep Excel row numbers: line 1 was sep=
        sample = text[:4096]
        delim = ";" if sample.count(";") > sample.count(",") else ","
        rows = [[_cell(v) for v in r] for r in csv.reader(io.StringIO(text), delimiter=delim)]
        return [(None, rows)]
    raise MasterRejected(
        f"Berkas {path.name}: format tidak didukung untuk Daftar Akun (gunakan .xlsx atau .csv)."
    )


def _map_row(row: list[str | None]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for j, v in enumerate(row):
        f = HEADER_ALIASES.get(normalize_opd_name(v)) if v else None
        if f and f not in mapping.values():
            mapping[j] = f
    return mapping


def _header(
    rows: list[list[str | None]],
) -> tuple[int, dict[int, str], dict[str, str]] | None:
    """Header within the first 30 rows: (first data row index, column index -> field, field ->
    header as written). Two-row headers are common ("No" and "Nama OPD" merged over two rows
    beside "Akun Media Sosial" spanning Instagram | Facebook | ...): the row below fills in."""
    for i, row in enumerate(rows[:30]):
        mapping = _map_row(row)
        if "name" not in mapping.values():
            continue
        labels = {f: str(row[j]) for j, f in mapping.items()}
        start = i + 1
        if not any(f in PLATFORM_FIELDS for f in mapping.values()) and i + 1 < len(rows):
            below = rows[i + 1]
            for j, f in _map_row(below).items():
                if j not in mapping and f not in mapping.values():
                    mapping[j] = f
                    labels[f] = str(below[j])
            start = i + 2
        # A master sheet names OPDs and at least one platform column (not a pivot or a recap).
        if any(f in PLATFORM_FIELDS for f in mapping.values()):
            return start, mapping, labels
    return None


def _is_number(v: str | None) -> bool:
    return v is not None and re.fullmatch(r"\d+\.?", v.strip()) is not None


_FOOTER_WORDS = ("mengetahui", "nip ", "kepala ", "keterangan", "catatan", "jumlah", "total")


def _not_an_opd_row(vals: dict[str, Any]) -> bool:
    """Rows under the table that are not OPDs: no number where the sheet numbers its rows and no
    account, or signature-block words."""
    name = normalize_opd_name(vals.get("name"))
    if any(name.startswith(w) or name == w.strip() for w in _FOOTER_WORDS):
        return True
    has_account = any(vals.get(p) for p in PLATFORM_FIELDS)
    return "no" in vals and vals.get("no") is None and not has_account


def _kind_of(text: str | None) -> str | None:
    norm = normalize_opd_name(text)
    if not norm:
        return None
    if norm in KINDS:
        return norm
    for words, kind in sorted(_KIND_WORDS.items(), key=lambda kv: -len(kv[0])):
        if norm == words or norm.startswith(words + " "):
            return kind
    return None


def _bool(text: str | None) -> bool | None | str:
    """True/False/None, or the string 'bad' for a value we do not understand."""
    norm = normalize_opd_name(text) if text else ""
    if text is not None and text.strip() in {"✓", "√"}:
        return True
    if not norm:
        return None
    first = norm.split()[0]
    if norm in _YES or first in _YES:
        return True
    if norm in _NO or first in _NO:
        return False
    return "bad"


def _split_accounts(cell: str | None) -> list[str]:
    if cell is None or normalize_opd_name(cell) in _EMPTY or cell.strip() in _EMPTY:
        return []
    return [p.strip() for p in re.split(r"[\n;]+", cell) if p.strip() and p.strip() not in _EMPTY]


def _url_of(platform: str, written: str) -> str | None:
    if "://" in written or re.match(r"^(www\.)?[\w.-]+\.(com|net)/", written, re.I):
        return written if "://" in written else "https://" + written
    return None


# ---------------------------------------------------------------------------------------------
# Loading


def load_master(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    data: bytes | None = None,
    file_name: str | None = None,
) -> MasterReport:
    """Upsert OPDs, aliases and accounts from the master list, in one transaction."""
    path = Path(file_name or path) if data is not None else Path(path)
    name = file_name or path.name
    report = MasterReport(file=name)
    sheets = _read_rows(path, data)

    entries: list[dict[str, Any]] = []
    found_header = False
    for sheet, rows in sheets:
        hdr = _header(rows)
        if hdr is None:
            continue
        found_header = True
        start, mapping, headers = hdr
        where_sheet = f', lembar "{sheet}"' if sheet else ""
        for i in range(start, len(rows)):
            row = rows[i]
            vals = {f: (row[j] if j < len(row) else None) for j, f in mapping.items()}
            excel_row = i + 1
            where = f"{name}{where_sheet}, baris {excel_row}"
            if all(v is None for v in vals.values()):
                continue
            if _not_an_opd_row(vals):
                continue  # a footer: place and date, signature block, notes
            if vals.get("name") is None:
                # Group rows ("I. SEKRETARIAT DAERAH") and a signature block under a platform
                # column are not OPDs; a numbered row with accounts but no name is an error.
                numbered = "no" not in vals or _is_number(vals.get("no"))
                if numbered and any(vals.get(p) for p in PLATFORM_FIELDS):
                    report.errors.append(f'{where}, kolom "{headers["name"]}": nama OPD kosong.')
                continue  # a numbering-only or footer row
            report.rows_read += 1
            entry: dict[str, Any] = {"row": excel_row, "where": where, **vals}
            kind_text = vals.get("kind")
            kind = _kind_of(kind_text) or _kind_of(vals["name"])
            if kind is None:
                if kind_text:
                    report.notes.append(
                        f'{where}, kolom "{headers["kind"]}": jenis "{kind_text}" tidak dikenal, '
                        "dicatat sebagai lainnya."
                    )
                kind = "lainnya"
            entry["kind"] = kind
            trained = _bool(vals.get("trained"))
            if trained == "bad":
                report.notes.append(
                    f'{where}, kolom "{headers["trained"]}": nilai "{vals["trained"]}" bukan '
                    "Ya/Tidak atau Sudah/Belum; dicatat sebagai tidak diketahui."
                )
                trained = None
            entry["trained"] = trained
            entry["accounts"] = [
                (p, written, headers[p])
                for p in PLATFORM_FIELDS
                for written in _split_accounts(vals.get(p))
            ]
            entries.append(entry)
    if not found_header:
        raise MasterRejected(
            f"Berkas {name}: baris judul kolom tidak ditemukan. Daftar Akun harus punya kolom "
            '"Nama OPD" (atau "Nama Perangkat Daerah"/"Instansi") dan kolom akun seperti '
            '"Instagram" atau "Facebook".'
        )

    from warehouse import backup

    if con.execute("SELECT count(*) FROM opd").fetchall()[0][0]:
        backup.before(con, "master")  # replacing a master list: a snapshot first
    con.execute("BEGIN TRANSACTION")
    try:
        _upsert(con, entries, report)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return report


def _upsert(
    con: duckdb.DuckDBPyConnection, entries: list[dict[str, Any]], report: MasterReport
) -> None:
    existing = con.execute(
        "SELECT opd_id, name, short_name, kind, parent_opd_id, operator_name, operator_phone,"
        " operator_trained, master_row FROM opd"
    ).fetchall()
    by_norm = {normalize_opd_name(r[1]): r for r in existing}
    alias_owner = dict(con.execute("SELECT alias_norm, opd_id FROM opd_alias").fetchall())

    # Same name twice in the sheet: a desa name repeated in two kecamatan gets its kecamatan
    # appended; otherwise the later row is a duplicate.
    seen: dict[str, dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for e in entries:
        norm = normalize_opd_name(e["name"])
        if norm in seen:
            first = seen[norm]
            if e.get("parent") and normalize_opd_name(e.get("parent")) != normalize_opd_name(
                first.get("parent")
            ):
                e["name"] = f"{e['name']} ({e['parent']})"
                norm = normalize_opd_name(e["name"])
            else:
                report.errors.append(
                    f'{e["where"]}: OPD "{e["name"]}" sudah ada di baris {first["row"]}; baris ini dilewati.'
                )
                continue
        seen[norm] = e
        kept.append(e)

    # Assign ids: existing by normalized name, else new from the sequence.
    new_count = sum(1 for e in kept if normalize_opd_name(e["name"]) not in by_norm)
    new_ids = (
        [
            r[0]
            for r in con.execute(
                "SELECT nextval('opd_id_seq') FROM range(?)", [new_count]
            ).fetchall()
        ]
        if new_count
        else []
    )
    it = iter(new_ids)
    for e in kept:
        norm = normalize_opd_name(e["name"])
        e["opd_id"] = by_norm[norm][0] if norm in by_norm else next(it)
        e["is_new"] = norm not in by_norm

    # Parent (Induk): a kecamatan in this sheet or already known.
    sheet_alias: dict[str, int] = {}
    for e in kept:
        for v in name_variants(e["name"]):
            sheet_alias.setdefault(v, e["opd_id"])
    known = {**alias_owner, **{k: r[0] for k, r in by_norm.items()}, **sheet_alias}
    for e in kept:
        e["parent_opd_id"] = None
        p = e.get("parent")
        if not p or e["kind"] not in ("desa", "kelurahan"):
            continue
        pn = normalize_opd_name(p)
        pid = known.get(pn) or known.get(f"kecamatan {pn}")
        if pid is None:
            report.notes.append(f'{e["where"]}: induk "{p}" tidak ditemukan di daftar OPD.')
        e["parent_opd_id"] = pid

    opd_frame = pl.DataFrame(
        [
            {
                "opd_id": e["opd_id"],
                "name": e["name"],
                "short_name": e.get("short_name"),
                "kind": e["kind"],
                "parent_opd_id": e["parent_opd_id"],
                "operator_name": e.get("operator_name"),
                "operator_phone": e.get("operator_phone"),
                "operator_trained": e["trained"],
                "master_row": e["row"],
            }
            for e in kept
        ],
        schema={
            "opd_id": pl.Int64,
            "name": pl.String,
            "short_name": pl.String,
            "kind": pl.String,
            "parent_opd_id": pl.Int64,
            "operator_name": pl.String,
            "operator_phone": pl.String,
            "operator_trained": pl.Boolean,
            "master_row": pl.Int64,
        },
    )
    for e in kept:
        if e["is_new"]:
            report.opd_new += 1
        else:
            old = by_norm[normalize_opd_name(e["name"])]
            new = (
                e["opd_id"], e["name"], e.get("short_name"), e["kind"], e["parent_opd_id"],
                e.get("operator_name"), e.get("operator_phone"), e["trained"],
            )  # fmt: skip
            if tuple(old[:8]) != new:
                report.opd_updated += 1
            else:
                report.opd_unchanged += 1

    con.register("_master_opd", opd_frame)
    try:
        con.execute(
            "UPDATE opd SET name = m.name, short_name = m.short_name, kind = m.kind,"
            " parent_opd_id = m.parent_opd_id, operator_name = m.operator_name,"
            " operator_phone = m.operator_phone, operator_trained = m.operator_trained,"
            " master_row = m.master_row, updated_at = current_localtimestamp()"
            " FROM _master_opd m WHERE opd.opd_id = m.opd_id AND ("
            " opd.name IS DISTINCT FROM m.name OR opd.short_name IS DISTINCT FROM m.short_name"
            " OR opd.kind IS DISTINCT FROM m.kind OR opd.parent_opd_id IS DISTINCT FROM m.parent_opd_id"
            " OR opd.operator_name IS DISTINCT FROM m.operator_name"
            " OR opd.operator_phone IS DISTINCT FROM m.operator_phone"
            " OR opd.operator_trained IS DISTINCT FROM m.operator_trained"
            " OR opd.master_row IS DISTINCT FROM m.master_row)"
        )
        con.execute(
            "INSERT INTO opd (opd_id, name, short_name, kind, parent_opd_id, operator_name,"
            " operator_phone, operator_trained, master_row)"
            " SELECT opd_id, name, short_name, kind, parent_opd_id, operator_name, operator_phone,"
            " operator_trained, master_row FROM _master_opd"
            " WHERE opd_id NOT IN (SELECT opd_id FROM opd)"
        )
    finally:
        con.unregister("_master_opd")

    _upsert_aliases(con, kept, report)
    _upsert_accounts(con, kept, report)


def _upsert_aliases(
    con: duckdb.DuckDBPyConnection, kept: list[dict[str, Any]], report: MasterReport
) -> None:
    owners: dict[str, set[int]] = {}
    for e in kept:
        names = name_variants(e["name"])
        if e.get("short_name"):
            names |= name_variants(e["short_name"])
        for v in names:
            owners.setdefault(v, set()).add(e["opd_id"])
    rows = []
    for alias, ids in owners.items():
        if len(ids) > 1:
            report.notes.append(f'Alias "{alias}" dipakai lebih dari satu OPD; tidak dipakai.')
            continue
        rows.append({"alias_norm": alias, "opd_id": next(iter(ids)), "source": "master"})
    frame = pl.DataFrame(
        rows, schema={"alias_norm": pl.String, "opd_id": pl.Int64, "source": pl.String}
    )
    con.register("_master_alias", frame)
    try:
        # The master list wins over learned spellings; a hand-made (manual) alias is kept.
        con.execute(
            "DELETE FROM opd_alias WHERE source <> 'manual'"
            " AND alias_norm IN (SELECT alias_norm FROM _master_alias)"
        )
        con.execute(
            "INSERT INTO opd_alias SELECT alias_norm, opd_id, source FROM _master_alias"
            " WHERE alias_norm NOT IN (SELECT alias_norm FROM opd_alias)"
        )
    finally:
        con.unregister("_master_alias")
    report.aliases = frame.height


def _upsert_accounts(
    con: duckdb.DuckDBPyConnection, kept: list[dict[str, Any]], report: MasterReport
) -> None:
    rows = []
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for e in kept:
        for platform, written, header in e["accounts"]:
            norm = handle_norm(platform, written)
            if not norm:
                report.errors.append(
                    f'{e["where"]}, kolom "{header}": akun "{written}" tidak dapat dibaca.'
                )
                continue
            key = (platform, norm)
            if key in seen:
                if seen[key]["opd_id"] != e["opd_id"]:
                    report.errors.append(
                        f'{e["where"]}, kolom "{header}": akun "{written}" sudah tercatat untuk '
                        f'OPD "{seen[key]["name"]}" (baris {seen[key]["row"]}); akun ini dilewati.'
                    )
                continue
            seen[key] = e
            rows.append(
                {
                    "platform": platform,
                    "handle": written,
                    "handle_norm": norm,
                    "url": _url_of(platform, written),
                    "opd_id": e["opd_id"],
                }
            )
    frame = pl.DataFrame(
        rows,
        schema={
            "platform": pl.String,
            "handle": pl.String,
            "handle_norm": pl.String,
            "url": pl.String,
            "opd_id": pl.Int64,
        },
    )
    con.register("_master_acc", frame)
    try:
        (n_new,) = con.execute(
            "SELECT count(*) FROM _master_acc m ANTI JOIN account a USING (platform, handle_norm)"
        ).fetchall()[0]
        (n_upd,) = con.execute(
            "SELECT count(*) FROM _master_acc m JOIN account a USING (platform, handle_norm)"
            " WHERE a.opd_id <> m.opd_id OR a.handle <> m.handle OR a.url IS DISTINCT FROM m.url"
        ).fetchall()[0]
        con.execute(
            "UPDATE account SET opd_id = m.opd_id, handle = m.handle, url = m.url FROM _master_acc m"
            " WHERE account.platform = m.platform AND account.handle_norm = m.handle_norm"
            " AND (account.opd_id <> m.opd_id OR account.handle <> m.handle"
            " OR account.url IS DISTINCT FROM m.url)"
        )
        con.execute(
            "INSERT INTO account (opd_id, platform, handle, handle_norm, url)"
            " SELECT opd_id, platform, handle, handle_norm, url FROM _master_acc m"
            " ANTI JOIN account a USING (platform, handle_norm)"
        )
    finally:
        con.unregister("_master_acc")
    report.accounts_new = int(n_new)
    report.accounts_updated = int(n_upd)
