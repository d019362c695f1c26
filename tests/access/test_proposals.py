"""An operator proposes a label for their own OPD's post; not for another OPD's; an analyst
accepts (it becomes the correction v_posts applies) or rejects; both audited."""

from __future__ import annotations

import pytest

from access import audit, proposals
from access.policy import NotAllowed
from access.sessions import Principal
from tests.factory import hand_warehouse

OPERATOR = Principal("ops_dinkes", "Ani (Dinkes)", "operator", opd_id=1)
ANALYST = Principal("rina", "Rina Analis", "analis")


def _post(con, opd_id: int, not_type: str) -> tuple[str, str]:
    return con.execute(
        "SELECT post_key, content_type FROM v_posts WHERE opd_id = ? AND content_type <> ?"
        " ORDER BY post_key LIMIT 1",
        [opd_id, not_type],
    ).fetchone()


def test_proposal_accepted_becomes_the_label():
    con = hand_warehouse()
    key, before = _post(con, 1, "klarifikasi")
    pid = proposals.propose(con, OPERATOR, key, "klarifikasi")
    # Still the old label until an analyst accepts.
    assert con.execute("SELECT content_type FROM v_posts WHERE post_key = ?", [key]).fetchone() == (
        before,
    )
    open_ = proposals.open_proposals(con)
    assert open_.select("proposal_id", "post_key", "content_type", "proposed_by").rows() == [
        (pid, key, "klarifikasi", "Ani (Dinkes)")
    ]
    with pytest.raises(NotAllowed):
        proposals.decide(con, OPERATOR, pid, accept=True)
    proposals.decide(con, ANALYST, pid, accept=True)
    assert con.execute(
        "SELECT v.content_type, o.overridden_by FROM v_posts v JOIN label_override o"
        " USING (post_key) WHERE post_key = ?",
        [key],
    ).fetchone() == ("klarifikasi", "Rina Analis")
    assert proposals.open_proposals(con).height == 0
    with pytest.raises(proposals.ProposalError, match="sudah diputuskan"):
        proposals.decide(con, ANALYST, pid, accept=False)
    acts = audit.read(con)["action"].to_list()
    assert acts[:2] == ["proposal_accept", "label_proposal"]


def test_rejected_proposal_changes_nothing():
    con = hand_warehouse()
    key, before = _post(con, 1, "capaian")
    pid = proposals.propose(con, OPERATOR, key, "capaian")
    proposals.decide(con, ANALYST, pid, accept=False)
    assert con.execute("SELECT content_type FROM v_posts WHERE post_key = ?", [key]).fetchone() == (
        before,
    )
    assert con.execute("SELECT count(*) FROM label_override").fetchone() == (0,)


def test_operator_cannot_propose_for_another_opd_or_other_roles_propose():
    con = hand_warehouse()
    other, _ = _post(con, 2, "capaian")
    with pytest.raises(proposals.ProposalError, match="bukan milik OPD Anda"):
        proposals.propose(con, OPERATOR, other, "capaian")
    with pytest.raises(proposals.ProposalError, match="bukan milik OPD Anda"):
        proposals.propose(con, OPERATOR, "tidak-ada", "capaian")
    own, _ = _post(con, 1, "capaian")
    with pytest.raises(proposals.ProposalError, match="tidak dikenal"):
        proposals.propose(con, OPERATOR, own, "gosip")
    with pytest.raises(NotAllowed):
        proposals.propose(con, ANALYST, own, "capaian")
    assert con.execute("SELECT count(*) FROM label_proposal").fetchone() == (0,)
