"""Structure checks run before a file is parsed: what a ZIP or xlsx declares, read without
inflating it, so a small hostile file is refused with a message instead of taking gigabytes.

Checked (limits in warehouse.settings.ParseLimits):
- file size;
- ZIP (xlsx is a ZIP too): member count, each member's declared size, total declared size,
  compression ratio of large members (a "zip bomb"), encrypted members, ZIPs nested in ZIPs;
- xlsx: every worksheet's extent (first to last used row and column, from the sheet XML,
  streamed), so one cell at A1 and one at XFD1048576 is refused before the reader allocates the
  17-billion-cell range; the shared-string table's size.

Python's zipfile never yields more than a member's declared size, so the declared sizes checked
here bound what the readers inflate. Raises schema.FileRejected (Bahasa Indonesia, naming the
file, member or sheet and what was too large). Source of the limits: issue "Hostile files".
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import PurePath

from etl.schema import FileRejected
from warehouse.settings import ParseLimits

_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension ref="([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?"'
)
_CHUNK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / 1_048_576:,.1f} MB".replace(",", "X").replace(".", ",").replace("X", ".")


def _num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_bytes(data: bytes, name: str, limits: ParseLimits, depth: int = 0) -> None:
    """Refuse `data` (file `name`) when its declared structure exceeds `limits`.

    Raises FileRejected; returns None when the file may be parsed."""
    if len(data) > limits.file_bytes:
        raise FileRejected(
            f"Berkas '{name}' terlalu besar ({_mb(len(data))}); batasnya {_mb(limits.file_bytes)}. "
            "Ekspor platform dan rekap OPD biasanya hanya beberapa MB: pecah per bulan."
        )
    if data[:2] != b"PK":
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # the parser refuses a broken ZIP with its own message
    with zf:
        _check_zip(zf, name, limits, depth)


def _check_zip(zf: zipfile.ZipFile, name: str, limits: ParseLimits, depth: int) -> None:
    infos = zf.infolist()
    if len(infos) > limits.zip_members:
        raise FileRejected(
            f"Berkas '{name}' berisi {_num(len(infos))} berkas di dalamnya; batasnya "
            f"{_num(limits.zip_members)}."
        )
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        size, packed = info.file_size, max(info.compress_size, 1)
        total += size
        if size > limits.member_bytes:
            raise FileRejected(
                f"Berkas '{name}': isi '{info.filename}' berukuran {_mb(size)} setelah diekstrak; "
                f"batasnya {_mb(limits.member_bytes)}."
            )
        if size > limits.ratio_min_bytes and size / packed > limits.max_ratio:
            raise FileRejected(
                f"Berkas '{name}': isi '{info.filename}' memuai {_num(size // packed)} kali saat "
                f"diekstrak ({_mb(packed)} menjadi {_mb(size)}); batasnya {_num(limits.max_ratio)} "
                "kali. Berkas seperti ini bukan ekspor yang wajar (bom ZIP)."
            )
    if total > limits.total_bytes:
        raise FileRejected(
            f"Berkas '{name}': seluruh isinya {_mb(total)} setelah diekstrak; batasnya "
            f"{_mb(limits.total_bytes)}."
        )
    names = {i.filename for i in infos}
    props = zf.NameToInfo.get("docProps/core.xml")
    if props is not None and props.file_size > limits.properties_bytes:
        # etl.export_date reads it in the app's own process.
        raise FileRejected(
            f"Berkas '{name}': properti dokumen (docProps/core.xml) berukuran "
            f"{_mb(props.file_size)}; batasnya {_mb(limits.properties_bytes)}."
        )
    if "xl/workbook.xml" in names:
        _check_xlsx(zf, name, limits)
        return
    for info in infos:
        if info.is_dir() or info.flag_bits & 0x1:
            continue
        inner = PurePath(info.filename).suffix.lower()
        if inner not in (".zip", ".xlsx", ".xlsm") and not _starts_pk(zf, info):
            continue
        if depth + 1 > limits.zip_depth:
            raise FileRejected(
                f"Berkas '{name}': ZIP di dalam ZIP bersarang lebih dari {limits.zip_depth} "
                "tingkat. Ekstrak dulu, lalu unggah berkas ekspornya saja."
            )
        blob = _read(zf, info, name)
        check_bytes(blob, f"{name}/{info.filename}", limits, depth + 1)


def _starts_pk(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with zf.open(info) as fh:
            return fh.read(2) == b"PK"
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        return False


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise FileRejected(
            f"Berkas '{name}': isi '{info.filename}' rusak atau terpotong, tidak dapat diekstrak. "
            "Unduh ulang ekspornya."
        ) from exc


def _check_xlsx(zf: zipfile.ZipFile, name: str, limits: ParseLimits) -> None:
    for info in zf.infolist():
        member = info.filename
        if member.startswith("xl/sharedStrings") and info.file_size > limits.shared_strings_bytes:
            raise FileRejected(
                f"Berkas '{name}': tabel teks bersama (sharedStrings) berukuran "
                f"{_mb(info.file_size)}; batasnya {_mb(limits.shared_strings_bytes)}."
            )
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            rows, cols = _sheet_extent(zf, info, name)
            if rows * cols > limits.sheet_cells:
                sheet = PurePath(member).stem
                raise FileRejected(
                    f"Berkas '{name}', {sheet}: rentang sel terpakai {_num(rows)} baris x "
                    f"{_num(cols)} kolom ({_num(rows * cols)} sel); batasnya "
                    f"{_num(limits.sheet_cells)} sel. Hapus isi sel yang jauh di luar tabel "
                    "(Ctrl+End di Excel menunjukkannya), simpan, lalu unggah lagi."
                )


def _sheet_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> tuple[int, int]:
    """(rows, columns) from the first to the last referenced cell, the declared dimension
    included (a reader may allocate either)."""
    lo_r = lo_c = 1 << 30
    hi_r = hi_c = 0
    tail = b""
    try:
        with zf.open(info) as fh:
            first = True
            while chunk := fh.read(_CHUNK):
                buf = tail + chunk
                if first:
                    dim = _DIMENSION.search(buf[:8192])
                    if dim:
                        c1, r1, c2, r2 = dim.groups()
                        for c, r in ((c1, r1), (c2 or c1, r2 or r1)):
                            lo_c, hi_c = min(lo_c, _col(c)), max(hi_c, _col(c))
                            lo_r, hi_r = min(lo_r, int(r)), max(hi_r, int(r))
                    first = False
                refs = _CELL_REF.findall(buf)
                if refs:
                    # Per chunk, not per cell: a sheet has few distinct column letters, and
                    # min/max over the row numbers run in C (the per-cell loop was most of
                    # an xlsx logbook's check).
                    letters, numbers = zip(*refs, strict=True)
                    cols = [_col(c) for c in set(letters)]
                    rows = list(map(int, numbers))
                    lo_c, hi_c = min(lo_c, *cols), max(hi_c, *cols)
                    lo_r, hi_r = min(lo_r, min(rows)), max(hi_r, max(rows))
                tail = buf[-32:]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise FileRejected(
            f"Berkas '{name}': lembar '{info.filename}' rusak atau terpotong. Buka di Excel lalu "
            "simpan ulang."
        ) from exc
    if not hi_r:
        return 0, 0
    return hi_r - lo_r + 1, hi_c - lo_c + 1
