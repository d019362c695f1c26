"""Authorization through AppTest on a network bind (login required): every role against every
page and the actions those pages offer, a page refused by its own check when reached around
the navigation, an operator following a link to another OPD's posts, one cached result asked
for by two roles, and the analyst's name taken from the login."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from access import policy
from access.sessions import Principal
from tests.app.access_helpers import (
    NAMES,
    PASSWORD,
    NetworkBind,
    add_accounts,
    busiest_opds,
    run_as,
)
from tests.app.conftest import APP, PAGES
from tests.app.test_pages import scalar
from tests.factory import private_copy
from ui import navigation


@pytest.fixture(scope="module")
def accounts_db(sample_db, tmp_path_factory):
    db = private_copy(sample_db, tmp_path_factory.mktemp("accounts"))
    return db, add_accounts(db)


@pytest.fixture
def net(accounts_db, use_db):
    db, people = accounts_db
    use_db(db)
    with NetworkBind():
        yield db, people


def _typed(at: AppTest, kind: str, key: str) -> bool:
    try:
        getattr(at, kind)(key=key)
        return True
    except KeyError:
        return False


def _uploader(at: AppTest, key_prefix: str) -> bool:
    return any(f"-{key_prefix}" in e.proto.id for e in at.get("file_uploader"))


# What each page shows exactly when a role may do an action: (page, action, probe).
PROBES = (
    ("unggah", "upload", lambda at: _uploader(at, "uploader_")),
    ("unggah", "undo_load", lambda at: _typed(at, "selectbox", "undo_pick")),
    ("pengaturan", "edit_master", lambda at: _uploader(at, "master_")),
    ("pengaturan", "edit_settings", lambda at: _typed(at, "number_input", "set_min_posts_per_month")
     or any(w.key and w.key.startswith("set_") for w in at.number_input)),
    ("pengaturan", "edit_rules", lambda at: _typed(at, "text_area", "rules_text")),
    ("pengaturan", "edit_letter", lambda at: _typed(at, "checkbox", "letter_with_signature")),
    ("pengaturan", "backup_restore", lambda at: any(
        b.label == "Buat cadangan sekarang" for b in at.button)),
    ("konten", "relabel", lambda at: _typed(at, "button", "relabel_save")),
    ("konten", "propose_label", lambda at: _typed(at, "button", "relabel_propose")),
    ("kampanye", "edit_campaigns", lambda at: any(
        e.label == "Tetapkan kampanye baru" for e in at.expander)),
    ("audit", "manage_users", lambda at: _typed(at, "text_input", "ua_username")),
    ("kelengkapan", "view_personal", lambda at: _typed(at, "checkbox", "coverage_wa_ops")),
)  # fmt: skip


def test_the_matrix_covers_4_roles_and_at_least_10_actions():
    probed = {a for _p, a, _f in PROBES} | {spec.action for spec in navigation.PAGES}
    assert len(policy.ROLES) == 4 and len(probed) >= 10
    assert probed <= set(policy.ACTIONS)


@pytest.mark.parametrize("role", policy.ROLES)
def test_role_against_every_page_and_action(role, net):
    _db, people = net
    me = people[role]
    at = run_as(me, "ringkasan")
    assert not at.exception
    for key, path in PAGES.items():
        allowed = policy.allowed(role, navigation.page_action(key))
        if not allowed:
            # Not in the navigation, and the page's own check refuses it when run directly.
            direct = AppTest.from_file(str(APP.rsplit("/", 1)[0] + "/" + path), default_timeout=120)
            from access import sessions

            direct.session_state["_auth_session"] = sessions.start(me)
            direct.run()
            assert any("tidak berhak" in e.value for e in direct.error), (role, key)
            assert not direct.title, (role, key)
            continue
        page = run_as(me, key)
        assert not page.exception, (role, key, page.exception[0].value if page.exception else "")
        assert not [e.value for e in page.error if "tidak berhak" in e.value], (role, key)
        for probe_page, action, probe in PROBES:
            if probe_page == key:
                assert probe(page) == policy.allowed(role, action), (role, key, action)


def test_login_form_first_then_session_and_audit(net):
    db, _people = net
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert [s.value for s in at.subheader] == ["Masuk"] and not at.title[1:]
    assert not any(m.label for m in at.metric)  # no figure before login
    at.text_input(key="auth_username").input("uji_analis")
    at.text_input(key="auth_password").input("salah-sandi-panjang")
    at.button[0].click().run()
    assert any("salah" in e.value for e in at.error)
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert any(NAMES["analis"] in c.value for c in at.sidebar.caption)
    assert len(at.metric) > 0
    trail = scalar(
        db,
        "SELECT string_agg(action, ',' ORDER BY audit_id) FROM audit_log"
        " WHERE username = 'uji_analis' AND action LIKE 'login%'",
    )
    assert trail.endswith("login_failed,login")
    at.button(key="auth_logout").click().run()
    assert [s.value for s in at.subheader] == ["Masuk"]


def test_operator_reading_another_opds_posts_by_url(net):
    db, people = net
    (_own_id, own), (_other_id, other) = busiest_opds(db)
    link = {"opd": other}
    analyst = run_as(people["analis"], "konten", link)
    shown = analyst.dataframe
    assert _opds_in_editors(analyst) == {other}, "the analyst sees the other OPD's examples"
    operator = run_as(people["operator"], "konten", link)
    assert not operator.exception
    assert _opds_in_editors(operator) == set()
    assert any("Tidak ada contoh" in i.value for i in operator.info)
    # Without the link the operator sees examples, all of their own OPD.
    assert _opds_in_editors(run_as(people["operator"], "konten")) == {own}
    assert len(shown) > 0


def _opds_in_editors(at: AppTest) -> set[str]:
    """OPD names in the example-post editors (the relabel tables) of a Jenis Konten run."""
    names: set[str] = set()
    for el in at.dataframe:
        df = el.value
        if "post_key" in getattr(df, "columns", []) and "opd" in df.columns:
            names |= set(df["opd"].tolist())
    return names


def test_one_cached_result_asked_for_by_two_roles(net):
    """The analyst asks first (cached), then the operator asks the same thing in the same
    process: the operator must not get the analyst's rows; and the reverse for names."""
    db, people = net
    (_own_id, _own), (_other_id, other) = busiest_opds(db)
    link = {"opd": other}
    assert _opds_in_editors(run_as(people["analis"], "konten", link)) == {other}
    assert _opds_in_editors(run_as(people["operator"], "konten", link)) == set()
    assert _opds_in_editors(run_as(people["analis"], "konten", link)) == {other}
    # Operators' names: the analyst's cached frame carries them, the leader's is masked.
    names = _operator_cells(run_as(people["analis"], "kelengkapan"))
    assert names and "••••" not in names
    masked = _operator_cells(run_as(people["pimpinan"], "kelengkapan"))
    assert not (masked & names)


def _operator_cells(at: AppTest) -> set[str]:
    out: set[str] = set()
    for el in at.dataframe:
        df = el.value
        if "Operator" in getattr(df, "columns", []):
            out |= {str(v) for v in df["Operator"].tolist() if v}
    return out


def test_analyst_name_comes_from_the_login(net):
    db, people = net
    import json

    at = run_as(people["analis"], "pengaturan")
    assert not _typed(at, "text_input", "analyst_name_input")
    data = json.loads(at.text_area(key="rules_text").value)
    data["labels"]["layanan"].append({"pattern": "posyandu", "weight": 50})
    at.text_area(key="rules_text").input(json.dumps(data))
    at.button(key="rules_save").click().run(timeout=600)
    assert not at.exception and not at.error
    who = "SELECT created_by FROM rule_set ORDER BY version DESC LIMIT 1"
    assert scalar(db, who) == NAMES["analis"]
    row = "SELECT username, action FROM audit_log ORDER BY audit_id DESC LIMIT 1"
    assert scalar(db, "SELECT username FROM audit_log WHERE action = 'rules_change'") == (
        "uji_analis"
    )
    assert scalar(db, row) is not None


def test_refused_page_is_audited(net):
    db, people = net
    me: Principal = people["operator"]
    from access import sessions

    at = AppTest.from_file(str(APP.rsplit("/", 1)[0] + "/" + PAGES["pengaturan"]),
                           default_timeout=120)  # fmt: skip
    at.session_state["_auth_session"] = sessions.start(me)
    at.run()
    assert any("Operator OPD tidak berhak" in e.value for e in at.error)
    assert (
        scalar(
            db,
            "SELECT target FROM audit_log WHERE action = 'denied' AND username = ?"
            " ORDER BY audit_id DESC LIMIT 1",
            [me.username],
        )  # fmt: skip
        == "view_settings_page"
    )
