-- 026: names under which files write a master-list account that match none of its handles
-- (a Page name, an old username), mapped once by the analyst and used by every later load.
CREATE TABLE account_alias (
    platform     VARCHAR NOT NULL,
    handle_norm  VARCHAR NOT NULL,            -- as etl.matching.handle_norm writes it
    account_id   INTEGER NOT NULL,
    created_at   TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    PRIMARY KEY (platform, handle_norm)
);
