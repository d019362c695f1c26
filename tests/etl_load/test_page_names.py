"""A page's display name in an export, matched to the master list (etl.page_names,
etl.page_place): the forms offices and platforms write, a unique and confident match only,
refusals naming file, row and column, never another OPD's account."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load import load_file
from etl.master import load_master
from etl.name_keys import name_key
from etl.page_names import NameMatch, NameRefusal, PageNames
from tests.factory import SAMPLE_MASTER
from warehouse.db import connect

FB_HEADER = (
    '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time",'
    '"Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels",'
    '"Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",'
    'Reactions,Comments,Shares,"Total clicks"'
)


def fb_export(folder: Path, page: str, *, page_id: str = "61579086351814", n: int = 2) -> Path:
    """A Meta Business Suite Facebook export of one Page, named as Meta names it (no OPD in
    the file or folder name); links carry the Page ID, never a username."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["\ufeff" + FB_HEADER]
    for i in range(n):
        post = f"1221044098140031{i:02d}"
        lines.append(
            f'{post},{page_id},"{page}",,"Pelayanan uji KIR kendaraan ke-{i}",0,'
            f"10/{3 + i:02d}/2026 09:05,N/A,https://www.facebook.com/{page_id}/posts/{post},"
            "0,0,Photos,,,,,Lifetime,120,100,12,10,1,1,3"
        )
    path = folder / f"Oct-01-2026_Oct-31-2026_{page_id}{abs(hash(page)) % 100}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_con(tmp_path_factory):
    c = connect(str(tmp_path_factory.mktemp("pn") / "w.duckdb"))
    load_master(c, SAMPLE_MASTER)
    yield c
    c.close()


# The evaluator's case and the forms Facebook Pages of the sample kabupaten are written in.
SAME_OPD = [
    ("Dishub Sukamaju", "Dinas Perhubungan"),
    ("DISHUB KAB. SUKAMAJU", "Dinas Perhubungan"),
    ("Dinas Perhubungan Kabupaten Sukamaju (Official) 🚦", "Dinas Perhubungan"),
    ("𝗗𝗶𝘀𝗵𝘂𝗯 𝗦𝘂𝗸𝗮𝗺𝗮𝗷𝘂", "Dinas Perhubungan"),
    ("Dinkes Kab. Sukamaju", "Dinas Kesehatan"),
    ("Dinas Kesehatan Pemkab Sukamaju", "Dinas Kesehatan"),
    ("Pemerintah Desa Sindanglaya", "Desa Sindanglaya"),
    ("Kec. Margaluyu", "Kecamatan Margaluyu"),
    ("Prokopim Setda Kab. Sukamaju", "Bagian Protokol dan Komunikasi Pimpinan"),
    ("DPMPTSP Kabupaten Sukamaju", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("Dinas Kesehtan Kab Sukamaju", "Dinas Kesehatan"),  # a typo: stated with its score
]


@pytest.mark.parametrize(("page", "opd"), SAME_OPD)
def test_a_page_name_in_the_usual_forms_is_its_account(sample_con, tmp_path, page, opd):
    r = load_file(sample_con, fb_export(tmp_path / "unduhan", page), dry_run=True)
    assert r.status == "loaded", r.error
    assert r.opd == opd
    said = [a for a in r.assumptions if f"halaman '{page}'" in a]
    assert len(said) == 1 and opd in said[0] and "kecocokan nama" in said[0], r.assumptions


# Near names of other offices, and the kabupaten itself: refused, never placed.
NOT_PLACED = [
    "Dinas Kesejahteraan Sukamaju",  # not Dinas Kesehatan
    "Dinas Pertanahan Kab. Sukamaju",  # not Dinas Pertanian (ratio 90)
    "Desa Sukamaju",  # no such desa: not Kec. Sukamaju Kota nor the kabupaten
    "Kecamatan Sukamaju",  # not Kecamatan Sukamaju Kota
    "Pemkab Sukamaju",
    "Pemdes Cibening",  # no such desa: not Kecamatan Cibening nor Desa Cibening Girang
    "Desa Cibening Girang Hilir",  # another desa than Desa Cibening Girang
]


@pytest.mark.parametrize("page", NOT_PLACED)
def test_a_near_name_of_another_office_is_refused(sample_con, tmp_path, page):
    r = load_file(sample_con, fb_export(tmp_path / "unduhan", page), dry_run=True)
    assert r.status == "failed" and r.new == 0, (r.status, r.opd)
    assert "tidak dapat ditentukan" in r.error


def _master(con, tmp_path: Path, rows: list[list]) -> None:
    from tests.factory import write_master

    header = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
    load_master(con, write_master(tmp_path / "Daftar Akun.xlsx", header=header, rows=rows))


def test_a_name_fitting_two_offices_is_refused_naming_file_row_column(tmp_path):
    # The page "Disdik Sukamaju" is Dinas Pendidikan by its short name and the UPTD's page by
    # the name the master list writes for the UPTD's account: two plausible accounts.
    con = connect(":memory:")
    _master(con, tmp_path, [
        [1, "Dinas Pendidikan", "Disdik", "Dinas", None, None, "https://facebook.com/disdik.skmj", None],
        [2, "UPTD Pendidikan Wilayah I", "UPTD Pendidikan I", "UPTD", None, None,
         "Disdik Kabupaten Sukamaju", None],
    ])  # fmt: skip
    path = fb_export(tmp_path / "unduhan", "Disdik Sukamaju")
    r = load_file(con, path, dry_run=True)
    assert r.status == "failed" and r.new == 0
    assert path.name in r.error and "baris 2" in r.error and "kolom 'Page name'" in r.error
    assert '"Dinas Pendidikan"' in r.error and '"UPTD Pendidikan Wilayah I"' in r.error
    assert "akun --platform facebook" in r.error  # how to decide: map the name once
    # The analyst decides once; the alias is then the one definition.
    from etl.accounts import map_alias

    map_alias(con, "facebook", "Disdik Sukamaju", "Disdik Kabupaten Sukamaju")
    r = load_file(con, path, dry_run=True)
    assert r.status == "loaded" and r.opd == "UPTD Pendidikan Wilayah I", r.error
    assert not [a for a in r.assumptions if "kecocokan nama" in a]


def test_an_office_with_two_pages_and_nothing_telling_them_apart_is_refused(tmp_path):
    con = connect(":memory:")
    _master(con, tmp_path, [
        [1, "Dinas Kesehatan Kabupaten Sukamaju", "Dinkes", "Dinas", None, None,
         "https://facebook.com/dinkes.skmj\nhttps://facebook.com/promkes.skmj", None],
    ])  # fmt: skip
    r = load_file(con, fb_export(tmp_path / "unduhan", "Dinkes Sukamaju"), dry_run=True)
    assert r.status == "failed"
    assert "beberapa akun facebook" in r.error and "dinkes.skmj" in r.error


def test_an_alias_the_analyst_mapped_wins_over_the_name(sample_con, tmp_path):
    # "Dishub Sukamaju" reads as Dinas Perhubungan by name; mapped to Dinas Kesehatan's page
    # by the analyst, the alias is what counts (a dry run on a copy of the warehouse).
    import shutil

    from etl.accounts import map_alias

    db = tmp_path / "copy.duckdb"
    sample_con.execute("CHECKPOINT")
    src = sample_con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()[0][0]
    shutil.copy(src, db)
    con = connect(str(db))
    map_alias(con, "facebook", "Dishub Sukamaju", "Dinas Kesehatan Kabupaten Sukamaju")
    r = load_file(con, fb_export(tmp_path / "unduhan", "Dishub Sukamaju"), dry_run=True)
    con.close()
    assert r.status == "loaded" and r.opd == "Dinas Kesehatan", r.error
    assert not [a for a in r.assumptions if "kecocokan nama" in a]


def test_a_name_against_the_chosen_opd_or_the_folder_is_refused(sample_con, tmp_path):
    path = fb_export(tmp_path / "unduhan", "Dishub Sukamaju")
    r = load_file(sample_con, path, opd="Dinkes", dry_run=True)
    assert r.status == "failed" and r.new == 0
    rejects = r.rejects.to_dicts()
    reasons = [x["reason"] for x in rejects]
    assert len(reasons) == 2 and all("Dinas Perhubungan" in x and "Dinas Kesehatan" in x
                                     for x in reasons)  # fmt: skip
    assert {x["column_name"] for x in rejects} == {"Page name"}
    folder = fb_export(tmp_path / "exports" / "facebook" / "Dinkes", "Dishub Sukamaju")
    r = load_file(sample_con, folder, dry_run=True)
    assert r.status == "failed" and r.new == 0
    # The folder that agrees is no conflict: loaded, the reading stated.
    agree = fb_export(tmp_path / "exports" / "facebook" / "Dishub", "Dishub Sukamaju")
    r = load_file(sample_con, agree, dry_run=True)
    assert r.status == "loaded" and r.opd == "Dinas Perhubungan"
    assert [a for a in r.assumptions if "kecocokan nama" in a]


def test_a_logbook_name_of_another_office_is_not_a_typo(sample_con):
    # Nama OPD, --opd and file names go through the same guard: one slip in a long word, not
    # another word ("pertanahan" is not "pertanian", ratio 90.3 >= the old threshold 88).
    from etl.opd_index import OpdIndex

    index = OpdIndex.from_db(sample_con)
    assert index.match_name("Dinas Pertanahan") is None
    assert index.match_name("Dinas Pertnian").name == "Dinas Pertanian"  # type: ignore[union-attr]
    assert index.match_name("Dishub Sukamaju").name == "Dinas Perhubungan"  # type: ignore[union-attr]


def test_desa_kecamatan_and_kabupaten_of_one_name_stay_apart(tmp_path):
    # The region's name is also a kecamatan's, a kelurahan's and a desa's: "Sukamaju" is left
    # out after an office's name, never after Desa/Kec./Kel., and the kabupaten is no OPD.
    con = connect(":memory:")
    fb = "https://facebook.com/"
    _master(con, tmp_path, [
        [1, "Dinas Kesehatan Kabupaten Sukamaju", "Dinkes", "Dinas", None, None, fb + "dinkes.s", None],
        [2, "Kecamatan Sukamaju", None, "Kecamatan", None, None, fb + "kecamatan.s", None],
        [3, "Kelurahan Sukamaju", None, "Kelurahan", None, None, fb + "kelurahan.s", None],
        [4, "Desa Sukamaju", None, "Desa", None, None, fb + "pemdes.s", None],
    ])  # fmt: skip
    expected = {
        "Desa Sukamaju": "Desa Sukamaju",
        "Pemdes Sukamaju": "Desa Sukamaju",
        "Pemerintah Desa Sukamaju Kab. Sukamaju": "Desa Sukamaju",
        "Kec. Sukamaju": "Kecamatan Sukamaju",
        "KECAMATAN SUKAMAJU - Official": "Kecamatan Sukamaju",
        "Kel. Sukamaju": "Kelurahan Sukamaju",
        "Dinkes Sukamaju": "Dinas Kesehatan Kabupaten Sukamaju",
        "Pemkab Sukamaju": None,
        "Kabupaten Sukamaju": None,
        "Sukamaju": None,
    }
    for i, (page, opd) in enumerate(expected.items()):
        r = load_file(con, fb_export(tmp_path / f"u{i}", page), dry_run=True)
        assert r.opd == opd, (page, r.opd, r.error)
        assert (r.status == "loaded") == (opd is not None), (page, r.status)


# ------------------------------------------------------------------ property: never another OPD


@pytest.fixture(scope="module")
def pages(sample_con) -> tuple[PageNames, list[tuple[int, str]]]:
    from etl.opd_index import OpdIndex

    index = OpdIndex.from_db(sample_con)
    spellings = [(o, n) for o, n in index.names.items()]
    spellings += [
        (o, s) for o, s in sample_con.execute(
            "SELECT opd_id, short_name FROM opd WHERE short_name IS NOT NULL").fetchall()
    ]  # fmt: skip
    spellings += [
        (int(o), h) for _, _, _, o, h in index.accounts.iter_rows()
        if h and " " in h and o is not None
    ]  # fmt: skip
    return index.page_names(), spellings


AROUND = st.sampled_from(["", " Sukamaju", " Kab. Sukamaju", " Kabupaten Sukamaju",
                          " - Pemkab Sukamaju", " (Official)", " Resmi", " 🇮🇩", " ✅ Official"])  # fmt: skip
BEFORE = st.sampled_from(["", "📢 ", "✨ ", "Official: "])
SEP = st.sampled_from([" ", "  ", " - ", ". ", " | ", "_"])


def _case(text: str, flips: list[bool]) -> str:
    return "".join(
        c.upper() if f else c.lower()
        for c, f in zip(text, flips + [False] * len(text), strict=False)
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_noise_never_turns_one_office_into_another(pages, data):
    index, spellings = pages
    opd, name = data.draw(st.sampled_from(spellings))
    words = name.split()
    sep = data.draw(SEP)
    flips = data.draw(st.lists(st.booleans(), max_size=len(name) + 10))
    noisy = data.draw(BEFORE) + _case(sep.join(words), flips) + data.draw(AROUND)
    got = index.match("facebook", noisy)
    if isinstance(got, NameMatch):
        assert got.opd_id == opd, (name, noisy, got)
    if isinstance(got, NameRefusal):
        assert opd in got.opd_ids, (name, noisy, got)
    # Decoration alone changes nothing: the plain spelling reads the same.
    plain = index.match("facebook", name)
    assert type(got) is type(plain) and getattr(got, "opd_id", None) == getattr(
        plain, "opd_id", None
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_typo_or_another_office_s_word_reads_as_its_office_or_nothing(pages, data):
    # One letter changed, or one word taken from another office's name ("Kecamatan
    # Sindanglaya" from Kecamatan Margaluyu and Desa Sindanglaya): the name's own office, a
    # refusal, or nothing; another office only when the text is exactly that office's name.
    index, spellings = pages
    opd, name = data.draw(st.sampled_from(spellings))
    if data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(name) - 1))
        letter = data.draw(st.sampled_from("abcdeghiklmnoprstuy"))
        typo = name[:i] + letter + name[i + 1 :]
    else:
        words = name.split()
        other = data.draw(st.sampled_from([s for o, s in spellings if o != opd])).split()
        i = data.draw(st.integers(0, len(words) - 1))
        typo = " ".join([*words[:i], data.draw(st.sampled_from(other)), *words[i + 1 :]])
    got = index.match("facebook", typo)
    if isinstance(got, NameMatch) and got.opd_id != opd:
        exact = {
            o for o, s in spellings if name_key(s, index.regions) == name_key(typo, index.regions)
        }
        assert got.opd_id in exact and got.score == 100.0, (name, typo, got)
