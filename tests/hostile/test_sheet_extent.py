"""etl.filecheck._sheet_extent reads each chunk's cell references at once (distinct column
letters, min/max of the row numbers) instead of one cell at a time: the same (rows, columns)
as the per-cell loop it replaced (kept below word for word), on random sheet XML with cells in
any order, leading zeros, a declared dimension or none, chunk boundaries anywhere (the chunk
made small), and the same refusal of a damaged member."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.filecheck as fc
from etl.schema import FileRejected


def _old_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> tuple[int, int]:
    """_sheet_extent before: one Python step per cell reference."""
    lo_r = lo_c = 1 << 30
    hi_r = hi_c = 0
    tail = b""
    try:
        with zf.open(info) as fh:
            first = True
            while chunk := fh.read(fc._CHUNK):
                buf = tail + chunk
                if first:
                    dim = fc._DIMENSION.search(buf[:8192])
                    if dim:
                        c1, r1, c2, r2 = dim.groups()
                        for c, r in ((c1, r1), (c2 or c1, r2 or r1)):
                            lo_c, hi_c = min(lo_c, fc._col(c)), max(hi_c, fc._col(c))
                            lo_r, hi_r = min(lo_r, int(r)), max(hi_r, int(r))
                    first = False
                for c, r in fc._CELL_REF.findall(buf):
                    cn, rn = fc._col(c), int(r)
                    lo_c, hi_c = min(lo_c, cn), max(hi_c, cn)
                    lo_r, hi_r = min(lo_r, rn), max(hi_r, rn)
                tail = buf[-32:]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise FileRejected(
            f"Berkas '{name}': lembar '{info.filename}' rusak atau terpotong. Buka di Excel lalu "
            "simpan ulang."
        ) from exc
    if not hi_r:
        return 0, 0
    return hi_r - lo_r + 1, hi_c - lo_c + 1


_LETTERS = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3)
_CELL = st.tuples(_LETTERS, st.integers(0, 9_999_999), st.integers(0, 2))  # col, row, zeros


def _xml(cells: list[tuple[str, int, int]], dim: str | None, filler: int) -> bytes:
    parts = [b'<?xml version="1.0"?><worksheet>']
    if dim is not None:
        parts.append(f'<dimension ref="{dim}"/>'.encode())
    parts.append(b"<sheetData>")
    for col, row, zeros in cells:
        ref = f"{col}{'0' * zeros}{row}"[: len(col) + 7]
        parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{"x" * filler}</t></is></c>'.encode())
    parts.append(b"</sheetData></worksheet>")
    return b"".join(parts)


def _zip(xml: bytes) -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", xml)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(_CELL, max_size=40),
    dim=st.one_of(st.none(), st.sampled_from(["A1", "B2:D9", "A1:XFD1048576", "C3:C3"])),
    filler=st.integers(0, 40),
    chunk=st.sampled_from([7, 33, 64, 100, 1 << 20]),
)
def test_extent_equals_the_per_cell_loop(cells, dim, filler, chunk):
    zf = _zip(_xml(cells, dim, filler))
    info = zf.getinfo("xl/worksheets/sheet1.xml")
    real = fc._CHUNK
    fc._CHUNK = chunk
    try:
        assert fc._sheet_extent(zf, info, "b.xlsx") == _old_extent(zf, info, "b.xlsx")
    finally:
        fc._CHUNK = real


def test_a_damaged_member_is_refused_alike():
    good = _zip(_xml([("A", 1, 0), ("C", 40, 0)] * 200, None, 30))
    raw = bytearray(good.fp.getvalue())  # type: ignore[union-attr]
    info = good.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 20
    raw[start : start + 40] = b"\xff" * 40  # the deflated bytes broken
    zf = zipfile.ZipFile(io.BytesIO(bytes(raw)))
    info = zf.getinfo("xl/worksheets/sheet1.xml")
    messages = []
    for fn in (fc._sheet_extent, _old_extent):
        with pytest.raises(FileRejected) as err:
            fn(zf, info, "b.xlsx")
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "rusak atau terpotong" in messages[0]
