"""Column sets shared by the load stages (post_observation layout, metric names) and load time."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from warehouse import settings

METRICS = ("views", "reach", "reactions", "comments", "shares", "saves")
# Columns of post_observation after load_id, in table order.
OBS_COLUMNS = (
    "post_key",
    "opd_id",
    "account_id",
    "platform",
    "native_id",
    "account_handle",
    "published_at",
    "caption",
    "post_format_raw",
    "post_format",
    "permalink",
    *METRICS,
    "logbook_label",
    "source_sheet",
    "source_row",
    "observed_at",
)
LABEL_COLUMNS = (
    "content_type",
    "content_source",
    "content_reason",
    "is_figure_centric",
    "figure_reason",
    "rules_version",
)
# Load id used inside a dry run's rolled-back transaction.
DRY_RUN_LOAD_ID = -1


def now_wib() -> dt.datetime:
    # Naive WIB, like every timestamp in the warehouse; microseconds dropped for readability.
    now = dt.datetime.now(zoneinfo.ZoneInfo(settings.LOCAL_TZ)).replace(tzinfo=None)
    return now.replace(microsecond=0)
