"""The OPD name index: every alias and account of the warehouse, and the lookup of a name an
uploader, a logbook row or a file name gives (exact alias, else fuzzy).

Fuzzy matching uses RapidFuzz over every alias (normalized name, short name, variants).
FUZZY_THRESHOLD is the documented cut-off: a score of 88 (0-100, the better of ratio and token_sort_ratio) or
more counts as the same OPD, unless another OPD scores within AMBIGUITY_MARGIN points, in which
case the match is ambiguous and we ask ("Maksud Anda: ...?") instead of guessing.
"""

from __future__ import annotations

import contextlib
import contextvars
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath

import duckdb
import polars as pl
from rapidfuzz import fuzz, process

from etl.name_keys import same_shape
from etl.opd_names import name_variants, normalize_opd_name, placed_names, shared_names
from etl.page_names import PageNames

# Same OPD when the best alias scores at least this (0-100).
FUZZY_THRESHOLD = 88.0
# ...and no other OPD comes within this many points of it.
AMBIGUITY_MARGIN = 3.0
# Aliases shorter than this are only matched exactly (short names like "dpu" fuzz badly).
MIN_FUZZY_ALIAS_LEN = 5


class OpdNotFound(Exception):
    """The named OPD is unknown or ambiguous. Message in Bahasa Indonesia with suggestions."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


@dataclass
class NameMatch:
    opd_id: int
    name: str
    score: float
    how: str  # exact | lead (the start of a merged office's name) | fuzzy
    source: str = ""  # match_path: the file or folder name that named the OPD


@dataclass
class OpdIndex:
    """Aliases and accounts, read once per file from the warehouse."""

    aliases: dict[str, int]
    names: dict[int, str]
    accounts: pl.DataFrame  # platform, handle_norm, account_id, acc_opd_id, handle
    # accounts plus the analyst's aliases (platform, handle_norm, account_id, acc_opd_id)
    account_keys: pl.DataFrame | None = None
    _choices: list[str] = field(default_factory=list)
    # OPDs sharing a name, as shown when asking which one is meant (etl.opd_names.placed_names)
    shown: dict[int, str] = field(default_factory=dict)

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> OpdIndex:
        names = dict(con.execute("SELECT opd_id, name FROM opd").fetchall())
        aliases = dict(con.execute("SELECT alias_norm, opd_id FROM opd_alias").fetchall())
        # The official name and short name always count, even without an alias row; one that
        # two OPDs hold (two desas' short name "Sukamulya") names neither.
        held: dict[str, set[int]] = {}
        for opd_id, name, short in con.execute(
            "SELECT opd_id, name, short_name FROM opd"
        ).fetchall():
            for v in name_variants(name) | ({normalize_opd_name(short)} if short else set()):
                held.setdefault(v, set()).add(opd_id)
        for v, ids in held.items():
            if len(ids) == 1:
                aliases.setdefault(v, next(iter(ids)))
        both = {v: ids for v, ids in held.items() if len(ids) > 1 and v not in aliases}
        parents = {
            oid: (name, short)
            for oid, name, short in con.execute(
                "SELECT o.opd_id, p.name, p.short_name FROM opd o"
                " JOIN opd p ON p.opd_id = o.parent_opd_id"
            ).fetchall()
        }
        placed, shown = placed_names(names, parents)
        for alias, opd_id in placed.items():
            aliases.setdefault(alias, opd_id)
        accounts = con.sql(
            # a dropped account (opd_id NULL, etl.account_moves) is one the list does not hold
            "SELECT platform, handle_norm, account_id, opd_id AS acc_opd_id, handle FROM account"
            " WHERE opd_id IS NOT NULL"
        ).pl()
        from etl.accounts import aliases as account_aliases

        mapped = account_aliases(con).join(
            accounts.select("account_id", "acc_opd_id"), on="account_id", how="inner"
        )
        keys = pl.concat(
            [accounts.drop("handle"), mapped.select(accounts.drop("handle").columns)],
            how="vertical_relaxed",
        ).unique(subset=["platform", "handle_norm"], keep="first", maintain_order=True)
        index = cls(aliases, names, accounts, keys, shown=shown)
        index.shared.update(both)
        return index

    def __post_init__(self) -> None:
        self._choices = [a for a in self.aliases if len(a) >= MIN_FUZZY_ALIAS_LEN]
        self._pages: PageNames | None = None
        self._parts: dict[str, NameMatch | None] = {}
        # Two desas of one name under two kecamatan: that name alone decides nothing.
        self.shared = shared_names(self.names)

    def page_names(self) -> PageNames:
        """The display-name keys of this index's OPDs and accounts (etl.page_names), built once."""
        if self._pages is None:
            self._pages = PageNames.build(self.names, self.aliases, self.accounts)
        return self._pages

    def _ranked(self, norm: str) -> list[tuple[int, float, str]]:
        """Best score per OPD, highest first: the better of ratio (typos) and token_sort_ratio
        (reordered words). No partial matching: "Dinas Kesehatan Hewan" is not "Dinas Kesehatan"."""
        if not self._choices:
            return []
        w = process.cdist([norm], self._choices, scorer=fuzz.ratio)[0]
        t = process.cdist([norm], self._choices, scorer=fuzz.token_sort_ratio)[0]
        best: dict[int, tuple[float, str]] = {}
        for alias, a, b in zip(self._choices, w, t, strict=True):
            oid = self.aliases[alias]
            score = max(float(a), float(b))
            if score > best.get(oid, (-1.0, ""))[0]:
                best[oid] = (score, alias)
        return sorted(
            ((oid, sc, alias) for oid, (sc, alias) in best.items()), key=lambda r: (-r[1], r[0])
        )

    def match_name(self, text: str) -> NameMatch | None:
        """Exact alias, else an unambiguous fuzzy match >= FUZZY_THRESHOLD, else None."""
        norm = normalize_opd_name(text)
        if not norm:
            return None
        if self.shared and (
            norm in self.shared
            or any(v in self.shared for v in name_variants(text))
            or len(self.page_names().opd_owners(text)) > 1
        ):
            return None  # a name two OPDs hold: ask (suggestions), never pick one
        if norm in self.aliases:
            oid = self.aliases[norm]
            return NameMatch(oid, self.names.get(oid, text), 100.0, "exact")
        # "Dinas Kesehatan Kab. Sukamaju", "Kec. Sukamaju": the same variants the aliases have.
        hits = {self.aliases[v] for v in name_variants(text) if v in self.aliases}
        if len(hits) == 1:
            oid = hits.pop()
            return NameMatch(oid, self.names.get(oid, text), 100.0, "exact")
        # "Dishub Sukamaju", "Pemdes Sindanglaya": the same key a page name gets.
        owners = self.page_names().opd_owners(text)
        if len(owners) == 1:
            oid = owners.pop()
            return NameMatch(oid, self.names.get(oid, text), 100.0, "exact")
        # "Disdik": "Dinas Pendidikan", the start of one OPD's merged name and no other's.
        leads = self.page_names().lead_owners(text) if not owners else set()
        if len(leads) == 1:
            oid = leads.pop()
            return NameMatch(oid, self.names.get(oid, text), 100.0, "lead")
        if len(leads) > 1:
            return None  # the start of two merged names: ask (suggestions), never guess
        ranked = self._ranked(norm)
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - AMBIGUITY_MARGIN:
            return None
        oid, score, alias = ranked[0]
        # A typo, not another office: "Dinas Pertanahan" scores 90 against "Dinas Pertanian".
        if not same_shape(norm, alias):
            return None
        return NameMatch(oid, self.names[oid], score, "fuzzy")

    def suggestions(self, text: str, n: int = 3) -> list[str]:
        norm = normalize_opd_name(text)
        ranked = [oid for oid, score, _ in self._ranked(norm)[:n] if score >= 50]
        return [self.shown.get(oid, self.names[oid]) for oid in ranked]

    def resolve_option(self, text: str) -> NameMatch:
        """The --opd option: must name one OPD, else OpdNotFound with 'Maksud Anda ...?'."""
        m = self.match_name(text)
        if m is not None:
            return m
        sugg = self.suggestions(text)
        if not self.names:
            msg = (
                f'OPD "{text}" tidak dikenal: daftar OPD masih kosong. Muat dulu Daftar Akun '
                "Medsos OPD (perintah: python -m etl opd BERKAS.xlsx)."
            )
        elif sugg:
            msg = (
                f'OPD "{text}" tidak dikenal atau kurang jelas. Maksud Anda: '
                + ", ".join(f'"{s}"' for s in sugg)
                + "?"
            )
        else:
            msg = (
                f'OPD "{text}" tidak dikenal. Gunakan nama, singkatan, atau alias yang ada di '
                "Daftar Akun Medsos OPD."
            )
        raise OpdNotFound(msg, sugg)

    def match_path(self, path: str | None) -> NameMatch | None:
        """OPD named by the file name or one of its folders (nearest first)."""
        if not path:
            return None
        p = PurePath(path)
        parts = [p.stem, *[q.name for q in p.parents if q.name]][:4]
        for part in parts:
            if part not in self._parts:  # a folder's name is read once per index, not per file
                self._parts[part] = self._match_part(part)
            found = self._parts[part]
            if found is not None:
                return replace(found, source=part if part != p.stem else p.name)
        return None

    def _match_part(self, part: str) -> NameMatch | None:
        norm = normalize_opd_name(part)
        if not norm:
            return None
        return self._contained_alias(norm) or self._contained_handle(part) or self.match_name(part)

    def _contained_handle(self, part: str) -> NameMatch | None:
        # YouTube Studio never names the channel in the files, only in the folder or ZIP the
        # analyst saved them under ("Content 2025-12-01_2026-11-20 diskominfosukamaju.zip").
        low = unicodedata.normalize("NFKC", part).lower()
        tokens = set(low.split())
        padded = " " + " ".join(low.split()) + " "
        owners = {
            oid
            for h, oid in self.accounts.select("handle_norm", "acc_opd_id").iter_rows()
            if h and len(h) >= 5 and (h in tokens or f" {h} " in padded)
        }
        if len(owners) != 1:
            return None
        oid = owners.pop()
        return NameMatch(oid, self.names.get(oid, ""), 100.0, "exact")

    def _contained_alias(self, norm: str) -> NameMatch | None:
        # "rekap postingan dinkes oktober 2026" contains the alias "dinkes" as whole words.
        padded = f" {norm} "
        hits = [(a, o) for a, o in self.aliases.items() if f" {a} " in padded]
        if not hits:
            return None
        longest = max(len(a) for a, _ in hits)
        top = {o for a, o in hits if len(a) == longest}
        if len(top) != 1 or any(a in self.shared for a, _ in hits if len(a) == longest):
            return None
        oid = top.pop()
        return NameMatch(oid, self.names.get(oid, ""), 100.0, "exact")


_BATCH: contextvars.ContextVar[OpdIndex | None] = contextvars.ContextVar("opd_index", default=None)


@contextlib.contextmanager
def read_once(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Within the block, for_load(con) gives the index read at its start: a folder load reads
    OPDs, aliases and accounts once, not per file (loading posts never changes them)."""
    token = _BATCH.set(OpdIndex.from_db(con))
    try:
        yield
    finally:
        _BATCH.reset(token)


def for_load(con: duckdb.DuckDBPyConnection) -> OpdIndex:
    """The index of the enclosing read_once block, else read now."""
    return _BATCH.get() or OpdIndex.from_db(con)
