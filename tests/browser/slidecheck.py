"""The slide contract, measured in the browser: every slide fits the screen with nothing cut.

`problems(page)` returns what is wrong on the slide now shown, from bounding boxes (not from
pixels): elements of the slide that end outside the viewport, text cut by its own box
(ellipsis or overflow), chart text drawn outside its chart, axis labels Vega shortened with
an ellipsis or hid because they would overlap, and a main area that scrolls. An empty list means the slide is whole.
"""

from __future__ import annotations

# Runs in the page. Returns a list of strings, one per problem.
_JS = r"""
() => {
  const W = window.innerWidth, H = window.innerHeight, out = [];
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return ['no stMain'];
  const visible = (e) => {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || +s.opacity === 0) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const name = (e) => {
    const t = (e.innerText || e.textContent || '').trim().replace(/\s+/g, ' ');
    return (e.getAttribute('data-testid') || e.tagName) + ' "' + t.slice(0, 60) + '"';
  };
  const sel = [
    'h1', 'h2', 'h3', '[data-testid="stMetric"]', '[data-testid="stCaptionContainer"]',
    '[data-testid="stMarkdownContainer"] p', '[data-testid="stVegaLiteChart"]',
    '[data-testid="stButton"] button', '[data-testid="stAlert"]', '[data-testid="stTable"]',
    '[data-testid="stDataFrame"]', '[data-testid="stImage"]', '[data-testid="stPlotlyChart"]'
  ].join(',');
  for (const e of main.querySelectorAll(sel)) {
    if (!visible(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.bottom > H + 1 || r.right > W + 1 || r.top < -1 || r.left < -1) {
      out.push('outside the screen: ' + name(e) +
               ` [${Math.round(r.left)},${Math.round(r.top)} - ${Math.round(r.right)},${Math.round(r.bottom)}]`);
    }
  }
  // Text cut by its own box (metric labels, values, deltas, headings, captions).
  const textSel = [
    '[data-testid="stMetricLabel"] p', '[data-testid="stMetricValue"]',
    '[data-testid="stMetricDelta"]', '[data-testid="stMetricDeltaDescription"]', 'h1', 'h2', 'h3', '[data-testid="stCaptionContainer"] p',
    '[data-testid="stMetricLabel"] div'
  ].join(',');
  for (const e of main.querySelectorAll(textSel)) {
    if (!visible(e)) continue;
    if (e.scrollWidth > e.clientWidth + 2 || e.scrollHeight > e.clientHeight + 4) {
      const s = getComputedStyle(e);
      if (s.overflow !== 'visible' || s.textOverflow === 'ellipsis' || s.overflowX !== 'visible') {
        out.push('text cut: ' + name(e) + ` (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
      }
    }
  }
  // Tables cut sideways. A data grid (glide-data-grid) draws its cells on a canvas: what
  // can be measured is its scroller, which is wider than its box when the columns do not
  // fit (the last columns cut at the right edge); slides therefore show their tables as
  // HTML tables (ui/slide_table.py), which are measured. An HTML table (st.table, slide tables) is measured
  // cell by cell: a cell whose text is wider than the cell, or a cell ending outside the
  // table's box or the screen, is cut.
  for (const d of main.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!visible(d)) continue;
    const s = d.querySelector('.dvn-scroller');
    if (s && s.scrollWidth > s.clientWidth + 2) {
      out.push(`table cut sideways: ${name(d).slice(0, 70)} (${s.scrollWidth}px of columns in ${s.clientWidth}px)`);
    }
  }
  for (const tb of main.querySelectorAll('[data-testid="stTable"] table, .slide-table table')) {
    if (!visible(tb)) continue;
    const box = (tb.closest('[data-testid="stTable"], .slide-table') || tb).getBoundingClientRect();
    for (const cell of tb.querySelectorAll('th, td')) {
      if (!visible(cell)) continue;
      const r = cell.getBoundingClientRect();
      const text = (cell.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      if (cell.scrollWidth > cell.clientWidth + 2 || r.right > Math.min(box.right, W) + 1) {
        out.push(`table cell cut: "${text}" (${cell.scrollWidth}px text in ${cell.clientWidth}px, right ${Math.round(r.right)})`);
      }
      for (const inner of cell.querySelectorAll('*')) {
        if (inner.scrollWidth > inner.clientWidth + 2 && getComputedStyle(inner).overflowX !== 'visible') {
          out.push(`table cell cut: "${text}" (${inner.scrollWidth}px in ${inner.clientWidth}px)`);
        }
      }
    }
  }
  // Chart text: every SVG text inside its chart's box and not shortened with an ellipsis.
  for (const c of main.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!visible(c)) continue;
    const cb = c.getBoundingClientRect();
    for (const t of c.querySelectorAll('svg text')) {
      const s = (t.textContent || '').trim();
      if (!s) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      // Vega hides labels that would overlap by making them transparent: a bar or a row
      // without its name is not labelled in full.
      const op = t.getAttribute('opacity') ?? t.style.opacity;
      if (op !== null && op !== '' && +op === 0) {
        // Thinning the ticks of a number or time axis is fine; a row or bar without its
        // name (a discrete axis) is not.
        const axis = t.closest('g[aria-label]');
        const what = axis ? axis.getAttribute('aria-label') : '';
        if (/discrete|diskret|band|ordinal|point/i.test(what)) {
          out.push('chart label hidden (overlap): "' + s.slice(0, 40) + '"');
        }
        continue;
      }
      if (r.left < cb.left - 2 || r.right > cb.right + 2 || r.top < cb.top - 2 || r.bottom > cb.bottom + 2) {
        out.push('chart text outside its chart: "' + s.slice(0, 40) + '"');
      }
      if (s.endsWith('…')) out.push('chart text shortened: "' + s.slice(0, 40) + '"');
    }
    // Axis labels drawn on top of each other or touching ("Jun 2026Jul 2026": 1 px apart
    // reads as one word), side by side on one line or one row over the next.
    for (const axis of c.querySelectorAll('g.role-axis-label')) {
      const boxes = [...axis.querySelectorAll('text')]
        .filter(t => (t.textContent || '').trim() && +(t.getAttribute('opacity') ?? 1) !== 0)
        .map(t => [t.textContent.trim(), t.getBoundingClientRect()]);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i], [b, rb] = boxes[j];
        const ox = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const oy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (ox > -1 && oy > 1) out.push(`chart labels overlap: "${a.slice(0, 25)}" / "${b.slice(0, 25)}"`);
      }
    }
    if (c.querySelector('canvas') && !c.querySelector('svg')) out.push('chart drawn on canvas (text not measurable)');
  }
  // The slide itself must not scroll.
  const sc = main.scrollHeight - main.clientHeight;
  if (sc > 4) out.push(`main area scrolls by ${sc}px`);
  return out;
}
"""


def problems(page) -> list[str]:
    """What is cut or outside the viewport on the slide now shown (empty: it fits)."""
    return list(page.evaluate(_JS))


def slide_count(page) -> int | None:
    """N of 'Slide k dari N' / 'Slide k of N' in the slide bar, None without one."""
    text = page.evaluate(
        """() => { const e = document.querySelector('.st-key-slide_nav');
                   return e ? e.innerText : null; }"""
    )
    if not text:
        return None
    import re

    m = re.search(r"Slide\s+\d+\s+(?:dari|of)\s+(\d+)", text)
    return int(m.group(1)) if m else None


_LAYOUT_JS = r"""
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const boxes = [...document.querySelectorAll('[data-testid="stVegaLiteChart"], .vega-embed')]
    .map(e => { const r = e.getBoundingClientRect();
                return [Math.round(r.left), Math.round(r.top), Math.round(r.width),
                        Math.round(r.height), e.querySelectorAll('svg text').length]; });
  return JSON.stringify([main ? main.scrollHeight : -1, boxes]);
}
"""


def settle(page, timeout: float = 20.0) -> None:
    """Wait until the slide's layout stops moving: the charts' boxes, their text count and the
    main area's height the same over three polls 0.3 s apart. Vega lays a chart out again once
    its container has its size, so 'the script run is over' is not enough."""
    import time

    deadline = time.monotonic() + timeout
    last, same = None, 0
    while time.monotonic() < deadline:
        now = page.evaluate(_LAYOUT_JS)
        same = same + 1 if now == last else 0
        if same >= 2:
            return
        last = now
        time.sleep(0.3)
    raise AssertionError("the slide's layout kept changing")
