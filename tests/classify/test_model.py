"""The learned model: polars labelling equals scikit-learn's own arithmetic, the stated
combination with the rules, retraining as versioned candidates that never lose a correction."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from etl.classify import classify_frame, default_rules, set_override
from etl.classify.combine import combine, fill_skipped, needs_model
from etl.classify.engine import classify_normalized
from etl.classify.model import _matrix, features, fit
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


def test_features_are_words_pairs_and_letter_pieces() -> None:
    f = features(pl.Series(["rapat dinas"]))["feature"].to_list()
    assert {"w rapat", "w dinas", "b rapat dinas", "c  rap", "c pat ", "c nas "} <= set(f)
    # a spelling variant shares letter pieces with the known word
    a = set(features(pl.Series(["assalamualaikum"]))["feature"])
    b = set(features(pl.Series(["asalamualaikum"]))["feature"])
    assert len(a & b) >= 8


def test_polars_labelling_equals_the_fitted_classifier(small_model) -> None:
    from sklearn.linear_model import LogisticRegression

    model = small_model
    texts = normalize_series(pl.Series(CAPTIONS + ["rapat koordinasi pelayanan", "zzz"]))
    got = model.predict(texts)
    vocab = {f: i for i, f in enumerate(model.data["features"])}
    x = _matrix(texts, vocab, np.asarray(model.data["idf"]))
    clf = LogisticRegression()
    clf.classes_ = np.asarray(model.classes)
    clf.coef_ = np.asarray(model.data["coef"])
    clf.intercept_ = np.asarray(model.data["intercept"])
    proba = clf.predict_proba(x)
    assert got["model_type"].to_list() == [model.classes[i] for i in proba.argmax(axis=1)]
    assert np.allclose(got["model_prob"].to_numpy(), proba.max(axis=1), atol=1e-9)
    assert got["model_type"].to_list()[:7] == LABELS


def test_the_model_explains_with_its_strongest_words(small_model) -> None:
    out = small_model.predict(normalize_series(pl.Series(["sugeng riyadi warga desa"])))
    assert "sugeng" in out["model_words"][0] or "riyadi" in out["model_words"][0]


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
