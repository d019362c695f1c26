"""Why a sheet or file is not read as posts, in Bahasa Indonesia naming the file and sheet: a
companion export without posts (Meta's daily metrics, TikTok Overview, YouTube Chart data and
Totals: schema.NotAPostExport, skipped), a layout no format recognises (with the columns found
and the ones needed), or a header that names one column twice."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from etl.detect import Detection, closest_format, guess_header_cells
from etl.normalize import header_key
from etl.schema import FileRejected, NotAPostExport
from warehouse.vocabulary import FORMAT_LABELS

MAP_HINT = (
    "Petakan kolom secara manual: di halaman Unggah Data (Petakan kolom secara manual), atau "
    'di CLI dengan --map "Kolom di berkas=published_at".'
)
NEEDED = [
    "Tanggal (published_at)",
    "Link (permalink) atau Platform (platform) atau Judul/Isi (caption)",
]


def daily_metric(rows: list[list[str | None]]) -> str | None:
    """Meta account-level daily file ('sep=,' / metric title / "Tanggal","Primary"): the title."""
    for i, cells in enumerate(rows):
        keys = [header_key(c) for c in cells if c not in (None, "")]
        if len(keys) >= 2 and keys[0] in ("tanggal", "date", "datum") and "primary" in keys[1:]:
            title = None
            if i > 0:
                prev = [c for c in rows[i - 1] if c not in (None, "")]
                if len(prev) == 1 and not str(prev[0]).lower().startswith("sep="):
                    title = str(prev[0]).strip()
            return title or "metrik harian"
    return None


def not_post_export(rows: list[list[str | None]]) -> bool:
    """Per-day overview/totals tables (TikTok Overview, YouTube Chart data/Totals)."""
    for cells in rows[:5]:
        keys = [header_key(c) for c in cells if c not in (None, "")]
        if keys and keys[0] in ("date", "tanggal") and len(keys) >= 2:
            post_words = (
                "link",
                "permalink",
                "title",
                "judul",
                "content",
                "video title",
                "caption",
            )
            if not any(k in post_words or "link" in k for k in keys):
                return True
    return False


def is_chart_data(det: Detection, rows: list[list[str | None]]) -> bool:
    """YouTube Studio "Chart data.csv": one row per day per video (Date, Content, Video title,
    ..., Views). It has the Table data columns, but its views are a day's, not the video's."""
    if det.format != "youtube" or det.row >= len(rows):
        return False
    cells = [header_key(c) for c in rows[det.row] if c not in (None, "")]
    return bool(cells) and cells[0] in ("date", "tanggal")


def reject_chart(name: str, sheet: str | None) -> FileRejected:
    where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
    return NotAPostExport(
        f"{where} adalah data grafik YouTube Studio (tayangan per hari per video, 'Chart data'), "
        "bukan daftar video: dilewati. Unggah 'Table data.csv' dari ekspor yang sama."
    )


def reject_layout(name: str, sheet: str | None, rows: list[list[str | None]]) -> FileRejected:
    where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
    metric = daily_metric(rows)
    if metric is not None or (
        rows and rows[0] and str(rows[0][0] or "").lower().startswith("sep=")
    ):
        return NotAPostExport(
            f"{where} adalah ekspor metrik harian tingkat akun ('{metric or 'metrik harian'}'), "
            "bukan ekspor postingan. Unggah ekspor Konten/postingan dari Meta Business Suite."
        )
    if not_post_export(rows):
        found = guess_header_cells(rows)
        return NotAPostExport(
            f"{where} berisi ringkasan per hari ({', '.join(found)}), bukan ekspor postingan: "
            "dilewati.",
            columns_found=found,
        )
    found = guess_header_cells(rows)
    near = closest_format(rows)
    if near is not None and near.missing:
        label = FORMAT_LABELS[near.format]
        return FileRejected(
            f"{where}: tampak seperti ekspor {label}, tetapi kolom wajibnya tidak lengkap. "
            f"Kolom yang ditemukan: {', '.join(found) if found else '(tidak ada)'}. Kolom "
            f"{label} yang tidak ada: {'; '.join(near.missing)}. Ekspor ulang dengan kolom "
            f"tersebut (judul kolom dalam bahasa Indonesia, Inggris, Spanyol atau Portugis "
            f"dikenali). {MAP_HINT}",
            columns_found=found,
            columns_needed=near.missing,
        )
    return FileRejected(
        f"{where}: tata letak kolom tidak dikenali. Kolom yang ditemukan: "
        f"{', '.join(found) if found else '(tidak ada)'}. Kolom yang dibutuhkan: "
        f"{'; '.join(NEEDED)}, atau ekspor asli Meta Business Suite / TikTok Studio / "
        f"YouTube Studio / X dengan judul kolom aslinya. {MAP_HINT}",
        columns_found=found,
        columns_needed=list(NEEDED),
    )


def duplicate_header(
    name: str, sheet: str | None, cells: list[str | None], det: Detection
) -> FileRejected | None:
    """Two header cells with the same name where one is a column the format reads: which one
    holds the data cannot be known, so the file is refused naming the header (a reader would
    otherwise rename one and leave caption or reach empty for every row)."""
    seen: dict[str, int] = {}
    for j, cell in enumerate(cells):
        key = header_key(cell) if cell not in (None, "") else ""
        if not key:
            continue
        if key in seen and (j in det.columns or seen[key] in det.columns):
            where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
            cols = f"{get_column_letter(seen[key] + 1)} dan {get_column_letter(j + 1)}"
            return FileRejected(
                f"{where}: judul kolom '{str(cell).strip()}' muncul dua kali (kolom {cols}), "
                "sehingga tidak jelas kolom mana yang berisi datanya. Ganti nama atau hapus "
                "salah satu kolom itu, lalu unggah lagi."
            )
        seen.setdefault(key, j)
    return None
