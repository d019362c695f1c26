"""Session timeouts (idle, absolute) on a fake clock, and the permission matrix itself."""

from __future__ import annotations

import datetime as dt

import pytest

from access import policy, sessions
from access.clock import FakeClock

T0 = dt.datetime(2026, 11, 2, 8, 0)


def _session(clock):
    return sessions.start(sessions.Principal("rina", "Rina", "analis"), clock)


def test_idle_timeout_counts_from_the_last_interaction():
    clock = FakeClock(T0)
    s = _session(clock)
    clock.advance(minutes=sessions.IDLE_MINUTES - 1)
    s, reason = sessions.check(s, clock)
    assert s is not None and reason is None and s.last_seen == clock.now
    clock.advance(minutes=sessions.IDLE_MINUTES - 1)  # still within idle of the last touch
    s, reason = sessions.check(s, clock)
    assert s is not None
    clock.advance(minutes=sessions.IDLE_MINUTES)
    assert sessions.check(s, clock) == (None, "idle")


def test_absolute_timeout_ends_an_active_session():
    clock = FakeClock(T0)
    s = _session(clock)
    for _ in range(sessions.ABSOLUTE_HOURS * 4 - 1):  # busy every 15 minutes
        clock.advance(minutes=15)
        s, reason = sessions.check(s, clock)
        assert reason is None
    clock.advance(minutes=15)
    assert sessions.check(s, clock) == (None, "absolute")


def test_every_action_has_a_description_and_roles_that_exist():
    assert len(policy.ACTIONS) >= 10 and len(policy.ROLES) == 4
    for action, (desc, roles) in policy.ACTIONS.items():
        assert desc and roles <= set(policy.ROLES), action


def test_matrix_as_the_roles_were_described():
    can = {a: {r for r in policy.ROLES if policy.allowed(r, a)} for a in policy.ACTIONS}
    # Pimpinan changes nothing.
    changes = {a for a in policy.ACTIONS if a.startswith(("upload", "undo", "edit", "relabel",
                                                          "propose", "accept", "backup",
                                                          "manage"))}  # fmt: skip
    assert all("pimpinan" not in can[a] for a in changes)
    assert "pimpinan" in can["export"] and "pimpinan" in can["view_all_posts"]
    # Operator: uploads and proposes, never another OPD's posts nor operators' personal data.
    assert can["upload"] == {"analis", "operator"} and can["upload_any_opd"] == {"analis"}
    assert "operator" not in can["view_all_posts"] | can["view_personal"] | can["relabel"]
    assert can["propose_label"] == {"operator"} and can["accept_proposal"] == {"analis"}
    # Admin: users, backups, letter, audit.
    for a in ("manage_users", "backup_restore", "edit_letter", "view_audit"):
        assert can[a] == {"admin"}
    assert can["view_personal"] == {"analis", "admin"}


def test_require_raises_in_bahasa_and_typos_fail():
    with pytest.raises(policy.NotAllowed, match="Peran Pimpinan tidak berhak memuat"):
        policy.require("pimpinan", "upload")
    policy.require("lokal", "manage_users")
    with pytest.raises(KeyError):
        policy.allowed("admin", "hapus_semua")
    p = sessions.Principal("ops", "Ops", "operator", opd_id=7)
    assert p.scope_opd_id == 7 and sessions.Principal("x", "X", "pimpinan").scope_opd_id is None
