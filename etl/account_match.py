"""Each post's account: the written handle, else the handle in its permalink, looked up in the
master list's account keys (step 1 of etl.matching's order of evidence)."""

from __future__ import annotations

import polars as pl

from etl.opd_names import handle_norm


def with_accounts(posts: pl.DataFrame, acc_keys: pl.DataFrame) -> pl.DataFrame:
    """posts plus handle_norm (the written handle, else the one in the permalink), account_id
    and acc_opd_id (the account of handle_norm, else of the permalink's handle). acc_keys:
    platform, handle_norm, account_id, acc_opd_id."""
    from etl.links import link_handles

    pairs = posts.select("platform", "account_handle", "permalink").unique()
    # The written handles are few: the scalar rule once per distinct one.
    written = pairs.select("platform", "account_handle").unique()
    written = written.with_columns(
        _norm=pl.Series(
            [handle_norm(p, h) if h else None for p, h in written.iter_rows()], dtype=pl.String
        )
    )
    key_frame = pairs.join(written, on=["platform", "account_handle"], how="left", nulls_equal=True)
    # The permalink's handle (a Meta export names the Page, its links the username), read a
    # column at a time (etl.links, equal to handle_norm), only where it can change the
    # outcome: a written handle whose account has an OPD wins over whatever the link says.
    placed = (
        acc_keys.filter(pl.col("account_id").is_not_null() & pl.col("acc_opd_id").is_not_null())
        .select("platform", pl.col("handle_norm").alias("_norm"), _placed=pl.lit(True))
        .unique()
    )
    key_frame = key_frame.join(placed, on=["platform", "_norm"], how="left")
    need = key_frame.filter(pl.col("_placed").is_null())
    if need.height:
        from_links = need.select(
            "platform",
            "account_handle",
            "permalink",
            _link_norm=link_handles(need["platform"], need["permalink"]),
        )
        key_frame = key_frame.join(
            from_links, on=["platform", "account_handle", "permalink"], how="left",
            nulls_equal=True,
        )  # fmt: skip
    else:
        key_frame = key_frame.with_columns(_link_norm=pl.lit(None, pl.String))
    key_frame = key_frame.select(
        "platform",
        "account_handle",
        "permalink",
        pl.coalesce("_norm", "_link_norm").alias("handle_norm"),
        "_link_norm",
    )
    df = posts.join(
        key_frame, on=["platform", "account_handle", "permalink"], how="left", nulls_equal=True
    )
    df = df.join(acc_keys, on=["platform", "handle_norm"], how="left")
    by_link = acc_keys.rename(
        {"handle_norm": "_link_norm", "account_id": "_l_acc", "acc_opd_id": "_l_opd"}
    )
    return (
        df.join(by_link, on=["platform", "_link_norm"], how="left")
        .with_columns(
            pl.coalesce("account_id", "_l_acc").alias("account_id"),
            pl.coalesce("acc_opd_id", "_l_opd").alias("acc_opd_id"),
        )
        .drop("_link_norm", "_l_acc", "_l_opd")
    )
