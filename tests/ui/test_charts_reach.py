"""The kecamatan roll-up chart's bar labels say only what is known."""

from __future__ import annotations

import polars as pl

from ui import charts_reach


def _labels(rows: list[dict]) -> dict[str, str]:
    spec = charts_reach.kecamatan_rollup(pl.DataFrame(rows)).to_dict()
    values = next(d for d in spec["datasets"].values() if d and "label" in d[0])
    return {v["name"]: v["label"] for v in values}


def test_a_kecamatan_with_nobody_judged_is_not_said_to_have_zero_of_zero_active():
    base = {"kecamatan": "", "villages": 1}
    labels = _labels(
        [
            {**base, "kecamatan_short": "Kec. A", "members": 2, "active_members": 0,
             "inactive_members": 0, "not_judged_members": 2},
            {**base, "kecamatan_short": "Kec. B", "members": 3, "active_members": 1,
             "inactive_members": 1, "not_judged_members": 1},
            {**base, "kecamatan_short": "Kec. C", "members": 2, "active_members": 2,
             "inactive_members": 0, "not_judged_members": 0},
        ]
    )  # fmt: skip
    assert labels["Kec. A + 1 desa/kel."] == "2 belum dinilai"
    assert labels["Kec. B + 1 desa/kel."] == "1 dari 2 dinilai aktif, 1 belum dinilai"
    assert labels["Kec. C + 1 desa/kel."] == "2 dari 2 dinilai aktif"
