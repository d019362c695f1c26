"""Parse one file in a child process with memory, time and output limits.

`parse_file` here has the signature of etl.parse.parse_file and is what the loader and the
upload page call: whatever a file does to the reader (a 17-billion-cell range, a 2 GiB ZIP
member, a ZIP nested 1,000 deep, a crash inside a Rust reader), the child dies or is killed and
the caller gets schema.FileRejected with a Bahasa Indonesia message naming what was too large.
The app and the CLI keep running.

How: a multiprocessing "forkserver" that has imported the parsers once forks the parse
workers (a few ms, no re-import). A worker parses one file after another (etl.parse_pool): per
file it sets RLIMIT_AS (memory) and RLIMIT_CPU (this file's CPU on top of what it used before),
runs etl.filecheck.check_bytes (declared ZIP/xlsx structure), parses, checks the output size and
sends the tables back over a pipe; the parent waits at most ParseLimits.seconds. A worker that
dies, hangs or fails on a file is killed and replaced; a worker that has parsed other files
before and fails is not trusted with the verdict: the file is parsed again in a new worker, so a
file's outcome never depends on what was parsed before it. A new process per file cost about
0.1 to 0.2 CPU-s (polars' and the parsers' caches warmed again each time) on files of 50 rows.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import threading
import traceback
from pathlib import Path, PurePath
from typing import Any

from etl import parse_pool
from etl.schema import FileRejected, NotAPostExport, ParsedTable
from warehouse.settings import ParseLimits, parse_limits

_CTX: Any = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        ctx = mp.get_context("forkserver")
        # Never "__main__": under Streamlit that is its CLI, in a script it may be unguarded.
        # etl.parse_threads first: it sets polars' thread count before polars is imported.
        preload = ["etl.parse_threads", "etl.sandbox", "etl.parse_pool", "etl.parse"]
        ctx.set_forkserver_preload(preload)
        _CTX = ctx
    return _CTX


def parse_file(
    path: str | Path,
    *,
    data: bytes | None = None,
    file_name: str | None = None,
    limits: ParseLimits | None = None,
    **options: Any,
) -> list[ParsedTable]:
    """etl.parse.parse_file in a bounded child process; `options` are its keyword arguments
    (column_map, format_hint, date_order, ...), passed through unchanged. Raises FileRejected
    (or NotAPostExport) only."""
    name = file_name or PurePath(str(path)).name
    lim = limits or parse_limits()
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise FileRejected(f"Berkas {name} tidak dapat dibaca: {exc.strerror}") from exc
    if len(data) > lim.file_bytes:  # before copying it into a child at all
        from etl.filecheck import check_bytes

        check_bytes(data, name, lim)
    msg, exitcode = parse_pool.run((data, name, options, lim), lim.seconds, _context(), _start)
    return _unpack(msg, name, exitcode, lim)


def warm() -> None:
    """Start the parse workers now, in the background (etl.parse_pool.warm)."""
    parse_pool.warm(_context(), _start)


_START = threading.Lock()


def _start(proc: Any) -> None:
    """Start the child without it importing the main module again: multiprocessing tells a
    child to re-run a script-path __main__, which runs an unguarded script a second time (and
    imports Streamlit's CLI in every child). The child needs only etl.sandbox."""
    main = sys.modules.get("__main__")
    with _START:
        saved: dict[str, Any] = {
            k: main.__dict__[k] for k in ("__file__", "__spec__") if main and k in main.__dict__
        }
        try:
            if main is not None:
                main.__dict__.pop("__file__", None)
                main.__dict__["__spec__"] = None
            proc.start()
        finally:
            if main is not None:
                main.__dict__.update(saved)
                if "__file__" not in saved:
                    main.__dict__.pop("__file__", None)
                if "__spec__" not in saved:
                    main.__dict__.pop("__spec__", None)


def _unpack(
    msg: tuple[Any, ...], name: str, exitcode: int | None, lim: ParseLimits
) -> list[ParsedTable]:
    kind = msg[0]
    if kind == "ok":
        tables: list[ParsedTable] = msg[1]
        return tables
    if kind == "rejected":
        cls = NotAPostExport if msg[1] == "NotAPostExport" else FileRejected
        raise cls(msg[2], columns_found=msg[3], columns_needed=msg[4])
    if kind == "died" and exitcode == -24:  # SIGXCPU: the CPU-time limit
        kind = "timeout"
    if kind == "timeout":
        raise FileRejected(
            f"Berkas '{name}' tidak selesai dibaca dalam {lim.seconds:.0f} detik dan dihentikan. "
            "Periksa berkasnya (ukuran, isi yang tidak wajar) atau pecah menjadi beberapa berkas."
        )
    # SIGABRT (a Rust reader's failed allocation), SIGSEGV, SIGKILL (the kernel's OOM killer)
    if kind == "memory" or (kind == "died" and exitcode in (-6, -9, -11)):
        raise FileRejected(
            f"Berkas '{name}' memerlukan memori lebih dari batas {lim.memory_bytes >> 20} MB "
            "untuk dibaca dan dihentikan. Isinya jauh lebih besar daripada ekspor yang wajar "
            "(misalnya rentang sel Excel yang sangat luas atau teks raksasa)."
        )
    if kind == "deep":
        raise FileRejected(
            f"Berkas '{name}' bersarang terlalu dalam (struktur di dalam struktur) untuk dibaca."
        )
    if kind == "output":
        raise FileRejected(msg[1])
    if kind == "error":
        raise FileRejected(
            f"Berkas '{name}' tidak dapat dibaca: isinya tidak berbentuk tabel yang sah "
            f"({msg[1]}). Buka berkas di Excel atau editor teks, periksa, simpan ulang, lalu "
            "unggah lagi."
        )
    raise FileRejected(
        f"Pembaca berkas '{name}' berhenti tidak wajar (kode {exitcode}); berkas ini tidak "
        "dimuat. Periksa berkasnya atau unduh ulang ekspornya."
    )


def _soft(kind: int, value: int) -> None:
    """Set a soft limit, the hard one left as it is: a worker parses file after file and can
    never raise a hard limit again (the files are data, not code: the soft limit binds them)."""
    hard = resource.getrlimit(kind)[1]
    resource.setrlimit(kind, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


def _limit_self(lim: ParseLimits) -> None:
    """This file's limits: memory, and CPU on top of what the worker has used so far."""
    _soft(resource.RLIMIT_AS, lim.memory_bytes)
    me = resource.getrusage(resource.RUSAGE_SELF)
    _soft(resource.RLIMIT_CPU, int(me.ru_utime + me.ru_stime + lim.seconds) + 5)
    # A crash must not write a core file of gigabytes.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def parse_one(data: bytes, name: str, options: dict[str, Any], lim: ParseLimits) -> tuple[Any, ...]:
    """In a parse worker: one file's tables, or what stopped them, as the message to send back
    ("ok", tables) / ("rejected", ...) / ("output", text) / ("memory",) / ("deep",) /
    ("error", hint)."""
    from etl.filecheck import check_bytes
    from etl.parse import parse_file as parse

    try:
        _limit_self(lim)
        check_bytes(data, name, lim)
        tables = parse(name, data=data, file_name=name, **options)
        rows = sum(t.posts.height + t.rejects.height for t in tables)
        size = int(sum(t.posts.estimated_size() + t.rejects.estimated_size() for t in tables))
        if rows > lim.output_rows or size > lim.output_bytes:
            return ("output", _output_message(name, rows, size, lim))
        msg: tuple[Any, ...] = ("ok", tables)
    except FileRejected as exc:
        msg = (
            "rejected", type(exc).__name__, _clean(str(exc)), exc.columns_found,
            exc.columns_needed,
        )  # fmt: skip
    except MemoryError:
        msg = ("memory",)
    except RecursionError:
        msg = ("deep",)
    except Exception as exc:  # noqa: BLE001 - any reader failure refuses this one file
        traceback.print_exc(file=sys.stderr)  # the server log keeps the detail
        msg = ("error", _error_hint(exc))
    return msg


def _output_message(name: str, rows: int, size: int, lim: ParseLimits) -> str:
    return (
        f"Berkas '{name}' menghasilkan {rows:,} baris ({size >> 20} MB); batasnya "
        f"{lim.output_rows:,} baris dan {lim.output_bytes >> 20} MB per berkas. Pecah berkas "
        "per bulan lalu muat satu per satu."
    ).replace(",", ".")


def _error_hint(exc: BaseException) -> str:
    """A short Indonesian reason for a reader error (never its English text or raw bytes)."""
    kind = type(exc).__name__
    if "Compute" in kind or "Schema" in kind or "Shape" in kind:
        return "jumlah kolom atau jenis isi tidak konsisten antarbaris"
    if isinstance(exc, UnicodeError):
        return "penyandian teks tidak dikenali"
    if "zip" in kind.lower() or "zlib" in kind.lower() or isinstance(exc, EOFError):
        return "arsip rusak atau terpotong"
    return "pembaca berkas gagal"


def _clean(text: str, limit: int = 600) -> str:
    """A message safe to show: printable characters only, bounded length (a refusal may quote
    a header; a binary file's "header" is kilobytes of garbage)."""
    out = "".join(ch if ch.isprintable() or ch in "\n\t" else "\ufffd" for ch in text)
    if "\ufffd" * 4 in out:
        out = out.replace("\ufffd", "")
    return out if len(out) <= limit else out[: limit - 1] + "…"
