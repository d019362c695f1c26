"""Accounts in a copy of the sample warehouse, and AppTest runs as one of them on a network
bind (login required), for the authorization tests."""

from __future__ import annotations

from pathlib import Path

from streamlit import config
from streamlit.testing.v1 import AppTest

from access import sessions, users
from access.policy import ROLES
from tests.app.conftest import APP, PAGES
from warehouse.db import connect

PASSWORD = "sandi-uji-yang-panjang"
NAMES = {r: f"Uji {r.title()}" for r in ROLES}


def busiest_opds(db: Path) -> tuple[tuple[int, str], tuple[int, str]]:
    """The two OPDs with the most posts: (id, name) of the operator's own and of another."""
    con = connect(db)
    try:
        rows = con.execute(
            "SELECT o.opd_id, o.name FROM posts p JOIN opd o USING (opd_id)"
            " GROUP BY ALL ORDER BY count(*) DESC, o.opd_id LIMIT 2"
        ).fetchall()
    finally:
        con.close()
    return (int(rows[0][0]), rows[0][1]), (int(rows[1][0]), rows[1][1])


def add_accounts(db: Path) -> dict[str, sessions.Principal]:
    """One account per role (the operator bound to the busiest OPD); their principals."""
    (own_id, _), _ = busiest_opds(db)
    con = connect(db)
    try:
        out = {}
        for role in ROLES:
            u = users.add_user(
                con, f"uji_{role}", NAMES[role], role, PASSWORD,
                opd_id=own_id if role == "operator" else None, by="pytest", by_role="admin",
            )  # fmt: skip
            out[role] = sessions.Principal(u.username, u.display_name, u.role, u.opd_id)
    finally:
        con.close()
    return out


class NetworkBind:
    """server.address set to every interface while in use (login required), then restored."""

    def __enter__(self) -> None:
        self.old = config.get_option("server.address")
        config.set_option("server.address", "0.0.0.0")

    def __exit__(self, *exc) -> None:
        config.set_option("server.address", self.old)


def run_as(me: sessions.Principal | None, page: str, query: dict | None = None) -> AppTest:
    """The app run as `me` (a session as the login form leaves it), on `page`."""
    at = AppTest.from_file(APP, default_timeout=120)
    if me is not None:
        at.session_state["_auth_session"] = sessions.start(me)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page != "ringkasan":
        at.switch_page(PAGES[page]).run()
    return at
