"""Count axes: every chart of counts (posts, OPDs, accounts) reads whole-number ticks, evenly
spaced from 0, with 0 on the baseline. One helper, so no count axis shows "2,5 postingan" or
ticks Vega spaced by its own rounding."""

from __future__ import annotations

import altair as alt


def count_ticks(top: float | None, *, most: int = 6) -> list[int]:
    """Evenly spaced whole-number ticks from 0 up to at least `top` (a count's largest value),
    at most `most` of them: steps of 1, 2, 5, 10, 20, 25, 50, 100, ... (0 -> [0, 1])."""
    top = max(1.0, float(top or 0))
    scale = 1
    while True:
        for m in (1, 2, 5) if scale == 1 else (1, 2, 2.5, 5):
            step = int(m * scale)
            n = int(-(-top // step))
            if n + 1 <= most:
                return [i * step for i in range(n + 1)]
        scale *= 10


def count_encoding(top: float | None, *, room: float = 1.0, **axis) -> dict:
    """axis= and scale= of a count axis (posts, OPDs, accounts): whole-number ticks evenly
    spaced from 0 (count_ticks of top), the scale from 0 to the last tick (times `room`, for
    text at a bar's end), 0 on the baseline. Every chart of counts uses this, so no count
    axis shows 2,5 posts or a 0 lifted off its baseline. Use: alt.Y("n:Q", **count_encoding(m))."""
    ticks = count_ticks(top)
    return {
        "axis": alt.Axis(values=ticks, format=",.0f", labelFlush=False, **axis),
        "scale": alt.Scale(domain=[0, ticks[-1] * room], nice=False, zero=True),
    }
