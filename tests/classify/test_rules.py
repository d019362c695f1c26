"""Behaviour of the rule classifier on single captions (no warehouse)."""

from __future__ import annotations

import json
import unicodedata

import polars as pl
import pytest

from etl.classify import (
    CONTENT_TYPES,
    NO_MATCH_REASON,
    Rules,
    classify_frame,
    default_rules,
    map_logbook_label,
    map_logbook_series,
    validate_rules,
)
from tests.classify.build_eval_set import to_bold


def label(*captions: str) -> list[dict]:
    return classify_frame(pl.DataFrame({"caption": list(captions)}), use_model=False).to_dicts()


# --------------------------------------------------------------------------- ucapan vs kinerja


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Selamat Hari Kesehatan Nasional! ☀️ Hari ini Dinas Kesehatan melaksanakan posyandu "
            "serentak dan imunisasi di 12 desa. #SukamajuSehat",
            "kegiatan",
        ),
        (
            "Selamat Hari Pahlawan 2026. Pada peringatan ini Dinas Sosial menyalurkan bantuan "
            "kepada 150 veteran dan melaksanakan ziarah ke Taman Makam Pahlawan.",
            "kegiatan",
        ),
        (
            "Selamat Hari Raya Idul Fitri 1447 H 🙏 Kami informasikan jadwal pelayanan "
            "Disdukcapil setelah libur lebaran: mulai Senin 30 Maret, jam buka 08.00-15.00 WIB.",
            "layanan",
        ),
    ],
)
def test_greeting_plus_report_is_kinerja(caption: str, expected: str) -> None:
    (row,) = label(caption)
    assert row["content_type"] == expected
    # The greeting is not hidden: the reason says it lost.
    assert "kalah: ucapan:" in row["content_reason"]


@pytest.mark.parametrize(
    "caption",
    [
        "Selamat pagi Sobat, sudah sarapan? ☕",
        "Sugeng enjang sedulur 🙏",
        "Wilujeng enjing wargi sadaya",
        "Happy weekend semuanya!",
        "Good morning from the kantor kecamatan ☀️",
    ],
)
def test_a_daily_greeting_alone_is_lainnya_not_ucapan(caption: str) -> None:
    (row,) = label(caption)
    assert row["content_type"] == "lainnya", row["content_reason"]


def test_a_daily_greeting_does_not_outweigh_a_report() -> None:
    (row,) = label("Selamat pagi! Hari ini rapat koordinasi stunting di aula kecamatan")
    assert row["content_type"] == "kegiatan"


@pytest.mark.parametrize(
    "caption",
    [
        "Selamat Hari Raya Idul Fitri 1447 H. Mohon maaf lahir dan batin 🙏",
        "Keluarga besar Diskominfo mengucapkan Dirgahayu Republik Indonesia ke-81. Merdeka!",
        "Innalillahi wa inna ilaihi rajiun. Turut berduka cita atas wafatnya ibunda Sekda.",
        "Selamat dan sukses atas dilantiknya Camat Sukaresmi yang baru.",
    ],
)
def test_pure_greetings_are_ucapan(caption: str) -> None:
    (row,) = label(caption)
    assert row["content_type"] == "ucapan"
    assert row["content_reason"].startswith("ucapan (skor ")


@pytest.mark.parametrize(
    "caption",
    [
        "Ramadan Kareem 1448 H 🌙",
        "Selamat memperingati Isro' Mi'roj Nabi Muhammad SAW",
        "Selamat Maulud Nabi Muhammad SAW",
        "Jumu'ah Mubarak, sahabat",
        "Eid al-Fitr Mubarak from all of us",
        "Barakallahu fiikum untuk para wisudawan",
        "Sugeng nindakaken ibadah siyam",
        "Sogeng Rajah Tellasan, nyo'on sapora",
        "Keluarga besar Kecamatan turut berbela sungkawa atas wafatnya Pak Kades",
        "Ikut berduka atas berpulangnya guru kami",
        "Rest in peace, Pak Lurah. Semoga husnul khotimah",
        "Xin Nian Kuai Le 2578!",
    ],
)
def test_arabic_spellings_and_regional_greetings_and_condolences_are_ucapan(caption: str) -> None:
    (row,) = label(caption)
    assert row["content_type"] == "ucapan", row["content_reason"]


def test_every_label_is_reachable() -> None:
    rows = label(
        "Selamat Tahun Baru Islam 1448 H",
        "Rapat koordinasi evaluasi kinerja triwulan III di Aula Setda",
        "Syarat dan cara mengurus akta kelahiran secara online, tanpa antre",
        "Imbauan waspada DBD: lakukan 3M plus di musim hujan",
        "Alhamdulillah, Kabupaten Sukamaju kembali meraih opini WTP dari BPK RI",
        "Waspada penipuan! Akun WhatsApp palsu mengatasnamakan Bupati. Itu hoaks.",
        "Kuis berhadiah! Jawab di kolom komentar ya",
    )
    assert [r["content_type"] for r in rows] == list(CONTENT_TYPES)


# --------------------------------------------------------------------------- normalization


@pytest.mark.parametrize(
    "caption",
    [
        "Selamat Hari Guru Nasional 2026. Guru hebat, Indonesia kuat!",
        "Bupati Sukamaju menghadiri Rapat Koordinasi Penurunan Stunting di Pendopo",
        "Jadwal pelayanan KTP-el keliling: Senin di Kecamatan Sukaresmi",
    ],
)
def test_unicode_bold_caption_classifies_like_plain(caption: str) -> None:
    bold = to_bold(caption)
    assert bold != caption and unicodedata.normalize("NFKC", bold) == caption
    plain_row, bold_row = label(caption, bold)
    assert plain_row["content_type"] != "lainnya"
    assert bold_row == {**plain_row, "caption": bold}


def test_empty_and_missing_captions_are_lainnya_without_phrases() -> None:
    rows = classify_frame(pl.DataFrame({"caption": ["", None, "📷📷"]}), use_model=False).to_dicts()
    assert [r["content_type"] for r in rows] == ["lainnya"] * 3
    assert [r["content_reason"] for r in rows] == [NO_MATCH_REASON] * 3
    assert [r["is_figure_centric"] for r in rows] == [False] * 3


# --------------------------------------------------------------------------- explanation


def test_reason_names_the_matched_phrases() -> None:
    (row,) = label("Dirgahayu Kabupaten Sukamaju ke-79! Mohon maaf lahir dan batin.")
    assert row["content_type"] == "ucapan"
    assert "'dirgahayu'" in row["content_reason"]
    assert "'mohon maaf lahir dan batin'" in row["content_reason"]
    # Every quoted phrase really is in the caption (lower case).
    quoted = row["content_reason"].split(": ", 1)[1].strip("'").split("', '")
    caption = row["caption"].lower()
    assert quoted and all(q in caption for q in quoted), quoted


# --------------------------------------------------------------------------- figure-centric


@pytest.mark.parametrize(
    ("caption", "figure", "person"),
    [
        ("Bupati Sukamaju menghadiri peresmian gedung baru Kecamatan Cibening.", True, "bupati"),
        (
            "Wakil Bupati menerima kunjungan silaturahmi Ketua TP PKK Provinsi di Pendopo.",
            True,
            "wakil bupati",
        ),
        (
            "Sekda Sukamaju membuka acara Bimbingan Teknis Penyusunan SAKIP di Aula Setda.",
            True,
            "sekda",
        ),
        # The service is the subject, not the person: no flag.
        (
            "Jadwal pelayanan KTP-el keliling minggu ini di Kecamatan Sukaresmi. Syarat: "
            "fotokopi KK. Layanan ini program Bupati.",
            False,
            None,
        ),
        ("Posyandu serentak di 12 desa: 1.240 balita ditimbang dan diimunisasi.", False, None),
    ],
)
def test_figure_centric_examples(caption: str, figure: bool, person: str | None) -> None:
    (row,) = label(caption)
    assert row["is_figure_centric"] is figure
    if figure:
        assert f"tokoh: '{person}'" in row["figure_reason"]
        assert "; peran: '" in row["figure_reason"]
    else:
        assert row["figure_reason"] is None


@pytest.mark.parametrize(
    ("caption", "person", "verb"),
    [
        # Leaders' titles of the taxonomy beyond Java's: Sumatra Barat, Papua, Kalimantan
        # Selatan, Bali, Aceh, Sulawesi Utara; and heads of a puskesmas, a badan or an RSUD.
        ("Wali Nagari Koto Baru menerima kunjungan tim penilai lomba nagari.", "wali nagari",
         "menerima"),
        ("Kepala Distrik Abepura mengajak warga ikut kerja bakti Sabtu pagi.", "kepala distrik",
         "mengajak"),
        ("Pambakal Sungai Tabuk mengingatkan warga waspada air pasang.", "pambakal",
         "mengingatkan"),
        ("Perbekel Desa Sanur Kaja melayani langsung warga di kantor desa.", "perbekel",
         "melayani"),
        ("Keuchik Gampong Lamteh meluruskan kabar soal dana desa.", "keuchik", "meluruskan"),
        ("Hukum Tua Desa Tateli menjawab keluhan warga soal air bersih.", "hukum tua",
         "menjawab"),
        ("Kepala Puskesmas Sukaraja berbagi tips cuci tangan pakai sabun.", "kepala puskesmas",
         "berbagi"),
        ("Direktur RS Pratama mengantarkan kursi roda bagi pasien lansia.", "direktur",
         "mengantarkan"),
    ],
)  # fmt: skip
def test_leaders_titles_and_verbs_of_every_region_flag_the_figure(
    caption: str, person: str, verb: str
) -> None:
    (row,) = label(caption)
    assert row["is_figure_centric"] is True
    assert f"tokoh: '{person}'" in row["figure_reason"]
    assert f"'{verb}'" in row["figure_reason"].split("; peran: ", 1)[1]


def test_a_title_inside_another_word_or_without_an_action_is_no_figure() -> None:
    rows = label(
        # 'kaban' is a title only as a word: not inside 'kabandungan'.
        "Warga Kabandungan menerima bantuan bibit dari penyuluh pertanian.",
        # A title named without a leader's action: the post is about the rule, not the person.
        "Peraturan Direktur tentang jam besuk berlaku mulai 1 Juli.",
    )
    assert [r["is_figure_centric"] for r in rows] == [False, False]


# --------------------------------------------------------------------------- rule documents


def test_shipped_rules_are_valid() -> None:
    assert validate_rules(default_rules().data) == []


def test_validate_rules_explains_problems_in_indonesian() -> None:
    data = json.loads(default_rules().to_json())
    data["labels"]["promosi"] = [{"pattern": "diskon", "weight": 1}]
    data["labels"]["kegiatan"] = [
        {"pattern": "rapat(", "weight": 2},
        {"pattern": "  ", "weight": 1},
        {"pattern": "apel", "weight": 0},
        {"pattern": "x*", "weight": 1},
    ]
    data["figure"]["jabatan"] = []
    problems = validate_rules(data)
    assert len(problems) == 6, problems
    text = "\n".join(problems)
    assert "Label 'promosi' tidak dikenal (pilihan: ucapan, kegiatan, layanan," in text
    assert "labels.kegiatan baris 1 ('rapat('): pola tidak sah" in text
    assert "labels.kegiatan baris 2: pola kosong." in text
    assert "labels.kegiatan baris 3 ('apel'): bobot harus angka lebih dari 0." in text
    assert "labels.kegiatan baris 4 ('x*'): pola cocok dengan teks kosong." in text
    assert "Bagian figur 'jabatan' tidak dikenal." in text
    assert validate_rules({"note": "x"}) == ["Bagian 'labels' tidak ada atau bukan objek."]


def test_a_new_pattern_changes_the_label_and_is_explained() -> None:
    caption = "Ngopi bareng warga: ngobrolin jalan rusak sama Pak Lurah"
    assert label(caption)[0]["content_reason"] == NO_MATCH_REASON
    data = json.loads(default_rules().to_json())
    data["labels"]["kegiatan"].append({"pattern": "ngopi bareng warga", "weight": 5})
    frame = pl.DataFrame({"caption": [caption]})
    out = classify_frame(frame, Rules(data), use_model=False).row(0, named=True)
    assert out["content_type"] == "kegiatan"
    assert "'ngopi bareng warga'" in out["content_reason"]


# --------------------------------------------------------------------------- logbook labels


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Ucapan Hari Besar", "ucapan"),
        ("UCAPAN HBN", "ucapan"),
        ("Giat", "kegiatan"),
        ("Dokumentasi Kegiatan", "kegiatan"),
        ("Info Layanan", "layanan"),
        ("Informasi Layanan", "layanan"),
        ("Info Publik", "informasi"),
        ("Prestasi", "capaian"),
        ("Hoax", "klarifikasi"),
        ("Lain-lain", "lainnya"),
        ("Ucapan Duka Cita", "ucapan"),  # not in the list: found by its keyword
        ("", None),
        (None, None),
        ("Publikasi", None),  # says nothing about the type: no guess
    ],
)
def test_logbook_labels_map_to_codes(written: str | None, code: str | None) -> None:
    assert map_logbook_label(written) == code


def test_logbook_series_maps_each_row() -> None:
    s = pl.Series(["Giat", None, "Ucapan HBN", "Giat", "Publikasi"])
    assert map_logbook_series(s).to_list() == ["kegiatan", None, "ucapan", "kegiatan", None]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Informasi Publik", "informasi"),
        ("Capaian Program", "capaian"),
        ("Klarifikasi Hoaks", "klarifikasi"),
        ("Ucapan", "ucapan"),
        ("Lainnya", "lainnya"),
        ("layanan", "layanan"),
    ],
)
def test_a_rule_set_without_logbook_spellings_still_reads_the_usual_names(
    written: str, code: str
) -> None:
    """An analyst's rule set may drop the "logbook" section: the vocabulary's own names and the
    common longer names still map to their codes."""
    data = {k: v for k, v in default_rules().data.items() if k != "logbook"}
    assert map_logbook_label(written, Rules(data)) == code
