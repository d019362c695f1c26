"""Province-sized export folders in the real layouts, for benchmarks/province.py.

The writers are sample_data/generate.py's own (Meta Instagram CSV: `write_ig_file`, file names
`meta_name`; logbook titles `month_title`, sheet names `sheet_name`, platform spellings
`PLAT_NAMES`, label vocabularies `LABELS`); only the volume is new: `n_opd` OPDs with one
Instagram account each, 5,000-post CSV files (one OPD, one month each) and xlsx logbooks with
one sheet per month under the sample's kop (xlsxwriter: openpyxl would take minutes to write
them). Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sample_data"))

import generate as g  # noqa: E402
from caption_words import WORDS  # noqa: E402

ROWS_PER_CSV = 5_000
KAB = "Provinsi Bench"


@dataclass(frozen=True)
class Opd:
    no: int

    @property
    def name(self) -> str:
        return f"Dinas Uji {self.no:04d}"

    @property
    def handle(self) -> str:
        return f"dinasuji{self.no:04d}.bench"


def opds(n: int) -> list[Opd]:
    return [Opd(i + 1) for i in range(n)]


def write_master(path: Path, n_opd: int) -> Path:
    """A Daftar Akun CSV (the layout etl.master reads): name, short name, Instagram handle."""
    lines = ["No;Nama OPD;Singkatan;Instagram"]
    lines += [f"{o.no};{o.name};DU{o.no};{o.handle}" for o in opds(n_opd)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _caption(rng: random.Random, opd: Opd, when: dt.datetime) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 60)))
    return (
        f"{opd.name} {words.capitalize()}, {g.tgl(when.date())}.\n\n"
        f"#Pemkab{opd.no} #{rng.choice(WORDS).capitalize()}Maju"
    )


def _month(file_no: int, n_opd: int) -> tuple[int, int]:
    # Files cycle through the OPDs, then move one month back: every file is a new OPD-month.
    back = file_no // n_opd
    y, m = 2026, 10 - back
    while m < 1:
        y, m = y - 1, m + 12
    return y, m


def _times(y: int, m: int, n: int, salt: int) -> list[dt.datetime]:
    start = dt.datetime(y, m, 1, 6, 0)
    nxt = dt.datetime(y + (m == 12), m % 12 + 1, 1)
    step = (nxt - start - dt.timedelta(hours=2)) / n
    return [start + step * i + dt.timedelta(seconds=salt % 50) for i in range(n)]


def write_csv(folder: Path, file_no: int, n_opd: int, rows: int = ROWS_PER_CSV, *,
              again: int = 0) -> Path:  # fmt: skip
    """One Meta Business Suite Instagram export: one OPD, one calendar month, `rows` posts.
    again > 0: the same posts exported again two weeks later (a re-export), every metric
    grown by 5 and the caption of every `again`-th post edited (again=10: 10% of them)."""
    opd = opds(n_opd)[file_no % n_opd]
    y, m = _month(file_no, n_opd)
    rng = random.Random(file_no)
    out = []
    for i, when in enumerate(_times(y, m, rows, file_no)):
        pid = f"179{file_no:06d}{i:08d}"
        kind = ("photo", "carousel", "reel")[i % 3]
        caption = _caption(rng, opd, when)
        grown = 5 if again else 0
        if again and i % again == 0:
            caption += "\n\n(Keterangan diperbarui)"
        out.append(
            {
                "Post ID": pid,
                "Account ID": f"1784{opd.no:010d}",
                "Account username": opd.handle,
                "Account name": opd.name,
                "Description": caption,
                "Duration (sec)": 30 if kind == "reel" else 0,
                "Publish time": when,
                "Permalink": f"https://www.instagram.com/p/B{pid}/",
                "Post type": g.IG_TYPE[kind],
                "Data comment": "",
                "Date": "Lifetime",
                "Views": 100 + i % 900 + grown,
                "Reach": 80 + i % 700 + grown,
                "Likes": i % 120 + grown,
                "Shares": i % 9,
                "Follows": i % 3,
                "Comments": i % 17 + grown,
                "Saves": i % 5,
            }
        )
    first = dt.date(y, m, 1)
    last = (dt.datetime(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).date()
    exported = dt.datetime(2026, 11, 19 if again else 5, 9, 0)
    sub = folder / "instagram" / f"DU{opd.no}"
    sub.mkdir(parents=True, exist_ok=True)
    path = sub / g.meta_name(first, last, f"{opd.no:04d}{file_no:08d}")
    g.write_ig_file(path, out, exported, lean=False, semicolon=False)
    return path


def write_logbook(folder: Path, opd_no: int, rows: int, months: int = 10) -> Path:
    """One OPD's hand-kept xlsx logbook ("Rekap Postingan Medsos <OPD> 2026.xlsx"): kop, title,
    header (No, Tanggal, Jam, Media Sosial, Link, Keterangan, Jenis Konten), one sheet per
    month of 2026 (Januari to `months`), `rows` posts spread over them."""
    import xlsxwriter

    opd = Opd(opd_no)
    rng = random.Random(10_000 + opd_no)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"Rekap Postingan Medsos {opd.name} 2026.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    header = ["No", "Tanggal", "Jam", "Media Sosial", "Link", "Keterangan", "Jenis Konten"]
    per = rows // months
    stub = type("O", (), {"nama": opd.name})
    for m in range(1, months + 1):
        ws = wb.add_worksheet(g.sheet_name(2026, m, 1))
        ws.write(0, 0, f"PEMERINTAH KABUPATEN {KAB.upper()}")
        ws.write(1, 0, opd.name.upper())
        ws.write(2, 0, g.month_title(stub, 2026, m))
        ws.write_row(4, 0, header)
        n = per + (rows % months if m == months else 0)
        for i, when in enumerate(_times(2026, m, n, opd_no)):
            r = 5 + i
            cat = rng.choice(list(g.LABELS["std"]))
            code = f"L{opd_no:04d}{m:02d}{i:06d}"
            ws.write_number(r, 0, i + 1)
            ws.write_datetime(r, 1, when.replace(hour=0, minute=0, second=0), date_fmt)
            ws.write_string(r, 2, f"{when:%H.%M}")
            ws.write_string(r, 3, g.PLAT_NAMES["instagram"][i % 4])
            ws.write_string(r, 4, f"https://www.instagram.com/p/{code}/")
            ws.write_string(r, 5, _caption(rng, opd, when))
            ws.write_string(r, 6, g.LABELS["std"][cat])
    wb.close()
    return path
