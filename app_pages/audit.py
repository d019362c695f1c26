"""Pengguna & Audit (admin): accounts and roles, the permission matrix, the audit trail."""

import datetime as dt

import polars as pl
import streamlit as st

from access import audit, policy, users
from access.clock import now_wib
from ui import audit_changes, data, i18n
from ui import auth as _auth
from ui import widgets as w
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("audit")

st.title(i18n.t("page_audit"))
me = _auth.principal()
tab_users, tab_trail, tab_matrix = st.tabs(
    [
        i18n.tr("Pengguna", "Users"),
        i18n.tr("Jejak audit", "Audit trail"),
        i18n.tr("Hak akses per peran", "Permissions per role"),
    ]
)


def _opd_names() -> dict[int, str]:
    opts = data.filter_options()
    if not opts.height:
        return {}
    return dict(zip(opts["opd_id"].to_list(), opts["opd"].to_list(), strict=True))


def _write(fn, *args, **kwargs) -> None:
    """Run one account change as the admin (audited inside access.users)."""
    _auth.require("manage_users")
    cur = data.con().cursor()
    try:
        fn(cur, *args, by=me.username, by_role=me.role, **kwargs)
    except users.AccessError as exc:
        st.error(str(exc))
        return
    finally:
        cur.close()
    st.session_state["_users_msg"] = i18n.tr("Tersimpan.", "Saved.")
    st.rerun()


def _role_and_opd(left, right, names: dict[int, str], *, key: str) -> tuple[str, int | None]:
    """The role box and the OPD box (operators only) of a user form."""
    role = left.selectbox(
        i18n.tr("Peran", "Role"), list(policy.ROLES), format_func=policy.ROLE_LABELS.get,
        key=f"{key}_role",
    )  # fmt: skip
    opd = right.selectbox(
        i18n.tr("OPD (hanya operator)", "OPD (operators only)"),
        [None, *names],
        format_func=lambda i: "-" if i is None else names[i],
        key=f"{key}_opd",
    )
    return role, opd


with tab_users:
    if st.session_state.get("_users_msg"):
        st.success(st.session_state.pop("_users_msg"))
    cur = data.con().cursor()
    try:
        accounts = users.list_users(cur)
    finally:
        cur.close()
    names = _opd_names()
    table = pl.DataFrame(
        {
            "username": [u.username for u in accounts],
            "display_name": [u.display_name for u in accounts],
            "role": [policy.ROLE_LABELS[u.role] for u in accounts],
            "opd": [names.get(u.opd_id, "") if u.opd_id is not None else "" for u in accounts],
            "active": [u.active for u in accounts],
            "locked_until": [u.locked_until for u in accounts],
        },
        schema={"username": pl.String, "display_name": pl.String, "role": pl.String,
                "opd": pl.String, "active": pl.Boolean, "locked_until": pl.Datetime},
    )  # fmt: skip
    w.table(
        table,
        [
            Col("username", i18n.tr("Nama pengguna", "Username")),
            Col("display_name", i18n.tr("Nama lengkap", "Full name")),
            Col("role", i18n.tr("Peran", "Role")),
            Col("opd", "OPD"),
            Col("active", i18n.tr("Aktif", "Active"), "bool"),
            Col("locked_until", i18n.tr("Terkunci sampai", "Locked until"), "datetime"),
        ],
        key="users",
        title=i18n.tr("Daftar pengguna", "Users"),
        export=False,
        numbered=False,
    )
    with st.form("user_add", clear_on_submit=True):
        st.markdown(i18n.tr("**Tambah pengguna**", "**Add a user**"))
        c1, c2 = st.columns(2)
        new_name = c1.text_input(i18n.tr("Nama pengguna", "Username"), key="ua_username")
        new_full = c2.text_input(i18n.tr("Nama lengkap", "Full name"), key="ua_fullname")
        new_role, new_opd = _role_and_opd(c1, c2, names, key="ua")
        new_pw = st.text_input(
            i18n.tr(
                f"Kata sandi awal (minimal {users.MIN_PASSWORD_LENGTH} karakter)",
                f"Initial password (at least {users.MIN_PASSWORD_LENGTH} characters)",
            ),
            type="password",
            key="ua_password",
        )
        if st.form_submit_button(i18n.tr("Tambah", "Add"), icon=":material/person_add:"):
            _write(users.add_user, new_name, new_full, new_role, new_pw, opd_id=new_opd)
    if accounts:
        with st.form("user_edit"):
            st.markdown(i18n.tr("**Ubah peran atau kata sandi**", "**Change role or password**"))
            who = st.selectbox(
                i18n.tr("Pengguna", "User"), [u.username for u in accounts], key="ue_user"
            )
            c1, c2, c3 = st.columns(3)
            role, opd = _role_and_opd(c1, c2, names, key="ue")
            active = c3.checkbox(i18n.tr("Aktif", "Active"), value=True, key="ue_active")
            pw = st.text_input(
                i18n.tr("Kata sandi baru (kosongkan bila tidak diubah)", "New password (optional)"),
                type="password",
                key="ue_password",
            )
            if st.form_submit_button(i18n.tr("Simpan", "Save"), icon=":material/save:"):
                if pw:
                    _auth.require("manage_users")
                    cur = data.con().cursor()
                    try:
                        users.set_password(cur, who, pw, by=me.username, by_role=me.role)
                    except users.AccessError as exc:
                        st.error(str(exc))
                        st.stop()
                    finally:
                        cur.close()
                _write(users.set_role, who, role, opd_id=opd, active=active)

with tab_trail:
    c1, c2, c3 = st.columns(3)
    today = now_wib().date()  # the trail is in WIB, whatever the server's zone
    start = c1.date_input(
        i18n.tr("Dari tanggal", "From"), today - dt.timedelta(days=30), key="audit_from"
    )
    end = c2.date_input(i18n.tr("Sampai tanggal", "To"), today, key="audit_to")
    chosen = c3.multiselect(
        i18n.tr("Kegiatan", "Action"),
        list(audit.ACTIONS),
        format_func=audit.ACTIONS.get,
        placeholder=i18n.t("all"),
        key="audit_actions",
    )
    cur = data.con().cursor()
    try:
        trail = audit.read(cur, start=start, end=end, actions=tuple(chosen))
    finally:
        cur.close()
    if not trail.height:
        w.empty_state(
            i18n.tr("Belum ada catatan", "No entries"),
            i18n.tr("Tidak ada kegiatan pada rentang ini.", "Nothing happened in this range."),
        )
    else:
        names = _opd_names()
        changes = [
            audit_changes.change_text(b, a, names)
            for b, a in zip(trail["before"], trail["after"], strict=True)
        ]
        w.table(
            trail.with_columns(pl.Series("change", changes, dtype=pl.String)),
            [
                Col("at", i18n.tr("Waktu (WIB)", "Time (WIB)"), "datetime"),
                Col("username", i18n.tr("Pengguna", "User")),
                Col("role", i18n.tr("Peran", "Role")),
                Col("action_label", i18n.tr("Kegiatan", "Action")),
                Col("target", i18n.tr("Sasaran", "Target")),
                Col(
                    "change",
                    i18n.tr("Perubahan (kolom: lama -> baru)", "Change (field: old -> new)"),
                ),
                Col("detail", i18n.tr("Keterangan", "Detail")),
            ],
            key="audit_trail",
            title=i18n.tr("Jejak audit Pantau Medsos", "Pantau Medsos audit trail"),
            numbered=False,
            height=420,
        )

with tab_matrix:
    rows = policy.matrix()
    grid = pl.DataFrame(
        {
            "action": [desc for _a, desc, _r in rows],
            **{r: [allowed[r] for _a, _d, allowed in rows] for r in policy.ROLES},
        }
    )
    w.table(
        grid,
        [
            Col("action", i18n.tr("Tindakan", "Action")),
            *[Col(r, policy.ROLE_LABELS[r], "bool") for r in policy.ROLES],
        ],
        key="permission_matrix",
        title=i18n.tr("Hak akses per peran", "Permissions per role"),
        numbered=False,
    )
