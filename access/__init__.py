"""Who may do what: accounts, passwords, sessions, the role x action matrix and the audit trail.

Plain Python (never imports Streamlit), like etl/ and warehouse/: the app's gate (ui/auth.py)
and the CLI (`python -m etl user ...`) both use it. Layers: access/ reads and writes the
warehouse tables of migration 080 (app_user, audit_log, label_proposal).
"""
