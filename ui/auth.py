"""The app's gate: who is at the keyboard, and may they do this? (Thin: the rules are in
access/; this module only draws the login, keeps the session and stops a refused run.)

- The server binds only to localhost (`server.address` localhost / 127.0.0.1 / ::1): one
  person at the machine, no login, every right; the sidebar says "Mode satu pengguna".
- Any other bind address (the default binds every interface): login required. No active admin
  yet -> the first-run form creates one. The session lives in st.session_state only: a reload
  of the tab asks for the password again (README: why no cookie).
- `require(action)` is the one server-side check pages, forms and exports call; a refused
  action shows the reason, is written to the audit trail, and stops the run.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from access import audit, sessions, users
from access.clock import now_wib
from access.policy import ROLE_LABELS, NotAllowed
from access.sessions import LOCAL, Principal
from ui import data, i18n

LOCAL_ADDRESSES = ("localhost", "127.0.0.1", "::1")
_SESSION = "_auth_session"
_NOTICE = "_auth_notice"


def single_user() -> bool:
    """True when Streamlit serves only this machine (server.address is a loopback name)."""
    address = st.get_option("server.address")
    return str(address or "").strip().lower() in LOCAL_ADDRESSES


def principal() -> Principal:
    """Who acts in this run: the logged-in account, or the local user in single-user mode
    (display name = the 'Nama petugas' typed, so records still name a person)."""
    sess = st.session_state.get(_SESSION)
    if sess is not None:
        return sess.principal
    if single_user():
        typed = str(st.session_state.get("_analyst") or "").strip()
        return Principal(LOCAL.username, typed or "analis", LOCAL.role)
    # Not logged in on a network bind: nobody. gate() stops such a run before any page.
    return Principal("-", "-", "anonim")


def can(action: str) -> bool:
    me = principal()
    return me.role != "anonim" and me.can(action)


def record(action: str, **kw) -> None:
    """Append an audit row for the current principal (own cursor; see access.audit)."""
    me = principal()
    cur = data.con().cursor()
    try:
        audit.record(cur, me.username, me.role, action, **kw)
    finally:
        cur.close()


def require(action: str) -> None:
    """Stop this run with a Bahasa Indonesia refusal unless the principal may do `action`."""
    me = principal()
    if can(action):
        return
    # A refusal stands even if the trail cannot be written.
    with contextlib.suppress(Exception):
        record("denied", target=action)
    st.error(str(NotAllowed(me.role, action)), icon=":material/block:")
    st.stop()


def require_page(key: str) -> None:
    """The page's own check (ui/navigation.py names each page's action)."""
    from ui import navigation

    require(navigation.page_action(key))


def section(action: str) -> bool:
    """For a form on a page others may see: True when allowed; otherwise one muted line saying
    who may, and False (the caller draws nothing more)."""
    if can(action):
        return True
    st.caption(
        i18n.tr(
            f"Hanya untuk peran yang berhak {_what(action)}.",
            f"Only for roles allowed to {action.replace('_', ' ')}.",
        )
    )
    return False


def _what(action: str) -> str:
    from access.policy import ACTIONS

    return ACTIONS[action][0]


# ---------------------------------------------------------------- the gate


def gate(on_login_screen=None) -> Principal:
    """Run before navigation: in single-user mode say so; otherwise check the session's
    timeouts, or draw the login (or first-run) form and stop the run. `on_login_screen` is
    called before the form is drawn (app.py declares its pages there, hidden, so the address
    asked for survives the login)."""
    if single_user():
        with st.sidebar:
            st.caption(
                i18n.tr(
                    ":material/person: Mode satu pengguna (hanya localhost): tanpa login.",
                    ":material/person: Single-user mode (localhost only): no login.",
                )
            )
        return principal()
    sess = st.session_state.get(_SESSION)
    if sess is not None:
        fresh, reason = sessions.check(sess, now_wib)
        if fresh is None:
            _end(sess.principal, "session_expired", detail=reason)
            st.session_state[_NOTICE] = sessions.EXPIRY_MESSAGES[str(reason)]
        else:
            st.session_state[_SESSION] = fresh
            _account_box(fresh.principal)
            return fresh.principal
    if on_login_screen is not None:
        on_login_screen()
    _login_screen()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises


def _end(me: Principal, action: str, detail: str | None = None) -> None:
    cur = data.con().cursor()
    try:
        audit.record(cur, me.username, me.role, action, detail=detail)
    finally:
        cur.close()
    # Cached results carry the viewer's scope in their key (ui/data.py): nothing to clear.
    st.session_state.pop(_SESSION, None)


def _account_box(me: Principal) -> None:
    with st.sidebar:
        opd = ""
        if me.opd_id is not None:
            names = data.filter_options()
            hit = names.filter(names["opd_id"] == me.opd_id) if names.height else names
            opd = f" · {hit['opd'][0]}" if hit.height else ""
        st.caption(f":material/account_circle: **{me.display_name}** — {ROLE_LABELS[me.role]}{opd}")
        if st.button(i18n.tr("Keluar", "Log out"), key="auth_logout", icon=":material/logout:"):
            _end(me, "logout")
            st.rerun()


def _login_screen() -> None:
    con = data.con()
    st.title("Pantau Medsos")
    if st.session_state.get(_NOTICE):
        st.info(st.session_state.pop(_NOTICE), icon=":material/timer_off:")
    cur = con.cursor()
    try:
        first = users.needs_first_admin(cur)
    finally:
        cur.close()
    if first:
        _first_run_form()
    else:
        _login_form()


def _login_form() -> None:
    st.subheader(i18n.tr("Masuk", "Log in"))
    with st.form("auth_login"):
        name = st.text_input(i18n.tr("Nama pengguna", "Username"), key="auth_username")
        pw = st.text_input(i18n.tr("Kata sandi", "Password"), type="password", key="auth_password")
        go = st.form_submit_button(i18n.tr("Masuk", "Log in"), icon=":material/login:")
    if not go:
        return
    cur = data.con().cursor()
    try:
        user = users.authenticate(cur, name, pw)
    except users.AccessError as exc:
        st.error(str(exc), icon=":material/lock:")
        return
    finally:
        cur.close()
    _start(user)


def _first_run_form() -> None:
    st.subheader(i18n.tr("Buat admin pertama", "Create the first admin"))
    st.caption(
        i18n.tr(
            f"Belum ada akun. Admin mengelola pengguna, cadangan dan kop surat. Kata sandi minimal "
            f"{users.MIN_PASSWORD_LENGTH} karakter.",
            f"No account yet. The admin manages users, backups and the letterhead. Passwords "
            f"have at least {users.MIN_PASSWORD_LENGTH} characters.",
        )
    )
    with st.form("auth_first"):
        name = st.text_input(i18n.tr("Nama pengguna", "Username"), key="first_username")
        full = st.text_input(i18n.tr("Nama lengkap", "Full name"), key="first_fullname")
        pw = st.text_input(i18n.tr("Kata sandi", "Password"), type="password", key="first_pw")
        pw2 = st.text_input(
            i18n.tr("Ulangi kata sandi", "Repeat password"), type="password", key="first_pw2"
        )
        go = st.form_submit_button(i18n.tr("Buat admin", "Create admin"), icon=":material/add:")
    if not go:
        return
    if pw != pw2:
        st.error(i18n.tr("Kedua kata sandi tidak sama.", "The two passwords differ."))
        return
    cur = data.con().cursor()
    try:
        user = users.create_first_admin(cur, name, full, pw)
        user = users.authenticate(cur, user.username, pw)
    except users.AccessError as exc:
        st.error(str(exc))
        return
    finally:
        cur.close()
    _start(user)


def _start(user: users.User) -> None:
    me = Principal(user.username, user.display_name, user.role, user.opd_id)
    st.session_state[_SESSION] = sessions.start(me, now_wib)
    st.rerun()
