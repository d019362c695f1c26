from warehouse import migrations
from warehouse.db import connect


def test_fresh_database_gets_every_migration(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    versions = [
        r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
    ]
    assert versions == [n for n, _, _ in migrations.available()]
    assert "post_key" in con.sql("SELECT * FROM v_posts").columns


def test_reconnect_is_idempotent(tmp_path):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path)
    (count,) = con.execute("SELECT count(*) FROM schema_migrations").fetchone()
    assert count == len(migrations.available())


def test_older_file_upgrades_itself(tmp_path):
    path = tmp_path / "old.duckdb"
    con = connect(path, migrate=False)
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp())"
    )
    con.close()
    con = connect(path)
    assert migrations.current_version(con) == migrations.available()[-1][0]
