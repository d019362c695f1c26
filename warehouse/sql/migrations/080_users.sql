-- 080: who may do what. Accounts (argon2id hashes, never the password), the audit trail and
-- operators' label proposals. Timestamps are naive TIMESTAMP in WIB (Asia/Jakarta), written by
-- access/ with its own clock (so tests can use a fake one).

CREATE SEQUENCE app_user_id_seq START 1;
CREATE TABLE app_user (
    user_id              INTEGER PRIMARY KEY DEFAULT nextval('app_user_id_seq'),
    username             VARCHAR NOT NULL UNIQUE,  -- lower case, what is typed at login
    display_name         VARCHAR NOT NULL,         -- recorded on loads, corrections, rule versions
    role                 VARCHAR NOT NULL,         -- pimpinan | analis | operator | admin
    opd_id               INTEGER,                  -- the operator's OPD (NULL for the other roles)
    password_hash        VARCHAR NOT NULL,         -- argon2id, PHC string
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins        INTEGER NOT NULL DEFAULT 0,  -- consecutive, reset by a good login
    locked_until         TIMESTAMP,
    created_at           TIMESTAMP NOT NULL,
    password_changed_at  TIMESTAMP NOT NULL
);

-- Who did what, when (WIB), with the value before and after (JSON; personal data only as
-- far as the change itself needs it). Append-only: nothing in the app updates or deletes it.
CREATE SEQUENCE audit_id_seq START 1;
CREATE TABLE audit_log (
    audit_id   BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
    at_wib     TIMESTAMP NOT NULL,
    username   VARCHAR NOT NULL,   -- the account, the name typed at a failed login, or 'lokal'
    role       VARCHAR,
    action     VARCHAR NOT NULL,   -- access.audit.ACTIONS
    target     VARCHAR,            -- what it was done to: load id, post key, setting, user...
    before     JSON,
    after      JSON,
    detail     VARCHAR
);

-- An operator's label correction waits here until an analyst accepts (then it becomes a
-- label_override) or rejects it.
CREATE SEQUENCE label_proposal_id_seq START 1;
CREATE TABLE label_proposal (
    proposal_id   INTEGER PRIMARY KEY DEFAULT nextval('label_proposal_id_seq'),
    post_key      VARCHAR NOT NULL,
    opd_id        INTEGER NOT NULL,
    content_type  VARCHAR NOT NULL,
    proposed_by   VARCHAR NOT NULL,
    proposed_at   TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL DEFAULT 'open',  -- open | accepted | rejected
    decided_by    VARCHAR,
    decided_at    TIMESTAMP
);
