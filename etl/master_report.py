"""What a master-list load reports, and the refusal of a whole master list."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MasterReport:
    file: str
    rows_read: int = 0
    opd_new: int = 0
    opd_updated: int = 0
    opd_unchanged: int = 0
    accounts_new: int = 0
    accounts_updated: int = 0
    accounts_dropped: int = 0  # named no more by their OPD's row (etl.account_moves.drop)
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
            f"  Akun dilepas      : {self.accounts_dropped}",
            f"  Alias             : {self.aliases}",
        ]
        lines += [f"  Catatan: {n}" for n in self.notes]
        lines += [f"  Dilewati: {e}" for e in self.errors]
        return "\n".join(lines)


class MasterRejected(Exception):
    """The whole master list cannot be read. Bahasa Indonesia message."""
