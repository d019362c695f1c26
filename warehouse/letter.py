"""The letter settings an analyst fills in once (Pengaturan > Lampiran surat): the kop surat
(government, agency, address, contacts, logo) and who signs (jabatan, nama, pangkat/golongan,
NIP).

Stored as JSON in app_setting under key 'lampiran'; the logo (PNG, at most LOGO_MAX_PX on its
longer side) as base64 under key 'kop_logo'. Empty fields print as dotted blanks to fill in by
hand, the way offices do when the signatory is not known yet.
"""

from __future__ import annotations

import base64
import io
import json
from dataclasses import asdict, dataclass, fields

import duckdb

LETTER_KEY = "lampiran"
LOGO_KEY = "kop_logo"
LOGO_MAX_PX = 600
LOGO_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class LetterSettings:
    region: str = ""  # "Kabupaten Sukamaju"
    place: str = ""  # city in "Sukamaju, 27 November 2026"
    position: str = "Kepala Dinas Komunikasi dan Informatika"
    name: str = ""
    nip: str = ""
    with_signature: bool = True  # lampiran end with the signature block
    rank: str = ""  # pangkat/golongan: "Pembina Utama Muda (IV/c)"
    kop_government: str = ""  # "PEMERINTAH KABUPATEN SUKAMAJU"
    kop_agency: str = "DINAS KOMUNIKASI DAN INFORMATIKA"
    kop_address: str = ""
    kop_phone: str = ""
    kop_email: str = ""
    kop_website: str = ""
    with_kop: bool = True  # lampiran and reports start with the kop surat

    def validate(self) -> list[str]:
        """Problems in Bahasa Indonesia (empty = valid)."""
        problems = []
        digits = self.nip.replace(" ", "")
        if digits and (not digits.isdigit() or len(digits) != 18):
            problems.append("NIP harus 18 angka (spasi boleh), atau dikosongkan.")
        if not self.position.strip():
            problems.append("Jabatan penanda tangan tidak boleh kosong.")
        email = self.kop_email.strip()
        if email and ("@" not in email or " " in email or email.startswith("@")):
            problems.append(
                "Alamat pos-el kop surat tidak valid (contoh: diskominfo@contoh.go.id)."
            )
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


def get_logo(con: duckdb.DuckDBPyConnection) -> bytes | None:
    """The kop logo as PNG bytes, or None when none was uploaded."""
    cur = con.cursor()
    try:
        row = cur.execute("SELECT value FROM app_setting WHERE key = ?", [LOGO_KEY]).fetchone()
    finally:
        cur.close()
    if not row or row[0] is None:
        return None
    raw = json.loads(row[0]) if isinstance(row[0], str) else dict(row[0])
    return base64.b64decode(raw["png_base64"]) if raw.get("png_base64") else None


def save_logo(con: duckdb.DuckDBPyConnection, data: bytes | None, file_name: str = "") -> None:
    """Store an uploaded logo (any image Pillow reads: PNG, JPEG, GIF, BMP, WebP) as PNG, scaled
    down to LOGO_MAX_PX; None removes it. Raises ValueError (Bahasa Indonesia, naming the file)
    for a file that is not an image or is larger than LOGO_MAX_BYTES."""
    if data is None:
        value = json.dumps({"png_base64": None})
    else:
        name = file_name or "berkas logo"
        if len(data) > LOGO_MAX_BYTES:
            raise ValueError(f"{name}: logo lebih dari 5 MB; perkecil gambarnya dulu.")
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(data)) as im:
                im.load()
                im = im.convert("RGBA")
                im.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
                out = io.BytesIO()
                im.save(out, format="PNG")
        except (UnidentifiedImageError, OSError) as exc:
            raise ValueError(
                f"{name}: bukan gambar yang dapat dibaca (unggah PNG atau JPG)."
            ) from exc
        value = json.dumps({"png_base64": base64.b64encode(out.getvalue()).decode("ascii")})
    cur = con.cursor()
    try:
        cur.execute(
            "INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)", [LOGO_KEY, value]
        )
    finally:
        cur.close()
