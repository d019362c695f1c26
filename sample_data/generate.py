#!/usr/bin/env python3
"""Rebuild the bundled sample data of the fictional Kabupaten Sukamaju.

Deterministic: the same --seed gives byte-identical CSV/TXT files and byte-identical xlsx/zip
files (fixed workbook properties and fixed ZIP entry timestamps).

    .venv/bin/python sample_data/generate.py [--seed 20261123] [--out sample_data]

Everything here is fictional: names, handles, IDs, phone numbers and numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import os
import random
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

DEFAULT_SEED = 20261123
KAB = "Sukamaju"
MASTER_NAME = f"Daftar Akun Medsos OPD Kabupaten {KAB} 2026.xlsx"
FIXED_TS = dt.datetime(2026, 11, 21, 8, 0, 0)
ZIP_TS = (2026, 11, 21, 8, 0, 0)
MONTHS = [(2025, 12)] + [(2026, m) for m in range(1, 12)]
LAST_DAY = dt.date(2026, 11, 20)  # Nov 2026 is partial: exports pulled on 20-22 Nov

BUPATI = "H. Asep Rukmana Wiratmaja, S.H., M.H."
WABUP = "Hj. Rina Marlina Dewi, S.Pd., M.Si."
SEKDA = "Dr. H. Ujang Sobari, M.Si."

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
BULAN3 = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# ---------------------------------------------------------------------------------------------
# The OPD master list.  profile: very/steady/low/never; dormant/start = "YYYY-MM"; mix: ucapan /
# balanced / kinerja.  fb/ig export cadence: M monthly, Q quarterly, None = not exported.
# ---------------------------------------------------------------------------------------------


@dataclass
class Opd:
    key: str
    nama: str
    singkatan: str
    jenis: str
    induk: str
    profile: str
    mix: str
    ig: str = ""
    fb: str = ""
    tt: str = ""
    yt: str = ""
    x: str = ""
    fb_export: str | None = None
    ig_export: str | None = None
    logbook: str | None = None
    dormant: str | None = None
    start: str | None = None
    operator: str = ""
    hp: str | int = ""
    pelatihan: str = ""
    page_name: str = ""
    kepala: str = ""
    tags: list[str] = field(default_factory=list)


def _k(n: str) -> str:
    return n.lower().replace(" ", "")


KEC = [
    "Sukamaju Kota",
    "Cibening",
    "Sukaresmi",
    "Margaluyu",
    "Cipanas Hilir",
    "Tanjungsari",
    "Mekarjaya",
    "Pasirwangi",
    "Karangtengah",
    "Sindangbarang",
]
DESA = [
    ("Kelurahan Pasirkaliki", "Sukamaju Kota"),
    ("Kelurahan Sukamaju Kidul", "Sukamaju Kota"),
    ("Desa Cibening Girang", "Cibening"),
    ("Desa Sindanglaya", "Sukaresmi"),
    ("Desa Margamulya", "Margaluyu"),
    ("Desa Tanjungwangi", "Tanjungsari"),
    ("Desa Mekarwangi", "Mekarjaya"),
    ("Desa Karangsari", "Karangtengah"),
]


def build_opds() -> list[Opd]:
    S = "Sekretariat Daerah"
    o = [
        Opd(
            "setda",
            "Sekretariat Daerah",
            "Setda",
            "Sekretariat",
            "",
            "never",
            "balanced",
            ig="-",
            fb="-",
            pelatihan="",
        ),
        Opd(
            "prokopim",
            "Bagian Protokol dan Komunikasi Pimpinan",
            "Bagian Prokopim",
            "Bagian",
            S,
            "very",
            "ucapan",
            ig="@prokopim.sukamaju",
            fb="https://www.facebook.com/prokopimsukamaju",
            tt="@prokopim.sukamaju",
            yt="Prokopim Sukamaju",
            x="@prokopim_skmj",
            fb_export="M",
            ig_export="Q",
            page_name="Prokopim Setda Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "umum",
            "Bagian Umum",
            "Bag. Umum",
            "Bagian",
            S,
            "steady",
            "ucapan",
            fb="Bagian Umum Setda Sukamaju",
            ig="-",
            fb_export="Q",
            dormant="2026-06",
            page_name="Bagian Umum Setda Sukamaju",
            pelatihan="Tidak",
        ),
        Opd(
            "kesra",
            "Bagian Kesejahteraan Rakyat",
            "Bag. Kesra",
            "Bagian",
            S,
            "low",
            "ucapan",
            ig="kesra.sukamaju",
            fb="Kesra Setda Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Kesra Setda Sukamaju",
            pelatihan="Belum",
        ),
        Opd(
            "hukum",
            "Bagian Hukum",
            "Bag. Hukum",
            "Bagian",
            S,
            "never",
            "balanced",
            ig="@baghukum.sukamaju",
            fb="-",
            pelatihan="Belum",
        ),
        Opd(
            "disdikbud",
            "Dinas Pendidikan dan Kebudayaan",
            "Disdikbud",
            "Dinas",
            "",
            "steady",
            "balanced",
            ig="@disdikbud.sukamaju",
            fb="Disdikbud Kabupaten Sukamaju",
            yt="Disdikbud Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Disdikbud Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "dinkes",
            "Dinas Kesehatan",
            "Dinkes",
            "Dinas",
            "",
            "very",
            "kinerja",
            ig="@dinkes.sukamaju",
            fb="Dinas Kesehatan Kabupaten Sukamaju",
            tt="@dinkes.sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Dinas Kesehatan Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "disdukcapil",
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Disdukcapil",
            "Dinas",
            "",
            "very",
            "kinerja",
            ig="https://www.instagram.com/disdukcapil_sukamaju/",
            fb="https://web.facebook.com/disdukcapil.sukamaju",
            tt="@disdukcapil_sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Disdukcapil Kab. Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "diskominfo",
            "Dinas Komunikasi dan Informatika",
            "Diskominfo",
            "Dinas",
            "",
            "very",
            "balanced",
            ig="@diskominfo.sukamaju",
            fb="https://www.facebook.com/diskominfosukamaju",
            tt="@diskominfo.sukamaju",
            yt="https://www.youtube.com/@diskominfosukamaju",
            x="https://x.com/diskominfo_skmj",
            fb_export="M",
            ig_export="Q",
            page_name="Diskominfo Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "dpmptsp",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            "DPMPTSP",
            "Dinas",
            "",
            "steady",
            "kinerja",
            ig="@dpmptsp.sukamaju",
            fb="DPMPTSP Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="DPMPTSP Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "dinsos",
            "Dinas Sosial",
            "Dinsos",
            "Dinas",
            "",
            "steady",
            "balanced",
            ig="@dinsos.sukamaju",
            fb="Dinas Sosial Kab Sukamaju",
            logbook="A_opd",
            page_name="Dinas Sosial Kab Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "distan",
            "Dinas Pertanian",
            "Distan",
            "Dinas",
            "",
            "steady",
            "ucapan",
            ig="@distan_sukamaju",
            fb="Dinas Pertanian Kabupaten Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Dinas Pertanian Kabupaten Sukamaju",
            pelatihan="Tidak",
        ),
        Opd(
            "dlh",
            "Dinas Lingkungan Hidup",
            "DLH",
            "Dinas",
            "",
            "steady",
            "balanced",
            ig="@dlh.sukamaju",
            fb="DLH Sukamaju",
            tt="@dlh.sukamaju",
            logbook="D",
            pelatihan="Ya",
        ),
        Opd(
            "dishub",
            "Dinas Perhubungan",
            "Dishub",
            "Dinas",
            "",
            "low",
            "ucapan",
            fb="https://facebook.com/dishubsukamaju",
            ig="-",
            fb_export="Q",
            page_name="Dishub Sukamaju",
            pelatihan="",
        ),
        Opd(
            "pupr",
            "Dinas Pekerjaan Umum dan Penataan Ruang",
            "Dinas PUPR",
            "Dinas",
            "",
            "steady",
            "kinerja",
            ig="@pupr.sukamaju",
            fb="Dinas PUPR Kabupaten Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Dinas PUPR Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "disnaker",
            "Dinas Tenaga Kerja",
            "Disnaker",
            "Dinas",
            "",
            "steady",
            "kinerja",
            ig="@disnaker.sukamaju",
            fb="Disnaker Sukamaju",
            fb_export="Q",
            ig_export="Q",
            start="2026-03",
            page_name="Disnaker Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "disporapar",
            "Dinas Pemuda, Olahraga dan Pariwisata",
            "Disporapar",
            "Dinas",
            "",
            "steady",
            "balanced",
            ig="@disporapar.sukamaju",
            fb="Disporapar Sukamaju",
            tt="@wisatasukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Disporapar Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "diskopdag",
            "Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan",
            "Diskopdag",
            "Dinas",
            "",
            "low",
            "ucapan",
            ig="@diskopdag.sukamaju",
            fb="Diskopdag Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Diskopdag Sukamaju",
            pelatihan="Belum",
        ),
        Opd(
            "dpmd",
            "Dinas Pemberdayaan Masyarakat dan Desa",
            "DPMD",
            "Dinas",
            "",
            "steady",
            "balanced",
            ig="@dpmd.sukamaju",
            fb="DPMD Kabupaten Sukamaju",
            fb_export="Q",
            ig_export="Q",
            dormant="2026-04",
            page_name="DPMD Kabupaten Sukamaju",
            pelatihan="Tidak",
        ),
        Opd(
            "dp3akb",
            "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
            "DP3AKB",
            "Dinas",
            "",
            "steady",
            "ucapan",
            ig="@dp3akb.sukamaju",
            fb="DP3AKB Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="DP3AKB Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "bappeda",
            "Badan Perencanaan Pembangunan Daerah",
            "Bappeda",
            "Badan",
            "",
            "low",
            "kinerja",
            ig="@bappeda.sukamaju",
            fb="Bappeda Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Bappeda Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "bpbd",
            "Badan Penanggulangan Bencana Daerah",
            "BPBD",
            "Badan",
            "",
            "steady",
            "kinerja",
            ig="@bpbd.sukamaju",
            fb="https://www.facebook.com/bpbdkabsukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="BPBD Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "bkpsdm",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "BKPSDM",
            "Badan",
            "",
            "steady",
            "ucapan",
            ig="@bkpsdm.sukamaju",
            fb="BKPSDM Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="BKPSDM Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "bapenda",
            "Badan Pendapatan Daerah",
            "Bapenda",
            "Badan",
            "",
            "steady",
            "kinerja",
            ig="@bapenda.sukamaju",
            fb="Bapenda Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Bapenda Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
        Opd(
            "kesbangpol",
            "Badan Kesatuan Bangsa dan Politik",
            "Kesbangpol",
            "Badan",
            "",
            "never",
            "balanced",
            ig="-",
            fb="-",
            pelatihan="Belum",
        ),
        Opd(
            "inspektorat",
            "Inspektorat Daerah",
            "Inspektorat",
            "Inspektorat",
            "",
            "low",
            "ucapan",
            fb="Inspektorat Kabupaten Sukamaju",
            ig="",
            fb_export="Q",
            page_name="Inspektorat Kabupaten Sukamaju",
            pelatihan="Tidak",
        ),
        Opd(
            "rsud",
            "Rumah Sakit Umum Daerah Sukamaju",
            "RSUD Sukamaju",
            "RSUD",
            "",
            "very",
            "kinerja",
            ig="@rsud.sukamaju",
            fb="RSUD Sukamaju Official",
            fb_export="Q",
            ig_export="Q",
            page_name="RSUD Sukamaju Official",
            pelatihan="Ya",
        ),
        Opd(
            "satpolpp",
            "Satuan Polisi Pamong Praja",
            "Satpol PP",
            "Satpol PP",
            "",
            "steady",
            "balanced",
            ig="@satpolpp.sukamaju",
            fb="Satpol PP Kabupaten Sukamaju",
            fb_export="Q",
            ig_export="Q",
            page_name="Satpol PP Kabupaten Sukamaju",
            pelatihan="Ya",
        ),
    ]
    kec_cfg = {  # name: (profile, logbook variant, dormant, start)
        "Sukamaju Kota": ("steady", "A", None, None),
        "Cibening": ("steady", "B", None, None),
        "Sukaresmi": ("steady", "C", None, None),
        "Margaluyu": ("steady", "A_text", None, None),
        "Cipanas Hilir": ("steady", "U16", None, None),
        "Tanjungsari": ("steady", "B", "2026-08", None),
        "Mekarjaya": ("steady", "A_long", None, None),
        "Pasirwangi": ("never", None, None, None),
        "Karangtengah": ("low", "C", None, None),
        "Sindangbarang": ("steady", "B", None, "2026-05"),
    }
    for name in KEC:
        prof, lb, dorm, start = kec_cfg[name]
        h = _k(name)
        o.append(
            Opd(
                f"kec_{h}",
                f"Kecamatan {name}",
                f"Kec. {name}",
                "Kecamatan",
                "",
                prof,
                "ucapan" if name in ("Cibening", "Mekarjaya") else "balanced",
                ig="-" if prof == "never" else f"@kec.{h}",
                fb="" if prof == "never" else f"Kecamatan {name}",
                logbook=lb,
                dormant=dorm,
                start=start,
                pelatihan="Belum" if prof == "never" else "Ya",
            )
        )
    desa_cfg = {
        "Kelurahan Pasirkaliki": ("steady", "A"),
        "Kelurahan Sukamaju Kidul": ("low", "B"),
        "Desa Cibening Girang": ("steady", "CSV"),
        "Desa Sindanglaya": ("low", "C"),
        "Desa Margamulya": ("steady", "A"),
        "Desa Tanjungwangi": ("never", None),
        "Desa Mekarwangi": ("steady", "A_bad"),
        "Desa Karangsari": ("low", "B"),
    }
    for name, kec in DESA:
        prof, lb = desa_cfg[name]
        short = name.split(" ", 1)[1]
        h = _k(short)
        o.append(
            Opd(
                f"desa_{h}",
                name,
                short,
                "Kelurahan" if name.startswith("Kel") else "Desa",
                f"Kecamatan {kec}",
                prof,
                "balanced",
                ig="" if prof == "never" else f"@{'kel' if name.startswith('Kel') else 'desa'}{h}",
                fb="" if prof == "never" else f"Pemdes {short}",
                logbook=lb,
                dormant="2026-04" if short == "Margamulya" else None,
                pelatihan="" if prof == "never" else "Belum",
            )
        )
    return o


FIRST = [
    "Asep",
    "Dede",
    "Rina",
    "Siti",
    "Yusuf",
    "Ahmad",
    "Nurul",
    "Rizki",
    "Dewi",
    "Fajar",
    "Indra",
    "Lilis",
    "Agus",
    "Rahmat",
    "Wulan",
    "Hendra",
    "Yuni",
    "Dian",
    "Ilham",
    "Neng",
    "Cecep",
    "Teguh",
    "Ratna",
    "Irfan",
    "Sri",
    "Budi",
    "Eka",
    "Galih",
    "Putri",
    "Yayan",
]
LAST = [
    "Saepudin",
    "Hidayat",
    "Kurniawan",
    "Rahayu",
    "Permana",
    "Nurjanah",
    "Setiawan",
    "Maulana",
    "Fitriani",
    "Sopandi",
    "Ramdani",
    "Hermawan",
    "Suryana",
    "Lestari",
    "Gunawan",
    "Fauzi",
    "Komara",
    "Sulastri",
    "Mulyana",
    "Anggraeni",
]


def person(rng: random.Random, title: bool = False) -> str:
    n = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if title:
        pre = rng.choice(["Drs. ", "H. ", "Dr. ", "dr. ", "Ir. ", "", "Hj. "])
        suf = rng.choice(
            [
                ", S.Sos., M.Si.",
                ", S.T., M.T.",
                ", M.Kes.",
                ", S.E., M.M.",
                ", S.IP., M.Si.",
                ", S.Pd., M.Pd.",
                ", M.AP.",
            ]
        )
        return pre + n + suf
    return n


def phone(rng: random.Random) -> str | int:
    digits = (
        "8"
        + rng.choice(["12", "13", "21", "22", "52", "57", "77", "95"])
        + "".join(rng.choice("0123456789") for _ in range(8))
    )
    style = rng.randrange(5)
    if style == 0:
        return f"0{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == 1:
        return f"+62 {digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 2:
        return int("62" + digits)  # typed as a number: Excel shows 6.28E+12 unless widened
    return "0" + digits


def fill_people(opds: list[Opd], rng: random.Random) -> None:
    for op in opds:
        op.kepala = person(rng, True)
        if op.profile == "never" or rng.random() < 0.05:
            op.operator, op.hp = "", ""
        else:
            op.operator = person(rng) + rng.choice(["", "", ", S.Kom.", ", A.Md.", ", S.I.Kom."])
            op.hp = phone(rng)


# ---------------------------------------------------------------------------------------------
# Content: holidays, topics, captions
# ---------------------------------------------------------------------------------------------

HOLIDAYS: list[tuple[str, str, str]] = [  # date, greeting, message
    (
        "2025-12-03",
        "Hari Bakti Pekerjaan Umum ke-80",
        "Membangun infrastruktur untuk kesejahteraan rakyat.",
    ),
    (
        "2025-12-19",
        "Hari Bela Negara",
        "Bela negara dimulai dari hal kecil: disiplin dan cinta tanah air.",
    ),
    ("2025-12-22", "Hari Ibu ke-97", "Perempuan berdaya dan berkarya menuju Indonesia Emas 2045."),
    ("2025-12-25", "Hari Raya Natal 2025", "Semoga damai Natal menyertai kita semua."),
    (
        "2026-01-01",
        "Tahun Baru 2026",
        "Semoga tahun ini membawa semangat baru dalam melayani masyarakat.",
    ),
    (
        "2026-01-16",
        "Peringatan Isra Mi'raj Nabi Muhammad SAW 1447 H",
        "Mari teladani akhlak Rasulullah SAW.",
    ),
    ("2026-02-09", "Hari Pers Nasional 2026", "Pers sehat, bangsa kuat."),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "Gong Xi Fa Cai, semoga membawa kemakmuran."),
    (
        "2026-02-18",
        "Menunaikan Ibadah Puasa Ramadan 1447 H",
        "Marhaban ya Ramadhan, semoga ibadah kita diterima.",
    ),
    (
        "2026-03-03",
        "HUT Satpol PP ke-76 dan Satlinmas ke-64",
        "Humanis, profesional, dan berintegritas.",
    ),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", "Semoga kedamaian selalu menyertai."),
    (
        "2026-03-20",
        "Hari Raya Idul Fitri 1447 H",
        "Taqabbalallahu minna wa minkum. Mohon maaf lahir dan batin.",
    ),
    (
        "2026-04-03",
        "Memperingati Wafat Yesus Kristus",
        "Kasih dan pengorbanan-Nya menjadi teladan.",
    ),
    ("2026-04-21", "Hari Kartini", "Habis gelap terbitlah terang."),
    ("2026-05-01", "Hari Buruh Internasional", "Pekerja sejahtera, industri maju."),
    (
        "2026-05-02",
        "Hari Pendidikan Nasional",
        "Partisipasi semesta, wujudkan pendidikan bermutu untuk semua.",
    ),
    ("2026-05-20", "Hari Kebangkitan Nasional ke-118", "Bangkit bersama wujudkan Indonesia kuat."),
    ("2026-05-27", "Hari Raya Idul Adha 1447 H", "Semangat berkurban untuk sesama."),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", "Semoga semua makhluk berbahagia."),
    ("2026-06-01", "Hari Lahir Pancasila", "Pancasila pemersatu bangsa."),
    (
        "2026-06-16",
        "Tahun Baru Islam 1448 H",
        "Semoga hijrah membawa kita menjadi pribadi yang lebih baik.",
    ),
    ("2026-07-01", "Hari Bhayangkara ke-80", "Polri untuk masyarakat."),
    ("2026-07-23", "Hari Anak Nasional 2026", "Anak terlindungi, Indonesia maju."),
    ("2026-08-17", "HUT ke-81 Republik Indonesia", "Dirgahayu Republik Indonesia! Merdeka!"),
    ("2026-08-25", "Maulid Nabi Muhammad SAW 1448 H", "Shalawat dan salam untuk Baginda Nabi."),
    (
        "2026-09-14",
        f"Hari Jadi Kabupaten {KAB} ke-213",
        f"Dirgahayu Kabupaten {KAB}! {KAB} Maju, Sehat dan Melayani.",
    ),
    ("2026-09-24", "Hari Tani Nasional", "Petani sejahtera, pangan berdaulat."),
    ("2026-10-01", "Hari Kesaktian Pancasila", "Pancasila tetap sakti."),
    (
        "2026-10-05",
        "HUT ke-81 Tentara Nasional Indonesia",
        "TNI prima, TNI rakyat, Indonesia maju.",
    ),
    ("2026-10-16", "Hari Pangan Sedunia", "Pangan beragam, bergizi, seimbang dan aman."),
    ("2026-10-22", "Hari Santri 2026", "Santri siaga jiwa raga."),
    ("2026-10-28", "Hari Sumpah Pemuda ke-98", "Pemuda bergerak, Indonesia bersatu."),
    ("2026-11-10", "Hari Pahlawan 2026", "Teladani pahlawanku, teruskan perjuanganmu."),
    ("2026-11-12", "Hari Kesehatan Nasional ke-62", "Generasi sehat, masa depan hebat."),
]

CAMPAIGNS = {  # hashtag: (from month, OPD keys or prefixes)
    "#SukamajuSehat": ("2026-03", ("dinkes", "rsud", "prokopim", "diskominfo", "kec_", "dp3akb")),
    "#SukamajuMelayani": ("2025-12", ("disdukcapil", "dpmptsp", "diskominfo", "bapenda", "kec_")),
    "#GerakanTanamPangan": ("2026-06", ("distan", "prokopim", "kec_", "desa_", "dpmd")),
}

PLACES = [
    "Aula Setda",
    "Pendopo Kabupaten Sukamaju",
    "Gedung Serbaguna Sukamaju",
    "Ruang Rapat Bappeda",
    "Alun-alun Sukamaju",
    "Lapangan Upakarti",
    "Hotel Sukamaju Indah",
    "Balai Desa Mekarwangi",
    "Kantor Kecamatan Cibening",
    "GOR Sukamaju",
    "Islamic Center Sukamaju",
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "default": {
        "kegiatan": [
            "Rapat Koordinasi Evaluasi Kinerja Triwulan",
            "Apel Pagi Gabungan",
            "Monitoring dan Evaluasi Program",
            "Sosialisasi Zona Integritas",
            "Bimbingan Teknis Penyusunan SAKIP",
            "Kunjungan Kerja",
            "Rapat Persiapan Hari Jadi",
            "Penandatanganan Perjanjian Kinerja",
            "Halalbihalal Keluarga Besar",
        ],
        "layanan": [
            "Survei Kepuasan Masyarakat",
            "Layanan Pengaduan Online",
            "Jam Pelayanan Kantor",
        ],
        "informasi": [
            "Pengumuman Libur dan Cuti Bersama",
            "Imbauan Hemat Energi",
            "Info Lowongan Tenaga Pendukung",
        ],
        "capaian": ["Nilai SAKIP kategori BB", "Predikat Kepatuhan Pelayanan Publik Zona Hijau"],
    },
    "dinkes": {
        "kegiatan": [
            "Posyandu Terintegrasi",
            "Rembug Stunting Tingkat Kabupaten",
            "Pemberian Makanan Tambahan Balita",
            "Bulan Imunisasi Anak Sekolah",
            "Pelatihan Kader Posyandu",
            "Fogging Fokus DBD",
            "Pemeriksaan Kesehatan Gratis (CKG)",
            "Monev Puskesmas",
        ],
        "layanan": [
            "Cek Kesehatan Gratis di Puskesmas",
            "Pendaftaran BPJS PBI",
            "Layanan Ambulans Gratis 119",
        ],
        "informasi": [
            "Imbauan Waspada DBD: Lakukan 3M Plus",
            "Waspada ISPA di Musim Kemarau",
            "Jadwal Posyandu Bulan Ini",
        ],
        "capaian": [
            "Prevalensi stunting turun dari 21,3% menjadi 17,8%",
            "UHC Award 2026",
            "Seluruh Puskesmas Terakreditasi Paripurna",
        ],
    },
    "disdukcapil": {
        "kegiatan": [
            "Jemput Bola Perekaman KTP-el di Sekolah",
            "Pelayanan Adminduk Keliling",
            "Aktivasi IKD untuk ASN",
            "Rapat Koordinasi Pemutakhiran Data Kependudukan",
        ],
        "layanan": [
            "Jadwal Pelayanan KTP-el Keliling",
            "Syarat Pembuatan Akta Kelahiran",
            "Pendaftaran Online Adminduk via SIDUKCAPIL",
            "Layanan Sabtu-Minggu di Mal Pelayanan Publik",
            "Cetak KIA untuk Anak",
        ],
        "informasi": [
            "Dokumen Kependudukan Tidak Dipungut Biaya",
            "Cara Aktivasi Identitas Kependudukan Digital",
        ],
        "capaian": [
            "Cakupan perekaman KTP-el mencapai 98,7%",
            "Penghargaan Dukcapil Prima dari Kemendagri",
        ],
    },
    "diskominfo": {
        "kegiatan": [
            "Bimtek Admin Media Sosial OPD",
            "Rapat Koordinasi Komunikasi Publik",
            "Sosialisasi Keamanan Informasi",
            "Pelatihan Jurnalistik untuk Humas OPD",
            "Evaluasi SPBE",
            "Monev Keterbukaan Informasi Publik",
        ],
        "layanan": [
            "Layanan Pengaduan SP4N-LAPOR!",
            "Wi-Fi Gratis di Ruang Publik",
            "Permohonan Informasi PPID",
        ],
        "informasi": ["Jadwal Siaran Langsung Sidang Paripurna", "Cek Fakta Mingguan"],
        "capaian": ["Indeks SPBE naik ke predikat Baik", "Badan Publik Informatif KIP 2026"],
    },
    "prokopim": {
        "kegiatan": [
            "Safari Ramadan",
            "Peresmian Jembatan Gantung Cikaret",
            "Rapat Paripurna DPRD",
            "Pelantikan Pejabat Administrator",
            "Musrenbang RKPD 2027",
            "Peninjauan Operasi Pasar Murah",
            "Penyerahan Bantuan Rumah Tidak Layak Huni",
            "Penanaman Padi Serentak",
        ],
        "layanan": ["Bupati Menyapa Warga: Layanan Aduan Langsung"],
        "informasi": ["Agenda Bupati Pekan Ini"],
        "capaian": [
            "Opini WTP ke-9 kali berturut-turut dari BPK RI",
            "Kabupaten Layak Anak kategori Madya",
        ],
    },
    "kec": {
        "kegiatan": [
            "Musrenbang Kecamatan",
            "Posyandu Balita",
            "Kerja Bakti Bersih Lingkungan",
            "Penyaluran BLT Dana Desa",
            "Rembug Stunting Desa",
            "MTQ Tingkat Kecamatan",
            "Pelantikan Anggota BPD",
            "Monev Dana Desa",
            "Gerakan Tanam Cabai Pekarangan",
            "Minggon Kecamatan",
        ],
        "layanan": [
            "Pelayanan KTP-el di Kantor Kecamatan",
            "Pelayanan PBB-P2 Keliling",
            "Layanan Surat Pengantar Online",
        ],
        "informasi": [
            "Imbauan Waspada Longsor",
            "Jadwal Pasar Murah",
            "Info Vaksinasi Hewan Ternak",
        ],
        "capaian": ["Juara 1 Lomba Desa Tingkat Kabupaten"],
    },
}
for _k2, _v in {
    "bpbd": [
        "Simulasi Siaga Bencana di Sekolah",
        "Penanganan Longsor",
        "Distribusi Air Bersih saat Kemarau",
    ],
    "bapenda": [
        "Pelayanan PBB-P2 Keliling",
        "Sosialisasi Pajak Daerah",
        "Undian Berhadiah Taat Pajak",
    ],
    "distan": [
        "Gerakan Tanam Padi",
        "Panen Raya Jagung",
        "Penyaluran Pupuk Bersubsidi",
        "Sekolah Lapang Petani",
    ],
    "pupr": [
        "Peninjauan Perbaikan Jalan Kabupaten",
        "Rehabilitasi Irigasi",
        "Pembangunan Jembatan",
    ],
    "satpolpp": ["Penertiban PKL", "Patroli Ketertiban Umum", "Operasi Penegakan Perda"],
    "rsud": ["Bakti Sosial Operasi Katarak", "Pelatihan BHD untuk Masyarakat", "Visite Direktur"],
    "disdikbud": [
        "Pembukaan O2SN",
        "Asesmen Nasional",
        "Festival Seni Budaya",
        "SPMB Tahun Ajaran 2026/2027",
    ],
    "dpmptsp": ["Pelayanan Perizinan Keliling", "Sosialisasi OSS RBA"],
    "disnaker": ["Job Fair 2026", "Pelatihan Kerja di BLK"],
    "disporapar": [
        "Festival Kuliner Sukamaju",
        "Porkab Sukamaju 2026",
        "Promosi Wisata Curug Citambur",
    ],
    "dinsos": ["Penyaluran Bantuan Sosial", "Pendataan DTSEN", "Tagana Siaga Bencana"],
    "dlh": ["Aksi Bersih Sungai", "Bank Sampah", "Penanaman Pohon"],
    "dp3akb": ["Pelayanan KB Gratis", "Sosialisasi Pencegahan Perkawinan Anak"],
    "bkpsdm": ["Pelantikan PPPK", "Seleksi Terbuka JPT Pratama", "Uji Kompetensi ASN"],
}.items():
    TOPICS[_k2] = {"kegiatan": _v + TOPICS["default"]["kegiatan"][:4]}

EMOJI = ["📸", "📢", "🙏", "✨", "🎉", "📍", "📅", "👉", "✅", "🤝", "💪", "🌾", "🏥", "🇮🇩"]


def bold(s: str) -> str:
    out = []
    for ch in s:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D5D4 + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D5EE + ord(ch) - 97))
        elif "0" <= ch <= "9":
            out.append(chr(0x1D7EC + ord(ch) - 48))
        else:
            out.append(ch)
    return "".join(out)


def topics_for(op: Opd) -> dict[str, list[str]]:
    base = "kec" if op.key.startswith(("kec_", "desa_")) else op.key
    t = dict(TOPICS["default"])
    t.update(TOPICS.get(base, {}))
    return t


def tgl(d: dt.date) -> str:
    return f"{HARI[d.weekday()]} ({d.day}/{d.month}/{d.year})"


def tgl_long(d: dt.date) -> str:
    return f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month - 1]} {d.year}"


def handle_of(op: Opd) -> str:
    h = op.ig if op.ig and op.ig != "-" else op.fb
    h = h.rstrip("/").split("/")[-1].lstrip("@")
    return h or _k(op.singkatan)


def hashtags(op: Opd, d: dt.date, rng: random.Random, kinerja: bool) -> str:
    tags = ["#PemkabSukamaju"] if rng.random() < 0.6 else ["#KabupatenSukamaju"]
    tags.append("#" + re.sub(r"[^A-Za-z0-9]", "", op.singkatan) + KAB)
    ym = f"{d.year}-{d.month:02d}"
    for tag, (frm, who) in CAMPAIGNS.items():
        if ym >= frm and op.key.startswith(who) and kinerja and rng.random() < 0.55:
            tags.append(tag)
    if rng.random() < 0.3:
        tags.append("#SukamajuMaju")
    return " ".join(tags)


def subject(op: Opd, rng: random.Random) -> tuple[str, bool]:
    r = rng.random()
    figure_p = 0.55 if op.key == "prokopim" else 0.25
    if r < figure_p:
        if op.key in ("prokopim", "diskominfo") or rng.random() < 0.2:
            who = rng.choice(
                [
                    f"Bupati {KAB} {BUPATI}",
                    f"Wakil Bupati {KAB} {WABUP}",
                    f"Bupati {KAB}",
                    f"Sekretaris Daerah Kabupaten {KAB} {SEKDA}",
                ]
            )
        elif op.jenis == "Kecamatan":
            who = f"Camat {op.nama.split(' ', 1)[1]} {op.kepala}"
        elif op.jenis in ("Desa", "Kelurahan"):
            who = f"{'Lurah' if op.jenis == 'Kelurahan' else 'Kepala Desa'} {op.singkatan} {op.kepala}"
        else:
            who = f"Kepala {op.nama} {op.kepala}"
        return who, True
    return (
        f"{op.singkatan if op.jenis not in ('Desa', 'Kelurahan') else 'Pemerintah ' + op.nama}",
        False,
    )


def caption(
    op: Opd, cat: str, d: dt.date, rng: random.Random, holiday: tuple | None
) -> tuple[str, bool]:
    """Return (caption, figure-centric)."""
    t = topics_for(op)
    lead = rng.choice(EMOJI) + " " if rng.random() < 0.6 else ""
    use_bold = rng.random() < 0.25
    full = f"{op.nama} Kabupaten {KAB}" if op.jenis not in ("Desa", "Kelurahan") else op.nama
    kin = cat not in ("ucapan", "lainnya")
    tags = hashtags(op, d, rng, kin)
    fig = False
    if cat == "ucapan":
        if holiday:
            name, msg = holiday[1], holiday[2]
            title = f"Selamat {name}" if not name.startswith("HUT") else f"Dirgahayu {name}"
            if name.startswith("Menunaikan"):
                title = "Selamat " + name
            head = bold(title.upper()) if use_bold else title
            body = rng.choice(
                [
                    f"Keluarga Besar {full} mengucapkan {title}.",
                    f"Kepala {op.nama} beserta seluruh jajaran mengucapkan {title}.",
                    f"{title}.",
                ]
            )
            text = f"{lead}{head}\n\n{body}\n{msg}"
        else:
            kind = rng.random()
            if kind < 0.35:
                nm = person(rng)
                text = (
                    f"{lead}Innalillahi wa inna ilaihi raji'un.\n\nKeluarga Besar {full} turut berduka cita "
                    f"atas wafatnya Bapak/Ibu {nm}. Semoga almarhum/almarhumah husnul khotimah dan keluarga "
                    f"yang ditinggalkan diberi ketabahan."
                )
            elif kind < 0.6:
                text = (
                    f"{lead}{bold('SELAMAT DAN SUKSES') if use_bold else 'Selamat dan Sukses'}\n\n"
                    f"Atas dilantiknya {person(rng, True)} sebagai {rng.choice(['Kepala Bidang', 'Sekretaris', 'Camat', 'Kepala Dinas'])}. "
                    "Semoga amanah dalam mengemban tugas."
                )
            elif kind < 0.8:
                text = f"{lead}Selamat hari Jumat. Semoga keberkahan senantiasa menyertai kita semua. #JumatBerkah"
            else:
                text = (
                    f"{lead}Selamat ulang tahun {rng.choice(['Bapak', 'Ibu'])} {op.kepala}. "
                    "Semoga sehat selalu dan sukses dalam memimpin."
                )
        return f"{text}\n\n{tags}", False
    if cat == "kegiatan":
        who, fig = subject(op, rng)
        ev = rng.choice(t["kegiatan"])
        verb = rng.choice(
            [
                "menghadiri",
                "membuka secara resmi",
                "memimpin",
                "meninjau langsung",
                "mengikuti",
                "melaksanakan",
                "menggelar",
            ]
        )
        place = rng.choice(PLACES)
        s1 = f"{who} {verb} {ev} di {place}, {tgl(d)}."
        s2 = rng.choice(
            [
                "Kegiatan ini bertujuan meningkatkan kualitas pelayanan kepada masyarakat.",
                "Dalam sambutannya disampaikan pentingnya sinergi seluruh pihak demi kemajuan daerah.",
                "Turut hadir unsur Forkopimda, para kepala perangkat daerah dan tokoh masyarakat.",
                "Diharapkan kegiatan ini dapat berjalan berkelanjutan dan dirasakan manfaatnya oleh warga.",
            ]
        )
        head = (bold(ev.upper()) + "\n\n") if use_bold else ""
        extra = ""
        if holiday and rng.random() < 0.5:  # greeting + report in one post
            extra = f"Selamat {holiday[1]}! "
        url = (
            f"\n\nBaca selengkapnya: https://sukamajukab.go.id/berita/{d:%Y%m%d}-{rng.randrange(1000, 9999)}"
            if rng.random() < 0.15
            else ""
        )
        return f"{lead}{head}{extra}{s1}\n\n{s2}{url}\n\n{tags}", fig
    if cat == "layanan":
        lay = rng.choice(t["layanan"])
        head = bold(lay.upper()) if use_bold else lay.upper()
        cc = f"0812-{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
        text = (
            f"📢 {head}\n\n📅 {tgl_long(d + dt.timedelta(days=rng.randrange(1, 6)))}\n⏰ 08.00 - 14.00 WIB\n"
            f"📍 {rng.choice(PLACES)}\n\nPersyaratan:\n✅ Fotokopi KK\n✅ KTP-el asli\n\n"
            f"Info lebih lanjut hubungi call center {cc} (WhatsApp)."
            + (
                f"\nPendaftaran online: https://layanan.sukamajukab.go.id/{_k(op.singkatan)}"
                if rng.random() < 0.3
                else ""
            )
        )
        return f"{text}\n\n{tags}", False
    if cat == "informasi":
        inf = rng.choice(t["informasi"])
        text = f"{lead}{bold(inf) if use_bold else inf}\n\nSobat {KAB}, {rng.choice(['mari bersama-sama menjaga lingkungan dan kesehatan keluarga.', 'simak informasi berikut ini dan bagikan kepada keluarga serta tetangga.', 'tetap waspada dan ikuti arahan petugas.'])}"
        return f"{text}\n\n{tags}", False
    if cat == "capaian":
        cap = rng.choice(t["capaian"])
        text = f"{lead}Alhamdulillah! 🎉\n\n{bold(cap) if use_bold else cap}. Terima kasih atas dukungan seluruh masyarakat Kabupaten {KAB}."
        if rng.random() < 0.4:
            text = f"{lead}Bupati {KAB} {BUPATI} menerima penghargaan: {cap}.\n\nCapaian ini hasil kerja bersama."
            fig = True
        return f"{text}\n\n{tags}", fig
    if cat == "klarifikasi":
        text = rng.choice(
            [
                f"⚠️ {bold('WASPADA PENIPUAN') if use_bold else 'WASPADA PENIPUAN'}!\n\nBeredar pesan WhatsApp mengatasnamakan Bupati {KAB} yang meminta sejumlah uang. Pesan tersebut HOAKS. Jangan transfer dan segera laporkan.",
                f"⚠️ HOAKS!\n\nBeredar informasi rekrutmen PPPK berbayar di lingkungan Pemkab {KAB}. Informasi tersebut tidak benar.",
                f"⚠️ AKUN PALSU\n\nWaspada akun palsu mengatasnamakan {op.nama}. Akun resmi kami hanya @{handle_of(op)}.",
            ]
        )
        return f"{text}\n\n{tags}", False
    text = rng.choice(
        [
            f"🎁 KUIS BERHADIAH!\n\nJawab pertanyaan berikut di kolom komentar: Tahun berapa Kabupaten {KAB} berdiri? 3 pemenang dapat saldo e-wallet.",
            f"Repost @diskominfo.sukamaju\n\n{rng.choice(TOPICS['diskominfo']['informasi'])}",
            "Yuk pasang twibbon dan bagikan semangatmu! Link twibbon di bio.",
            f"Selamat pagi Sobat {KAB}! Tetap semangat beraktivitas ☀️",
        ]
    )
    return f"{text}\n\n{tags}", False


MIX = {
    "ucapan": [
        ("ucapan", 40),
        ("kegiatan", 28),
        ("layanan", 4),
        ("informasi", 12),
        ("capaian", 3),
        ("klarifikasi", 2),
        ("lainnya", 11),
    ],
    "balanced": [
        ("ucapan", 18),
        ("kegiatan", 40),
        ("layanan", 12),
        ("informasi", 16),
        ("capaian", 5),
        ("klarifikasi", 3),
        ("lainnya", 6),
    ],
    "kinerja": [
        ("ucapan", 7),
        ("kegiatan", 40),
        ("layanan", 26),
        ("informasi", 16),
        ("capaian", 7),
        ("klarifikasi", 2),
        ("lainnya", 2),
    ],
}
RATE = {"very": 34.0, "steady": 12.0, "low": 2.0, "never": 0.0}
HOL_P = {"ucapan": 0.95, "balanced": 0.7, "kinerja": 0.35}


@dataclass
class Item:
    opd: str
    when: dt.datetime
    cat: str
    text: str
    figure: bool
    kind: str  # photo carousel video reel link text
    seed: int
    plats: list[str]
    ids: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)


def wchoice(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def month_days(y: int, m: int) -> list[dt.date]:
    d = dt.date(y, m, 1)
    out = []
    while d.month == m and d <= LAST_DAY:
        out.append(d)
        d += dt.timedelta(days=1)
    return out


def active(op: Opd, y: int, m: int) -> bool:
    ym = f"{y}-{m:02d}"
    if op.profile == "never":
        return False
    if op.dormant and ym >= op.dormant:
        return False
    return not (op.start and ym < op.start)


def platforms(op: Opd) -> list[str]:
    p = []
    if op.fb and op.fb != "-":
        p.append("facebook")
    if op.ig and op.ig != "-":
        p.append("instagram")
    if op.tt:
        p.append("tiktok")
    if op.yt:
        p.append("youtube")
    if op.x:
        p.append("x")
    return p


def make_items(opds: list[Opd], rng: random.Random) -> list[Item]:
    hol = {dt.date.fromisoformat(d): (d, n, msg) for d, n, msg in HOLIDAYS}
    items: list[Item] = []
    for op in opds:
        avail = platforms(op)
        if not avail:
            continue
        for y, m in MONTHS:
            if not active(op, y, m):
                continue
            days = month_days(y, m)
            rate = RATE[op.profile] * len(days) / 30.0
            if op.jenis in ("Desa", "Kelurahan"):
                rate *= 0.6
            if op.key == "bpbd" and m in (12, 1, 2):
                rate *= 1.8
            n = max(0, int(round(rng.gauss(rate, max(1.0, rate * 0.2)))))
            weights = [
                1.0 if d.weekday() < 5 else (0.4 if d.weekday() == 5 else 0.25) for d in days
            ]
            chosen = sorted(rng.choices(days, weights=weights, k=n)) if n else []
            plan = [(d, None) for d in chosen]
            for d in days:
                if d in hol and rng.random() < HOL_P[op.mix] * (0.5 if op.profile == "low" else 1):
                    plan.append((d, hol[d]))
            for d, h in sorted(plan, key=lambda x: (x[0], x[1] is not None)):
                cat = "ucapan" if h else wchoice(rng, MIX[op.mix])
                if h and op.mix == "kinerja" and rng.random() < 0.3:
                    cat = "kegiatan"  # greeting + activity report in one post
                hour = rng.choices(
                    range(6, 23), weights=[2, 5, 9, 9, 7, 5, 4, 6, 7, 6, 4, 3, 4, 5, 3, 2, 1]
                )[0]
                when = dt.datetime(d.year, d.month, d.day, hour, rng.randrange(60))
                text, fig = caption(op, cat, d, rng, h if h else None)
                kind = wchoice(
                    rng,
                    [
                        ("photo", 55),
                        ("carousel", 22),
                        ("reel", 13),
                        ("video", 5),
                        ("link", 3),
                        ("text", 2),
                    ],
                )
                if cat == "ucapan":
                    kind = "photo"
                pl = []
                for p in avail:
                    if (
                        p == "facebook"
                        or (p == "instagram" and rng.random() < 0.85)
                        or (p == "tiktok" and kind in ("reel", "video") and rng.random() < 0.8)
                        or (p == "youtube" and kind in ("video", "reel") and rng.random() < 0.35)
                        or (p == "x" and rng.random() < 0.7)
                    ):
                        pl.append(p)
                if not pl:
                    pl = [avail[0]]
                items.append(Item(op.key, when, cat, text, fig, kind, rng.getrandbits(48), pl))
    items.sort(key=lambda it: (it.when, it.opd))
    return items


# ---------------------------------------------------------------------------------------------
# IDs and metrics
# ---------------------------------------------------------------------------------------------

B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def assign_ids(items: list[Item], opds: dict[str, Opd], pages: dict[str, dict]) -> None:
    for i, it in enumerate(items):
        r = random.Random(it.seed)
        op = opds[it.opd]
        page = pages[it.opd]
        secs = int((it.when - dt.datetime(2025, 1, 1)).total_seconds())
        if "facebook" in it.plats:
            pid = str(122100000000000000 + secs * 100000 + i % 100000)
            it.ids["facebook"] = pid
            if it.kind == "reel":
                vid = str(1000000000000000 + secs * 1000 + r.randrange(1000))
                it.links["facebook"] = f"https://www.facebook.com/reel/{vid}/"
            elif it.kind == "video":
                vid = str(1100000000000000 + secs * 1000 + r.randrange(1000))
                it.links["facebook"] = f"https://www.facebook.com/{page['fb_id']}/videos/{vid}/"
            else:
                it.links["facebook"] = f"https://www.facebook.com/{page['fb_id']}/posts/{pid}"
        if "instagram" in it.plats:
            it.ids["instagram"] = str(17900000000000000 + secs * 10000 + i % 10000)
            code = "D" + "".join(r.choice(B62) for _ in range(10))
            kind = "reel" if it.kind in ("reel", "video") else "p"
            it.links["instagram"] = f"https://www.instagram.com/{kind}/{code}/"
        if "tiktok" in it.plats:
            tid = str(7400000000000000000 + secs * 4294967 + r.randrange(4294967))
            it.ids["tiktok"] = tid
            it.links["tiktok"] = f"https://www.tiktok.com/@{op.tt.lstrip('@')}/video/{tid}"
        if "youtube" in it.plats:
            it.ids["youtube"] = "".join(r.choice(B62) for _ in range(11))
        if "x" in it.plats:
            ms = int(
                (
                    it.when - dt.timedelta(hours=7) - dt.datetime(2010, 11, 4, 1, 42, 54, 657000)
                ).total_seconds()
                * 1000
            )
            xid = str((ms << 22) + r.randrange(1 << 22))
            it.ids["x"] = xid
            it.links["x"] = (
                f"https://x.com/{op.x.rstrip('/').split('/')[-1].lstrip('@')}/status/{xid}"
            )


def final_metrics(it: Item, plat: str, op: Opd) -> dict[str, int]:
    r = random.Random(it.seed ^ zlib.crc32(plat.encode()))
    base = {"very": 20000, "steady": 5000, "low": 1200, "never": 300}[op.profile]
    if op.jenis in ("Kecamatan", "Desa", "Kelurahan"):
        base = 1500
    mult = math.exp(r.gauss(-1.2, 0.8))
    if it.figure:
        mult *= 1.6
    if it.cat == "ucapan":
        mult *= 0.7
    if it.kind in ("reel", "video"):
        mult *= 2.5
    views = max(5, int(base * mult * (1.6 if plat == "instagram" else 1.0)))
    reach = int(views * r.uniform(0.55, 0.85))
    react = int(reach * r.uniform(0.01, 0.07))
    return {
        "views": views,
        "reach": reach,
        "reactions": react,
        "comments": int(react * r.uniform(0.0, 0.15)),
        "shares": int(react * r.uniform(0.0, 0.2)),
        "saves": int(react * r.uniform(0.0, 0.1)),
        "follows": r.randrange(0, 4),
        "clicks": int(reach * r.uniform(0.005, 0.04)),
    }


def at_export(fm: dict[str, int], published: dt.datetime, exported: dt.datetime) -> dict[str, int]:
    age = max(0.05, (exported - published).total_seconds() / 86400)
    g = 1 - 0.65 * math.exp(-age / 1.5) - 0.35 * math.exp(-age / 25)
    return {k: int(round(v * g)) for k, v in fm.items()}


def us(n: int) -> str:
    return f"{n:,}"


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def meta_field(v: object) -> str:
    s = "" if v is None else str(v)
    if any(c in s for c in ' ,"\n\r\t;'):
        return '"' + s.replace('"', '""') + '"'
    return s


def excel_field(v: object, sep: str = ",") -> str:
    s = "" if v is None else str(v)
    if any(c in s for c in (sep, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_text(
    path: Path, text: str, encoding: str, bom: bool = False, mtime: dt.datetime | None = None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode(encoding, errors="replace")
    if bom:
        data = (b"\xef\xbb\xbf" if encoding == "utf-8" else b"\xff\xfe") + data
    path.write_bytes(data)
    if mtime:
        ts = mtime.replace(tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp()
        os.utime(path, (ts, ts))


def save_workbook(wb: openpyxl.Workbook, path: Path, mtime: dt.datetime | None = None) -> None:
    """Save with fixed properties and fixed ZIP timestamps so the bytes are reproducible."""
    wb.properties.creator = "Operator"
    wb.properties.lastModifiedBy = "Operator"
    wb.properties.created = FIXED_TS
    wb.properties.modified = FIXED_TS
    buf = io.BytesIO()
    wb.save(buf)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stable_zip(buf.getvalue(), fix_core=True))
    if mtime:
        ts = mtime.replace(tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp()
        os.utime(path, (ts, ts))


def stable_zip(raw: bytes, fix_core: bool = False) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if fix_core and info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-21T08:00:00Z", data
                )
                data = re.sub(
                    rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2026-11-21T08:00:00Z", data
                )
            zi = zipfile.ZipInfo(info.filename, ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()


def write_zip(path: Path, members: list[tuple[str, bytes]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, ZIP_TS)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    path.write_bytes(out.getvalue())


# --- master list ------------------------------------------------------------------------------


def write_master(opds: list[Opd], out: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Akun Medsos OPD"
    ws["A1"] = f"PEMERINTAH KABUPATEN {KAB.upper()}"
    ws["A2"] = "DAFTAR AKUN MEDIA SOSIAL PERANGKAT DAERAH"
    ws["A3"] = "Keadaan per 31 Oktober 2026"
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=13)
        ws.cell(r, 1).font = Font(bold=True, size=12 if r < 3 else 10)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    top = [
        "No",
        "Nama OPD",
        "Singkatan",
        "Jenis",
        "Induk",
        "Akun Media Sosial",
        None,
        None,
        None,
        None,
        "Operator",
        None,
        "Sudah Pelatihan",
    ]
    sub = [
        None,
        None,
        None,
        None,
        None,
        "Instagram",
        "Facebook",
        "TikTok",
        "YouTube",
        "X",
        "Nama Operator",
        "No. HP Operator",
        None,
    ]
    for c, v in enumerate(top, 1):
        if v:
            ws.cell(5, c, v).font = Font(bold=True)
    for c, v in enumerate(sub, 1):
        if v:
            ws.cell(6, c, v).font = Font(bold=True)
    for c in (1, 2, 3, 4, 5, 13):
        ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
    ws.merge_cells("F5:J5")
    ws.merge_cells("K5:L5")
    r = 7
    groups = [
        ("I. SEKRETARIAT DAERAH", lambda o: o.jenis in ("Sekretariat", "Bagian")),
        ("II. DINAS", lambda o: o.jenis == "Dinas"),
        (
            "III. BADAN DAN LEMBAGA LAINNYA",
            lambda o: o.jenis in ("Badan", "Inspektorat", "RSUD", "Satpol PP"),
        ),
        ("IV. KECAMATAN", lambda o: o.jenis == "Kecamatan"),
        ("V. DESA / KELURAHAN", lambda o: o.jenis in ("Desa", "Kelurahan")),
    ]
    no = 0
    for title, pred in groups:
        ws.cell(r, 1, title).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=13)
        r += 1
        for op in [o for o in opds if pred(o)]:
            no += 1
            vals = [
                no,
                op.nama,
                op.singkatan,
                op.jenis,
                op.induk or None,
                op.ig or None,
                op.fb or None,
                op.tt or None,
                op.yt or None,
                op.x or None,
                op.operator or None,
                op.hp if op.hp != "" else None,
                op.pelatihan or None,
            ]
            for c, v in enumerate(vals, 1):
                ws.cell(r, c, v)
            r += 1
    r += 1
    ws.cell(
        r,
        1,
        "Keterangan: tanda - berarti belum memiliki akun; kolom kosong berarti belum ada data.",
    )
    ws.cell(r + 2, 10, f"{KAB}, 31 Oktober 2026")
    ws.cell(r + 3, 10, "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA")
    ws.cell(r + 7, 10, "Drs. H. Dadang Mulyadi, M.Si.")
    ws.cell(r + 8, 10, "NIP. 19720315 199803 1 004")
    for col, w in zip(
        "ABCDEFGHIJKLM", [5, 48, 18, 12, 22, 40, 44, 24, 30, 30, 26, 18, 10], strict=True
    ):
        ws.column_dimensions[col].width = w
    save_workbook(wb, out / MASTER_NAME, dt.datetime(2026, 10, 31, 15, 0))


CAMPAIGN_FILE = f"Program Unggulan Bupati {KAB} 2026.xlsx"


def write_campaigns(out: Path) -> None:
    """The campaign list an analyst at Diskominfo keeps (loaded by `python -m etl campaigns`).

    Periods follow CAMPAIGNS; no randomness, so the other files do not change."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kampanye"
    ws["A1"] = f"PROGRAM UNGGULAN BUPATI {KAB.upper()} TAHUN 2026"
    ws["A2"] = "Tagar dan kata kunci kampanye untuk dipantau di media sosial OPD"
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
        ws.cell(r, 1).font = Font(bold=True, size=12 if r == 1 else 10)
    head = ["No", "Nama Kampanye", "Mulai", "Selesai", "Tagar", "Kata Kunci", "Keterangan"]
    for c, h in enumerate(head, 1):
        ws.cell(4, c, h).font = Font(bold=True)
    rows = [
        (
            "Sukamaju Melayani",
            dt.date(2025, 12, 1),
            dt.date(2026, 12, 31),
            "#SukamajuMelayani",
            "sukamaju melayani",
            "Pelayanan publik cepat dan ramah: adminduk, perizinan, pajak daerah, kecamatan.",
        ),
        (
            "Sukamaju Sehat",
            dt.date(2026, 3, 1),
            dt.date(2026, 12, 31),
            "#SukamajuSehat",
            "sukamaju sehat",
            "Kesehatan masyarakat: posyandu, stunting, UHC, rumah sakit.",
        ),
        (
            "Gerakan Tanam Pangan",
            dt.date(2026, 6, 1),
            dt.date(2026, 12, 31),
            "#GerakanTanamPangan",
            "gerakan tanam pangan",
            "Ketahanan pangan: tanam padi dan cabai pekarangan, kecamatan dan desa.",
        ),
    ]
    for i, (name, start, end, tag, words, note) in enumerate(rows, 1):
        r = 4 + i
        for c, v in enumerate((i, name, start, end, tag, words, note), 1):
            ws.cell(r, c, v)
        for c in (3, 4):
            ws.cell(r, c).number_format = "DD/MM/YYYY"
    for col, w in zip("ABCDEFG", [5, 28, 12, 12, 24, 24, 70], strict=True):
        ws.column_dimensions[col].width = w
    save_workbook(wb, out / CAMPAIGN_FILE, dt.datetime(2026, 11, 2, 9, 30))


# --- Meta Facebook ----------------------------------------------------------------------------

FB_BASE = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Other Clicks",
    "Matched Audience Targeting Consumption (Photo Click)",
]
FB_EXTRA = [
    "Link Clicks",
    "Negative feedback from users: Hide all",
    "Negative feedback from users: Hide",
    "Seconds viewed",
    "Average Seconds viewed",
    "Estimated earnings (USD)",
    "Ad CPM (USD)",
    "Ad impressions",
]
FB_TYPE = {
    "photo": "Photos",
    "carousel": "Photos",
    "reel": "Reels",
    "video": "Videos",
    "link": "Links",
    "text": "Text",
}


def fb_columns(start: dt.date) -> list[str]:
    idx = (start.year - 2025) * 12 + start.month - 12  # 0 = Dec 2025
    n_extra = [6, 7, 8, 6, 7, 6, 8, 7, 6, 8, 7, 6][idx % 12]
    drop = {6: ("Ad CPM (USD)", "Ad impressions"), 7: ("Ad impressions",), 8: ()}[n_extra]
    extra = [c for c in FB_EXTRA if c not in drop]
    cols = list(FB_BASE)
    if start < dt.date(2026, 3, 1):
        cols[cols.index("Views")] = "Impressions"
    cols.insert(cols.index("Other Clicks"), extra[0])  # Link Clicks next to the click columns
    cols += extra[1:]
    return cols


def fb_rows(items: list[Item], op: Opd, page: dict, exported: dt.datetime) -> list[dict]:
    rows = []
    for it in items:
        fm = at_export(final_metrics(it, "facebook", op), it.when, exported)
        r = random.Random(it.seed + 7)
        dur = r.randrange(15, 240) if it.kind in ("reel", "video") else 0
        title, desc = "", it.text
        if it.kind == "video":
            title, desc = it.text.split("\n")[0][:90], it.text
        elif it.kind == "reel":
            title, desc = it.text, ""
        rcs = fm["reactions"] + fm["comments"] + fm["shares"]
        other = int(fm["clicks"] * 0.7)
        link = fm["clicks"] // 5 if it.kind == "link" else 0
        rows.append(
            {
                "Post ID": it.ids["facebook"],
                "Page ID": page["fb_id"],
                "Page name": op.page_name,
                "Title": title,
                "Description": desc,
                "Duration (sec)": dur,
                "Publish time": it.when.strftime("%m/%d/%Y %H:%M"),
                "Caption type": "",
                "Permalink": it.links["facebook"],
                "Is crosspost": "No",
                "Is share": "No",
                "Post type": FB_TYPE[it.kind],
                "Languages": "",
                "Custom labels": "",
                "Funded content status": "",
                "Data comment": "",
                "Date": "Lifetime",
                "Views": us(fm["views"]),
                "Impressions": us(fm["views"]),
                "Reach": us(fm["reach"]),
                "Reactions, Comments and Shares": us(rcs),
                "Reactions": us(fm["reactions"]),
                "Comments": us(fm["comments"]),
                "Shares": us(fm["shares"]),
                "Total clicks": us(fm["clicks"]),
                "Other Clicks": us(other),
                "Matched Audience Targeting Consumption (Photo Click)": us(
                    fm["clicks"] - other - link
                )
                if it.kind in ("photo", "carousel")
                else 0,
                "Link Clicks": link,
                "Negative feedback from users: Hide all": r.randrange(0, 2),
                "Negative feedback from users: Hide": r.randrange(0, 3),
                "Seconds viewed": us(fm["views"] * dur // 6) if dur else 0,
                "Average Seconds viewed": round(dur / 6, 1) if dur else 0,
                "Estimated earnings (USD)": "",
                "Ad CPM (USD)": "",
                "Ad impressions": "",
            }
        )
    return rows


def sci(s: str) -> str:
    """How Excel shows a long number in a General cell: 1.22158E+17."""
    v = float(s)
    m, e = f"{v:.5E}".split("E")
    m = m.rstrip("0").rstrip(".")
    return f"{m}E+{int(e):02d}"


def write_fb_file(
    path: Path, cols: list[str], rows: list[dict], exported: dt.datetime, excel: bool = False
) -> None:
    if not excel:
        lines = [",".join(meta_field(c) for c in cols)]
        lines += [",".join(meta_field(row[c]) for c in cols) for row in rows]
        write_text(path, "\n".join(lines) + "\n", "utf-8", bom=True, mtime=exported)
        return
    # Opened in Excel and saved again as "CSV UTF-8": long IDs become 1.22158E+17, dates m/d/yyyy h:mm
    lines = [",".join(excel_field(c) for c in cols)]
    for row in rows:
        row = dict(row)
        row["Post ID"] = sci(row["Post ID"])
        row["Page ID"] = sci(row["Page ID"])
        t = dt.datetime.strptime(row["Publish time"], "%m/%d/%Y %H:%M")
        row["Publish time"] = f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"
        lines.append(",".join(excel_field(row[c]) for c in cols))
    write_text(path, "\r\n".join(lines) + "\r\n", "utf-8", bom=True, mtime=exported)


# Exports an OPD never sent (OPD key, platform, period start): the posts exist, the file does
# not, so these account-months are "data belum diterima", not "no posts" (Kelengkapan Data).
WITHHELD = {
    ("dishub", "facebook", dt.date(2026, 9, 1)),  # Dishub's only account: the whole OPD
    ("bapenda", "instagram", dt.date(2026, 9, 1)),  # one of two accounts: partly received
}


def periods(cadence: str) -> list[tuple[dt.date, dt.date]]:
    if cadence == "M":
        out = []
        for y, m in MONTHS:
            ds = month_days(y, m)
            out.append((ds[0], ds[-1]))
        return out
    return [
        (dt.date(2025, 12, 1), dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 1), dt.date(2026, 5, 31)),
        (dt.date(2026, 6, 1), dt.date(2026, 8, 31)),
        (dt.date(2026, 9, 1), LAST_DAY),
    ]


def meta_name(a: dt.date, b: dt.date, digits: str) -> str:
    return f"{EN_MON[a.month - 1]}-{a.day:02d}-{a.year}_{EN_MON[b.month - 1]}-{b.day:02d}-{b.year}_{digits}.csv"


def export_time(b: dt.date, rng: random.Random) -> dt.datetime:
    d = b + dt.timedelta(days=rng.randrange(1, 6))
    if d > dt.date(2026, 11, 22):
        d = dt.date(2026, 11, 21)
    return dt.datetime(d.year, d.month, d.day, rng.randrange(8, 16), rng.randrange(60))


def folder(op: Opd) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", op.singkatan).strip("_")


# --- Meta Instagram ---------------------------------------------------------------------------

IG_COLS = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]
IG_TYPE = {
    "photo": "IG image",
    "carousel": "IG carousel",
    "reel": "IG reel",
    "video": "IG reel",
    "link": "IG image",
    "text": "IG image",
}


def ig_rows(items: list[Item], op: Opd, page: dict, exported: dt.datetime) -> list[dict]:
    rows = []
    for it in items:
        fm = at_export(final_metrics(it, "instagram", op), it.when, exported)
        r = random.Random(it.seed + 11)
        rows.append(
            {
                "Post ID": it.ids["instagram"],
                "Account ID": page["ig_id"],
                "Account username": handle_of(op),
                "Account name": op.page_name or op.nama,
                "Description": it.text,
                "Duration (sec)": r.randrange(10, 90) if it.kind in ("reel", "video") else 0,
                "Publish time": it.when,
                "Permalink": it.links["instagram"],
                "Post type": IG_TYPE[it.kind],
                "Data comment": "",
                "Date": "Lifetime",
                "Views": fm["views"],
                "Reach": fm["reach"],
                "Likes": fm["reactions"],
                "Shares": fm["shares"],
                "Follows": fm["follows"],
                "Comments": fm["comments"],
                "Saves": fm["saves"],
            }
        )
    return rows


NUMERIC_IG = ("Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves")


def write_ig_file(
    path: Path, rows: list[dict], exported: dt.datetime, lean: bool, semicolon: bool
) -> None:
    cols = [c for c in IG_COLS if not (lean and c in ("Data comment", "Date"))]
    if semicolon:
        lines = [";".join(excel_field(c, ";") for c in cols)]
        for row in rows:
            vals = []
            for c in cols:
                v = row[c]
                if c == "Publish time":
                    v = v.strftime("%d/%m/%Y %H:%M")
                elif c in NUMERIC_IG:
                    v = f"{v:,}".replace(",", ".")
                vals.append(excel_field(v, ";"))
            lines.append(";".join(vals))
        write_text(path, "\r\n".join(lines) + "\r\n", "utf-8", bom=True, mtime=exported)
        return
    lines = [",".join(meta_field(c) for c in cols)]
    for row in rows:
        vals = []
        for c in cols:
            v = row[c]
            if c == "Publish time":
                v = v.strftime("%m/%d/%Y %H:%M")
            elif c in NUMERIC_IG:
                v = us(v)
            vals.append(meta_field(v))
        lines.append(",".join(vals))
    write_text(path, "\n".join(lines) + "\n", "utf-8", bom=True, mtime=exported)


# --- logbooks ---------------------------------------------------------------------------------

LABELS = {
    "std": {
        "ucapan": "Ucapan",
        "kegiatan": "Kegiatan",
        "layanan": "Layanan",
        "informasi": "Informasi",
        "capaian": "Prestasi",
        "klarifikasi": "Klarifikasi",
        "lainnya": "Lainnya",
    },
    "giat": {
        "ucapan": "Ucapan HBN",
        "kegiatan": "Giat",
        "layanan": "Pelayanan",
        "informasi": "Himbauan",
        "capaian": "Giat",
        "klarifikasi": "Info",
        "lainnya": "Lain-lain",
    },
    "doc": {
        "ucapan": "Ucapan Hari Besar",
        "kegiatan": "Dokumentasi Kegiatan",
        "layanan": "Informasi Layanan",
        "informasi": "Info Publik",
        "capaian": "Publikasi",
        "klarifikasi": "Info Publik",
        "lainnya": "Publikasi",
    },
}
PLAT_NAMES = {
    "facebook": ["Facebook", "FB", "fb", "Facebook"],
    "instagram": ["Instagram", "IG", "Instagram", "instagram"],
    "tiktok": ["TikTok", "Tiktok"],
    "youtube": ["YouTube", "Youtube"],
    "x": ["Twitter", "X"],
}


def lb_label(cat: str, vocab: str, rng: random.Random) -> str:
    if rng.random() < 0.08:  # the operator's label disagrees with the caption
        return rng.choice(list(LABELS[vocab].values()))
    lab = LABELS[vocab][cat]
    if cat == "ucapan" and vocab == "giat" and rng.random() < 0.5:
        lab = rng.choice(["Ucapan HBI", "Ucapan"])
    return lab


def short_fb(link: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        return (
            "https://www.facebook.com/share/p/"
            + "".join(rng.choice(B62[:62]) for _ in range(16))
            + "/"
        )
    return link


def judul(text: str) -> str:
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    return first[:160]


def date_cell(d: dt.datetime, style: str, rng: random.Random) -> object:
    if style == "date":
        return d.date() if rng.random() < 0.9 else f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "text_hari":
        return f"{HARI[d.weekday()]}, {d.day:02d}-{d.month:02d}-{d.year}"
    if style == "serial":
        return (d.date() - dt.date(1899, 12, 30)).days
    if style == "short":
        return f"{d.day} {BULAN3[d.month - 1]} {d.year}"
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


SIG_NAMES = {}


def signature(op: Opd, y: int, m: int) -> list[list[object]]:
    last = month_days(y, m)[-1]
    place = op.nama.split(" ", 1)[1]
    if op.jenis == "Kecamatan":
        h = zlib.crc32(op.key.encode())
        role = f"Camat {place}"
        nip = f"NIP. 19{68 + h % 12}{1 + h % 12:02d}{1 + h % 28:02d} {1990 + h % 12}{1 + h % 11:02d} 1 00{1 + h % 9}"
    elif op.jenis in ("Desa", "Kelurahan"):
        role = ("Lurah " if op.jenis == "Kelurahan" else "Kepala Desa ") + op.singkatan
        nip = "NIP. 19780612 200501 1 003" if op.jenis == "Kelurahan" else ""
    else:
        role, nip = f"Kepala {op.nama}", "NIP. 19750804 200003 1 002"
    return [
        [],
        [None, None, None, f"{place}, {last.day} {BULAN[m - 1]} {y}"],
        [None, None, None, "Mengetahui,"],
        [None, None, None, role],
        [],
        [],
        [None, None, None, op.kepala],
        [None, None, None, nip],
    ]


def lb_rows(op: Opd, items: list[Item], rng: random.Random, combine: bool) -> list[tuple]:
    """One logbook line per platform post: (datetime, platform, link, text, cat)."""
    out = []
    for it in items:
        ps = [p for p in it.plats if p in ("facebook", "instagram", "tiktok")]
        if combine and set(ps) >= {"facebook", "instagram"} and rng.random() < 0.5:
            out.append(
                (
                    it.when,
                    "Instagram & Facebook",
                    it.links["instagram"] + "\n" + short_fb(it.links["facebook"], rng),
                    it.text,
                    it.cat,
                )
            )
            ps = [p for p in ps if p not in ("facebook", "instagram")]
        for p in ps:
            link = it.links[p] if p != "facebook" else short_fb(it.links[p], rng)
            if rng.random() < 0.04:
                link = "-"
            out.append((it.when, rng.choice(PLAT_NAMES[p]), link, it.text, it.cat))
    return out


def kop(ws, op: Opd, title: str, ncol: int) -> None:
    ws.append([f"PEMERINTAH KABUPATEN {KAB.upper()}"])
    ws.append([op.nama.upper()])
    ws.append([title])
    ws.append([])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.cell(r, 1).font = Font(bold=True)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")


def month_title(op: Opd, y: int, m: int) -> str:
    return f"REKAP POSTINGAN MEDIA SOSIAL {op.nama.upper()} BULAN {BULAN[m - 1].upper()} {y}"


def sheet_name(y: int, m: int, style: int) -> str:
    return [
        f"{BULAN3[m - 1].upper()} {y}",
        BULAN[m - 1],
        f"{BULAN3[m - 1]} {str(y)[2:]}",
        f"{BULAN[m - 1].upper()} {y}",
    ][style]


def write_logbook(op: Opd, items: list[Item], out: Path, rng: random.Random) -> int:
    """Returns number of post rows written."""
    v = op.logbook
    by_month: dict[tuple[int, int], list[Item]] = {}
    for it in items:
        by_month.setdefault((it.when.year, it.when.month), []).append(it)
    base = out / "exports" / "logbook"
    fname = f"Rekap Postingan Medsos {op.nama} 2026"
    n = 0
    if v in ("CSV", "U16"):
        sep = ";" if v == "CSV" else "\t"
        lines = [
            [f"PEMERINTAH KABUPATEN {KAB.upper()}"],
            [op.nama.upper()],
            [f"REKAP POSTINGAN MEDIA SOSIAL {op.nama.upper()} DESEMBER 2025 - NOVEMBER 2026"],
            [],
            ["No", "Tanggal", "Jam", "Media Sosial", "Link", "Keterangan", "Jenis Konten"],
        ]
        no = 0
        for (_y, _m), its in sorted(by_month.items()):
            for when, plat, link, text, cat in lb_rows(op, its, rng, False):
                no += 1
                d = date_cell(when, "text_hari" if v == "CSV" else "short", rng)
                if v == "CSV" and no in (17, 58):
                    d = "31/02/2026"
                lines.append(
                    [
                        no,
                        d,
                        f"{when.hour:02d}.{when.minute:02d}",
                        plat,
                        link,
                        judul(text),
                        lb_label(cat, "std", rng),
                    ]
                )
            lines.append([])
        n = no
        lines += [
            ["", "JUMLAH", "", "", f"{no} postingan"],
            [],
            ["", "", "", "Mengetahui,"],
            [
                "",
                "",
                "",
                ("Kepala Desa " if op.jenis == "Desa" else "Camat ")
                + op.singkatan.replace("Kec. ", ""),
            ],
            [],
            [],
            ["", "", "", op.kepala],
        ]
        width = 7
        body = (
            "\r\n".join(
                sep.join(excel_field(c, sep) for c in (row + [""] * (width - len(row))))
                for row in lines
            )
            + "\r\n"
        )
        if v == "CSV":
            write_text(
                base / f"{fname}.csv", body, "cp1252", mtime=dt.datetime(2026, 11, 21, 9, 30)
            )
        else:
            write_text(
                base / f"{fname}.txt",
                body,
                "utf-16-le",
                bom=True,
                mtime=dt.datetime(2026, 11, 21, 10, 5),
            )
        return n
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    vocab = "giat" if v == "B" else ("doc" if v in ("C", "D") else "std")
    sstyle = zlib.crc32(op.key.encode()) % 4
    skip = {(2026, 4), (2026, 5)} if v == "A_text" else set()
    if v == "D":  # one sheet per platform, all months together
        for plat in ("Instagram", "Facebook", "TikTok"):
            ws = wb.create_sheet(plat)
            kop(ws, op, f"REKAP POSTINGAN {plat.upper()} {op.nama.upper()} TAHUN 2026", 6)
            ws.append(["No", "Tanggal Unggah", "Topik Konten", "URL", "Jenis", "Admin"])
            no = 0
            for (_y, _m), its in sorted(by_month.items()):
                for when, p, link, text, cat in lb_rows(op, its, rng, False):
                    if p.lower() != plat.lower():
                        continue
                    no += 1
                    ws.append(
                        [
                            no,
                            date_cell(when, "long", rng),
                            judul(text),
                            link,
                            lb_label(cat, vocab, rng),
                            op.operator.split(",")[0],
                        ]
                    )
            n += no
            ws.append([None, "JUMLAH", no])
            for row in signature(op, 2026, 11):
                ws.append(row)
        save_workbook(wb, base / f"{fname}.xlsx", dt.datetime(2026, 11, 21, 11, 0))
        return n
    for y, m in MONTHS:
        its = by_month.get((y, m), [])
        if (y, m) in skip or (not its and rng.random() < 0.7):
            continue
        ws = wb.create_sheet(sheet_name(y, m, sstyle))
        if v == "C":
            kop(ws, op, month_title(op, y, m), 7)
            ws.append(
                ["No", "Tanggal", "Judul Kegiatan", "Link Postingan", None, None, "Jenis Konten"]
            )
            ws.append([None, None, None, "Instagram", "Facebook", "TikTok", None])
            for c in (1, 2, 3, 7):
                ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
            ws.merge_cells(start_row=5, start_column=4, end_row=5, end_column=6)
            no = 0
            for it in its:
                no += 1
                ws.append(
                    [
                        no,
                        date_cell(it.when, "serial" if rng.random() < 0.7 else "short", rng),
                        judul(it.text),
                        it.links.get("instagram", "-"),
                        short_fb(it.links["facebook"], rng) if "facebook" in it.links else "",
                        it.links.get("tiktok"),
                        lb_label(it.cat, vocab, rng),
                    ]
                )
                if no % 12 == 0:
                    ws.append([])
            n += no
            ws.append(["JUMLAH", None, f"{no} kegiatan"])
        else:
            hdr = {
                "A": [
                    "No",
                    "Hari/Tanggal",
                    "Platform",
                    "Link Postingan",
                    "Judul/Isi",
                    "Jenis Konten",
                ],
                "A_opd": [
                    "No",
                    "Nama OPD",
                    "Hari/Tanggal",
                    "Platform",
                    "Link Postingan",
                    "Judul/Isi",
                    "Jenis Konten",
                ],
                "A_text": ["No", "Tanggal", "Media Sosial", "Link", "Caption", "Jenis"],
                "A_long": [
                    "NO",
                    "HARI / TANGGAL",
                    "PLATFORM",
                    "LINK POSTINGAN",
                    "JUDUL / ISI",
                    "JENIS KONTEN",
                ],
                "A_bad": [
                    "No",
                    "Hari/Tanggal",
                    "Platform",
                    "Link Postingan",
                    "Judul/Isi",
                    "Jenis Konten",
                ],
                "B": ["No", "Tgl", "Jam", "Media", "Tautan", "Keterangan"],
            }[v]
            kop(ws, op, month_title(op, y, m), len(hdr))
            ws.append(hdr)
            style = {
                "A": "date",
                "A_opd": "date",
                "A_text": "short",
                "A_long": "long",
                "A_bad": "date",
                "B": "text_hari",
            }[v]
            no = 0
            rows = lb_rows(op, its, rng, combine=v in ("A", "A_bad"))
            for when, plat, link, text, cat in rows:
                no += 1
                d = date_cell(when, style, rng)
                if v == "A_bad" and no == 5 and m in (2, 6):
                    d = "31/02/2026" if m == 2 else "31-06-2026"
                if v == "B":
                    ws.append(
                        [no, d, f"{when.hour:02d}.{when.minute:02d}", plat, link, judul(text)]
                    )
                elif v == "A_opd":
                    ws.append([no, op.nama, d, plat, link, judul(text), lb_label(cat, vocab, rng)])
                else:
                    ws.append([no, d, plat, link, judul(text), lb_label(cat, vocab, rng)])
                if style == "date" and isinstance(d, dt.date):
                    ws.cell(ws.max_row, 2 if v != "A_opd" else 3).number_format = "DD/MM/YYYY"
                if no % 10 == 0 and rng.random() < 0.5:
                    ws.append([])
            n += no
            ws.append(["JUMLAH", None, None, no])
        for row in signature(op, y, m):
            ws.append(row)
        ws.column_dimensions["B"].width = 22
        ws.column_dimensions["D"].width = 45
    if not wb.sheetnames:
        return 0
    save_workbook(wb, base / f"{fname}.xlsx", dt.datetime(2026, 11, 21, 9, 0))
    return n


# --- TikTok, YouTube, X, Meta daily -----------------------------------------------------------


def kfmt(n: int, rng: random.Random) -> str:
    if n >= 1000 and rng.random() < 0.6:
        return f"{n / 1000:.1f}K".replace(".0K", "K")
    return us(n)


def write_tiktok(op: Opd, items: list[Item], out: Path, as_xlsx: bool, full: bool) -> int:
    handle = op.tt.lstrip("@")
    cols = [
        "Time",
        "Video title",
        "Video link",
        "Post time",
        "Total likes",
        "Total comments",
        "Total shares",
        "Total views",
    ]
    if full:
        cols += ["Total play time", "Average watch time", "Watched full video", "Add to favorites"]
    exported = dt.datetime(2026, 11, 21, 10, 0)
    rows = []
    for it in reversed([i for i in items if "tiktok" in i.plats]):
        r = random.Random(it.seed + 3)
        views = int(math.exp(r.gauss(7.2, 1.1)))
        likes = int(views * r.uniform(0.03, 0.09))
        row = [
            it.when.strftime("%Y-%m-%d"),
            it.text.replace("\n", " ")[:150],
            it.links["tiktok"],
            it.when.strftime("%Y-%m-%d %H:%M"),
            kfmt(likes, r),
            us(int(likes * r.uniform(0, 0.1))),
            us(int(likes * r.uniform(0, 0.15))),
            kfmt(views, r),
        ]
        if full:
            row += [
                f"{int(views * r.uniform(5, 20) / 3600)}h",
                f"{r.uniform(4, 18):.1f}s",
                f"{r.randrange(8, 55)}%",
                us(int(likes * 0.1)),
            ]
        rows.append(row)
    if as_xlsx:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws.append(cols)
        for row in rows:
            ws.append(row)
        buf = io.BytesIO()
        wb.properties.created = FIXED_TS
        wb.properties.modified = FIXED_TS
        wb.save(buf)
        member = ("Content.xlsx", stable_zip(buf.getvalue(), fix_core=True))
    else:
        text = (
            "\n".join(
                ",".join('"' + str(c).replace('"', '""') + '"' for c in row)
                for row in [cols] + rows
            )
            + "\n"
        )
        member = ("Content.csv", b"\xef\xbb\xbf" + text.encode())
    p = out / "exports" / "tiktok" / f"Content_{handle}.zip"
    write_zip(p, [member])
    ts = exported.replace(tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp()
    os.utime(p, (ts, ts))
    return len(rows)


def write_tiktok_overview(op: Opd, out: Path, rng: random.Random) -> None:
    d = dt.date(2026, 9, 22)
    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"']
    while d <= LAST_DAY:
        v = rng.randrange(300, 4000)
        lines.append(f'"{d:%B} {d.day}","{v}","{v // 25}","{v // 18}","{v // 300}","{v // 250}"')
        d += dt.timedelta(days=1)
    write_zip(
        out / "exports" / "tiktok" / f"Overview_{op.tt.lstrip('@')}.zip",
        [("Overview.csv", b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode())],
    )


def write_youtube(op: Opd, items: list[Item], out: Path, iso_dates: bool, as_folder: bool) -> int:
    vids = [i for i in items if "youtube" in i.plats]
    cols = [
        "Content",
        "Video title",
        "Video publish time",
        "Duration",
        "Views",
        "Watch time (hours)",
        "Subscribers",
        "Estimated revenue (USD)",
        "Impressions",
        "Impressions click-through rate (%)",
        "Likes",
        "Comments added",
        "Shares",
        "Average view duration",
        "Average percentage viewed (%)",
    ]
    recs = []
    for it in vids:
        r = random.Random(it.seed + 5)
        dur = r.randrange(40, 1800)
        views = int(math.exp(r.gauss(5.5, 1.0)))
        avd = int(dur * r.uniform(0.15, 0.6))
        imp = int(views * r.uniform(6, 25))
        recs.append(
            [
                it.ids["youtube"],
                it.text.split("\n")[0][:100],
                it.when.strftime("%Y-%m-%d")
                if iso_dates
                else f"{EN_MON[it.when.month - 1]} {it.when.day}, {it.when.year}",
                dur,
                views,
                round(views * avd / 3600, 4),
                r.randrange(0, 8),
                0,
                imp,
                round(100 * views / max(imp, 1), 2),
                int(views * 0.04),
                r.randrange(0, 5),
                r.randrange(0, 6),
                f"0:{avd // 60:02d}:{avd % 60:02d}",
                round(100 * avd / dur, 2),
            ]
        )
    recs.sort(key=lambda x: -x[4])
    tot = [
        "Total",
        "",
        "",
        "",
        sum(x[4] for x in recs),
        round(sum(x[5] for x in recs), 4),
        sum(x[6] for x in recs),
        0,
        sum(x[8] for x in recs),
        round(100 * sum(x[4] for x in recs) / max(1, sum(x[8] for x in recs)), 2),
        sum(x[10] for x in recs),
        sum(x[11] for x in recs),
        sum(x[12] for x in recs),
        "",
        "",
    ]
    table = "\n".join(",".join(excel_field(c) for c in row) for row in [cols, tot] + recs) + "\n"
    chart = ["Date,Content,Video title,Video publish time,Duration,Views"]
    totals = ["Date,Views"]
    daily: dict[dt.date, int] = {}
    for x, it in zip(
        recs,
        sorted(vids, key=lambda i: -[y[4] for y in recs if y[0] == i.ids["youtube"]][0]),
        strict=True,
    ):
        d0 = it.when.date()
        for k in range(3):
            dd = d0 + dt.timedelta(days=k)
            if dd > LAST_DAY:
                break
            v = int(x[4] * (0.6, 0.25, 0.15)[k])
            chart.append(
                ",".join(excel_field(c) for c in [dd.isoformat(), x[0], x[1], x[2], x[3], v])
            )
            daily[dd] = daily.get(dd, 0) + v
    for dd in sorted(daily):
        totals.append(f"{dd.isoformat()},{daily[dd]}")
    chart_s = "\n".join([chart[0]] + sorted(chart[1:])) + "\n"
    name = f"Content 2025-12-01_2026-11-20 {op.yt.rstrip('/').split('/')[-1].lstrip('@')}"
    members = [
        ("Table data.csv", table.encode()),
        ("Chart data.csv", chart_s.encode()),
        ("Totals.csv", ("\n".join(totals) + "\n").encode()),
    ]
    base = out / "exports" / "youtube"
    if as_folder:
        for fn, data in members:
            (base / name).mkdir(parents=True, exist_ok=True)
            (base / name / fn).write_bytes(data)
    else:
        write_zip(base / f"{name}.zip", members)
    return len(recs)


def write_x(opds: dict[str, Opd], items: list[Item], out: Path) -> tuple[int, int]:
    base = out / "exports" / "x"
    # Classic tweet activity (Prokopim, Dec 2025 - Feb 2026), times in UTC
    op = opds["prokopim"]
    handle = op.x.lstrip("@")
    cols = [
        "Tweet id",
        "Tweet permalink",
        "Tweet text",
        "time",
        "impressions",
        "engagements",
        "engagement rate",
        "retweets",
        "replies",
        "likes",
        "user profile clicks",
        "url clicks",
        "hashtag clicks",
        "detail expands",
        "permalink clicks",
        "app opens",
        "app installs",
        "follows",
        "email tweet",
        "dial phone",
        "media views",
        "media engagements",
    ]
    lines = [",".join(excel_field(c) for c in cols)]
    its = [
        i
        for i in items
        if i.opd == "prokopim" and "x" in i.plats and i.when < dt.datetime(2026, 3, 1, 7)
    ]
    for it in reversed(its):
        r = random.Random(it.seed + 13)
        imp = int(math.exp(r.gauss(6.5, 0.8)))
        eng = int(imp * r.uniform(0.01, 0.06))
        utc = it.when - dt.timedelta(hours=7)
        parts = [r.randrange(0, max(1, eng // 3 + 1)) for _ in range(6)]
        row = [
            it.ids["x"],
            it.links["x"].replace("x.com", "twitter.com"),
            it.text[:280],
            utc.strftime("%Y-%m-%d %H:%M +0000"),
            f"{imp}.0",
            f"{eng}.0",
            repr(eng / imp),
            f"{parts[0]}.0",
            f"{parts[1]}.0",
            f"{parts[2]}.0",
            f"{parts[3]}.0",
            f"{parts[4]}.0",
            "0.0",
            f"{parts[5]}.0",
            "0.0",
            "0",
            "0",
            "0.0",
            "0",
            "0",
            f"{imp // 3}",
            f"{eng // 2}",
        ]
        lines.append(",".join(excel_field(c) for c in row))
    write_text(
        base / f"tweet_activity_metrics_{handle}_20251201_20260301_en.csv",
        "\n".join(lines) + "\n",
        "utf-8",
        mtime=dt.datetime(2026, 3, 2, 9, 0),
    )
    n1 = len(its)
    # 2024+ content export (Diskominfo, whole year)
    cols2 = [
        "Post id",
        "Date",
        "Post text",
        "Post Link",
        "Impressions",
        "Likes",
        "Engagements",
        "Bookmarks",
        "Shares",
        "New follows",
        "Replies",
        "Reposts",
        "Profile visits",
        "Detail Expands",
        "URL Clicks",
        "Hashtag Clicks",
        "Permalink Clicks",
    ]
    lines = [",".join(cols2)]
    its2 = [i for i in items if i.opd == "diskominfo" and "x" in i.plats]
    for it in reversed(its2):
        r = random.Random(it.seed + 17)
        imp = int(math.exp(r.gauss(6.0, 0.9)))
        lk = int(imp * r.uniform(0.005, 0.03))
        d = it.when.date()
        row = [
            it.ids["x"],
            f"{HARI_EN[d.weekday()]}, {EN_MON[d.month - 1]} {d.day}, {d.year}",
            it.text,
            it.links["x"],
            imp,
            lk,
            lk + r.randrange(0, 10),
            r.randrange(0, 3),
            r.randrange(0, 4),
            r.randrange(0, 2),
            r.randrange(0, 3),
            r.randrange(0, 5),
            r.randrange(0, 8),
            r.randrange(0, 12),
            r.randrange(0, 3),
            r.randrange(0, 2),
            r.randrange(0, 2),
        ]
        lines.append(",".join(excel_field(c) for c in row))
    write_text(
        base / "account_analytics_content_2025-12-01_2026-11-20.csv",
        "\n".join(lines) + "\n",
        "utf-8",
        mtime=dt.datetime(2026, 11, 21, 9, 0),
    )
    return n1, len(its2)


HARI_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def write_meta_daily(out: Path, rng: random.Random) -> None:
    lines = ["sep=,", "Jangkauan", '"Tanggal","Primary"']
    d = dt.date(2026, 10, 1)
    while d <= dt.date(2026, 10, 31):
        lines.append(f'"{d.isoformat()}T00:00:00","{rng.randrange(800, 9000)}"')
        d += dt.timedelta(days=1)
    write_text(
        out / "exports" / "meta_daily" / "Jangkauan.csv",
        "\n".join(lines) + "\n",
        "utf-16-le",
        bom=True,
        mtime=dt.datetime(2026, 11, 2, 10, 0),
    )


# ---------------------------------------------------------------------------------------------


def generate(out: Path, seed: int = DEFAULT_SEED) -> dict[str, int]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "exports", ignore_errors=True)
    opds = build_opds()
    fill_people(opds, rng)
    by_key = {o.key: o for o in opds}
    pages = {
        o.key: {
            "fb_id": str(61550000000000 + rng.randrange(10**11)),
            "ig_id": str(17841400000000000 + rng.randrange(10**12)),
        }
        for o in opds
    }
    items = make_items(opds, random.Random(seed + 1))
    assign_ids(items, by_key, pages)
    write_master(opds, out)
    write_campaigns(out)
    stats: dict[str, int] = {"items": len(items)}
    per_opd: dict[str, list[Item]] = {}
    for it in items:
        per_opd.setdefault(it.opd, []).append(it)
    erng = random.Random(seed + 2)
    fb_n = ig_n = 0
    for op in opds:
        its = per_opd.get(op.key, [])
        if op.fb_export:
            fb_its = [i for i in its if "facebook" in i.plats]
            for a, b in periods(op.fb_export):
                sel = [i for i in fb_its if a <= i.when.date() <= b]
                start_m = f"{a.year}-{a.month:02d}"
                if not sel and not (op.dormant and start_m >= op.dormant and op.key == "umum"):
                    continue
                if op.dormant and start_m > op.dormant and op.key != "umum":
                    continue
                exported = export_time(b, erng)
                digits = str(erng.randrange(10**15, 10**16))
                if (op.key, "facebook", a) in WITHHELD:
                    continue  # drawn above all the same: every other file stays as it was
                cols = fb_columns(a)
                rows = fb_rows(list(reversed(sel)), op, pages[op.key], exported)
                excel = op.key == "satpolpp" and a == dt.date(2026, 3, 1)
                write_fb_file(
                    out / "exports" / "facebook" / folder(op) / meta_name(a, b, digits),
                    cols,
                    rows,
                    exported,
                    excel,
                )
                fb_n += len(rows)
                if op.key == "diskominfo" and a == dt.date(2026, 10, 1):  # exported again on 20 Nov
                    re_at = dt.datetime(2026, 11, 20, 14, 5)
                    rows2 = fb_rows(list(reversed(sel)), op, pages[op.key], re_at)
                    write_fb_file(
                        out
                        / "exports"
                        / "facebook"
                        / folder(op)
                        / meta_name(a, b, str(erng.randrange(10**15, 10**16))),
                        fb_columns(dt.date(2026, 11, 1)),
                        rows2,
                        re_at,
                    )
                    fb_n += len(rows2)
                    stats["fb_reexport_rows"] = len(rows2)
        ig_cad = op.ig_export or ("Q" if op.key == "dinsos" else None)
        if ig_cad:
            ig_its = [i for i in its if "instagram" in i.plats]
            for a, b in periods(ig_cad):
                if op.key == "dinsos" and a < dt.date(2026, 6, 1):
                    continue  # Dinsos started sending IG exports in June; its logbook overlaps
                sel = [i for i in ig_its if a <= i.when.date() <= b]
                if not sel:
                    continue
                exported = export_time(b, erng)
                rows = ig_rows(list(reversed(sel)), op, pages[op.key], exported)
                semi = op.key == "pupr" and a == dt.date(2026, 6, 1)
                lean = a >= dt.date(2026, 6, 1) and zlib.crc32(op.key.encode()) % 2 == 0
                name = meta_name(a, b, str(erng.randrange(10**15, 10**16)))
                if (op.key, "instagram", a) in WITHHELD:
                    continue
                write_ig_file(
                    out / "exports" / "instagram" / folder(op) / name,
                    rows,
                    exported,
                    lean,
                    semi,
                )
                ig_n += len(rows)
    stats["facebook_rows"] = fb_n
    stats["instagram_rows"] = ig_n
    lrng = random.Random(seed + 3)
    stats["logbook_rows"] = sum(
        write_logbook(op, per_opd.get(op.key, []), out, lrng) for op in opds if op.logbook
    )
    stats["tiktok_rows"] = (
        write_tiktok(by_key["diskominfo"], per_opd["diskominfo"], out, False, True)
        + write_tiktok(by_key["disdukcapil"], per_opd["disdukcapil"], out, True, False)
        + write_tiktok(by_key["dinkes"], per_opd["dinkes"], out, False, False)
        + write_tiktok(by_key["disporapar"], per_opd["disporapar"], out, True, True)
    )
    write_tiktok_overview(by_key["diskominfo"], out, random.Random(seed + 4))
    stats["youtube_rows"] = (
        write_youtube(by_key["diskominfo"], per_opd["diskominfo"], out, False, False)
        + write_youtube(by_key["prokopim"], per_opd["prokopim"], out, True, True)
        + write_youtube(by_key["disdikbud"], per_opd["disdikbud"], out, False, False)
    )
    a, b = write_x(by_key, items, out)
    stats["x_rows"] = a + b
    write_meta_daily(out, random.Random(seed + 5))
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args()
    stats = generate(args.out, args.seed)
    for k, v in stats.items():
        print(f"{k:>20}: {v}")


if __name__ == "__main__":
    main()
