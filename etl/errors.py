"""Unexpected errors as a user reads them: Bahasa Indonesia, no English exception text, no
bytes from the file. The detail goes to the server log (stderr) for whoever maintains it."""

from __future__ import annotations

import sys
import traceback


def describe(exc: BaseException) -> str:
    """A short Indonesian reason for an unexpected error (never its repr)."""
    traceback.print_exception(exc, file=sys.stderr)
    kind = type(exc).__name__
    if isinstance(exc, MemoryError):
        return "memori server tidak cukup untuk berkas ini; coba lagi saat server lebih lengang"
    if isinstance(exc, RecursionError):
        return "struktur berkas bersarang terlalu dalam"
    if kind in ("TransactionException", "ConstraintException", "ConversionException") or (
        "Conflict" in str(exc)
    ):
        return "gudang data sedang diubah proses lain; muat berkas ini sekali lagi"
    if kind in ("IOException", "OutOfMemoryException"):
        return "gudang data tidak dapat ditulis (ruang disk atau memori habis)"
    return "kesalahan internal program (rinciannya tercatat di log server)"
