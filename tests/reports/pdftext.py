"""Just enough PDF reading to test our own lampiran (no pdftotext on the CI image, no extra
package): pages, and the text of fpdf2 output (Flate streams, Type0 fonts with a ToUnicode
bfchar map, or core fonts with latin-1 strings)."""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
        b"(": b"(", b")": b")", b"\\": b"\\"}  # fmt: skip


def objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}


def stream(obj: bytes) -> bytes | None:
    m = _STREAM.search(obj)
    if not m:
        return None
    raw = m.group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in obj.split(b"stream")[0] else raw


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def _cmap(text: bytes) -> dict[int, str]:
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            base = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(base + i)
    return out


def _literals(content: bytes):
    """Yield ('font', name) and ('text', raw bytes) in content-stream order."""
    i, n = 0, len(content)
    font_re = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf")
    while i < n:
        m = font_re.match(content, i)
        if m:
            yield "font", m.group(1).decode()
            i = m.end()
            continue
        if content[i : i + 1] == b"(":
            i += 1
            depth, buf = 1, bytearray()
            while i < n:
                c = content[i : i + 1]
                if c == b"\\":
                    nxt = content[i + 1 : i + 2]
                    if nxt in _ESC:
                        buf += _ESC[nxt]
                        i += 2
                        continue
                    octal = re.match(rb"[0-7]{1,3}", content[i + 1 : i + 4])
                    if octal:
                        buf.append(int(octal.group(0), 8))
                        i += 1 + len(octal.group(0))
                        continue
                    i += 1
                    continue
                if c == b"(":
                    depth += 1
                elif c == b")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                buf += c
                i += 1
            yield "text", bytes(buf)
            continue
        i += 1


def text(data: bytes) -> str:
    objs = objects(data)
    fonts: dict[str, dict[int, str] | None] = {}
    for body in objs.values():
        fm = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        if not fm:
            continue
        for name, ref in re.findall(rb"/(F\d+)\s+(\d+)\s+0\s+R", fm.group(1)):
            font = objs[int(ref)]
            tu = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", font)
            fonts[name.decode()] = _cmap(stream(objs[int(tu.group(1))]) or b"") if tu else None
    pieces = []
    for body in objs.values():
        head = body.split(b"stream")[0]
        if b"stream" not in body or b"/Length1" in head or b"/Subtype" in head:
            continue
        content = stream(body)
        if not content or b"Tj" not in content:
            continue
        cmap = None
        for kind, value in _literals(content):
            if kind == "font":
                cmap = fonts.get(value)  # type: ignore[arg-type]
            elif cmap is None:
                pieces.append(value.decode("latin-1"))
            else:
                codes = [int.from_bytes(value[k : k + 2], "big") for k in range(0, len(value), 2)]
                pieces.append("".join(cmap.get(c, "?") for c in codes))
    return "\n".join(pieces)
