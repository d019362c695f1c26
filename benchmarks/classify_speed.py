"""Speed of content classification: 1,000,000 template captions and 1,000,000 real-style ones.

Measures (1) classify_frame on a polars frame of template captions, (2) the rules alone and
the rules + the learned model on the evaluation and independent captions repeated to N rows
(each numbered, so all distinct): varied, real-style text, in the same run, next to the earlier
design (one alternation of every label's patterns) on a sample, which
outgrows the regex DFA cache on such text, (3) classify_posts on a 1M-row in-memory warehouse
(fetch, classify, UPDATE back), and (4) a naive baseline in the same run: a Python loop per post
trying every rule pattern with `re`, on a 20,000-post sample, extrapolated.
Run: .venv/bin/python benchmarks/classify_speed.py [n_posts]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from etl.classify import (  # noqa: E402
    _compile,
    classify_frame,
    classify_posts,
    default_rules,
    normalize_series,
)
from warehouse.db import connect  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SAMPLE = 20_000

OPENERS = [
    "Selamat pagi sahabat! ",
    "𝐒𝐞𝐥𝐚𝐦𝐚𝐭 𝐇𝐚𝐫𝐢 𝐆𝐮𝐫𝐮 𝐍𝐚𝐬𝐢𝐨𝐧𝐚𝐥 ",
    "",
    "📢 ",
    "Assalamualaikum wr wb. ",
    "Halo Sobat! ",
]
BODIES = [
    "Hari ini Dinas Kesehatan melaksanakan rapat koordinasi percepatan penurunan stunting"
    " di aula Puskesmas Sukamaju bersama kader posyandu dan bidan desa.",
    "Bupati menghadiri upacara peringatan Hari Pahlawan di Taman Makam Pahlawan, dilanjutkan"
    " tabur bunga bersama Forkopimda.",
    "Jadwal pelayanan KTP-el keliling minggu ini: Senin Desa Kedungrejo, Rabu Desa Ploso."
    " Syarat: bawa fotokopi KK.",
    "Imbauan: waspada cuaca ekstrem, potensi hujan lebat disertai angin kencang tiga hari"
    " ke depan.",
    "Alhamdulillah, Pemkab kembali meraih opini WTP dari BPK RI untuk ke-9 kalinya berturut-turut.",
    "HOAKS! Beredar pesan berantai pembagian bantuan Rp 2 juta lewat link. Itu tidak benar.",
    "Keluarga besar Kecamatan mengucapkan Selamat Hari Raya Idul Fitri, mohon maaf lahir"
    " dan batin.",
    "Kuis berhadiah! Jawab di kolom komentar ya.",
    "Penertiban PKL di sepanjang Jalan Ahmad Yani oleh Satpol PP secara humanis.",
    "Realisasi pendapatan asli daerah sampai Oktober mencapai 91,3% dari target.",
]
TAILS = [
    " #PemkabHebat #MelayaniDenganHati 🙏🇮🇩",
    " #Dinkes #CegahStunting",
    " Info lengkap di link bio 👆",
    "",
    " #fyp #pemdes",
    " Desa Sumberagung, Kecamatan Wonosari.",
]


def make_captions(n: int) -> pl.DataFrame:
    i = pl.int_range(n, eager=True)
    df = pl.DataFrame({"i": i})
    return df.select(
        pl.format(
            "{}{} ({}){}",
            pl.col("i").mod(len(OPENERS)).replace_strict(dict(enumerate(OPENERS))),
            (pl.col("i") * 7 + pl.col("i") // 13)
            .mod(len(BODIES))
            .replace_strict(dict(enumerate(BODIES))),
            pl.col("i").mod(997),  # keeps captions distinct, like real posts
            (pl.col("i") // 3).mod(len(TAILS)).replace_strict(dict(enumerate(TAILS))),
        ).alias("caption")
    )


def naive_loop(captions: list[str]) -> list[str]:
    """What an office script would do: every caption, every pattern, in Python (baseline only;
    the product never runs Python's re on captions)."""
    import re

    rules = default_rules().data["labels"]
    compiled = [
        (label, re.compile(rf"\b(?:{e['pattern']})\b", re.ASCII), e["weight"])
        for label, entries in rules.items()
        for e in entries
    ]
    import unicodedata

    out = []
    for cap in captions:
        text = unicodedata.normalize("NFKC", cap).lower()
        scores: dict[str, float] = {}
        for label, rx, w in compiled:
            if rx.search(text):
                scores[label] = scores.get(label, 0) + w
        out.append(max(scores, key=scores.__getitem__) if scores else "lainnya")
    return out


def main() -> None:
    df = make_captions(N)
    print(f"{N:,} captions, mean length {df['caption'].str.len_chars().mean():.0f} characters")

    t = time.perf_counter()
    out = classify_frame(df, use_model=False)
    t_frame = time.perf_counter() - t
    print(f"template captions, rules     : {t_frame:6.2f} s  {N / t_frame:>12,.0f} posts/s")
    print(out.group_by("content_type").len().sort("len", descending=True))

    root = Path(__file__).resolve().parents[1]
    real = pl.concat(
        [
            pl.read_csv(root / "tests/classify/eval_set.csv").select("caption"),
            pl.read_csv(root / "tests/classify/independent_test.csv").select("caption"),
        ]
    )
    # Each copy gets its own number, so no two captions are the same text (as real posts).
    real = (
        pl.concat([real] * (N // real.height + 1))
        .head(N)
        .with_columns(pl.col("caption") + " #" + pl.int_range(pl.len()).cast(pl.String))
    )
    from etl.classify.training import shipped_model

    shipped_model()  # fitted once per process (seconds): not part of labelling
    t = time.perf_counter()
    classify_frame(real, use_model=False)
    t_rules = time.perf_counter() - t
    print(f"rules alone, real-style       : {t_rules:6.2f} s  {N / t_rules:>12,.0f} posts/s")
    t = time.perf_counter()
    both = classify_frame(real)
    t_real = time.perf_counter() - t
    share = both.filter(pl.col("content_source") == "model").height / N
    print(
        f"rules + model, real-style     : {t_real:6.2f} s  {N / t_real:>12,.0f} posts/s"
        f"  ({t_real / t_rules:.2f}x the rules alone; target <= 2x; model decided {share:.0%})"
    )
    one = "|".join(p.regex for p in _compile(default_rules().key).content.passes.values())
    text = normalize_series(real.head(SAMPLE)["caption"])
    t = time.perf_counter()
    text.str.extract_all(one)
    t_one = time.perf_counter() - t
    print(
        f"one alternation, real-style   : {t_one:6.2f} s for {SAMPLE:,} (regex scan only)"
        f"  -> 1M would take {1_000_000 * t_one / SAMPLE:,.0f} s"
    )
    ratio = (N / t_real) / (SAMPLE / t_one)
    print(f"ratio per-label passes / one alternation: {ratio:.1f}x faster")

    con = connect(":memory:")
    con.execute("INSERT INTO opd (name, kind) VALUES ('Dinas Uji', 'dinas')").fetchall()
    new_posts = df.with_columns(
        pl.format("k{}", pl.int_range(pl.len())).alias("post_key"),
        pl.lit(1).alias("opd_id"),
        pl.lit("instagram").alias("platform"),
        pl.lit(dt.datetime(2026, 5, 1)).alias("published_at"),
        pl.col("caption").str.normalize("NFKC").str.to_lowercase().alias("caption_norm"),
        pl.lit(1).alias("load_id"),
        pl.lit(1).alias("first_load_id"),
        pl.lit(dt.datetime(2026, 6, 1)).alias("observed_at"),
    )
    # Registered under its own name: a bare `posts` would resolve to the table, not the frame.
    con.register("new_posts", new_posts)
    con.execute("INSERT INTO posts BY NAME SELECT * FROM new_posts").fetchall()
    t = time.perf_counter()
    n = classify_posts(con)
    t_posts = time.perf_counter() - t
    print(
        f"classify_posts (warehouse)    : {t_posts:6.2f} s  {n / t_posts:>12,.0f} posts/s  ({n:,} rows)"
    )

    sample = df["caption"].head(SAMPLE).to_list()
    t = time.perf_counter()
    naive_loop(sample)
    t_naive = time.perf_counter() - t
    naive_rate = SAMPLE / t_naive
    print(
        f"naive Python loop (20k sample): {t_naive:6.2f} s  {naive_rate:>12,.0f} posts/s"
        f"  -> 1M would take {1_000_000 / naive_rate:,.0f} s"
    )
    print(f"ratio classify_frame / naive : {N / t_frame / naive_rate:.1f}x faster")
    print(f"ratio classify_posts / naive : {n / t_posts / naive_rate:.1f}x faster")


if __name__ == "__main__":
    main()
