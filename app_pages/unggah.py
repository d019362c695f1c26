"""Unggah Data: upload exports, check format/OPD/preview/rejects, confirm; history with undo."""

import streamlit as st

from ui import auth as _auth
from ui import data, i18n
from ui import widgets as w
from ui.forms import common as common_form
from ui.forms import history as history_form
from ui.forms import upload as upload_form
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("unggah")

st.title(i18n.t("page_unggah"))
st.caption(
    i18n.tr(
        "Unggah ekspor postingan. Setiap berkas diperiksa dulu (format, OPD, pratinjau, baris "
        "ditolak); tidak ada yang masuk ke gudang data sebelum Anda menekan tombol Muat. Berkas yang "
        "sama tidak akan dihitung dua kali.",
        "Upload post exports. Each file is checked first (format, OPD, preview, rejected rows); "
        "nothing enters the warehouse before you press Load. The same file is never counted twice.",
    )
)

common_form.who()
if _auth.section("upload"):  # the upload form for roles that may load; history for all
    upload_form.upload_flow()

st.subheader(i18n.tr("Riwayat pemuatan", "Load history"))
hist = history_form.load_history()
if not hist.height:
    w.empty_state(
        i18n.tr("Belum ada riwayat", "No history yet"),
        i18n.tr(
            "Berkas yang dimuat akan tercatat di sini dan dapat dibatalkan.",
            "Loaded files are listed here and can be undone.",
        ),
    )
    st.stop()
w.table(
    hist,
    [
        Col("load_id", "ID", "int"),
        Col("loaded_at", i18n.tr("Waktu muat", "Loaded at"), "datetime"),
        Col("file_name", i18n.tr("Berkas", "File")),
        # What an analyst checks first (did it load, how much) before the details.
        Col("status", "Status", "load_status"),
        Col("loaded_by", i18n.tr("Oleh", "By"), "who"),
        Col("opd", "OPD"),
        Col("n_new", i18n.tr("Baru", "New"), "int"),
        Col("n_updated", i18n.tr("Diperbarui", "Updated"), "int"),
        Col("n_duplicate", i18n.tr("Duplikat", "Duplicate"), "int"),
        Col("n_rejected", i18n.tr("Ditolak", "Rejected"), "int"),
        Col("format", "Format", "format"),
        Col("period_start", i18n.tr("Dari", "From"), "date"),
        Col("period_end", i18n.tr("Sampai", "To"), "date"),
        Col("message", i18n.tr("Keterangan", "Message")),
    ],
    key="history",
    title=i18n.tr("Riwayat pemuatan data", "Load history"),
    numbered=False,
    height=320,
)
history_form.undo_flow(hist)

REJECTED_SHOWN = 500  # newest rejected rows listed; the title counts all of them
rejected = data.rejected_rows(limit=REJECTED_SHOWN)
if rejected.height:
    total = int(rejected["total_rejected"][0])
    with st.expander(
        i18n.tr(
            f"Baris yang ditolak saat dimuat ({i18n.fmt_int(total)})",
            f"Rows rejected while loading ({i18n.fmt_int(total)})",
        ),
        icon=":material/rule:",
    ):
        st.caption(
            i18n.tr(
                "Perbaiki di berkas asal lalu unggah ulang; baris lain dari berkas yang sama "
                "sudah masuk.",
                "Fix them in the source file and upload it again; the file's other rows are in.",
            )
        )
        if total > rejected.height:
            st.caption(
                i18n.tr(
                    f"Ditampilkan {i18n.fmt_int(rejected.height)} baris terbaru dari "
                    f"{i18n.fmt_int(total)}.",
                    f"Showing the newest {i18n.fmt_int(rejected.height)} of "
                    f"{i18n.fmt_int(total)} rows.",
                )
            )
        w.table(
            rejected,
            [
                Col("load_id", i18n.tr("Muatan", "Load"), "int"),
                Col("file_name", i18n.tr("Berkas", "File")),
                Col("sheet", "Sheet"),
                Col("row_number", i18n.tr("Baris", "Row"), "int"),
                Col("column_name", i18n.tr("Kolom", "Column")),
                Col("value", i18n.tr("Nilai", "Value")),
                Col("reason", i18n.t("reason")),
            ],
            key="rejected_rows",
            title=i18n.tr("Baris yang ditolak", "Rejected rows"),
            numbered=False,
            height=300,
        )
