"""Parser speed: parse_file on a generated 100,000-row logbook xlsx and a 100,000-row
Meta Facebook CSV, against row-by-row baselines measured in the same run.

    .venv/bin/python benchmarks/parse_speed.py [--rows 100000] [--repeat 3] [--skip-baseline]

Baselines (what an office script does): openpyxl read_only/values_only over the xlsx and the
csv module over the CSV, each row parsed in Python (strptime attempts with Indonesian month
names, thousands separators stripped). Prints seconds (median of --repeat), rows/s and the
ratio parse_file / baseline. No assertion: figures only (timing asserts are not tests).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.parse import parse_file  # noqa: E402

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]  # fmt: skip
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WORDS = ["kegiatan", "posyandu", "layanan", "informasi", "publik", "selamat", "hari", "capaian", "program", "desa", "warga", "rapat", "koordinasi", "stunting", "imbauan", "jadwal", "pelayanan", "ktp-el", "keliling"]  # fmt: skip
FB_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages",
    "Custom labels", "Funded content status", "Data comment", "Date", "Views", "Reach",
    "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks",
    "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)",
]  # fmt: skip


def _caption(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 50)))


def make_logbook(path: Path, rows: int, seed: int = 1) -> None:
    """Kop + title rows, header on row 4, mixed date styles (date cells, serials, text)."""
    import xlsxwriter

    rnd = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Rekap 2026")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, "PEMERINTAH KABUPATEN SUKAMAJU")
    ws.write(1, 0, "REKAP POSTINGAN MEDIA SOSIAL TAHUN 2026")
    header = [
        "No",
        "Hari/Tanggal",
        "Jam",
        "Platform",
        "Link Postingan",
        "Judul/Isi",
        "Jenis Konten",
    ]
    for j, h in enumerate(header):
        ws.write(3, j, h)
    base = dt.datetime(2025, 12, 1)
    plats = [("Facebook", "https://www.facebook.com/6155/posts/"), ("Instagram", "https://www.instagram.com/p/"),
             ("TikTok", "https://www.tiktok.com/@opd/video/")]  # fmt: skip
    for i in range(rows):
        r = 4 + i
        d = base + dt.timedelta(minutes=rnd.randint(0, 365 * 24 * 60))
        ws.write_number(r, 0, i + 1)
        style = i % 4
        if style == 0:
            ws.write_datetime(r, 1, d.replace(hour=0, minute=0), date_fmt)
        elif style == 1:
            ws.write_number(r, 1, (d.date() - dt.date(1899, 12, 30)).days)
        elif style == 2:
            ws.write_string(
                r, 1, f"{ID_DAYS[d.weekday()]}, {d.day} {ID_MONTHS[d.month - 1]} {d.year}"
            )
        else:
            ws.write_string(r, 1, d.strftime("%d/%m/%Y"))
        ws.write_string(r, 2, d.strftime("%H.%M"))
        name, url = plats[i % 3]
        ws.write_string(r, 3, name)
        ws.write_string(r, 4, f"{url}{1000000 + i}")
        ws.write_string(r, 5, _caption(rnd))
        ws.write_string(r, 6, rnd.choice(["Kegiatan", "Ucapan", "Informasi"]))
    r = 4 + rows
    ws.write(r, 0, "JUMLAH")
    ws.write(r + 2, 5, "Mengetahui,")
    ws.write(r + 3, 5, "Kepala Dinas")
    wb.close()


def make_fb_csv(path: Path, rows: int, seed: int = 2) -> None:
    rnd = random.Random(seed)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FB_HEADER)
    base = dt.datetime(2025, 12, 1)
    for i in range(rows):
        d = base + dt.timedelta(minutes=rnd.randint(0, 365 * 24 * 60))
        pid = str(122100000000000000 + i)
        cap = _caption(rnd) + ("\n#SukamajuSehat 🎉" if i % 5 == 0 else "")
        w.writerow([pid, "61550123456789", "Dinas Kesehatan", "" if i % 3 else cap[:40],
                    cap, "", d.strftime("%m/%d/%Y %H:%M"), "", f"https://www.facebook.com/61550123456789/posts/{pid}",
                    "No", "No", rnd.choice(["Photos", "Videos", "Reels", "Links", "Text"]), "", "", "", "",
                    "Lifetime", f"{rnd.randint(0, 2_000_000):,}", str(rnd.randint(0, 900_000)), "0",
                    str(rnd.randint(0, 5000)), str(rnd.randint(0, 300)), str(rnd.randint(0, 200)), "0", "0", "0"])  # fmt: skip
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


# --- row-by-row baseline --------------------------------------------------------------------
_MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(ID_MONTHS)}


def _py_date(v: object) -> dt.datetime | None:
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, (int, float)):
        return dt.datetime(1899, 12, 30) + dt.timedelta(days=float(v))
    if not isinstance(v, str):
        return None
    s = v.split(",", 1)[1].strip() if "," in v else v.strip()
    parts = s.split()
    if len(parts) == 3 and parts[1].lower() in _MONTH_NUM:
        s = f"{parts[0]}/{_MONTH_NUM[parts[1].lower()]}/{parts[2]}"
    for fmt in ("%d/%m/%Y", "%m/%d/%Y %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None


def _py_int(v: object) -> int | None:
    if v is None or v == "":
        return None
    try:
        return int(str(v).replace(",", "").replace(".", ""))
    except ValueError:
        return None


def baseline_xlsx(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = []
    for row in wb.worksheets[0].iter_rows(min_row=5, values_only=True):
        if not row or row[4] is None:
            continue
        out.append((_py_date(row[1]), row[3], row[4], row[5], row[6]))
    wb.close()
    return len(out)


def baseline_csv(path: Path) -> int:
    out = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            cap = max(rec["Title"], rec["Description"], key=len)
            out.append((_py_date(rec["Publish time"]), cap, rec["Permalink"], _py_int(rec["Views"]),
                        _py_int(rec["Reach"]), _py_int(rec["Reactions"])))  # fmt: skip
    return len(out)


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        xlsx, fbcsv = Path(tmp) / "logbook.xlsx", Path(tmp) / "fb.csv"
        t0 = time.perf_counter()
        make_logbook(xlsx, args.rows)
        make_fb_csv(fbcsv, args.rows)
        print(f"generated {args.rows:,} rows x 2 files in {time.perf_counter() - t0:.1f} s "
              f"(xlsx {xlsx.stat().st_size / 1e6:.1f} MB, csv {fbcsv.stat().st_size / 1e6:.1f} MB)")  # fmt: skip
        for label, path, base in (
            ("logbook xlsx", xlsx, baseline_xlsx),
            ("facebook csv", fbcsv, baseline_csv),
        ):
            secs, tables = timed(lambda p=path: parse_file(p), args.repeat)
            n = sum(t.posts.height for t in tables)  # type: ignore[union-attr]
            rej = sum(t.rejects.height for t in tables)  # type: ignore[union-attr]
            line = f"{label:13s} parse_file {secs:6.2f} s  {n / secs:>10,.0f} rows/s  ({n:,} posts, {rej} rejects)"
            if not args.skip_baseline:
                bsecs, bn = timed(lambda p=path, f=base: f(p), 1 if args.repeat < 3 else 2)
                name = "openpyxl" if path.suffix == ".xlsx" else "csv module"
                line += (f" | {name} row-by-row {bsecs:6.2f} s  {bn / bsecs:>9,.0f} rows/s"  # type: ignore[operator]
                         f" | speed-up {bsecs / secs:4.1f}x")  # fmt: skip
            print(line)


if __name__ == "__main__":
    main()
