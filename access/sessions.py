"""A logged-in session and its two timeouts, on an injectable clock.

- idle: IDLE_MINUTES (30) without any interaction ends the session;
- absolute: ABSOLUTE_HOURS (10, one working day) after login it ends whatever happens.
The app keeps one Session per browser session (st.session_state): a reload of the browser tab
asks for the password again (nothing is stored in a cookie; README says why).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from access.clock import Clock, now_wib
from access.policy import LOCAL_ROLE, allowed, require

IDLE_MINUTES = 30
ABSOLUTE_HOURS = 10


@dataclass(frozen=True)
class Principal:
    """Who is acting: the account name recorded everywhere, its role, the operator's OPD."""

    username: str
    display_name: str
    role: str
    opd_id: int | None = None

    @property
    def scope_opd_id(self) -> int | None:
        """The OPD whose posts alone this principal may read (None: every OPD; -1, no OPD at
        all, for a role that may not read every OPD's posts but has no OPD)."""
        if allowed(self.role, "view_all_posts"):
            return None
        return self.opd_id if self.opd_id is not None else -1

    def can(self, action: str) -> bool:
        return allowed(self.role, action)

    def require(self, action: str) -> None:
        """Raise access.policy.NotAllowed unless this principal may do `action`."""
        require(self.role, action)


LOCAL = Principal(username="lokal", display_name="Pengguna lokal", role=LOCAL_ROLE)


@dataclass(frozen=True)
class Session:
    principal: Principal
    started_at: dt.datetime
    last_seen: dt.datetime

    def expiry_reason(self, now: dt.datetime) -> str | None:
        """'idle' or 'absolute' when the session is over at `now`, else None."""
        if now - self.started_at >= dt.timedelta(hours=ABSOLUTE_HOURS):
            return "absolute"
        if now - self.last_seen >= dt.timedelta(minutes=IDLE_MINUTES):
            return "idle"
        return None

    def touched(self, now: dt.datetime) -> Session:
        return replace(self, last_seen=now)


def start(principal: Principal, clock: Clock = now_wib) -> Session:
    now = clock()
    return Session(principal, now, now)


def check(session: Session, clock: Clock = now_wib) -> tuple[Session | None, str | None]:
    """(the session touched now, None) while it is valid; (None, 'idle'|'absolute') when over."""
    now = clock()
    reason = session.expiry_reason(now)
    if reason:
        return None, reason
    return session.touched(now), None


EXPIRY_MESSAGES = {
    "idle": f"Sesi berakhir karena tidak ada aktivitas selama {IDLE_MINUTES} menit; silakan masuk lagi.",
    "absolute": f"Sesi berakhir setelah {ABSOLUTE_HOURS} jam; silakan masuk lagi.",
}
