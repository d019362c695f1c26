"""THE permission matrix: which role may do which action. Every page, form action and export
asks `allowed(role, action)` (through ui.auth.require / access.policy.require), nothing else.

Roles (who uses the tool):
- pimpinan: Bupati, Wakil Bupati, Sekda, Kadis Kominfo. Views every page and exports; changes
  nothing.
- analis: Diskominfo staff. Uploads for every OPD, corrects labels (and accepts operators'
  proposals), edits campaigns, rules, weights, settings and the master list, undoes loads.
- operator: the admin of one OPD's accounts. Uploads their own OPD's files, sees their own OPD's
  posts and the kabupaten-wide figures (never another OPD's posts, nor operators' names or
  phones), proposes label corrections for their own posts.
- admin: users and roles, backups and restore, the letter settings, the audit trail.
- lokal: the single person at the machine when the server binds only to localhost (no login);
  may do everything.
"""

from __future__ import annotations

from typing import Final

ROLES: Final = ("pimpinan", "analis", "operator", "admin")
LOCAL_ROLE: Final = "lokal"

ROLE_LABELS: Final = {
    "pimpinan": "Pimpinan",
    "analis": "Analis",
    "operator": "Operator OPD",
    "admin": "Admin",
    LOCAL_ROLE: "Pengguna lokal",
}

# action -> (what it is, in Bahasa Indonesia; roles allowed). LOCAL_ROLE may do every action.
ACTIONS: Final[dict[str, tuple[str, frozenset[str]]]] = {
    # pages
    "view_dashboard": (
        "melihat halaman rapat (Ringkasan, Keaktifan, Jenis Konten, Tren, Kampanye)",
        frozenset({"pimpinan", "analis", "operator", "admin"}),
    ),
    "view_coverage": (
        "melihat Kelengkapan Data",
        frozenset({"pimpinan", "analis", "operator", "admin"}),
    ),
    "view_upload_page": (
        "membuka halaman Unggah Data (riwayat pemuatan)",
        frozenset({"pimpinan", "analis", "operator", "admin"}),
    ),
    "view_settings_page": (
        "membuka halaman Pengaturan",
        frozenset({"pimpinan", "analis", "admin"}),
    ),
    "view_audit": ("membaca dan mengunduh jejak audit", frozenset({"admin"})),
    # reading data
    "view_all_posts": (
        "melihat postingan semua OPD",
        frozenset({"pimpinan", "analis", "admin"}),
    ),
    "view_personal": (
        "melihat nama dan nomor telepon operator",
        frozenset({"analis", "admin"}),
    ),
    "export": (
        "mengunduh lampiran, laporan dan grafik",
        frozenset({"pimpinan", "analis", "operator", "admin"}),
    ),
    "export_personal": (
        "mengunduh data pribadi operator",
        frozenset({"analis", "admin"}),
    ),
    # changing data
    "upload": ("memuat berkas ekspor", frozenset({"analis", "operator"})),
    "upload_any_opd": ("memuat berkas untuk OPD mana pun", frozenset({"analis"})),
    "undo_load": ("membatalkan muatan", frozenset({"analis"})),
    "relabel": ("mengoreksi label postingan", frozenset({"analis"})),
    "propose_label": ("mengusulkan koreksi label postingan OPD sendiri", frozenset({"operator"})),
    "accept_proposal": ("menerima atau menolak usulan label", frozenset({"analis"})),
    "edit_campaigns": ("mengubah kampanye", frozenset({"analis"})),
    "edit_rules": ("mengubah aturan klasifikasi dan model", frozenset({"analis"})),
    "edit_settings": ("mengubah ambang, bobot indeks dan batas pengumpulan", frozenset({"analis"})),
    "edit_master": ("mengganti Daftar Akun Medsos OPD", frozenset({"analis"})),
    "edit_letter": ("mengubah kop surat dan blok tanda tangan", frozenset({"admin"})),
    "backup_restore": ("membuat dan memulihkan cadangan", frozenset({"admin"})),
    "manage_users": ("mengelola pengguna dan peran", frozenset({"admin"})),
}


class NotAllowed(PermissionError):
    """The role may not do the action. str() is a Bahasa Indonesia sentence for the user."""

    def __init__(self, role: str, action: str) -> None:
        what = ACTIONS[action][0] if action in ACTIONS else action
        label = ROLE_LABELS.get(role, role)
        super().__init__(f"Peran {label} tidak berhak {what}.")
        self.role = role
        self.action = action


def allowed(role: str, action: str) -> bool:
    """Whether `role` may do `action`. Raises KeyError for an action not in ACTIONS (a typo
    must fail loudly, not deny or allow silently)."""
    roles = ACTIONS[action][1]
    return role == LOCAL_ROLE or role in roles


def require(role: str, action: str) -> None:
    """Raise NotAllowed unless `role` may do `action`."""
    if not allowed(role, action):
        raise NotAllowed(role, action)


def matrix() -> list[tuple[str, str, dict[str, bool]]]:
    """(action, description, {role: allowed}) for every action, for the admin page and docs."""
    return [(a, desc, {r: allowed(r, a) for r in ROLES}) for a, (desc, _r) in ACTIONS.items()]
