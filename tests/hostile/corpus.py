"""The hostile corpus: malformed and hostile files, generated (never committed as binaries),
each with the outcome a load of it must have.

    HostileFile(name, data, expect, words, slow)

expect: the load statuses allowed ("failed" = refused with a loads row, "loaded", "skipped").
words: lower-case fragments the refusal message must contain (what was too large or wrong).
slow: only in the long soak (tests/hostile/soak.py): builds hundreds of MB in memory.
Valid inputs come from tests/cases (golden files), so a control file proves the path works.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "cases"
IG_CSV = CASES / "meta_instagram" / "basic_no_date_column" / "input.csv"
TIKTOK_ZIP = CASES / "tiktok" / "content_zip" / "input.zip"
LOGBOOK_XLSX = CASES / "logbook" / "sheet_per_platform" / "input.xlsx"

REFUSED = ("failed",)


@dataclass
class HostileFile:
    name: str
    data: bytes
    expect: tuple[str, ...]
    words: tuple[str, ...] = ()
    slow: bool = False
    no_posts: bool = False  # whatever the status, no post may come out of it
    opd: str | None = None  # the OPD chosen on the upload page (a logbook names no account)


def _zip(members: list[tuple[str, bytes]], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, blob in members:
            zf.writestr(name, blob)
    return buf.getvalue()


def _zeros_member(zf: zipfile.ZipFile, name: str, size: int) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=True) as fh:
        block = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            fh.write(block)


def _xlsx(sheet_xml: bytes, shared: bytes | None = None) -> bytes:
    """A minimal workbook: one sheet 'Rekap' with the given sheet XML."""
    ct = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        b'"xl/workbook.xml"/></Relationships>'
    )
    wb = (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        b'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships"><sheets><sheet name="Rekap" sheetId="1" r:id='
        b'"rId1"/></sheets></workbook>'
    )
    wb_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        b'"worksheets/sheet1.xml"/>'
        + (
            b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            if shared is not None
            else b""
        )
        + b"</Relationships>"
    )
    members = [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wb_rels),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ]
    if shared is not None:
        members.append(("xl/sharedStrings.xml", shared))
    return _zip(members)


_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main">'
)


def _sheet(cells: bytes, dimension: bytes = b"") -> bytes:
    return _SHEET_HEAD + dimension + b"<sheetData>" + cells + b"</sheetData></worksheet>"


def _nested(depth: int) -> bytes:
    blob = IG_CSV.read_bytes()
    name = "posts.csv"
    for i in range(depth):
        blob = _zip([(name, blob)], level=1)
        name = f"level{i}.zip"
    return blob


def _ig() -> bytes:
    return IG_CSV.read_bytes()


def _ig_lines() -> list[bytes]:
    return _ig().split(b"\n")


def kinds(slow: bool = False) -> Iterator[HostileFile]:  # noqa: PLR0915 - one list of cases, read top to bottom
    rnd = random.Random(11)
    ig, tiktok, logbook = _ig(), TIKTOK_ZIP.read_bytes(), LOGBOOK_XLSX.read_bytes()

    # Controls: the same path loads real files.
    yield HostileFile("kontrol_instagram.csv", ig, ("loaded",))
    yield HostileFile("Content_diskominfo.sukamaju.zip", tiktok, ("loaded",))
    yield HostileFile("kontrol_rekap.xlsx", logbook, ("loaded",), opd="Dinas Kesehatan")

    # xlsx extent and shared strings
    far = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576">'
    far += b'<c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c></row>'
    yield HostileFile("dua_sel_jauh.xlsx", _xlsx(_sheet(far)), REFUSED, ("sel", "batas"))
    dim = b'<dimension ref="A1:XFD1048576"/>'
    one = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    yield HostileFile("dimensi_palsu.xlsx", _xlsx(_sheet(one, dim)), REFUSED, ("sel",))
    wide = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1" t="inlineStr">'
    wide += b"<is><t>y</t></is></c></row>"
    yield HostileFile("satu_baris_lebar.xlsx", _xlsx(_sheet(wide)), ("failed", "skipped"))
    deep_rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    deep_rows += b'<row r="1048576"><c r="Z1048576" t="inlineStr"><is><t>y</t></is></c></row>'
    yield HostileFile("baris_jauh.xlsx", _xlsx(_sheet(deep_rows)), REFUSED, ("sel",))
    for size_mb, big in ((140, False), (300, True)):
        if big and not slow:
            continue
        shared = (
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
            b'org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
            + b"a" * (size_mb << 20)
            + b"</t></si></sst>"
        )
        cells = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        yield HostileFile(
            f"teks_raksasa_{size_mb}mb.xlsx", _xlsx(_sheet(cells), shared), REFUSED,
            ("sharedstrings",), big,
        )  # fmt: skip
    yield HostileFile("xlsx_terpotong.xlsx", logbook[: len(logbook) // 2], REFUSED, ("rusak",))
    yield HostileFile("xlsx_ekor_hilang.xlsx", logbook[:-30], REFUSED, ("rusak",))
    yield HostileFile(
        "sheet_xml_rusak.xlsx", _xlsx(_SHEET_HEAD + b'<sheetData><row r="1"><c r='), REFUSED
    )
    yield HostileFile("xlsx_tanpa_sheet.xlsx", _zip([("xl/workbook.xml", b"<workbook/>")]), REFUSED)
    nested_xml = _SHEET_HEAD + b"<sheetData>" + b"<row>" * 200_000 + b"</sheetData></worksheet>"
    yield HostileFile("xml_bersarang.xlsx", _xlsx(nested_xml), REFUSED)
    formula = b'<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>'
    yield HostileFile("hanya_rumus.xlsx", _xlsx(_sheet(formula)), ("failed", "skipped"))

    # ZIP: bombs, nesting, damage
    for size_mb, big in ((300, False), (2048, True)):
        if big and not slow:
            continue
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("Content.csv", tiktok_member(tiktok))
            _zeros_member(zf, "Overview.csv", size_mb << 20)
        yield HostileFile(
            f"Content_bom{size_mb}.zip", buf.getvalue(), REFUSED, ("mb", "batas"), big
        )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        _zeros_member(zf, "Content.csv", 64 << 20)
    yield HostileFile("Content_rasio.zip", buf.getvalue(), REFUSED, ("memuai",))
    yield HostileFile("zip_bersarang_1100.zip", _nested(1100), REFUSED, ("bersarang",))
    yield HostileFile("zip_bersarang_4.zip", _nested(4), REFUSED, ("bersarang",))
    yield HostileFile("zip_dalam_zip.zip", _nested(2), ("loaded",))
    yield HostileFile("zip_terpotong.zip", tiktok[: len(tiktok) // 2], REFUSED, ("rusak",))
    yield HostileFile("zip_kosong.zip", _zip([]), REFUSED)
    many = _zip([(f"f{i}.txt", b"") for i in range(6000)], level=1)
    yield HostileFile("zip_ribuan_isi.zip", many, REFUSED, ("berisi",))
    yield HostileFile("zip_slip.zip", _zip([("../../../tmp/posts.csv", ig)]), ("loaded", "failed"))
    dup = _zip([("Content.csv", tiktok_member(tiktok)), ("Content.csv", b"\0garbage")])
    yield HostileFile("zip_nama_ganda.zip", dup, ("loaded", "failed"))
    yield HostileFile("zip_sampah.zip", _zip([("a.bin", rnd.randbytes(50_000))]), REFUSED)
    lie = bytearray(_zip([("Content.csv", b"x" * 100)], level=0))
    cd = lie.rfind(b"PK\x01\x02")
    lie[cd + 24 : cd + 28] = (0xFFFFFFF0).to_bytes(4, "little")  # declared size 4 GiB
    yield HostileFile("zip_ukuran_bohong.zip", bytes(lie), REFUSED, ("mb",))
    enc = bytearray(_zip([("Content.csv", b"a,b\n1,2\n")], level=0))
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = enc.find(sig)
        off = 6 if sig == b"PK\x03\x04" else 8
        enc[at + off] |= 1
    yield HostileFile("zip_sandi.zip", bytes(enc), REFUSED, ("sandi",))

    # Not a table at all
    yield HostileFile("kosong.csv", b"", REFUSED, ("kosong",))
    yield HostileFile("spasi.csv", b" \r\n\t\n" * 100, REFUSED, ("kosong",))
    yield HostileFile("hanya_nul.csv", b"\0" * 10_000, REFUSED)
    yield HostileFile("hanya_bom.csv", b"\xef\xbb\xbf", REFUSED, ("kosong",))
    yield HostileFile("sampah_biner.csv", rnd.randbytes(65_536), REFUSED)
    yield HostileFile("sampah_biner.xlsx", rnd.randbytes(65_536), REFUSED)
    yield HostileFile(
        "ole_sampah.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rnd.randbytes(8192), REFUSED
    )
    yield HostileFile("pk_sampah.xlsx", b"PK\x03\x04" + rnd.randbytes(4096), REFUSED, ("rusak",))
    yield HostileFile("gzip.csv", b"\x1f\x8b\x08\x00" + rnd.randbytes(4096), REFUSED)
    yield HostileFile("dokumen.pdf.xlsx", b"%PDF-1.7\n" + rnd.randbytes(4096), REFUSED)
    yield HostileFile("gambar.png.csv", b"\x89PNG\r\n\x1a\n" + rnd.randbytes(4096), REFUSED)
    html = b"<html><body><table><tr><td>Tanggal</td></tr></table></body></html>"
    yield HostileFile("html_sebagai.xls", html, REFUSED)
    yield HostileFile("utf16_sampah.txt", b"\xff\xfe" + rnd.randbytes(4001), REFUSED)

    # Wrong extension, odd text
    yield HostileFile("csv_bernama.xlsx", ig, ("loaded",))
    yield HostileFile("xlsx_bernama.csv", logbook, ("loaded",), opd="Bappeda")
    yield HostileFile("tanpa_ekstensi", ig, ("loaded",))
    yield HostileFile("baris_raksasa.csv", b"a" * (20 << 20) + b"\n1\n", REFUSED)
    yield HostileFile(
        "sepuluh_ribu_kolom.csv", b",".join(b"k%d" % i for i in range(10_000)) + b"\n", REFUSED
    )
    lines = _ig_lines()
    nul = b"\n".join([lines[0], *[ln.replace(b",", b",\0", 1) for ln in lines[1:]]])
    yield HostileFile("nul_di_sel.csv", nul, ("loaded", "failed"))
    yield HostileFile(
        "hanya_judul.csv",
        lines[0] + b"\n",
        ("failed", "skipped", "loaded", "needs_review"),
        no_posts=True,
    )
    yield HostileFile(
        "kutip_tak_tertutup.csv", ig.replace(b'"Foto"', b'"Foto'), ("loaded", "failed")
    )
    blank = lines[0] + b"\n" + b"\n" * 1_000_000
    yield HostileFile(
        "sejuta_baris_kosong.csv",
        blank,
        ("failed", "skipped", "loaded", "needs_review"),
        no_posts=True,
    )
    long_cap = ig.replace(b'"Foto"', b'"' + b"kegiatan posyandu " * 60_000 + b'"')
    yield HostileFile("caption_1mb.csv", long_cap, ("loaded",))
    ctrl = ig.replace(b'"Foto"', b'"Foto\x01\x02\x1b[31m\x7f"')
    yield HostileFile("karakter_kendali.csv", ctrl, ("loaded",))
    inj = ig.replace(b'"Foto"', b'"=HYPERLINK(""http://x"",""klik"")"')
    yield HostileFile("caption_rumus.csv", inj, ("loaded",))
    big_num = ig.replace(b'"10","9","8"', b'"99999999999999999999999","9","8"')
    yield HostileFile("angka_raksasa.csv", big_num, ("loaded",))
    year = ig.replace(b"07/16/2026 07:00", b"07/16/99999 07:00")
    yield HostileFile("tahun_99999.csv", year, ("loaded", "failed"))
    ragged = b"\n".join([lines[0], *[ln + b',"x"' * (i % 5) for i, ln in enumerate(lines[1:])]])
    yield HostileFile("kolom_tak_rata.csv", ragged, ("loaded", "failed"))
    semi = lines[0] + b"\n" + b";" * 100_000 + b"\n"
    yield HostileFile(
        "titik_koma.csv", semi, ("failed", "skipped", "loaded", "needs_review"), no_posts=True
    )


def tiktok_member(tiktok_zip: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(tiktok_zip)) as zf:
        return zf.read("Content.csv")


def corpus(*, slow: bool = False) -> list[HostileFile]:
    """Every kind; the slow ones (hundreds of MB in memory) only when `slow`."""
    return list(kinds(slow))


def write(folder: Path, *, slow: bool = False) -> list[tuple[Path, HostileFile]]:
    """Write the corpus to `folder` (for the CLI and the upload page by hand)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in corpus(slow=slow):
        p = folder / k.name
        p.write_bytes(k.data)
        out.append((p, k))
    return out


Check = Callable[[HostileFile], None]

if __name__ == "__main__":  # python -m tests.hostile.corpus FOLDER [--slow]
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/hostile")
    for p, k in write(target, slow="--slow" in sys.argv):
        print(f"{p}  {os.path.getsize(p):>12,}  {'/'.join(k.expect)}")
