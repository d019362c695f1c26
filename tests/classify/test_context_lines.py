"""A day, a date, a place or a credit line says nothing of a post's label: the rules count such
phrases only beside an activity phrase, and the model does not read trailing lines of that kind."""

from __future__ import annotations

import json

import polars as pl
import pytest

from etl.classify import Rules, classify_frame, default_rules, validate_rules
from etl.classify.model_features import drop_trailing_meta, tokens
from etl.classify.textnorm import normalize_series
from etl.classify.training import neutral_tail_lines

LINES = [
    "\n\n📍 Alun-alun Kota, Senin (2/3/2026)",
    "\n#PemkabKendal #KendalBeribadat",
    "\n\nFoto: Humas Kecamatan Kepanjen",
    "\n\nKamis, 5 Maret 2026",
    "\n\n12 Oktober 2026, Balai Desa Sukamaju",
    "\n\nGedung Serbaguna Desa Tanjungsari, Kecamatan Gabus",
    "\n\nKantor Kelurahan Panggung Kidul",
]


def _rules(caption: str, rules: Rules | None = None) -> tuple[str, str]:
    out = classify_frame(pl.DataFrame({"caption": [caption]}), rules, use_model=False)
    return out["content_type"][0], out["content_reason"][0]


@pytest.mark.parametrize("caption", [
    "Mentari pagi di Kampung Naga\n\nSelasa (9/12) di aula kantor",
    "Cuma mau pamer langit biru hari ini",
    "Alam Papua memang luar biasa #papuaindah\nRabu di pendopo",
])  # fmt: skip
def test_a_day_or_a_place_alone_does_not_make_an_activity_report(caption: str) -> None:
    label, reason = _rules(caption)
    assert label != "kegiatan", reason


def test_beside_an_activity_the_day_and_place_still_count_and_are_shown() -> None:
    label, reason = _rules("Rapat koordinasi Selasa (9/12) di aula kantor")
    assert label == "kegiatan"
    assert "'aula'" in reason and "'rapat koordinasi'" in reason


def test_without_the_setting_a_place_alone_still_scores() -> None:
    # The setting is what makes the difference: the same rules without it read a place as kegiatan.
    data = json.loads(default_rules().to_json())
    del data["decision"]["context_only"]
    assert _rules("Suasana pagi ini\nSelasa di aula", Rules(data))[0] == "kegiatan"
    assert _rules("Langit pagi ini\nSelasa di aula", Rules(data))[0] == "kegiatan"
    assert _rules("Langit pagi ini\nSelasa di aula")[0] != "kegiatan"


@pytest.mark.parametrize("bad", [[1], {"kegiatan": "x"}, {"rapat": 1}, {"kegiatan": 0}])
def test_a_bad_context_setting_is_refused_in_bahasa(bad) -> None:
    # A document with no patterns: only the setting is checked.
    assert any(
        "context_only" in p
        for p in validate_rules({"labels": {}, "decision": {"context_only": bad}})
    )
    assert validate_rules({"labels": {}, "decision": {"context_only": {"kegiatan": 1}}}) == []


@pytest.mark.parametrize("tail", LINES + neutral_tail_lines())
def test_trailing_neutral_lines_leave_the_models_tokens_unchanged(tail: str) -> None:
    body = "Pelayanan KTP keliling untuk warga lansia\nBawa KK asli"
    both = normalize_series(pl.Series([body, body + tail]))
    assert drop_trailing_meta(both)[1] == both[0]
    words = [tokens(both[i : i + 1])[0].sort().to_list() for i in (0, 1)]
    assert words[0] == words[1]


@pytest.mark.parametrize("caption", [
    "Kantor Desa Sukamaju\nmembuka layanan KTP",  # the first line always stays
    "Layanan KTP buka\nSenin-Jumat pukul 08.00-15.00",  # service hours are substance
    "Posyandu bulan ini\nSenin, 5 Mei pukul 08.00\nBawa buku KIA",  # a line after it
    "Awas hoaks #cekfakta bukan akhir",
])  # fmt: skip
def test_lines_with_substance_stay(caption: str) -> None:
    text = normalize_series(pl.Series([caption]))
    assert drop_trailing_meta(text)[0] == text[0]
