-- 010: the identities each observation was seen under, so that one post reached by
-- two routes is counted once: an OPD logbook row with only a link and the platform export row
-- with the native id and the same link. link_key is "<platform>:<native id>" or
-- "<platform>:url:<normalized permalink>". A new row whose link keys were already seen in a
-- live load takes that post's key (the first identity seen wins); undo deletes by load_id.
CREATE TABLE post_link (
    load_id   INTEGER NOT NULL,
    post_key  VARCHAR NOT NULL,
    link_key  VARCHAR NOT NULL
);

CREATE INDEX post_link_key_idx ON post_link (link_key);
CREATE INDEX post_link_load_idx ON post_link (load_id);
