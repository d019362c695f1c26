// Installed by ui/streamlit_texts.py (global_js): see its docstring.
(() => {
  const w = window.parent && window.parent.document ? window.parent : window;
  w.__pmTexts = __TEXTS__;
  w.__pmPrefixes = __PREFIXES__;
  w.__pmVega = __VEGA__;
  const ATTRS = __ATTRS__;
  // Text nodes read in these boxes: tooltip bodies and the main menu's items and footer.
  const TEXT_BOXES = '[data-testid="stTooltipContent"], [data-testid="stMainMenuPopover"]';
  const tr = (v) => {
    const T = w.__pmTexts;
    if (Object.prototype.hasOwnProperty.call(T, v)) return T[v];
    const i = v.indexOf(': ');
    if (i > 0 && Object.prototype.hasOwnProperty.call(T, v.slice(0, i))) {
      return T[v.slice(0, i)] + v.slice(i);
    }
    for (const [en, loc] of Object.entries(w.__pmPrefixes)) {
      if (v.startsWith(en)) return loc + v.slice(en.length);
    }
    // Material icons read out as 'person icon' and the like.
    if (w.__pmVega && /^[a-z_ ]+ icon$/.test(v)) return 'ikon';
    return w.__pmVega ? vega(v) : null;
  };
  // Vega's own screen-reader sentences for axes, legends and marks (vega-scenegraph).
  const WORDS = {discrete: 'diskret', linear: 'linear', time: 'waktu', utc: 'waktu',
    log: 'logaritmik', 'fill color': 'warna isi', 'stroke color': 'warna garis',
    color: 'warna', size: 'ukuran', shape: 'bentuk', opacity: 'transparansi',
    'stroke dash': 'pola garis', Gradient: 'gradasi', Symbol: 'simbol', Discrete: 'diskret'};
  const word = (x) => WORDS[x] || x;
  const count = (r) => r
    .replace(/^(\d+) values?: /, '$1 nilai: ')
    .replace(/^values from (.*) to (.*)$/, 'nilai dari $1 sampai $2');
  const vega = (v) => {
    let m = v.match(/^([XY])-axis(?: titled '(.*?)')? for a (\w+) scale with (.*)$/s);
    if (m) return `Sumbu ${m[1]}${m[2] ? ` berjudul '${m[2]}'` : ''} untuk skala ${word(m[3])} dengan ${count(m[4])}`;
    m = v.match(/^(Gradient|Symbol|Discrete) legend(?: titled '(.*?)')? for (.*?) with (.*)$/s);
    if (m) return `Legenda ${word(m[1])}${m[2] ? ` berjudul '${m[2]}'` : ''} untuk ${m[3].split(' and ').map(word).join(' dan ')} dengan ${count(m[4])}`;
    // A mark: "field (time unit): value; Judul: value". Field names are the program's, the
    // titles ours: keep the titled parts, or the values alone when none has a title.
    if (/^[a-z][a-z0-9_]*(?: \([a-z-]+\))?: /.test(v)) {
      const parts = v.split('; ').map((p) => {
        const i = p.indexOf(': ');
        return i < 0 ? [null, p] : [p.slice(0, i), p.slice(i + 2)];
      });
      const named = parts.filter(([k]) => k !== null && !/^[a-z][a-z0-9_]*(?: \([a-z-]+\))?$/.test(k));
      return named.length
        ? named.map(([k, x]) => `${k}: ${x}`).join('; ')
        : parts.map(([, x]) => x).join('; ');
    }
    return null;
  };
  const fixEl = (e) => {
    if (!e.getAttribute) return;
    const o = e.__pmOrig || (e.__pmOrig = {}), done = e.__pmSet || (e.__pmSet = {});
    for (const a of ATTRS) {
      const v = e.getAttribute(a);
      if (!v) continue;
      if (v !== done[a]) o[a] = v;  // set by Streamlit or Vega: a new original
      const t = tr(o[a]);
      const want = t === null ? o[a] : t;
      done[a] = want;
      if (v !== want) e.setAttribute(a, want);
    }
  };
  const fixText = (n) => {
    if (n.nodeValue !== n.__pmSet) n.__pmOrig = n.nodeValue;
    const t = tr(n.__pmOrig.trim());
    const want = t === null ? n.__pmOrig : t;
    n.__pmSet = want;
    if (n.nodeValue !== want) n.nodeValue = want;
  };
  const fix = (root) => {
    if (root.nodeType === 3) {
      if (root.parentElement && root.parentElement.closest(TEXT_BOXES)) fixText(root);
      return;
    }
    if (root.nodeType !== 1) return;
    fixEl(root);
    for (const e of root.querySelectorAll(ATTRS.map((a) => '[' + a + ']').join(','))) fixEl(e);
    const boxes = root.matches && root.matches(TEXT_BOXES) ? [root] : [];
    for (const tip of [...boxes, ...root.querySelectorAll(TEXT_BOXES)]) {
      const it = w.document.createTreeWalker(tip, 4);
      for (let n = it.nextNode(); n; n = it.nextNode()) fixText(n);
    }
  };
  w.__pmFix = fix;
  if (!w.__pmObserver) {
    w.__pmObserver = new w.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') fixEl(r.target);
        else if (r.type === 'characterData') fix(r.target);
        else for (const n of r.addedNodes) fix(n);
      }
    });
    w.__pmObserver.observe(w.document.body, {
      subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: ATTRS,
    });
  }
  fix(w.document.body);
})();
