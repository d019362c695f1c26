"""Which export is this, and where is its header row?

Detection is from the header cells only, never the file name: every row among the first
PREVIEW_ROWS is scored against each format's alias table; a format qualifies when its required
fields are all present (a required subset, never the exact column tuple, because Facebook has
32-34 columns varying by month).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import ModuleType

from etl.formats import logbook, meta_facebook, meta_instagram, tiktok, x, youtube
from etl.formats._logbook_headers import link_column_field
from etl.normalize import header_key

FORMATS = ("meta_facebook", "meta_instagram", "tiktok", "youtube", "x", "logbook")
MODULES: dict[str, ModuleType] = {
    "meta_facebook": meta_facebook,
    "meta_instagram": meta_instagram,
    "tiktok": tiktok,
    "youtube": youtube,
    "x": x,
    "logbook": logbook,
}
POST_FIELDS = (
    "published_at",
    "caption",
    "permalink",
    "platform",
    "native_id",
    "views",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "opd_hint",
    "logbook_label",
    "post_format_raw",
    "account_handle",
)


def _build_index(mod: ModuleType) -> dict[str, tuple[str, int]]:
    idx: dict[str, tuple[str, int]] = {}
    for fld, aliases in mod.HEADERS.items():
        for rank, alias in enumerate(aliases):
            idx.setdefault(header_key(alias), (fld, rank))
    return idx


_INDEX = {name: _build_index(mod) for name, mod in MODULES.items()}


@dataclass
class Detection:
    format: str
    row: int  # index of the header row in the preview / grid
    columns: dict[int, str]  # column index -> field
    headers: dict[str, str]  # field -> header text as found
    subheader: bool = False  # a second header row (per-platform link columns) under `row`


def match_cells(
    cells: list[str | None], fmt: str, column_map: dict[str, str] | None = None
) -> dict[int, tuple[str, int]]:
    """Column index -> (field, rank) for the cells of one candidate header row."""
    return _match_keys(_row_keys(cells), fmt, _user_keys(column_map))


def _row_keys(cells: list[str | None]) -> list[str]:
    """header_key of every cell ("" for an empty one): computed once per row, not per format."""
    return ["" if cell is None else header_key(cell) for cell in cells]


def _user_keys(column_map: dict[str, str] | None) -> dict[str, str]:
    return {header_key(k): v for k, v in (column_map or {}).items()}


def _match_keys(keys: list[str], fmt: str, user: dict[str, str]) -> dict[int, tuple[str, int]]:
    """match_cells over the cells' header keys (_row_keys)."""
    idx = _INDEX[fmt]
    out: dict[int, tuple[str, int]] = {}
    for j, key in enumerate(keys):
        if not key:
            continue
        if key in user:
            out[j] = (user[key], -1)  # a hand mapping beats every alias
        elif key in idx:
            out[j] = idx[key]
        elif fmt == "logbook":
            link = _link_field(key)
            if link:
                out[j] = (link, 0)
    return out


@functools.lru_cache(maxsize=1 << 12)
def _short_link_field(key: str) -> str | None:
    return link_column_field(key)


def _link_field(key: str) -> str | None:
    """link_column_field, computed once per short key (detection asks it for every cell of
    the top rows of every logbook sheet; a long cell is not kept, as in header_key)."""
    return _short_link_field(key) if len(key) <= 120 else link_column_field(key)


def _resolve(matched: dict[int, tuple[str, int]]) -> dict[int, str]:
    """One column per field: best-ranked alias, then leftmost."""
    best: dict[str, tuple[int, int]] = {}
    for j, (fld, rank) in matched.items():
        if fld not in best or (rank, j) < best[fld]:
            best[fld] = (rank, j)
    return {j: fld for fld, (_rank, j) in best.items()}


def _qualifies(fields: set[str], fmt: str) -> bool:
    return all(any(f in fields for f in group) for group in MODULES[fmt].REQUIRED)


# Whether a row with no header cell of the format qualifies (no format's does: each requires
# a field): most preview rows are data rows, and resolving and checking nothing was half of
# detection's time (about 2.5 ms a sheet).
_QUALIFIES_EMPTY = {fmt: _qualifies(set(), fmt) for fmt in FORMATS}


def _is_subheader(cells: list[str | None], fmt: str, keys: list[str] | None = None) -> bool:
    """A row under the header holding only sub-headings ("Facebook | Instagram | TikTok");
    keys: the row's _row_keys when known."""
    if fmt != "logbook":
        return False
    nonempty = [c for c in cells if c is not None and str(c).strip()]
    if not nonempty:
        return False
    matched = _match_keys(_row_keys(cells) if keys is None else keys, fmt, {})
    return len(matched) == len(nonempty) and any(f.startswith("link_") for f, _ in matched.values())


def detect(
    rows: list[list[str | None]],
    *,
    column_map: dict[str, str] | None = None,
    format_hint: str | None = None,
) -> Detection | None:
    """Best (format, header row) over the preview rows, or None when nothing qualifies."""
    candidates = [format_hint] if format_hint else list(FORMATS)
    best: tuple[tuple[int, int, int], Detection] | None = None
    keyed = [_row_keys(cells) for cells in rows]
    user = _user_keys(column_map)
    for i, cells in enumerate(rows):
        for k, fmt in enumerate(candidates):
            matched = _match_keys(keyed[i], fmt, user)
            sub = False
            if i + 1 < len(rows) and _is_subheader(rows[i + 1], fmt, keyed[i + 1]):
                sub = True
                parent: str | None = None
                merged = dict(matched)
                for j in range(max(len(cells), len(rows[i + 1]))):
                    top = cells[j] if j < len(cells) else None
                    if top is not None and str(top).strip():
                        parent = str(top)
                    below = rows[i + 1][j] if j < len(rows[i + 1]) else None
                    if below is not None and str(below).strip():
                        m = match_cells([below], fmt, column_map)
                        if m:
                            merged[j] = m[0]
                matched = merged
            if not matched and not _QUALIFIES_EMPTY[fmt]:
                continue  # what _qualifies says of a row with no header cell, known ahead
            columns = _resolve(matched)
            fields = set(columns.values())
            if not _qualifies(fields, fmt):
                continue
            # A platform format must show one of its own distinctive headers: a hand mapping
            # (column_map) alone makes a generic logbook, not a fake Meta/X export.
            own = {matched[j][0] for j in columns if matched[j][1] >= 0}
            distinct = len(own & set(MODULES[fmt].DISTINCTIVE))
            if fmt != "logbook" and distinct == 0:
                continue
            score = (len(fields) + 3 * distinct, -i, -k)
            if best is None or score > best[0]:
                headers = {}
                for j, fld in columns.items():
                    top = cells[j] if j < len(cells) else None
                    below = rows[i + 1][j] if sub and j < len(rows[i + 1]) else None
                    text = str(below) if below not in (None, "") else str(top)
                    if sub and below not in (None, "") and parent is not None and top in (None, ""):
                        text = str(below)
                    headers[fld] = text.strip()
                best = (score, Detection(fmt, i, columns, headers, sub))
    return best[1] if best else None


@dataclass
class NearMiss:
    """The format a refused header row resembles most, and what it lacks."""

    format: str
    row: int
    found: list[str]  # header cells of that row matched to this format's fields
    missing: list[str]  # each missing required group as "alias / alias"


def closest_format(rows: list[list[str | None]]) -> NearMiss | None:
    """The format whose own headers a non-qualifying file shows most (two fields at least,
    one of them distinctive for a platform format), for a refusal naming that format's
    required columns instead of a generic list."""
    best: tuple[tuple[int, int], NearMiss] | None = None
    for i, cells in enumerate(rows):
        keys = _row_keys(cells)
        for k, fmt in enumerate(FORMATS):
            matched = _match_keys(keys, fmt, {})
            columns = _resolve(matched)
            fields = set(columns.values())
            own = len(fields & set(MODULES[fmt].DISTINCTIVE))
            if len(fields) < 2 or (fmt != "logbook" and own == 0):
                continue
            missing = [
                " / ".join(dict.fromkeys(MODULES[fmt].HEADERS[group[0]][:2]))
                for group in MODULES[fmt].REQUIRED
                if not any(f in fields for f in group)
            ]
            score = (len(fields) + 3 * own, -k)
            if best is None or score > best[0]:
                found = [str(cells[j]).strip() for j in sorted(columns)]
                best = (score, NearMiss(fmt, i, found, missing))
    return best[1] if best else None


def guess_header_cells(rows: list[list[str | None]]) -> list[str]:
    """The row most likely meant as a header (most text cells): listed in the rejection."""
    best: list[str] = []
    for cells in rows:
        texts = [
            str(c).strip()
            for c in cells
            if c is not None and str(c).strip() and not str(c).strip().replace(".", "").isdigit()
        ]
        if len(texts) > len(best):
            best = texts
    return best
