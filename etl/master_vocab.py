"""The master list's vocabulary: header spellings, OPD kinds, yes/no words, and how a cell of
the Daftar Akun sheet is read as a kind, a yes/no or a list of accounts.

Headers are compared after normalize_opd_name ("No. HP" -> "no hp"); the words are the ones
Diskominfo's hand-typed sheets use.
"""

from __future__ import annotations

import re

from etl.matching import normalize_opd_name

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


def kind_of(text: str | None) -> str | None:
    norm = normalize_opd_name(text)
    if not norm:
        return None
    if norm in KINDS:
        return norm
    for words, kind in sorted(_KIND_WORDS.items(), key=lambda kv: -len(kv[0])):
        if norm == words or norm.startswith(words + " "):
            return kind
    return None


def yes_no(text: str | None) -> bool | None | str:
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


def split_accounts(cell: str | None) -> list[str]:
    if cell is None or normalize_opd_name(cell) in _EMPTY or cell.strip() in _EMPTY:
        return []
    return [p.strip() for p in re.split(r"[\n;]+", cell) if p.strip() and p.strip() not in _EMPTY]
