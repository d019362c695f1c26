"""Rapor of every OPD as a ZIP (one PDF each), with and without embedding only the fallback
fonts a PDF's text needs, in the same run. Also times the laporan bulanan and the WhatsApp
recap. Uses the hand warehouse of the tests, repeated OPD pages (`--copies`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports import doc_pdf, fonts, monthly, rapor, whatsapp  # noqa: E402
from tests.factory import JAN, hand_warehouse  # noqa: E402
from warehouse.queries.filters import Filters  # noqa: E402


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=4, help="ZIPs built per variant")
    args = ap.parse_args()
    con = hand_warehouse()
    f = Filters(*JAN)
    doc_pdf.render(monthly.build(con, f))  # warm: fonts parsed once, chart engine started

    def zips() -> None:
        for _ in range(args.copies):
            rapor.to_zip(con, f)

    needed = _timed(zips)
    real_setup = fonts.setup
    with mock.patch.object(fonts, "setup", lambda pdf, core_font=False, text=None:
                           real_setup(pdf, core_font=core_font)):  # fmt: skip
        every = _timed(zips)
    pages = args.copies * 5
    print(f"rapor ZIP, {pages} OPD pages: needed fallbacks only {needed:.1f} s "
          f"({needed / pages:.2f} s/OPD); every fallback font {every:.1f} s "
          f"({every / pages:.2f} s/OPD): {every / needed:.1f}x slower")  # fmt: skip
    print(f"laporan bulanan PDF: {_timed(lambda: doc_pdf.render(monthly.build(con, f))):.1f} s")
    print(f"rekap WhatsApp: {_timed(lambda: whatsapp.recap(con, f)):.2f} s")


if __name__ == "__main__":
    main()
