"""Who signs the lampiran: the letter settings an analyst fills in once (Pengaturan).

Stored as JSON in app_setting under key 'lampiran'. Empty fields print as dotted blanks to fill
in by hand, the way offices do when the signatory is not known yet.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

import duckdb

LETTER_KEY = "lampiran"


@dataclass(frozen=True)
class LetterSettings:
    region: str = ""  # "Kabupaten Sukamaju"
    place: str = ""  # city in "Sukamaju, 27 November 2026"
    position: str = "Kepala Dinas Komunikasi dan Informatika"
    name: str = ""
    nip: str = ""
    with_signature: bool = True  # lampiran end with the signature block

    def validate(self) -> list[str]:
        """Problems in Bahasa Indonesia (empty = valid)."""
        problems = []
        digits = self.nip.replace(" ", "")
        if digits and (not digits.isdigit() or len(digits) != 18):
            problems.append("NIP harus 18 angka (spasi boleh), atau dikosongkan.")
        if not self.position.strip():
            problems.append("Jabatan penanda tangan tidak boleh kosong.")
        return problems


_FIELDS = {f.name for f in fields(LetterSettings)}


def get_letter(con: duckdb.DuckDBPyConnection) -> LetterSettings:
    cur = con.cursor()
    try:
        row = cur.execute("SELECT value FROM app_setting WHERE key = ?", [LETTER_KEY]).fetchone()
    finally:
        cur.close()
    if not row or row[0] is None:
        return LetterSettings()
    raw = json.loads(row[0]) if isinstance(row[0], str) else dict(row[0])
    return LetterSettings(**{k: v for k, v in raw.items() if k in _FIELDS})


def save_letter(con: duckdb.DuckDBPyConnection, letter: LetterSettings) -> None:
    """Validate and store. Raises ValueError with the problems (Bahasa Indonesia)."""
    problems = letter.validate()
    if problems:
        raise ValueError(" ".join(problems))
    cur = con.cursor()
    try:
        cur.execute(
            "INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)",
            [LETTER_KEY, json.dumps(asdict(letter), ensure_ascii=False)],
        )
    finally:
        cur.close()
