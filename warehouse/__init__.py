"""The DuckDB warehouse: schema, migrations, metrics and report queries. Plain Python, no Streamlit."""
