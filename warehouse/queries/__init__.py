"""One typed function per dashboard report query.

Every function takes a DuckDB connection (the UI passes its cached handle; each query runs on its
own cursor, see _run) and returns a polars DataFrame with English snake_case columns;
the UI translates labels. Results are aggregated in SQL to what a chart shows (Altair refuses more
than 5,000 rows). Values are bound as $parameters; a sort column comes from a whitelist.

Conventions shared by all functions:
- `Filters.start` and `Filters.end` are inclusive dates; an empty tuple means "all".
- Shares and rates are fractions 0..1 (format with reports.idfmt.format_percent); index scores
  are 0..100. Dates are `date`, timestamps naive WIB `datetime`.
- "Kinerja" = content_type in kegiatan, layanan, informasi, capaian, klarifikasi
  (warehouse.vocabulary.KINERJA_TYPES).
- Settings (activity threshold, index weights, grade thresholds) come from
  warehouse.analyst_settings.get_settings(con) unless a `Settings` is passed explicitly.

Modules by subject (each function's docstring gives its frame; its SQL is
warehouse/sql/q_<name>.sql):
- filters.py: Filters (what the sidebar selects, and who looks), Grain, TrendBy.
- run.py: running a q_*.sql file with its $parameters; the parameter sets of the activity
  rule, the index and the not-active list; MAX_ROWS.
- options.py: the sidebar's lists, the data version, date bounds, master-list contradictions.
- summary.py: Ringkasan's KPI tiles with their comparisons, top and bottom OPDs.
- activity.py: Keaktifan OPD: activity rate, Indeks Medsos, heatmap, not-active OPDs,
  dormancy, one OPD's calendar, kecamatan roll-up.
- content.py: Jenis Konten: content and format mixes, shares per OPD, examples, logbook labels.
- trend.py: Tren: posts, activity and engagement over time, year-ago comparison, top posts.
- campaigns.py: Kampanye: campaigns and participation.
- history.py: Unggah Data: load history and rejected rows.
- drilldown.py: the posts behind a number.
"""
