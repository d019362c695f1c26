"""A campaign's hashtags and keywords as stored: NFKC, lower case, single spaces; hashtags
without '#' or spaces. The same for the campaign form and the campaign file."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def norm_terms(terms: Iterable[str] | str | None, *, hashtag: bool) -> list[str]:
    if terms is None:
        return []
    if isinstance(terms, str):
        terms = re.split(r"[,;\n]+" if not hashtag else r"[,;\s]+", terms)
    out: list[str] = []
    for term in terms:
        t = " ".join(unicodedata.normalize("NFKC", str(term)).lower().split())
        if hashtag:
            t = t.lstrip("#").replace(" ", "")
        if t and t not in out:
            out.append(t)
    return out
