"""A page's or channel's display name as an export writes it ("Dishub Sukamaju"), matched to
the master list's accounts when no handle, link or mapped alias names the account.

Evidence, in order: the name's key (etl.name_keys) equal to the key of an account written as a
name in the master list ("Dinas Kesehatan Kab. Sukamaju"), or its letters equal to an account's
handle ("dishubsukamaju" in facebook.com/dishubsukamaju); else equal to the key of an OPD's
name, short name or alias ("Dishub" = Dinas Perhubungan), the account then being that OPD's
only one on the platform; else an office's name whose written-out form is the leading part of
exactly one OPD's merged name ("Disdik" = "Dinas Pendidikan", the start of "Dinas Pendidikan dan
Kebudayaan"; etl.name_keys.leading_keys); else the same with a typo (RapidFuzz ratio >=
FUZZY_THRESHOLD and etl.name_keys.same_shape). A match must be unique: names fitting two OPDs, or an OPD with two
accounts on the platform and nothing telling them apart, are refused (NameRefusal) with both
named; an OPD without an account on the platform is refused too (the master list is what is
evaluated). A desa, kelurahan or kecamatan name the list does not hold is refused naming the
places of a like name ("Pemdes Cibening": Kecamatan Cibening, Desa Cibening Girang), never
placed on one. An alias the analyst mapped (`akun`) is an exact key and is read before this.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import polars as pl
from rapidfuzz import fuzz, process

from etl.name_keys import (
    ABBREV,
    LOCALITY,
    compact,
    leading_keys,
    loose,
    name_key,
    regions_in,
    same_shape,
    words,
)
from etl.opd_names import base_name

# A name with a typo counts as the registry's when the keys score this much (0-100) and have
# the same shape (etl.name_keys.same_shape).
FUZZY_THRESHOLD = 90.0
# Handles shorter than this are not compared by their letters alone ("dlh" is no evidence).
MIN_COMPACT = 6
# The nearest names a refusal of an unknown name lists: this many, scoring at least NEAR_SCORE
# (RapidFuzz token_sort_ratio, 0-100). Said only, never placed.
NEAR_COUNT = 3
NEAR_SCORE = 60.0


@dataclass(frozen=True)
class NameMatch:
    """The account a display name was read as, with why (Bahasa Indonesia) and the score."""

    account_id: int
    opd_id: int
    handle: str  # the account as the master list writes it
    score: float  # 0-100: 100 when the keys are equal
    why: str
    how: str = "key"  # key (equal keys or letters), lead (start of a merged name), fuzzy


@dataclass(frozen=True)
class NameRefusal:
    """A display name that fits more than one account, or an OPD without one: why, in Bahasa
    Indonesia, naming the candidates and how to decide."""

    why: str
    opd_ids: tuple[int, ...]


@dataclass
class PageNames:
    """The master list's names and accounts as keys, built once per OpdIndex."""

    names: dict[int, str]
    regions: set[str]
    opd_keys: dict[str, set[int]] = field(default_factory=dict)
    leads: dict[str, set[int]] = field(default_factory=dict)  # loose leading key -> OPDs
    key_text: dict[str, str] = field(default_factory=dict)  # key -> a master-list spelling
    # platform -> key -> account ids; platform -> compact handle -> account ids
    acc_keys: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    acc_compact: dict[str, dict[str, set[int]]] = field(default_factory=dict)
    acc_info: dict[int, tuple[str, int, str]] = field(default_factory=dict)  # platform, opd, handle
    by_opd: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, names: dict[int, str], aliases: dict[str, int], accounts: pl.DataFrame
    ) -> PageNames:
        """names: opd_id -> name; aliases: alias_norm -> opd_id (short names, variants, the
        master list's and the analyst's aliases); accounts: platform, handle_norm, account_id,
        acc_opd_id, handle."""
        rows = [
            (p, hn, int(a), int(o), h or hn)
            for p, hn, a, o, h in accounts.select(
                "platform", "handle_norm", "account_id", "acc_opd_id", "handle"
            ).iter_rows()
            if a is not None and o is not None
        ]
        regions = regions_in([*names.values(), *aliases, *(r[4] for r in rows)])
        out = cls(names=names, regions=regions)
        # A repeated name keeps its key for both OPDs (etl.opd_names.base_name).
        bases = [(base_name(n), o) for o, n in names.items() if base_name(n) != n]
        for text, oid in [*((n, o) for o, n in names.items()), *bases, *aliases.items()]:
            key = name_key(text, regions)
            if key:
                out.opd_keys.setdefault(key, set()).add(oid)
                out.key_text.setdefault(key, names.get(oid, text) if text == key else text)
            for lead in leading_keys(text, regions):
                out.leads.setdefault(lead, set()).add(oid)
        by_opd: dict[tuple[int, str], list[int]] = defaultdict(list)
        for platform, hn, acc, oid, handle in rows:
            out.acc_info[acc] = (platform, oid, handle)
            by_opd[(oid, platform)].append(acc)
            if any(c.isspace() for c in handle.strip()):  # written as a name
                key = name_key(handle, regions)
                if key:
                    out.acc_keys.setdefault(platform, {}).setdefault(key, set()).add(acc)
            comp = compact(hn or "")
            if len(comp) >= MIN_COMPACT:
                out.acc_compact.setdefault(platform, {}).setdefault(comp, set()).add(acc)
        out.by_opd = dict(by_opd)
        return out

    def opd_owners(self, text: str) -> set[int]:
        """The OPDs whose name, short name or alias has the key of `text` (exact)."""
        key = name_key(text, self.regions)
        return set(self.opd_keys.get(key, set())) if key else set()

    def lead_owners(self, text: str) -> set[int]:
        """The OPDs whose merged name starts with the name `text` gives (leading_keys); none for
        a desa, kelurahan or kecamatan."""
        key = name_key(text, self.regions)
        if not key or key.split()[0] in LOCALITY:
            return set()
        return set(self.leads.get(loose(key), set()))

    def match(self, platform: str, text: str) -> NameMatch | NameRefusal | None:
        """The one account `text` names on `platform`, a refusal, or None (nothing fits)."""
        key = name_key(text, self.regions)
        comp = compact(text)
        accs = set(self.acc_keys.get(platform, {}).get(key, set())) if key else set()
        by_letters = set()
        if len(comp) >= MIN_COMPACT:
            by_letters = self.acc_compact.get(platform, {}).get(comp, set()) - accs
            accs |= by_letters
        opds = set(self.opd_keys.get(key, set())) if key else set()
        score, via, how = 100.0, "", "key"
        if accs and accs == by_letters:
            via = f"hurufnya sama dengan akun di Daftar Akun '{self.acc_info[min(accs)][2]}'"
        elif accs:
            via = f"nama akun di Daftar Akun '{self.acc_info[min(accs)][2]}'"
        elif opds:
            via = f"nama OPD di Daftar Akun '{self.key_text.get(key, key)}'"
        elif key and key.split()[0] not in LOCALITY and loose(key) in self.leads:
            opds, how = set(self.leads[loose(key)]), "lead"
            via = self._lead_why(text, key, opds)
        elif key:
            score, via, accs, opds = self._fuzzy(platform, key)
            how = "fuzzy"
        if not accs and not opds:
            return self._places(key)
        owners = opds | {self.acc_info[a][1] for a in accs}
        if len(owners) > 1:
            listed = self._listed(owners)
            if how == "lead":
                return NameRefusal(f"{via}: {listed}", tuple(sorted(owners)))
            return NameRefusal(f"cocok dengan lebih dari satu OPD: {listed}", tuple(sorted(owners)))
        oid = owners.pop()
        got = self._account(platform, text, oid, accs, score, via)
        if isinstance(got, NameMatch) and how != "key":
            got = NameMatch(got.account_id, got.opd_id, got.handle, got.score, got.why, how)
        return got

    def _listed(self, opds: set[int] | list[int]) -> str:
        return ", ".join(f'"{self.names.get(o, o)}"' for o in sorted(opds))

    def _lead_why(self, text: str, key: str, opds: set[int]) -> str:
        short = any(w in ABBREV for w in words(text))
        said = f"'{text}' dibaca '{key}'" + (" (singkatan ditulis lengkap)" if short else "")
        if len(opds) > 1:
            return f"{said}, awal nama lebih dari satu OPD"
        name = self.names.get(next(iter(opds)), "")
        return (
            f"{said}, yaitu awal nama OPD '{name}' di Daftar Akun; tidak ada OPD lain yang namanya "
            "diawali begitu"
        )

    def _places(self, key: str) -> NameRefusal | None:
        """A desa, kelurahan or kecamatan the list does not hold, refused naming the places whose
        name starts like it or it starts like ("desa cibening": "kec cibening", "desa cibening
        girang"); None when there are none."""
        kw = key.split()
        if len(kw) < 2 or kw[0] not in LOCALITY:
            return None
        place = kw[1:]
        near: set[int] = set()
        for other, opds in self.opd_keys.items():
            theirs = other.split()
            if theirs[0] in LOCALITY and len(theirs) > 1:
                n = min(len(place), len(theirs) - 1)
                if place[:n] == theirs[1 : n + 1]:
                    near |= opds
        if not near:
            return None
        return NameRefusal(
            f"tidak ada di Daftar Akun; namanya mirip {self._listed(near)}, tetapi desa, "
            "kelurahan dan kecamatan yang namanya mirip adalah wilayah yang berbeda",
            tuple(sorted(near)),
        )

    def nearest(self, platform: str, text: str) -> list[int]:
        """The OPDs whose names (or accounts on the platform) are most like `text`, best first:
        at most NEAR_COUNT, scoring NEAR_SCORE or more. For a refusal's message only."""
        key = name_key(text, self.regions) or compact(text)
        if not key:
            return []
        best: dict[int, float] = {}
        hits = process.extract(
            key,
            list(self.opd_keys),
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NEAR_SCORE,
            limit=20,
        )
        for choice, score, _ in hits:
            for o in self.opd_keys[choice]:
                best[o] = max(best.get(o, 0.0), float(score))
        comp = compact(text)
        letters = self.acc_compact.get(platform, {})
        for choice, score, _ in process.extract(
            comp, list(letters), scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, limit=10
        ):
            for a in letters[choice]:
                o = self.acc_info[a][1]
                best[o] = max(best.get(o, 0.0), float(score))
        return [o for o, _ in sorted(best.items(), key=lambda r: (-r[1], r[0]))][:NEAR_COUNT]

    def _account(
        self, platform: str, text: str, oid: int, accs: set[int], score: float, via: str
    ) -> NameMatch | NameRefusal:
        own = self.by_opd.get((oid, platform), [])
        named = [a for a in own if a in accs]
        pick = named if len(named) == 1 else own if len(own) == 1 and not named else []
        opd = self.names.get(oid, str(oid))
        if len(pick) == 1:
            acc = pick[0]
            alone = "" if named else f", satu-satunya akun {platform} OPD itu"
            return NameMatch(acc, oid, self.acc_info[acc][2], score, via + alone)
        if not own:
            return NameRefusal(
                f'mirip "{opd}" ({via}), tetapi OPD itu tidak punya akun {platform} di Daftar '
                "Akun Medsos OPD",
                (oid,),
            )
        listed = ", ".join(f"'{self.acc_info[a][2]}'" for a in (named or own))
        return NameRefusal(
            f'mirip "{opd}" ({via}), yang punya beberapa akun {platform}: {listed}',
            (oid,),
        )

    def _fuzzy(self, platform: str, key: str) -> tuple[float, str, set[int], set[int]]:
        """Keys of the same shape scoring FUZZY_THRESHOLD or more: (best score, why,
        accounts, OPDs). Every such key counts, so two near names make a refusal."""
        acc_map = self.acc_keys.get(platform, {})
        choices = list(self.opd_keys) + [k for k in acc_map if k not in self.opd_keys]
        hits = process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None
        )
        accs: set[int] = set()
        opds: set[int] = set()
        best, via = 0.0, ""
        for choice, score, _ in hits:
            if not same_shape(key, choice):
                continue
            accs |= acc_map.get(choice, set())
            opds |= self.opd_keys.get(choice, set())
            if score > best:
                best, via = (
                    float(score),
                    f"nama di Daftar Akun '{self.key_text.get(choice, choice)}'",
                )
        return best, via, accs, opds
