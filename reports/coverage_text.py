"""The collection checklist as a short text to paste into a WhatsApp group (Bahasa Indonesia).

Input: warehouse.coverage.coverage_missing (one row per OPD: opd, accounts, reason_code,
due_date, operator_name). Operator names are included only when asked (personal data).
WhatsApp formatting: *bold*, one line per OPD, numbered.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from reports import idfmt


def whatsapp_text(
    missing: pl.DataFrame, month: dt.date, *, with_operator: bool = False, today: dt.date
) -> str:
    """'Data medsos November 2026 yang belum masuk (per 30 November 2026): ...' or, when
    nothing is missing, a line saying every account's data arrived."""
    head = f"*Data medsos {idfmt.format_month(month)} yang belum masuk* (per {idfmt.format_date(today)})"
    if missing.height == 0:
        return f"Data medsos {idfmt.format_month(month)}: semua akun OPD sudah masuk. Terima kasih."
    lines = [head]
    for i, r in enumerate(missing.iter_rows(named=True), start=1):
        who = f" (operator: {r['operator_name']})" if with_operator and r["operator_name"] else ""
        lines.append(f"{i}. {r['opd']}{who}: {r['accounts']}")
    due = missing.get_column("due_date").drop_nulls()
    if due.len():
        deadline = due.min()
        if today <= deadline:
            lines.append(
                f"Mohon dikirim paling lambat {idfmt.format_date(deadline)}. Terima kasih."
            )
        else:
            lines.append(
                f"Batas pengumpulan {idfmt.format_date(deadline)} sudah lewat: mohon segera "
                "dikirim. Terima kasih."
            )
    return "\n".join(lines)
