"""Which OPD does a post belong to.

Order of evidence, strongest first:
1. the account: platform + normalized handle, from the file or from the post's permalink,
   looked up in the Daftar Akun (table account);
2. the OPD the uploader named (--opd, or the choice on the upload page);
3. a logbook row's own "Nama OPD" (opd_hint): exact alias, else fuzzy;
4. the folder or file name ("Rekap Dinkes Oktober.xlsx", "exports/Dinas Kesehatan/...").

Fuzzy matching uses RapidFuzz over every alias (normalized name, short name, variants).
FUZZY_THRESHOLD is the documented cut-off: a score of 88 (0-100, the better of ratio and token_sort_ratio) or
more counts as the same OPD, unless another OPD scores within AMBIGUITY_MARGIN points, in which
case the match is ambiguous and we ask ("Maksud Anda: ...?") instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

import duckdb
import polars as pl
from rapidfuzz import fuzz, process

from etl.normalize import normalize_handle

# Same OPD when the best alias scores at least this (0-100).
FUZZY_THRESHOLD = 88.0
# ...and no other OPD comes within this many points of it.
AMBIGUITY_MARGIN = 3.0
# Aliases shorter than this are only matched exactly (short names like "dpu" fuzz badly).
MIN_FUZZY_ALIAS_LEN = 5

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")

# Common abbreviations in logbooks and file names, both directions.
_ABBREV = {
    "kecamatan": "kec",
    "kelurahan": "kel",
    "desa": "ds",
    "kabupaten": "kab",
    "sekretariat": "sekr",
    "dinas": "dis",
}


def normalize_opd_name(text: object) -> str:
    """alias_norm: NFKC, lower case, punctuation to spaces, single spaces."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def name_variants(name: str) -> set[str]:
    """Normalized spellings an OPD name is likely written in: 'Kecamatan Sukamaju' also as
    'kec sukamaju' and 'sukamaju'-less forms are not produced (too ambiguous)."""
    base = normalize_opd_name(name)
    out = {base} if base else set()
    words = base.split()
    if words and words[0] in _ABBREV:
        out.add(" ".join([_ABBREV[words[0]], *words[1:]]))
    # "Dinas Kesehatan Kabupaten Sukamaju" is also written without the kabupaten part.
    for marker in ("kabupaten", "kab"):
        if marker in words[1:]:
            cut = words.index(marker)
            if cut >= 1:
                out.add(" ".join(words[:cut]))
    return {v for v in out if v}


# ---------------------------------------------------------------------------------------------
# Handles


def handle_norm(platform: str | None, s: object) -> str | None:
    """Normalized handle (lower case, no @, no URL) via etl.normalize.normalize_handle."""
    if s is None:
        return None
    text = str(s).strip()
    if not text or text in {"-", "–", "—"}:
        return None
    out = normalize_handle(platform or "", text)
    return out or None


# ---------------------------------------------------------------------------------------------
# Name index


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
    how: str  # exact | fuzzy


@dataclass
class OpdIndex:
    """Aliases and accounts, read once per file from the warehouse."""

    aliases: dict[str, int]
    names: dict[int, str]
    accounts: pl.DataFrame  # platform, handle_norm, account_id, acc_opd_id, handle
    # accounts plus the analyst's aliases (platform, handle_norm, account_id, acc_opd_id)
    account_keys: pl.DataFrame | None = None
    _choices: list[str] = field(default_factory=list)

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> OpdIndex:
        names = dict(con.execute("SELECT opd_id, name FROM opd").fetchall())
        aliases = dict(con.execute("SELECT alias_norm, opd_id FROM opd_alias").fetchall())
        # The official name and short name always count, even without an alias row.
        for opd_id, name, short in con.execute(
            "SELECT opd_id, name, short_name FROM opd"
        ).fetchall():
            for v in name_variants(name) | ({normalize_opd_name(short)} if short else set()):
                aliases.setdefault(v, opd_id)
        accounts = con.sql(
            "SELECT platform, handle_norm, account_id, opd_id AS acc_opd_id, handle FROM account"
        ).pl()
        from etl.accounts import aliases as account_aliases

        mapped = account_aliases(con).join(
            accounts.select("account_id", "acc_opd_id"), on="account_id", how="inner"
        )
        keys = pl.concat(
            [accounts.drop("handle"), mapped.select(accounts.drop("handle").columns)],
            how="vertical_relaxed",
        ).unique(subset=["platform", "handle_norm"], keep="first", maintain_order=True)
        return cls(aliases=aliases, names=names, accounts=accounts, account_keys=keys)

    def __post_init__(self) -> None:
        self._choices = [a for a in self.aliases if len(a) >= MIN_FUZZY_ALIAS_LEN]

    def _ranked(self, norm: str) -> list[tuple[int, float]]:
        """Best score per OPD, highest first: the better of ratio (typos) and token_sort_ratio
        (reordered words). No partial matching: "Dinas Kesehatan Hewan" is not "Dinas Kesehatan"."""
        if not self._choices:
            return []
        w = process.cdist([norm], self._choices, scorer=fuzz.ratio)[0]
        t = process.cdist([norm], self._choices, scorer=fuzz.token_sort_ratio)[0]
        best: dict[int, float] = {}
        for alias, a, b in zip(self._choices, w, t, strict=True):
            oid = self.aliases[alias]
            score = max(float(a), float(b))
            if score > best.get(oid, -1.0):
                best[oid] = score
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))

    def match_name(self, text: str) -> NameMatch | None:
        """Exact alias, else an unambiguous fuzzy match >= FUZZY_THRESHOLD, else None."""
        norm = normalize_opd_name(text)
        if not norm:
            return None
        if norm in self.aliases:
            oid = self.aliases[norm]
            return NameMatch(oid, self.names.get(oid, text), 100.0, "exact")
        # "Dinas Kesehatan Kab. Sukamaju", "Kec. Sukamaju": the same variants the aliases have.
        hits = {self.aliases[v] for v in name_variants(text) if v in self.aliases}
        if len(hits) == 1:
            oid = hits.pop()
            return NameMatch(oid, self.names.get(oid, text), 100.0, "exact")
        ranked = self._ranked(norm)
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - AMBIGUITY_MARGIN:
            return None
        oid, score = ranked[0]
        return NameMatch(oid, self.names[oid], score, "fuzzy")

    def suggestions(self, text: str, n: int = 3) -> list[str]:
        norm = normalize_opd_name(text)
        return [self.names[oid] for oid, score in self._ranked(norm)[:n] if score >= 50]

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
            norm = normalize_opd_name(part)
            if not norm:
                continue
            m = self._contained_alias(norm) or self._contained_handle(part)
            if m is not None:
                return m
            m = self.match_name(part)
            if m is not None:
                return m
        return None

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
        if len(top) != 1:
            return None
        oid = top.pop()
        return NameMatch(oid, self.names.get(oid, ""), 100.0, "exact")


# ---------------------------------------------------------------------------------------------
# Per-row resolution

UNKNOWN_OPD_FIX = (
    'Tambahkan pilihan --opd "Nama OPD" (atau pilih OPD di halaman unggah), atau daftarkan akun '
    "ini di Daftar Akun Medsos OPD lalu muat ulang daftar itu (python -m etl opd BERKAS.xlsx)."
)


@dataclass
class Resolution:
    posts: pl.DataFrame  # input columns + opd_id, account_id (rows with an OPD only)
    rejects: pl.DataFrame  # REJECT_SCHEMA rows for rows that cannot be placed
    notes: list[str]
    file_opd_id: int | None  # the one OPD of the file, when there is one
    assumptions: list[str] = field(default_factory=list)  # accounts tied by name / only account


def resolve_posts(
    index: OpdIndex,
    posts: pl.DataFrame,
    *,
    opd: str | None = None,
    path: str | None = None,
    file_name: str = "",
) -> Resolution:
    """Add opd_id and account_id to every post; rows that cannot be placed become rejects.

    Raises OpdNotFound when --opd names no OPD, and FileRejected (etl.schema) when no row of the
    file can be placed.
    """
    from etl.schema import FileRejected

    notes: list[str] = []
    option = index.resolve_option(opd) if opd else None
    if option is not None and option.how == "fuzzy":
        notes.append(f'OPD "{opd}" dibaca sebagai "{option.name}" (kemiripan {option.score:.0f}).')

    # 1. Account: handle from the file, else from the permalink.
    from etl.links import link_handles

    pairs = posts.select("platform", "account_handle", "permalink").unique()
    # The written handles are few: the scalar rule once per distinct one.
    written = pairs.select("platform", "account_handle").unique()
    written = written.with_columns(
        _norm=pl.Series(
            [handle_norm(p, h) if h else None for p, h in written.iter_rows()], dtype=pl.String
        )
    )
    # The permalink's handle too (a Meta export names the Page, its links the username): one
    # link per post, read a column at a time (etl.links, equal to handle_norm).
    key_frame = (
        pairs.with_columns(_link_norm=link_handles(pairs["platform"], pairs["permalink"]))
        .join(written, on=["platform", "account_handle"], how="left", nulls_equal=True)
        .select(
            "platform",
            "account_handle",
            "permalink",
            pl.coalesce("_norm", "_link_norm").alias("handle_norm"),
            "_link_norm",
        )
    )
    df = posts.join(
        key_frame, on=["platform", "account_handle", "permalink"], how="left", nulls_equal=True
    )
    acc_keys = index.account_keys if index.account_keys is not None else index.accounts
    acc_keys = acc_keys.select("platform", "handle_norm", "account_id", "acc_opd_id")
    df = df.join(acc_keys, on=["platform", "handle_norm"], how="left")
    by_link = acc_keys.rename(
        {"handle_norm": "_link_norm", "account_id": "_l_acc", "acc_opd_id": "_l_opd"}
    )
    df = (
        df.join(by_link, on=["platform", "_link_norm"], how="left")
        .with_columns(
            pl.coalesce("account_id", "_l_acc").alias("account_id"),
            pl.coalesce("acc_opd_id", "_l_opd").alias("acc_opd_id"),
        )
        .drop("_link_norm", "_l_acc", "_l_opd")
    )

    # 3. Logbook OPD column.
    hints = [
        h for h in df.get_column("opd_hint").unique().to_list() if h is not None and str(h).strip()
    ]
    hint_map = {}
    for h in hints:
        m = index.match_name(h)
        hint_map[h] = m.opd_id if m else None
        if m is not None and m.how == "fuzzy":
            notes.append(f'Nama OPD "{h}" dibaca sebagai "{m.name}" (kemiripan {m.score:.0f}).')
    hint_frame = pl.DataFrame(
        {"opd_hint": list(hint_map), "hint_opd_id": list(hint_map.values())},
        schema={"opd_hint": pl.String, "hint_opd_id": pl.Int64},
    )
    df = df.join(hint_frame, on="opd_hint", how="left")

    # 4. Folder/file name, only needed when nothing else says.
    path_match = None
    if option is None:
        path_match = index.match_path(path or file_name)

    option_id = option.opd_id if option else None
    path_id = path_match.opd_id if path_match else None
    has_hint = pl.col("opd_hint").is_not_null() & (pl.col("opd_hint").str.strip_chars() != "")
    # The file's owner: the uploader's choice, else the OPD its name declares when its own rows
    # name that OPD too (then a row naming another OPD is that OPD's row in the wrong logbook).
    owner_id = option_id
    if owner_id is None and path_id is not None and path_id in hint_map.values():
        owner_id = path_id
    df = df.with_columns(
        opd_id=pl.coalesce(
            pl.col("acc_opd_id").cast(pl.Int64),
            pl.lit(option_id, pl.Int64),
            pl.col("hint_opd_id"),
            pl.when(has_hint).then(None).otherwise(pl.lit(path_id, pl.Int64)),
        ),
        # A logbook row naming another OPD than the uploader said (and no account says otherwise).
        _other=pl.col("acc_opd_id").is_null()
        & pl.lit(owner_id is not None)
        & has_hint
        & (
            pl.col("hint_opd_id").is_not_null()
            & (pl.col("hint_opd_id") != pl.lit(owner_id, pl.Int64))
        ),
    )

    sheet_col = pl.col("source_sheet")
    other = df.filter(pl.col("_other"))
    unplaced = df.filter(~pl.col("_other") & pl.col("opd_id").is_null())
    good = df.filter(~pl.col("_other") & pl.col("opd_id").is_not_null())

    rejects = []
    if other.height:
        rejects.append(
            other.select(
                sheet=sheet_col,
                row_number=pl.col("source_row"),
                column_name=pl.lit("Nama OPD"),
                value=pl.col("opd_hint"),
                reason=pl.lit("Baris milik OPD lain: ")
                + pl.col("opd_hint")
                + pl.lit(
                    f' (berkas dimuat untuk "{index.names.get(owner_id, "") if owner_id is not None else ""}")'
                ),
            )
        )
    if unplaced.height:
        if good.height == 0:
            what = _describe_unplaced(unplaced)
            raise FileRejected(
                f"Berkas {file_name}: OPD pemilik postingan tidak dapat ditentukan{what}. "
                + UNKNOWN_OPD_FIX
            )
        rejects.append(
            unplaced.select(
                sheet=sheet_col,
                row_number=pl.col("source_row"),
                column_name=pl.when(has_hint).then(pl.lit("Nama OPD")).otherwise(pl.lit("Akun")),
                value=pl.coalesce("opd_hint", "account_handle", "handle_norm"),
                reason=pl.when(has_hint)
                .then(pl.lit("Nama OPD tidak dikenal: ") + pl.col("opd_hint"))
                .otherwise(pl.lit("OPD pemilik postingan tidak dapat ditentukan"))
                + pl.lit(". " + UNKNOWN_OPD_FIX),
            )
        )

    from etl.accounts import tie

    good, tie_assumptions, tie_notes = tie(good, index.accounts, index.names)
    notes.extend(tie_notes)
    # Unknown accounts loaded under the OPD the uploader named: say so, once per account.
    unknown = (
        good.filter(pl.col("account_id").is_null() & pl.col("handle_norm").is_not_null())
        .select("platform", "handle_norm")
        .unique()
        .sort("platform", "handle_norm")
    )
    for platform, h in unknown.iter_rows():
        placed = _first(good, platform, h)
        name = index.names.get(placed, "") if placed is not None else ""
        notes.append(
            f"Akun {h} ({platform}) belum ada di Daftar Akun Medsos OPD; postingannya dimuat ke "
            f'OPD "{name}". Tambahkan akun ini ke daftar.'
        )
    if option is not None:
        unknown_hints = (
            good.filter(has_hint & pl.col("hint_opd_id").is_null() & pl.col("acc_opd_id").is_null())
            .get_column("opd_hint")
            .unique()
            .sort()
            .to_list()
        )
        if unknown_hints:
            notes.append(
                "Nama OPD "
                + ", ".join(f'"{h}"' for h in unknown_hints[:5])
                + f' tidak dikenal; barisnya dimuat ke "{option.name}" sesuai pilihan OPD.'
            )
        elsewhere = good.filter(
            pl.col("acc_opd_id").is_not_null() & (pl.col("acc_opd_id") != option_id)
        )
        for platform, h, oid in (
            elsewhere.select("platform", "handle_norm", "acc_opd_id").unique().iter_rows()
        ):
            notes.append(
                f'Akun {h} ({platform}) terdaftar milik "{index.names.get(oid, oid)}", bukan '
                f'"{option.name}": postingannya dimuat ke OPD pemilik akun.'
            )
    if (
        path_match is not None
        and good.filter(pl.col("opd_id") == path_id).height
        and good.filter(pl.col("acc_opd_id").is_null() & pl.col("hint_opd_id").is_null()).height
    ):
        notes.append(f'OPD ditentukan dari nama berkas/folder: "{path_match.name}".')

    ids = good.get_column("opd_id").unique().to_list()
    file_opd = ids[0] if len(ids) == 1 else option_id
    if not ids and file_opd is None and path_match is not None:
        # A header-only export names its owner only in its folder or file name; the load still
        # records that this OPD sent the period (its coverage), so the owner is said.
        notes.append(f'OPD ditentukan dari nama berkas/folder: "{path_match.name}".')
        file_opd = path_id
    good = good.with_columns(pl.col("account_id").cast(pl.Int64)).drop(
        "handle_norm", "acc_opd_id", "hint_opd_id", "_other"
    )
    from etl.schema import REJECT_SCHEMA

    rej = (
        pl.concat([r.cast(pl.Schema(REJECT_SCHEMA)) for r in rejects])
        if rejects
        else pl.DataFrame(schema=REJECT_SCHEMA)
    )
    return Resolution(
        posts=good, rejects=rej, notes=notes, file_opd_id=file_opd, assumptions=tie_assumptions
    )


def _first(df: pl.DataFrame, platform: str, h: str) -> int | None:
    row = df.filter((pl.col("platform") == platform) & (pl.col("handle_norm") == h)).head(1)
    return int(row.item(0, "opd_id")) if row.height else None


def _describe_unplaced(df: pl.DataFrame) -> str:
    handles = (
        df.select("platform", "handle_norm")
        .drop_nulls()
        .unique()
        .sort("platform", "handle_norm")
        .head(3)
    )
    hints = df.get_column("opd_hint").drop_nulls().unique().sort().head(3).to_list()
    bits = []
    if handles.height:
        bits.append(
            "akun " + ", ".join(f"{h} ({p})" for p, h in handles.iter_rows()) + " belum terdaftar"
        )
    if hints:
        bits.append("Nama OPD " + ", ".join(f'"{h}"' for h in hints) + " tidak dikenal")
    return (" (" + "; ".join(bits) + ")") if bits else ""
