"""The learned model: polars labelling equals scikit-learn's own arithmetic, the stated
combination with the rules, retraining as versioned candidates that never lose a correction."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from etl.classify import classify_frame, default_rules, set_override
from etl.classify.combine import combine, fill_skipped, needs_model
from etl.classify.engine import classify_normalized
from etl.classify.model_features import _shape, caption_matrix, token_features
from etl.classify.model_fit import fit
from etl.classify.model_store import accept_model, active_model, reject_model, retrain
from etl.classify.textnorm import normalize_series
from etl.classify.training import shipped_examples, split
from tests.factory import ig_post, load_rows, one

CAPTIONS = [
    "Sugeng riyadi, sedaya lepat nyuwun pangapunten",
    "Jadwal pelayanan KTP-el keliling hari Senin 08.00-12.00",
    "Bupati menghadiri rapat paripurna DPRD",
    "HOAKS! pesan berantai bantuan itu tidak benar",
    "Kuis berhadiah, jawab di kolom komentar",
    "Realisasi pajak daerah mencapai 91% dari target",
    "Imbauan waspada cuaca ekstrem tiga hari ke depan",
]
LABELS = ["ucapan", "layanan", "kegiatan", "klarifikasi", "lainnya", "capaian", "informasi"]


@pytest.fixture(scope="module")
def small_model():
    text = normalize_series(pl.Series(CAPTIONS * 3))
    return fit(text, LABELS * 3, [False, False, True, False, False, False, False] * 3, [1.0] * 21,
               min_df=1)  # fmt: skip


def test_token_features_are_the_word_and_its_letter_pieces() -> None:
    f = set(token_features(pl.Series(["rapat"]))["feature"])
    assert {"w rapat", "4 rap", "4rapa", "4apat", "4pat "} <= f
    # a spelling variant shares letter pieces with the known word
    a = set(token_features(pl.Series(["assalamualaikum"]))["feature"])
    b = set(token_features(pl.Series(["asalamualaikum"]))["feature"])
    assert len(a & b) >= 10
    # long digit runs read as one shape (phone numbers, NIK)
    assert "w 00000" in set(token_features(_shape(pl.Series(["081234567"])))["feature"])


def _reference_vector(caption: str, data: dict) -> dict[str, float]:
    """The caption vector computed the plain way, one token at a time (the model's definition:
    sum of L2-normalized idf token vectors, each times (its word's idf / the highest idf) **
    token_idf, opening tokens again, / sqrt(number of tokens))."""
    import re

    idf = dict(zip(data["features"], data["idf"], strict=True))
    toks = re.findall(r"[a-z0-9]+|%", caption)  # no symbols in these captions
    opening = toks[: data["opening"]]
    vec: dict[str, float] = {}

    top = max(idf.values())

    def add(feats: list[str], scale: float) -> None:
        vals: dict[str, float] = {}
        for f in feats:
            if f in idf:
                vals[f] = vals.get(f, 0.0) + idf[f]
        norm = sum(v * v for v in vals.values()) ** 0.5 or 1.0
        if feats[0].startswith("w ") and feats[0] in idf:
            norm /= (idf[feats[0]] / top) ** data["token_idf"]
        for f, v in vals.items():
            vec[f] = vec.get(f, 0.0) + scale * v / norm

    scale = 1.0 / (len(toks) + len(opening)) ** data["power"]
    for t in toks:
        shape = "00000" if re.fullmatch(r"[0-9]{5,}", t) else t
        p = " " + shape[:16] + " "
        pieces = [f"{n}{p[k : k + n]}" for n in (4,) for k in range(len(p) - n + 1)]
        add([f"w {shape}", *pieces], scale)
    for t in opening:
        add([f"o {t}"], scale)
    return vec


def test_the_caption_matrix_is_the_stated_definition(small_model) -> None:
    captions = ["rapat koordinasi pelayanan ktp el keliling senin 08 00 12 00 rapat",
                "sugeng riyadi", "hari ke depan rapat hari"]  # fmt: skip
    assert small_model.data["token_idf"] > 0
    # 'hari' is in two of the training captions, 'rapat' in one: it weighs less.
    idf = dict(zip(small_model.data["features"], small_model.data["idf"], strict=True))
    assert idf["w hari"] < idf["w rapat"]
    x = caption_matrix(pl.Series(captions), small_model.data)
    features = small_model.data["features"]
    for i, cap in enumerate(captions):
        ref = _reference_vector(cap, small_model.data)
        got = {features[j]: v for j, v in zip(x[i].indices, x[i].data, strict=True) if v}
        assert set(got) == set(ref)
        assert all(abs(got[f] - ref[f]) < 1e-9 for f in ref)


def test_labelling_equals_the_fitted_classifier_on_the_caption_matrix(small_model) -> None:
    from sklearn.linear_model import LogisticRegression

    model = small_model
    texts = normalize_series(pl.Series(CAPTIONS + ["rapat koordinasi pelayanan", "zzz", ""]))
    got = model.predict(texts)
    x = caption_matrix(texts, model.data)
    clf = LogisticRegression()
    clf.classes_ = np.asarray(model.classes)
    clf.coef_ = np.asarray(model.data["coef"])
    clf.intercept_ = np.asarray(model.data["intercept"])
    proba = clf.predict_proba(x)
    assert got["model_type"].to_list() == [model.classes[i] for i in proba.argmax(axis=1)]
    assert np.allclose(got["model_prob"].to_numpy(), proba.max(axis=1), atol=1e-9)
    assert got["model_type"].to_list()[:7] == LABELS
    fig_z = x @ np.asarray(model.data["fig_coef"]) + model.data["fig_intercept"]
    assert np.allclose(got["fig_prob"].to_numpy(), 1 / (1 + np.exp(-fig_z)), atol=1e-9)


def test_the_model_explains_with_its_strongest_words(small_model) -> None:
    text = normalize_series(pl.Series(["rapat dinas", "sugeng riyadi warga desa"]))
    scored = small_model.score(text)
    words = scored.explain(np.asarray([1]), pl.Series(["ucapan"]))
    assert words.len() == 1
    assert "sugeng" in words[0] or "riyadi" in words[0]
    assert words[0].count("'") <= 6  # three words at most


def test_a_stored_model_of_the_first_format_still_labels() -> None:
    from etl.classify.model import Model
    from etl.classify.model_v1 import fit as fit_v1

    text = normalize_series(pl.Series(CAPTIONS * 3))
    figs = [False, False, True, False, False, False, False] * 3
    old = fit_v1(text, LABELS * 3, figs, [1.0] * 21, min_df=1)
    got = Model(old.data).predict(text)
    assert got["model_type"].to_list() == old.predict(text)["model_type"].to_list()
    out = classify_frame(pl.DataFrame({"caption": ["Sedoyo lepat nyuwun ngapunten"]}),
                         model=Model(old.data))  # fmt: skip
    assert out["content_type"].to_list() == ["ucapan"]


def test_sure_rules_stand_and_the_model_decides_where_they_are_not(small_model) -> None:
    text = normalize_series(pl.Series([
        "Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin",  # rules sure: ucapan
        "Sedoyo lepat nyuwun ngapunten",  # rules find nothing
    ]))  # fmt: skip
    rules_out = classify_normalized(text, default_rules())
    thr = {"margin": 3.0, "prob": 0.3, "fig_on": 0.99, "fig_off": 0.0}
    ran = needs_model(rules_out, thr)
    assert ran.to_list() == [False, True]
    out = combine(
        rules_out, fill_skipped(rules_out, small_model.predict(text.filter(ran)), ran), thr
    )
    assert out["content_source"].to_list() == ["rule", "model"]
    assert out["content_type"].to_list() == ["ucapan", "ucapan"]
    assert out["content_reason"][1].startswith("model (")


def test_a_fitted_model_carries_the_cross_validated_combination() -> None:
    """fit_model stores the thresholds chosen by cross-validation (combine.CV_THRESHOLDS), and
    labelling follows them: the model decides from probability 0.35 where the rules lead by
    less than 20 points (0.6 where they lead by 5 or more in a caption that does not mix a
    greeting with a kinerja phrase); its figure flag counts from 0.35 even where the rules see none, and
    below 0.2 it vetoes the rules' flag."""
    from etl.classify.combine import CV_THRESHOLDS
    from etl.classify.training import shipped_model

    model = shipped_model()  # fitted by fit_model (kept on disk between runs)
    assert model.thresholds == CV_THRESHOLDS
    text = normalize_series(pl.Series([
        "Wilujeng enjing sadayana",
        "Gelombang tinggi 4 meter di laut, kapal ditunda",  # no rule matches: the model decides
        "Tes satu dua",
        "Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin",
        "Camat Sukamaju mengajak warga ikut kerja bakti Sabtu pagi",
    ]))  # fmt: skip
    rules_out = classify_normalized(text, default_rules())
    model_out = model.predict(text)
    out = combine(rules_out, model_out, model.thresholds)
    lead = (rules_out["rule_margin"] >= 5) & ~rules_out["rule_mixed"]
    need = pl.Series([0.6 if x else 0.35 for x in lead])
    take = (rules_out["rule_margin"] < 20) & (model_out["model_prob"] >= need)
    take = take & (model_out["model_type"] != rules_out["content_type"])
    assert take.any() and (out["content_source"] == "model").to_list() == take.to_list()
    fp = model_out["fig_prob"]
    fig = (rules_out["is_figure_centric"] & (fp >= 0.2)) | (fp >= 0.35)
    assert out["is_figure_centric"].to_list() == fig.to_list()


def test_the_rules_alone_remain_available() -> None:
    out = classify_frame(pl.DataFrame({"caption": ["Sugeng riyadi sedaya lepat"]}), use_model=False)
    assert out["content_source"].to_list() == ["rule"]


def test_shipped_data_covers_every_label_and_the_holdout_is_stable() -> None:
    ex = shipped_examples()
    train, held = split(ex)
    assert set(held["caption"]).isdisjoint(set(train["caption"]))
    assert 0.1 < held.height / ex.height < 0.3
    assert split(ex)[1]["caption"].to_list() == held["caption"].to_list()
    assert set(train["label"]) == set(LABELS)


def test_the_training_split_flags_the_figure_on_every_label() -> None:
    """The figure flag applies to any label: the model learns it for each one only if the
    training captions show officials at the centre of every label, and captions that are not
    about the official on every label too."""
    train = split(shipped_examples())[0]
    counts = train.group_by("label", "figure").len()
    for lab in LABELS:
        for fig in (True, False):
            n = counts.filter((pl.col("label") == lab) & (pl.col("figure") == fig))["len"].sum()
            assert n >= 8, (lab, fig, n)


def test_retrain_is_a_candidate_until_accepted_and_keeps_corrections(con) -> None:
    load_rows(con, [
        ig_post(1, "Sugeng riyadi sedaya lepat nyuwun pangapunten"),
        ig_post(2, "Rapat koordinasi stunting di aula"),
    ], "a.csv")  # fmt: skip
    _, v1 = active_model(con)
    assert v1 == 1 and one(con, "SELECT count(*) FROM posts WHERE model_version = 1") == (2,)
    key = one(con, "SELECT post_key FROM posts WHERE caption LIKE 'Rapat%'")[0]
    set_override(con, key, "informasi", note="uji", by="analis")
    rep = retrain(con, by="analis")
    assert rep["version"] == 2 and rep["n_koreksi"] == 1
    assert set(rep["sesudah"]) == {"akurasi", "f1_ucapan", "f1_makro", "f1_figur"}
    assert one(con, "SELECT status FROM model_set WHERE version = 2") == ("kandidat",)
    assert one(con, "SELECT max(model_version) FROM posts") == (1,)  # nothing re-labelled yet
    assert accept_model(con, 2, by="analis") == 2
    assert one(con, "SELECT list(status ORDER BY version) FROM model_set") == (["arsip", "aktif"],)
    assert one(con, "SELECT min(model_version) FROM posts") == (2,)
    assert one(
        con, "SELECT content_type, content_source FROM v_posts WHERE post_key = ?", [key]
    ) == (
        "informasi",
        "manual",
    )
    with pytest.raises(ValueError, match="bukan kandidat"):
        accept_model(con, 2, by="analis")
    rep3 = retrain(con, by="analis")
    reject_model(con, rep3["version"])
    assert one(con, "SELECT status FROM model_set WHERE version = 3") == ("ditolak",)
    assert active_model(con)[1] == 2


def test_captions_written_with_the_rules_are_told_apart() -> None:
    from etl.classify.training import (
        FRESH_FROM,
        LABELLED_DIR,
        read_labelled,
        written_with_rules,
    )

    files = sorted(LABELLED_DIR.glob("*.txt"))
    fresh = [p for p in files if not written_with_rules(p)]
    assert fresh and all(int(p.name.split("_")[0]) >= FRESH_FROM for p in fresh)
    assert written_with_rules(LABELLED_DIR / "eval_holdout.txt")
    seen = {str(r["caption"]) for p in files if written_with_rules(p) for r in read_labelled(p)}
    fresh_captions = {str(r["caption"]) for p in fresh for r in read_labelled(p)}
    assert len(fresh_captions) >= 300 and not fresh_captions & seen
    assert len(seen) >= 1500


def test_greetings_put_before_kinerja_captions_take_that_caption_label() -> None:
    from etl.classify.training import EXAMPLE_SCHEMA, wrapped_greetings

    long_greeting = "Selamat Hari Jadi " + "yang penuh berkah dan bahagia " * 4  # > 90, no stop
    greetings = ["Selamat Hari Raya Idul Fitri 1447 H. Mohon maaf lahir batin 🙏", long_greeting]
    bodies = [(f"Rapat koordinasi stunting ke-{i} di aula", "kegiatan") for i in range(20)]
    bodies += [(f"Jadwal pelayanan KTP-el keliling pekan {i}", "layanan") for i in range(20)]
    gold = pl.DataFrame(
        {
            "caption": greetings + [b for b, _ in bodies],
            "label": ["ucapan", "ucapan"] + [lab for _, lab in bodies],
            "figure": [False] * (2 + len(bodies)),
            "weight": [1.0] * (2 + len(bodies)),
            "source": ["contoh"] * (2 + len(bodies)),
        },
        schema=EXAMPLE_SCHEMA,
    )
    made = wrapped_greetings(gold)
    label_of = dict(bodies)
    assert 0 < made.height < len(bodies)  # one kinerja caption in WRAP_EVERY
    for r in made.iter_rows(named=True):
        assert r["body"] in label_of and r["label"] == label_of[r["body"]]
        # Only the greeting's opening sentence, and only from a greeting that has one.
        assert r["caption"] == "Selamat Hari Raya Idul Fitri 1447 H. " + r["body"]
        assert r["figure"] is None and r["source"] == "sapaan"
    assert wrapped_greetings(gold.filter(pl.col("label") != "ucapan")).height == 0


def test_sessions_labelling_at_once_with_two_models_each_get_their_own_weights(small_model) -> None:
    """App sessions label on threads of their own. The weights cache was once cleared and then
    filled in two steps, so a thread could read it half-filled (KeyError in CI under concurrent
    uploads) or, worse, score with the other model's weights. Two models alternate here on
    4 threads with the interpreter switching threads as often as it can."""
    import sys
    import threading

    from etl.classify.model import Model

    texts = normalize_series(pl.Series(CAPTIONS))
    other = Model({**small_model.data, "intercept": [x + 5.0 * i for i, x in
                                                     enumerate(small_model.data["intercept"])]})  # fmt: skip
    want = {id(m): m.predict(texts)["model_prob"].to_list() for m in (small_model, other)}
    assert want[id(small_model)] != want[id(other)]  # the two really score differently
    errors: list[BaseException] = []
    wrong: list[int] = []

    def work(k: int) -> None:
        try:
            for i in range(60):
                m = (small_model, other)[(i + k) % 2]
                # a fresh Model over the same data: the cache keys on the data, not the wrapper
                got = Model(m.data).score(texts).frame()["model_prob"].to_list()
                if got != want[id(m)]:
                    wrong.append(i)
        except BaseException as exc:  # noqa: BLE001 - any failure on a thread is the finding
            errors.append(exc)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert not errors, errors[:3]
    assert not wrong, f"{len(wrong)} batches scored with the other model's weights"
