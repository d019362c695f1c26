"""An Instagram export whose "Account username" is blank still names its account in "Account
name" (beside the numeric "Account ID" every real export carries, which no master list holds): the post is placed by that name as a Facebook Page's name places its
posts (etl.page_place), never left unplaced nor guessed from a file name."""

from __future__ import annotations

from pathlib import Path

from etl.load import load_file
from tests.factory import IG_HEADER


def _export(path: Path, username: str, name: str, days=range(1, 4)) -> Path:
    lines = [IG_HEADER]
    for d in days:
        lines.append(
            f'"179100000{d:05d}","17841400000001234","{username}","{name}",'
            f'"Pelayanan imunisasi hari {d}",0,'
            f'"10/{d:02d}/2026 08:30","https://www.instagram.com/p/NAM{d}/","IG image",,'
            f'"Lifetime",100,80,10,0,0,1,2'
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_the_account_name_places_posts_without_a_username(sample_con, tmp_path):
    path = _export(tmp_path / "Oct-01-2026_Oct-31-2026_1.csv", "", "Dinas Kesehatan Kab. Sukamaju")
    r = load_file(sample_con, path, data=path.read_bytes(), file_name=path.name)
    assert r.status == "loaded" and r.opd == "Dinas Kesehatan", (r.error, r.notes)
    got = sample_con.execute(
        "SELECT o.name, a.platform, count(*) FROM posts p JOIN opd o USING (opd_id)"
        " JOIN account a USING (account_id) GROUP BY ALL"
    ).fetchall()
    assert got == [("Dinas Kesehatan", "instagram", 3)]
    assert any("dibaca dari kolom 'Account name'" in n for n in r.notes), r.notes
    # The assumption names the column the name was read from (it said 'Account username').
    said = [a for a in r.assumptions if "dianggap akun" in a]
    assert len(said) == 1 and "(kolom 'Account name')" in said[0], r.assumptions


def test_a_username_still_wins_over_the_account_name(sample_con, tmp_path):
    # The name says Dinas Kesehatan, the username is Diskominfo's registered account: the
    # username is the account's own evidence (the name is only read when it is blank).
    handle = sample_con.execute(
        "SELECT a.handle FROM account a JOIN opd o USING (opd_id)"
        " WHERE a.platform = 'instagram' AND o.name = 'Dinas Komunikasi dan Informatika'"
    ).fetchone()[0]
    path = _export(
        tmp_path / "Oct-01-2026_Oct-31-2026_2.csv", handle.lstrip("@"), "Dinas Kesehatan"
    )
    r = load_file(sample_con, path, data=path.read_bytes(), file_name=path.name)
    assert r.status == "loaded" and r.opd == "Dinas Komunikasi dan Informatika", (r.error, r.notes)
    assert not any("Account name" in n for n in r.notes)
