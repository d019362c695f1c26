"""Fixtures shared by the warehouse tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests import factory
from warehouse import periods
from warehouse.db import connect
from warehouse.queries import options
from warehouse.queries.filters import Filters


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A private copy of the bundled sample warehouse (tests.factory.sample_warehouse, built once
    per run), opened for the module: the old and new statements of a speed change are compared
    on it."""
    con = connect(factory.private_copy(factory.sample_warehouse(), tmp_path_factory.mktemp("s")))
    yield con
    con.close()


@dataclasses.dataclass(frozen=True)
class SampleWindows:
    """The sidebar choices a speed change's old and new statements are compared over on the
    sample: `half` is the first day of the sixth-last month, `last` the sample's last post date,
    `filters` whole months, cut months, one platform past the last post, one OPD kind, one OPD
    and one day."""

    half: dt.date
    last: dt.date
    filters: tuple[Filters, ...]


@pytest.fixture(scope="module")
def sample_windows(sample) -> SampleWindows:
    """The filter windows of the sample (SampleWindows), one definition for every comparison."""
    first, last = options.date_bounds(sample)
    assert first is not None and last is not None
    month = last.replace(day=1)
    half = periods.add_months(month, -5)
    kinds = sorted(options.opd_kinds(sample))
    opd = sample.execute("select min(opd_id) from posts").fetchone()[0]
    return SampleWindows(
        half,
        last,
        (
            Filters(half, month - dt.timedelta(days=1)),  # whole months
            Filters(half + dt.timedelta(days=9), last - dt.timedelta(days=3)),  # cut months
            Filters(half, last + dt.timedelta(days=20), platforms=("instagram",)),  # past the end
            Filters(half, last, opd_kinds=(kinds[0],)),
            Filters(half, last, opd_ids=(opd,)),
            Filters(last, last),  # one day
        ),
    )
