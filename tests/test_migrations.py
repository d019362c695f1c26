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


_SCHEMA = (
    "SELECT table_name, sql FROM duckdb_tables() ORDER BY 1",
    "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY 1",
    "SELECT index_name, sql FROM duckdb_indexes() ORDER BY 1",
    "SELECT sequence_name, start_value, last_value FROM duckdb_sequences() ORDER BY 1",
    "SELECT function_name, macro_definition FROM duckdb_functions()"
    " WHERE NOT internal AND function_type LIKE '%macro%' ORDER BY 1, 2",
    "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY 1, 2, 3",
    "SELECT version, name FROM schema_migrations ORDER BY 1",
)


def _schema(con) -> list:
    out = [con.execute(q).fetchall() for q in _SCHEMA]
    for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall():
        if t != "schema_migrations":
            out.append(sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())))
    return out


def test_a_new_file_in_one_transaction_equals_one_migration_at_a_time(tmp_path):
    """A new warehouse takes every migration and view in one transaction; the schema, the
    seeded rows and the records equal applying them one at a time (an older file's path)."""
    one = connect(tmp_path / "one.duckdb")
    older = tmp_path / "older.duckdb"
    con = connect(older, migrate=False)
    migrations.current_version(con)
    number, name, path = migrations.available()[0]
    con.execute(path.read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, name])
    con.close()
    assert _schema(connect(older)) == _schema(one)


def test_a_failing_migration_leaves_a_new_file_without_schema(tmp_path, monkeypatch):
    import shutil

    import duckdb
    import pytest

    folder = tmp_path / "m"
    shutil.copytree(migrations.MIGRATIONS_DIR, folder)
    (folder / "999_broken.sql").write_text("CREATE TABLE broken (x INTEGER); SELECT nope;")
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", folder)
    with pytest.raises(duckdb.Error):
        connect(tmp_path / "w.duckdb")
    monkeypatch.undo()
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    assert tables == ["schema_migrations"]
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (0,)
