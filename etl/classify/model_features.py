"""Features of the learned content model (format 2): tokens, their pieces, and the sparse
matrices a caption's vector is read from.

Tokens of a normalized caption (etl.classify.textnorm): words ``[a-z0-9]+``, symbols (emoji,
``%``); the first OPENING tokens count again as opening tokens (feature ``o bupati``). A token's
vector holds the token itself and, for words, every 4-letter piece of `` word ``, each weighted
by idf and L2-normalized; a caption's vector is the sum of its tokens' vectors divided by
(number of tokens plus opening tokens) ** POWER. Shapes and units: see each function.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from warehouse.vocabulary import DAYS_ID, MONTHS_ID

TOKEN = r"[a-z0-9]+|\p{So}|%"
PIECES = (4,)
MAX_WORD = 16  # longer 'words' (links, hashtags run together) give pieces from their start only
OPENING = 5
POWER = 0.5  # caption vector = sum of token vectors / n_tokens ** POWER
TOKEN_IDF = 1.0  # a token's vector scaled by (its word's idf / the highest idf) ** TOKEN_IDF


# Lines a post of any label may end with: hashtags and mentions only, a photo or upload credit,
# a pinned place or date, a date line ('Senin, 7 Juni 2026', 'Kamis (21/8) di ...'), a place line
# ('Kantor Desa ..., Kecamatan ...'). Their words ('di', 'oleh', 'gedung', place names) say
# nothing of the label; left in, a location line makes any post look like an activity report.
# Only trailing lines go (the first line always stays); a day range ('Senin-Jumat', service
# hours) is not a date line. ASCII classes only: the Rust engine stays in its fast DFA.
_LEAD = r"[^\n0-9a-z#@]{0,3}"
_DAY = "(?:" + "|".join(d.lower() for d in DAYS_ID) + ")"
_MONTH = "(?:" + "|".join(m[:3].lower() for m in MONTHS_ID) + ")[a-z]*"
_META_LINE = "|".join(
    (
        r"[ \t]*[#@][^\n]*",  # hashtags and mentions
        _LEAD + r"(?:foto|dokumentasi|dok|sumber|diunggah oleh|admin|teks|editor|reporter"
        r"|kontributor|credit|video)[ .:]+[^\n]*",  # a credit
        # a pin or a calendar: U+1F4CD, U+1F4CC, U+1F5D3, U+1F4C5, U+1F4C6
        r"[^\n0-9a-z]{0,3}(?:\U0001F4CD|\U0001F4CC|\U0001F5D3|\U0001F4C5|\U0001F4C6)[^\n]*",
        _LEAD + _DAY + r"(?:,| \()[^\n]*",  # 'Senin, ...', 'Kamis (21/8) ...'
        _LEAD + r"[0-9]{1,2} " + _MONTH + r" [0-9]{4}[^\n]*",  # '12 Oktober 2026 ...'
        _LEAD + r"(?:kantor|balai|gedung|aula|pendopo|kecamatan|kabupaten|kelurahan|desa"
        r"|kota|kec\.|kab\.) [^\n]*",  # a place
    )
)
TRAILING_META = r"(?:\n+(?:" + _META_LINE + r"))+\s*$"


def drop_trailing_meta(text: pl.Series) -> pl.Series:
    """Normalized captions without their trailing label-neutral lines (TRAILING_META)."""
    return text.fill_null("").str.replace(TRAILING_META, "")


def tokens(text: pl.Series) -> tuple[pl.Series, np.ndarray, np.ndarray]:
    """Normalized captions -> (distinct tokens, ids: the token of every position, offsets:
    positions of caption i are ids[offsets[i]:offsets[i+1]]), trailing label-neutral lines
    left out (drop_trailing_meta)."""
    words = drop_trailing_meta(text).str.extract_all(TOKEN)
    lengths = words.list.len().fill_null(0).to_numpy()
    offsets = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    # A categorical with its own category list numbers the distinct tokens 0..k-1 in one pass.
    cat = words.explode().drop_nulls().cast(pl.Categorical(pl.Categories.random()))
    ids = cat.to_physical().to_numpy().astype(np.int64)
    return cat.dtype.categories.to_series(), ids, offsets  # type: ignore[attr-defined]


def _shape(tokens: pl.Series) -> pl.Series:
    """Long digit runs (phone numbers, NIK, ids) read as one shape: they say 'a number', not
    which (and would each be a feature of their own)."""
    return tokens.str.replace(r"^[0-9]{5,}$", "00000")


def token_features(tokens: pl.Series) -> pl.DataFrame:
    """Distinct token shapes (_shape) -> (tid UInt32: position in `tokens`, feature String): ``w <token>``
    and ``4<piece>`` for the letter pieces of a word (a piece repeated in a word counts
    once per occurrence)."""
    d = pl.DataFrame({"tok": tokens}).with_row_index("tid")
    out = [d.select("tid", ("w " + pl.col("tok")).alias("feature"))]
    words = d.filter(pl.col("tok").str.contains("^[a-z0-9]")).select(
        "tid", (" " + pl.col("tok").str.slice(0, MAX_WORD) + " ").alias("p")
    )
    plen = words["p"].str.len_chars()
    for n in PIECES:
        for k in range(MAX_WORD + 2 - n + 1):
            out.append(
                words.filter(plen >= k + n).select(
                    "tid", (pl.lit(str(n)) + pl.col("p").str.slice(k, n)).alias("feature")
                )
            )
    return pl.concat(out)


def _token_matrices(tokens: pl.Series, vocab: pl.DataFrame, idf: np.ndarray,
                    token_idf: float = 0.0) -> tuple[Any, Any]:  # fmt: skip
    """Distinct tokens -> sparse (tokens x features) matrices: L2-normalized idf vectors of
    the tokens, each scaled by (idf of ``w <token>`` / the highest idf) ** token_idf (1 for a
    word outside the vocabulary: a rare word), and of the same tokens at the opening (one
    ``o <token>`` feature each). vocab: feature String, fid Int64."""
    from scipy.sparse import csr_matrix

    n_feat = vocab.height
    # Features of each distinct shape once (many numbers share one shape).
    shape = _shape(tokens).cast(pl.Categorical(pl.Categories.random()))
    sid = shape.to_physical().to_numpy().astype(np.int64)
    shapes = shape.dtype.categories.to_series()  # type: ignore[attr-defined]
    f = token_features(shapes).join(vocab, on="feature", how="inner")
    rows, cols = f["tid"].to_numpy(), f["fid"].to_numpy()
    m = csr_matrix((idf[cols], (rows, cols)), shape=(len(shapes), n_feat))  # duplicates summed
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    if token_idf > 0 and len(idf):
        # A word in every other caption ('dan', 'di', '00' of a time) says little about the
        # label; unscaled, each occurrence weighs as much as 'imsakiyah', so a long formal
        # caption of any label leans to the label whose examples were longest.
        w = pl.DataFrame({"feature": "w " + shapes}).with_row_index("tid")
        w = w.join(vocab, on="feature", how="inner")
        scale = np.ones(len(shapes))
        scale[w["tid"].to_numpy()] = (idf[w["fid"].to_numpy()] / idf.max()) ** token_idf
        norms = norms / scale
    m = csr_matrix(m.multiply(1.0 / norms[:, None]))[sid]
    o = (
        pl.DataFrame({"feature": "o " + shapes})
        .with_row_index("tid")
        .join(vocab, on="feature", how="inner")
    )
    ones = np.ones(o.height)
    o_m = csr_matrix(
        (ones, (o["tid"].to_numpy(), o["fid"].to_numpy())), shape=(len(shapes), n_feat)
    )
    return m, o_m[sid]


def _caption_matrices(ids: np.ndarray, offsets: np.ndarray, k: int, opening: int,
                      power: float) -> tuple[Any, Any]:  # fmt: skip
    """(captions x distinct tokens) sparse matrices: every token, and the first `opening`
    tokens, each entry 1 / n ** power, n = the caption's tokens plus its opening tokens."""
    from scipy.sparse import csr_matrix

    n = len(offsets) - 1
    length = np.diff(offsets)
    head = np.minimum(length, opening)
    scale = 1.0 / np.maximum(length + head, 1) ** power
    a = csr_matrix((np.repeat(scale, length), ids, offsets), shape=(n, k))
    head_off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(head, out=head_off[1:])
    # positions offsets[i] .. offsets[i] + head[i] - 1 of every caption
    pos = np.repeat(offsets[:-1] - head_off[:-1], head) + np.arange(head_off[-1])
    b = csr_matrix((np.repeat(scale, head), ids[pos], head_off), shape=(n, k))
    return a, b


def caption_matrix(text: pl.Series, data: dict[str, Any]) -> Any:
    """The (captions x features) matrix the classifiers of `data` read (for training and
    tests; labelling reaches the same scores without building it)."""
    vocab = pl.DataFrame(
        {"feature": data["features"], "fid": np.arange(len(data["features"]), dtype=np.int64)}
    )
    uniq, ids, offsets = tokens(text)
    idf = np.asarray(data["idf"], dtype=np.float64)
    m, o = _token_matrices(uniq, vocab, idf, float(data.get("token_idf", 0.0)))
    a, h = _caption_matrices(ids, offsets, len(uniq), int(data["opening"]), float(data["power"]))
    return (a @ m + h @ o).tocsr()
