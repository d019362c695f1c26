"""Pengaturan > Lampiran surat: the kop surat (with logo) and the signature block, set once and
printed on every lampiran and report."""

from __future__ import annotations

import streamlit as st

from ui import data, i18n, streamlit_texts


def _text(box, label: str, value: str, key: str, placeholder: str = "") -> str:
    return box.text_input(label, value, placeholder=placeholder, key=key).strip()


def letter_form() -> None:
    """Kop (government, agency, address, phone, email, website, logo) and who signs (jabatan,
    nama, pangkat/golongan, NIP)."""
    from ui import auth
    from warehouse.letter import LetterSettings, get_letter, get_logo, save_letter, save_logo

    if not auth.section("edit_letter"):
        return
    cur = data.con().cursor()
    try:
        current, logo = get_letter(cur), get_logo(cur)
    finally:
        cur.close()
    st.caption(
        i18n.tr(
            "Kop surat di atas dan blok tanda tangan di akhir setiap lampiran, laporan bulanan "
            "dan rapor OPD (Excel dan PDF). Kolom yang kosong dicetak sebagai titik-titik untuk "
            "diisi tangan.",
            "The letterhead on top and the signature block at the end of every appendix, "
            "monthly report and OPD report card (Excel and PDF). Empty fields print as dotted "
            "blanks to fill in by hand.",
        )
    )
    _logo_box(logo, save_logo)
    with st.form("letter_form"):
        st.markdown(i18n.tr("**Kop surat**", "**Letterhead**"))
        k1, k2 = st.columns(2)
        gov = _text(k1, i18n.tr("Baris pemerintah", "Government line"), current.kop_government,
                    "kop_government", "PEMERINTAH KABUPATEN SUKAMAJU")  # fmt: skip
        agency = _text(k2, i18n.tr("Nama dinas", "Agency"), current.kop_agency, "kop_agency",
                       "DINAS KOMUNIKASI DAN INFORMATIKA")  # fmt: skip
        address = _text(st, i18n.tr("Alamat", "Address"), current.kop_address, "kop_address",
                        "Jl. Merdeka No. 1, Sukamaju 40111")  # fmt: skip
        k3, k4, k5 = st.columns(3)
        phone = _text(k3, i18n.tr("Telepon", "Phone"), current.kop_phone, "kop_phone",
                      "(0262) 123456")  # fmt: skip
        email = _text(k4, i18n.tr("Pos-el", "Email"), current.kop_email, "kop_email",
                      "diskominfo@sukamajukab.go.id")  # fmt: skip
        website = _text(k5, i18n.tr("Laman", "Website"), current.kop_website, "kop_website",
                        "diskominfo.sukamajukab.go.id")  # fmt: skip
        with_kop = st.checkbox(i18n.tr("Cetak kop surat", "Print the letterhead"),
                               current.with_kop, key="letter_with_kop")  # fmt: skip
        st.markdown(i18n.tr("**Penanda tangan**", "**Signatory**"))
        c1, c2 = st.columns(2)
        region = _text(c1, i18n.tr("Nama daerah", "Region"), current.region, "letter_region",
                       "Kabupaten Sukamaju")  # fmt: skip
        place = _text(c2, i18n.tr("Tempat (kota) surat", "Place of the letter"), current.place,
                      "letter_place", "Sukamaju")  # fmt: skip
        position = _text(st, i18n.tr("Jabatan penanda tangan", "Position"), current.position,
                         "letter_position")  # fmt: skip
        c3, c4, c5 = st.columns(3)
        name = _text(c3, i18n.tr("Nama penanda tangan", "Name"), current.name, "letter_name")
        rank = _text(c4, i18n.tr("Pangkat/golongan", "Rank/grade"), current.rank, "letter_rank",
                     "Pembina Utama Muda (IV/c)")  # fmt: skip
        nip = _text(c5, "NIP", current.nip, "letter_nip", "19800101 200501 1 001")
        with_signature = st.checkbox(
            i18n.tr("Sertakan blok tanda tangan", "Include the signature block"),
            current.with_signature,
            key="letter_with_signature",
        )
        if not st.form_submit_button(
            i18n.tr("Simpan pengaturan lampiran", "Save appendix settings"), type="primary"
        ):
            return
    candidate = LetterSettings(
        region=region, place=place, position=position, name=name, nip=nip,
        with_signature=with_signature, rank=rank, kop_government=gov, kop_agency=agency,
        kop_address=address, kop_phone=phone, kop_email=email, kop_website=website,
        with_kop=with_kop,
    )  # fmt: skip
    problems = candidate.validate()
    if problems:
        for p in problems:
            st.error(p)
        return
    auth.require("edit_letter")
    cur = data.con().cursor()
    try:
        save_letter(cur, candidate)
    finally:
        cur.close()
    from dataclasses import asdict

    auth.record("letter_change", target="lampiran surat", before=asdict(current),
                after=asdict(candidate))  # fmt: skip
    data.changed()
    st.toast(i18n.tr("Pengaturan lampiran disimpan.", "Appendix settings saved."))


def _logo_box(logo: bytes | None, save_logo) -> None:
    c1, c2 = st.columns([1, 3])
    if logo:
        c1.image(logo, width=90)
    else:
        c1.caption(i18n.tr("Belum ada logo.", "No logo yet."))
    # The uploader shows only when asked for: the page's other uploader (the OPD master list)
    # stays the only file input by default.
    if not c2.toggle(i18n.tr("Ganti logo kop surat", "Change the letterhead logo"),
                     key="kop_logo_toggle"):  # fmt: skip
        return
    up = streamlit_texts.file_uploader(
        i18n.tr("Logo kop surat (PNG atau JPG)", "Letterhead logo (PNG or JPG)"),
        ["png", "jpg", "jpeg", "gif", "bmp", "webp"],
        key="kop_logo_upload",
        where=c2,
    )
    b1, b2 = c2.columns(2)
    if up is not None and b1.button(i18n.tr("Pasang logo", "Use this logo"), key="kop_logo_save"):
        _store_logo(save_logo, up.getvalue(), up.name)
    if logo and b2.button(i18n.tr("Hapus logo", "Remove logo"), key="kop_logo_remove"):
        _store_logo(save_logo, None, "")


def _store_logo(save_logo, raw: bytes | None, name: str) -> None:
    from ui import auth

    auth.require("edit_letter")
    cur = data.con().cursor()
    try:
        save_logo(cur, raw, name)
    except ValueError as exc:
        st.error(str(exc))
        return
    finally:
        cur.close()
    auth.record("letter_change", target="logo kop", after={"logo": name or None})
    data.changed()
    st.rerun()
