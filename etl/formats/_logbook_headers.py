"""The words of a hand-kept logbook's header row and sheet names: every spelling of each column
offices use (HEADERS, with the columns a logbook needs: REQUIRED), a link column per platform
("Link IG", "Tautan TikTok": link_column_field) and a sheet named after its platform
(sheet_platform). The logbook format itself: etl.formats.logbook."""

from __future__ import annotations

from etl.normalize import header_key
from etl.post_values import PLATFORM_VALUES

# Order inside a tuple is priority: with both "Judul" and "Keterangan", Judul is the caption.
HEADERS: dict[str, tuple[str, ...]] = {
    "row_no": ("No", "No.", "Nomor", "No Urut", "Nmr"),
    "published_at": (
        "Tanggal",
        "Tgl",
        "Tgl.",
        "Hari Tanggal",
        "Hari/Tanggal",
        "Hari, Tanggal",
        "Tanggal Unggah",
        "Tgl Unggah",
        "Tanggal Upload",
        "Tanggal Posting",
        "Tanggal Postingan",
        "Tanggal Publikasi",
        "Tanggal Tayang",
        "Tanggal Terbit",
        "Waktu Posting",
        "Date",
        "Tanggal dan Waktu",
    ),
    "time": ("Jam", "Pukul", "Jam Posting", "Jam Unggah", "Waktu", "Jam Tayang", "Time"),
    "day": ("Hari",),
    "platform": (
        "Platform",
        "Media",
        "Media Sosial",
        "Medsos",
        "Jenis Media",
        "Saluran",
        "Kanal",
        "Platform Media Sosial",
    ),
    "permalink": (
        "Link",
        "Tautan",
        "Link Postingan",
        "URL",
        "Link Konten",
        "Tautan Postingan",
        "Link Unggahan",
        "Alamat Link",
        "Link/Tautan",
        "Link Publikasi",
        "Permalink",
    ),
    "caption": (
        "Judul",
        "Judul Konten",
        "Judul Postingan",
        "Judul Kegiatan",
        "Nama Kegiatan",
        "Uraian Kegiatan",
        "Judul Berita",
        "Kegiatan",
        "Deskripsi",
        "Isi",
        "Isi Konten",
        "Isi Postingan",
        "Caption",
        "Topik Konten",
        "Topik",
        "Tema",
        "Materi",
        "Uraian",
        "Konten",
        "Judul/Isi",
        "Keterangan",
    ),
    "logbook_label": ("Jenis", "Jenis Konten", "Kategori", "Kategori Konten", "Jenis Informasi"),
    "post_format_raw": (
        "Jenis Postingan",
        "Format",
        "Format Konten",
        "Jenis Postingan/Format",
        "Bentuk",
        "Bentuk Konten",
        "Tipe Konten",
        "Tipe Postingan",
    ),
    "opd_hint": ("Nama OPD", "OPD", "Perangkat Daerah", "Unit Kerja", "Instansi", "Nama Instansi"),
    "account_handle": ("Akun", "Nama Akun", "Username", "Akun Medsos", "Akun Media Sosial"),
    "admin": ("Admin", "Petugas", "Operator", "Nama Admin", "PIC"),
    "status": ("Status",),
    "views": ("Views", "Tayangan", "Dilihat", "Jumlah Tayangan", "Penayangan"),
    "reach": ("Jangkauan", "Reach"),
    "reactions": ("Like", "Likes", "Suka", "Jumlah Like", "Reaksi"),
    "comments": ("Komentar", "Comments", "Jumlah Komentar"),
    "shares": ("Share", "Shares", "Dibagikan", "Bagikan"),
}
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("published_at",),
    (
        "permalink",
        "platform",
        "caption",
        "link_facebook",
        "link_instagram",
        "link_tiktok",
        "link_youtube",
        "link_x",
    ),
)

# Headers like "Facebook", "Link IG", "Tautan Instagram", "URL TikTok": one link per platform.
_LINK_WORDS = {"link", "tautan", "url", "akun", "postingan"}


def link_column_field(key: str) -> str | None:
    """'link fb' / 'instagram' / 'tautan tiktok' -> 'link_<platform>', else None."""
    words = key.split()
    rest = [w for w in words if w not in _LINK_WORDS]
    if not rest or len(rest) > 2:
        return None
    plat = PLATFORM_VALUES.get(" ".join(rest))
    if plat is None:
        return None
    if rest == ["x"] and words == ["x"]:
        return "link_x"
    return f"link_{plat}"


def sheet_platform(sheet: str | None) -> str | None:
    """'Instagram', 'IG Januari', 'FB' as a sheet name -> platform (per-platform sheets)."""
    if not sheet:
        return None
    key = header_key(sheet)
    if key in PLATFORM_VALUES:
        return PLATFORM_VALUES[key]
    for w in key.split():
        if len(w) > 1 and w in PLATFORM_VALUES and w not in ("tt", "tw"):
            return PLATFORM_VALUES[w]
    return None
