-- 001: master data (OPDs, aliases, accounts), loads with provenance, post observations,
-- current posts, rejects. All timestamps are naive TIMESTAMP in WIB (Asia/Jakarta).

CREATE SEQUENCE opd_id_seq START 1;
CREATE TABLE opd (
    opd_id            INTEGER PRIMARY KEY DEFAULT nextval('opd_id_seq'),
    name              VARCHAR NOT NULL UNIQUE,   -- "Dinas Kesehatan"
    short_name        VARCHAR,                   -- "Dinkes"
    kind              VARCHAR NOT NULL,          -- dinas, badan, bagian, sekretariat, inspektorat, rsud, kecamatan, kelurahan, desa, lainnya
    parent_opd_id     INTEGER,                   -- the kecamatan of a desa or kelurahan
    operator_name     VARCHAR,                   -- personal data: stored, never logged
    operator_phone    VARCHAR,                   -- personal data: stored, never logged
    operator_trained  BOOLEAN,                   -- "Sudah Pelatihan" Ya/Tidak; NULL = unknown
    expected_to_post  BOOLEAN NOT NULL DEFAULT TRUE,
    master_row        INTEGER,                   -- row in the Daftar Akun sheet it came from
    updated_at        TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

-- Every spelling an OPD is known by (name, short name, logbook spellings), normalized:
-- lower case, NFKC, single spaces, no punctuation.
CREATE TABLE opd_alias (
    alias_norm  VARCHAR PRIMARY KEY,
    opd_id      INTEGER NOT NULL,
    source      VARCHAR NOT NULL              -- master | manual | learned
);

CREATE SEQUENCE account_id_seq START 1;
CREATE TABLE account (
    account_id   INTEGER PRIMARY KEY DEFAULT nextval('account_id_seq'),
    opd_id       INTEGER NOT NULL,
    platform     VARCHAR NOT NULL,            -- facebook, instagram, tiktok, youtube, x
    handle       VARCHAR NOT NULL,            -- as written in the master sheet
    handle_norm  VARCHAR NOT NULL,            -- lower case, no @, no URL: how exports are matched
    url          VARCHAR,
    UNIQUE (platform, handle_norm)
);

CREATE SEQUENCE load_id_seq START 1;
CREATE TABLE loads (
    load_id       INTEGER PRIMARY KEY DEFAULT nextval('load_id_seq'),
    file_name     VARCHAR NOT NULL,
    file_path     VARCHAR,
    sha256        VARCHAR NOT NULL,
    format        VARCHAR,                    -- meta_facebook, meta_instagram, tiktok, youtube, x, logbook
    platform      VARCHAR,                    -- NULL when a logbook mixes platforms
    opd_id        INTEGER,
    period_start  DATE,
    period_end    DATE,
    exported_at   TIMESTAMP,                  -- when the platform produced the file, if known
    rows_read     INTEGER NOT NULL DEFAULT 0,
    n_new         INTEGER NOT NULL DEFAULT 0,
    n_updated     INTEGER NOT NULL DEFAULT 0,
    n_duplicate   INTEGER NOT NULL DEFAULT 0,
    n_rejected    INTEGER NOT NULL DEFAULT 0,
    loaded_by     VARCHAR,
    loaded_at     TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    status        VARCHAR NOT NULL,           -- loaded | undone | failed | skipped
    undone_at     TIMESTAMP,
    message       VARCHAR                     -- Bahasa Indonesia, for the report
);

-- One row per post per load that saw it. posts holds the newest observation; keeping every
-- observation is what makes undo exact and lets the newest export's metrics win.
CREATE TABLE post_observation (
    load_id          INTEGER NOT NULL,
    post_key         VARCHAR NOT NULL,
    opd_id           INTEGER NOT NULL,
    account_id       INTEGER,
    platform         VARCHAR NOT NULL,
    native_id        VARCHAR,
    account_handle   VARCHAR,
    published_at     TIMESTAMP NOT NULL,
    caption          VARCHAR,
    post_format_raw  VARCHAR,
    post_format      VARCHAR,
    permalink        VARCHAR,
    views            BIGINT,
    reach            BIGINT,
    reactions        BIGINT,
    comments         BIGINT,
    shares           BIGINT,
    saves            BIGINT,
    logbook_label    VARCHAR,
    source_sheet     VARCHAR,
    source_row       INTEGER,
    observed_at      TIMESTAMP NOT NULL       -- export date, else load time: newest wins
);

-- Current state of every post: the newest observation plus computed labels.
CREATE TABLE posts (
    post_key           VARCHAR NOT NULL,
    opd_id             INTEGER NOT NULL,
    account_id         INTEGER,
    platform           VARCHAR NOT NULL,
    native_id          VARCHAR,
    account_handle     VARCHAR,
    published_at       TIMESTAMP NOT NULL,
    caption            VARCHAR,
    caption_norm       VARCHAR,              -- NFKC + lower case: what rules match on
    post_format_raw    VARCHAR,
    post_format        VARCHAR,              -- foto, video, reels, carousel, teks, tautan, live, story
    permalink          VARCHAR,
    views              BIGINT,
    reach              BIGINT,
    reactions          BIGINT,
    comments           BIGINT,
    shares             BIGINT,
    saves              BIGINT,
    logbook_label      VARCHAR,              -- the OPD's own "Jenis Konten", as written
    source_sheet       VARCHAR,
    source_row         INTEGER,
    load_id            INTEGER NOT NULL,     -- load of the newest observation
    first_load_id      INTEGER NOT NULL,     -- load that first brought the post
    observed_at        TIMESTAMP NOT NULL,
    content_type       VARCHAR,              -- computed: ucapan, kegiatan, layanan, informasi, capaian, klarifikasi, lainnya
    content_source     VARCHAR,              -- rule | model | logbook
    content_reason     VARCHAR,
    is_figure_centric  BOOLEAN,
    figure_reason      VARCHAR,
    rules_version      INTEGER
);

CREATE TABLE rejects (
    load_id      INTEGER NOT NULL,
    file_name    VARCHAR NOT NULL,
    sheet        VARCHAR,
    row_number   INTEGER,                     -- as the user sees it in Excel (1-based, header included)
    column_name  VARCHAR,
    value        VARCHAR,
    reason       VARCHAR NOT NULL             -- Bahasa Indonesia
);

-- Analysts' corrections, keyed by post_key so they survive re-imports and re-labelling.
CREATE TABLE label_override (
    post_key           VARCHAR PRIMARY KEY,
    content_type       VARCHAR,
    is_figure_centric  BOOLEAN,
    note               VARCHAR,
    overridden_by      VARCHAR,
    overridden_at      TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

-- Classification rules, versioned: each save is a new version; posts record the version used.
CREATE TABLE rule_set (
    version     INTEGER PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    created_by  VARCHAR,
    note        VARCHAR,
    rules       JSON NOT NULL
);

CREATE SEQUENCE campaign_id_seq START 1;
CREATE TABLE campaign (
    campaign_id  INTEGER PRIMARY KEY DEFAULT nextval('campaign_id_seq'),
    name         VARCHAR NOT NULL UNIQUE,
    description  VARCHAR,
    start_date   DATE,
    end_date     DATE,
    hashtags     VARCHAR[] NOT NULL DEFAULT [],   -- without '#', lower case
    keywords     VARCHAR[] NOT NULL DEFAULT [],   -- lower case phrases
    created_at   TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE post_campaign (
    post_key       VARCHAR NOT NULL,
    campaign_id    INTEGER NOT NULL,
    matched_terms  VARCHAR
);

-- Analyst settings (activity threshold, index weights...): key -> JSON value.
CREATE TABLE app_setting (
    key    VARCHAR PRIMARY KEY,
    value  JSON NOT NULL
);

CREATE INDEX posts_key_idx ON posts (post_key);
CREATE INDEX obs_key_idx ON post_observation (post_key);
CREATE INDEX obs_load_idx ON post_observation (load_id);
