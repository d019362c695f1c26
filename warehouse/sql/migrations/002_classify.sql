-- 002: content classification. The OPD's own logbook label mapped to a code sits
-- beside the computed label so disagreements are queryable; a small label table gives every
-- page the same Indonesian names and the kinerja grouping.

ALTER TABLE posts ADD COLUMN logbook_content_type VARCHAR;  -- code mapped from logbook_label

CREATE TABLE content_type_label (
    content_type  VARCHAR PRIMARY KEY,
    label         VARCHAR NOT NULL,      -- what users read
    is_kinerja    BOOLEAN NOT NULL,      -- kinerja = kegiatan+layanan+informasi+capaian+klarifikasi
    sort_order    INTEGER NOT NULL
);
INSERT INTO content_type_label VALUES
    ('ucapan', 'Ucapan', FALSE, 1),
    ('kegiatan', 'Kegiatan', TRUE, 2),
    ('layanan', 'Layanan', TRUE, 3),
    ('informasi', 'Informasi Publik', TRUE, 4),
    ('capaian', 'Capaian Program', TRUE, 5),
    ('klarifikasi', 'Klarifikasi Hoaks', TRUE, 6),
    ('lainnya', 'Lainnya', FALSE, 7);

CREATE INDEX posts_load_idx ON posts (load_id);
CREATE INDEX post_campaign_key_idx ON post_campaign (post_key);
CREATE INDEX post_campaign_campaign_idx ON post_campaign (campaign_id);
