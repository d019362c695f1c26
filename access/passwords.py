"""Passwords: the length rule and argon2id hashing (argon2-cffi's PasswordHasher, its RFC 9106
"low memory" profile). A hash made with older parameters is re-hashed at the next good login
(access.users.authenticate).

The rule lives here, once: a password has at least MIN_PASSWORD_LENGTH (12) characters.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class AccessError(ValueError):
    """A refused account operation or login. str() is a Bahasa Indonesia sentence."""


MIN_PASSWORD_LENGTH = 12
HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """argon2id PHC string for `password`. Raises AccessError when it is too short."""
    check_password_rules(password)
    return HASHER.hash(password)


def check_password_rules(password: str) -> None:
    """Raise AccessError unless the password has at least MIN_PASSWORD_LENGTH characters."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccessError(
            f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter (yang diketik {len(password)})."
        )


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches the argon2 hash (False for a mismatch or a broken hash)."""
    try:
        return bool(HASHER.verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# Compared against when a login names no account, so the answer takes as long (no name probing).
DUMMY_HASH = HASHER.hash("pantau-medsos-dummy-password")
