"""Pengaturan > Lampiran surat: who signs the lampiran is saved, and a bad NIP is refused."""

from __future__ import annotations

from tests.app.test_pages import run_page
from warehouse.db import connect
from warehouse.letter import LetterSettings, get_letter


def _saved(db) -> LetterSettings:
    con = connect(db)
    try:
        return get_letter(con)
    finally:
        con.close()


def _submit(at):
    [b for b in at.button if "Simpan pengaturan lampiran" in str(b.label)][0].click().run()


def test_letter_settings_are_saved(copy_db, use_db):
    use_db(copy_db)
    at = run_page("pengaturan")
    assert not at.exception
    at.text_input(key="letter_region").input("Kabupaten Sukamaju")
    at.text_input(key="letter_place").input("Sukamaju")
    at.text_input(key="letter_name").input("Drs. Asep Rukmana")
    at.text_input(key="letter_nip").input("19700101 199503 1 002")
    _submit(at)
    assert not at.exception and not at.error
    saved = _saved(copy_db)
    assert (saved.region, saved.place, saved.name, saved.nip) == (
        "Kabupaten Sukamaju", "Sukamaju", "Drs. Asep Rukmana", "19700101 199503 1 002",
    )  # fmt: skip
    assert saved.with_signature


def test_a_bad_nip_is_refused_and_nothing_is_saved(copy_db, use_db):
    use_db(copy_db)
    before = _saved(copy_db)
    at = run_page("pengaturan")
    at.text_input(key="letter_nip").input("12345")
    _submit(at)
    assert [e.value for e in at.error] == ["NIP harus 18 angka (spasi boleh), atau dikosongkan."]
    assert _saved(copy_db) == before
