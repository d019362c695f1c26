"""One comparable key for a page, channel or OPD name, however an office or a platform writes it.

"Dishub Sukamaju", "DISHUB Kab. Sukamaju 🚦", "Dinas Perhubungan Kabupaten Sukamaju (Official)"
and the master list's "Dinas Perhubungan" / "Dishub" all become "dinas perhubungan": NFKC
(Unicode bold letters), lower case, punctuation and emoji dropped, words that name no office
("official", "resmi", "akun"...) dropped, the kind words written one way ("Kec." = "Kecamatan",
"Pemdes" = "Desa", "Pemkab" = "Kabupaten"), well-known abbreviations written out, and the
region ("Kab. Sukamaju", a trailing "Sukamaju") left out, except where the region word is the
name of a kecamatan, kelurahan or desa ("Desa Sukamaju", "Kec. Sukamaju" keep it).

Keys are compared exactly (etl.page_names) or, for typos, with RapidFuzz under the guard of
same_shape: the same words in the same places, differing by a slip of a letter in a long word
only, so "Dinas Pertanahan" never reads as "Dinas Pertanian" nor "Bapenda" as "Bappeda".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz

from etl.opd_names import normalize_opd_name

# Words that say a place's kind, written one way. "kota" is not here: "Kecamatan Sukamaju Kota"
# is a name; it marks a region only right before the region's name ("Kota Sukamaju").
KIND = {
    "kecamatan": "kec", "kec": "kec", "kelurahan": "kel", "kel": "kel", "desa": "desa",
    "ds": "desa", "pemdes": "desa", "kabupaten": "kab", "kab": "kab", "pemkab": "kab",
    "pemkot": "kota",
}  # fmt: skip
# Kinds whose name follows them: the region word after these is a place name, never dropped.
LOCALITY = {"kec", "kel", "desa"}
# Words that name no office: a page's decoration.
NOISE = {"official", "resmi", "akun", "fanpage", "page", "halaman", "channel", "kanal", "ofc"}
# "Pemerintah Desa X" = "Desa X", "Pemerintah Kabupaten X" = "Kabupaten X".
_GOV = "pemerintah"
# Abbreviations offices write for themselves, written out (both sides of a comparison get the
# same, so a master list holding either form matches a page holding the other). Only those
# that name one kind of office everywhere.
ABBREV = {
    "dinkes": "dinas kesehatan",
    "dishub": "dinas perhubungan",
    "disdik": "dinas pendidikan",
    "dispendik": "dinas pendidikan",
    "disdikbud": "dinas pendidikan dan kebudayaan",
    "dinsos": "dinas sosial",
    "disnaker": "dinas tenaga kerja",
    "disnakertrans": "dinas tenaga kerja dan transmigrasi",
    "diskominfo": "dinas komunikasi dan informatika",
    "kominfo": "dinas komunikasi dan informatika",
    "disdukcapil": "dinas kependudukan dan pencatatan sipil",
    "dukcapil": "dinas kependudukan dan pencatatan sipil",
    "dlh": "dinas lingkungan hidup",
    "distan": "dinas pertanian",
    "dispertan": "dinas pertanian",
    "disperindag": "dinas perindustrian dan perdagangan",
    "disdag": "dinas perdagangan",
    "diskop": "dinas koperasi",
    "diskopukm": "dinas koperasi usaha kecil dan menengah",
    "dispora": "dinas pemuda dan olahraga",
    "disporapar": "dinas pemuda olahraga dan pariwisata",
    "dispar": "dinas pariwisata",
    "disparbud": "dinas pariwisata dan kebudayaan",
    "disbudpar": "dinas kebudayaan dan pariwisata",
    "disperkim": "dinas perumahan dan kawasan permukiman",
    "dpmptsp": "dinas penanaman modal dan pelayanan terpadu satu pintu",
    "dpmd": "dinas pemberdayaan masyarakat dan desa",
    "dpupr": "dinas pekerjaan umum dan penataan ruang",
    "pupr": "dinas pekerjaan umum dan penataan ruang",
    "bappeda": "badan perencanaan pembangunan daerah",
    "bapenda": "badan pendapatan daerah",
    "bpbd": "badan penanggulangan bencana daerah",
    "bkpsdm": "badan kepegawaian dan pengembangan sumber daya manusia",
    "bpkad": "badan pengelolaan keuangan dan aset daerah",
    "kesbangpol": "badan kesatuan bangsa dan politik",
    "bakesbangpol": "badan kesatuan bangsa dan politik",
    "satpolpp": "satuan polisi pamong praja",
    "satpol": "satuan polisi pamong praja",
    "rsud": "rumah sakit umum daerah",
    "setda": "sekretariat daerah",
    "setwan": "sekretariat dprd",
}
# Written after "satpol" as part of the same abbreviation ("Satpol PP"), dropped with it.
ABBREV_TAIL = {"satpol": "pp"}
# Words an office's kind is written with: "Dinas PUPR" -> "dinas dinas pekerjaan ..." is said
# once ("Dinas Dukcapil" = "Disdukcapil").
OFFICE = {"dinas", "badan"}
# Words joining the fields of a merged office ("Dinas Pendidikan dan Kebudayaan"): a leading
# part ending before one of these (or a comma) is the name of one of its fields.
JOINERS = {"dan", "serta"}
# The words that place a bagian in the Setda, left out of a bagian's key (see name_key).
SETDA_PART = ("bagian", "bag", "sekretariat daerah")
# A token slip RapidFuzz may forgive: words this long or longer, scoring this much (0-100).
MIN_SLIP_WORD = 6
WORD_SCORE = 90.0


def words(text: object) -> list[str]:
    """normalize_opd_name's words (NFKC, lower case, punctuation and emoji to spaces)."""
    return normalize_opd_name(text).split()


def regions_in(names: Iterable[object]) -> set[str]:
    """The region words a master list names its kabupaten or kota by: the word after
    'Kabupaten'/'Kab.'/'Pemkab'/'Kota ' in its names ("Dinas Kesehatan Kabupaten Sukamaju")."""
    out: set[str] = set()
    for name in names:
        w = words(name)
        for i, t in enumerate(w[:-1]):
            if KIND.get(t) == "kab" or t in ("pemkot",):
                out.add(w[i + 1])
    return out


def name_key(text: object, regions: set[str]) -> str:
    """The comparable key of a name (module docstring); "" when nothing but decoration or the
    region itself is left ("Pemkab Sukamaju", "Official")."""
    w = [t for t in words(text) if t not in NOISE]
    out: list[str] = []
    i = 0
    while i < len(w):
        t = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else None
        if t == _GOV and nxt is not None and nxt in KIND:
            i += 1  # "pemerintah desa" = "desa"
            continue
        kind = KIND.get(t)
        city = t == "kota" and nxt in regions and not (out and out[-1] in regions)
        if kind in ("kab", "kota") or city:
            # "Kab. Sukamaju", "Kota Sukamaju": the region, not the office ("Kecamatan
            # Sukamaju Kota" keeps its "Kota").
            i += 2 if nxt in regions else 1
            continue
        said = (kind or ABBREV.get(t, t)).split()
        if out and said[0] in OFFICE and out[-1] == said[0]:
            said = said[1:]  # "dinas" + "pupr" -> "dinas pekerjaan umum ..."
        out.extend(said)
        i += 2 if t in ABBREV_TAIL and nxt == ABBREV_TAIL[t] else 1
    # A trailing "Sukamaju" after an office's name, not a place's ("Desa Sukamaju"; but
    # "Dinas Pemberdayaan Masyarakat dan Desa Sukamaju" is an office: its kind word is inside).
    while len(out) > 1 and out[-1] in regions and not (len(out) == 2 and out[0] in LOCALITY):
        out.pop()
    # "Bagian Prokopim" = "Prokopim Setda Sukamaju": a bagian is one of the Setda's.
    joined = f" {' '.join(out)} "
    for word in SETDA_PART:
        joined = joined.replace(f" {word} ", " ")
    if joined.strip() and joined.strip() != " ".join(out):
        out = joined.split()
    if all(t in regions or t in ("kab", "kota") for t in out) or all(
        t in KIND.values() for t in out
    ):
        return ""  # the kabupaten itself, or a bare kind word: no office named
    return " ".join(out)


def compact(text: object) -> str:
    """Letters and digits only: "Dishub Sukamaju" = the handle "dishubsukamaju"."""
    return re.sub(r"[\W_]+", "", normalize_opd_name(text))


def same_shape(a: str, b: str) -> bool:
    """Keys that may be one name with a typo: the same number of words, every word equal or,
    when both are at least MIN_SLIP_WORD long, scoring WORD_SCORE or more (RapidFuzz ratio).
    Kind words, abbreviations and numbers must be equal."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return _pairwise(wa, wb) or _pairwise(sorted(wa), sorted(wb))  # reordered words too


def _pairwise(wa: list[str], wb: list[str]) -> bool:
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if min(len(x), len(y)) < MIN_SLIP_WORD or any(c.isdigit() for c in x + y):
            return False
        if fuzz.ratio(x, y) < WORD_SCORE:
            return False
    return True


def loose(key: str) -> str:
    """A key without its joining words ("dan", "serta"): "Dinas Pemuda, Olahraga dan
    Pariwisata" and "Dinas Pemuda dan Olahraga" lead the same way."""
    return " ".join(w for w in key.split() if w not in JOINERS)


def leading_keys(text: object, regions: set[str]) -> set[str]:
    """loose() keys of the leading parts of a merged office's name, each the name of its first
    fields: "Dinas Pendidikan dan Kebudayaan" -> {"dinas pendidikan"}; "Dinas Koperasi, Usaha
    Kecil dan Menengah dan Perdagangan" -> {"dinas koperasi", "dinas koperasi usaha kecil",
    "dinas koperasi usaha kecil menengah"}. A part ends before "dan"/"serta" or a comma and has
    two words or more; a desa, kelurahan or kecamatan has none ("Desa Cibening" is not the
    start of "Desa Cibening Girang": another place)."""
    if text is None:
        return set()
    pieces = unicodedata.normalize("NFKC", str(text)).split(",")
    cuts = [",".join(pieces[:i]) for i in range(1, len(pieces))]
    whole = name_key(",".join(pieces), regions).split()
    cuts += [" ".join(whole[:j]) for j, w in enumerate(whole) if w in JOINERS]
    full = loose(" ".join(whole))
    out: set[str] = set()
    for cut in cuts:
        key = loose(name_key(cut, regions))
        words_ = key.split()
        if len(words_) >= 2 and words_[0] not in LOCALITY and key != full:
            out.add(key)
    return out
