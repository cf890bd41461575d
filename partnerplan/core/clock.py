"""The one place code asks for "today" and "now": the real clock, or a demonstration's as-at date.

A demonstration installation (settings.PARTNERPLAN_DEMO_CLOCK, off in production) keeps an
"as at" date in `core.DemoClock`; every page, service, selector and document reads the day
through `today()` and the business time through `now()`, so the 2010 demo partnership is alive
on any real date, and an administrator can move it forward (`demo_clock_move`) to walk the
committee cycle in one sitting. Leases and heartbeats of background jobs measure real elapsed
time and keep `django.utils.timezone.now()`.

The shape test `tests/shape/test_clock.py` keeps every other module off the real clock.
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.utils import timezone

# The as-at date is read from the database at most once per this many seconds in a process;
# moving the clock clears this process's copy at once.
_TTL_S = 2.0
_cached: tuple[float, dt.date | None] | None = None


def enabled() -> bool:
    return bool(getattr(settings, "PARTNERPLAN_DEMO_CLOCK", False))


def as_at() -> dt.date | None:
    """The demonstration's as-at date, or None when the installation runs on the real clock."""
    global _cached
    if not enabled():
        return None
    stamp = time.monotonic()
    if _cached is not None and stamp - _cached[0] < _TTL_S:
        return _cached[1]
    from partnerplan.core.models import DemoClock

    value = DemoClock.objects.filter(pk=1).values_list("as_at", flat=True).first()
    _cached = (stamp, value)
    return value


def forget() -> None:
    """Drop this process's copy of the as-at date (after it moved, and between tests)."""
    global _cached
    _cached = None


def today() -> dt.date:
    return as_at() or timezone.localdate()


def now() -> dt.datetime:
    """The time of day now, on the as-at date when a demonstration clock is set."""
    real = timezone.localtime()
    day = as_at()
    if day is None:
        return real
    return real.replace(year=day.year, month=day.month, day=day.day)


def real_now() -> dt.datetime:
    """The real moment, whatever the demonstration's date: for leases, heartbeats and the
    record of when the clock itself was moved."""
    return timezone.now()
