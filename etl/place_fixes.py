"""How to resolve a post whose OPD cannot be decided: the sentences the refusals of
etl.matching end with (Bahasa Indonesia)."""

UNKNOWN_OPD_FIX = (
    'Tambahkan pilihan --opd "Nama OPD" (atau pilih OPD di halaman unggah), atau daftarkan akun '
    "ini di Daftar Akun Medsos OPD lalu muat ulang daftar itu (python -m etl opd BERKAS.xlsx)."
)
# A logbook row whose "Nama OPD" names no OPD: the name is what to correct, not an account.
UNKNOWN_OPD_NAME_FIX = (
    "Perbaiki isi kolom 'Nama OPD' agar sama dengan nama atau singkatan OPD di Daftar Akun Medsos "
    "OPD, lalu muat ulang berkas ini; bila OPD itu belum ada di daftar, tambahkan lalu muat ulang "
    "daftar itu (python -m etl opd BERKAS.xlsx)."
)
