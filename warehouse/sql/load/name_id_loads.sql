-- load/name_id_loads (read by etl.name_id at load time, not by a page): the live loads of
-- one platform's exports whose file name holds $name_id, each with the one registered
-- account its coverage names (etl.name_id keeps the rows whose name ends in exactly that id
-- and decides from them). A load whose coverage names no account, or more
-- than one, or that rejected a row (it may be another page's post: an unregistered account),
-- says nothing of whose id it is and gives no row. Live loads only: an undo takes its
-- evidence back out. Grain: load.
SELECT l.load_id, l.file_name, a.account_id, a.opd_id, a.handle, o.name AS opd_name
FROM loads l
JOIN load_coverage c USING (load_id)
JOIN account a ON a.account_id = c.account_id
JOIN opd o ON o.opd_id = a.opd_id
WHERE l.status = 'loaded'
  AND l.n_rejected = 0
  AND l.platform = $platform
  AND list_contains($formats, l.format)
  AND contains(l.file_name, $name_id)
  AND NOT EXISTS (
      SELECT 1 FROM load_coverage c2
      WHERE c2.load_id = l.load_id AND c2.account_id IS DISTINCT FROM c.account_id
  )
GROUP BY ALL
ORDER BY l.load_id
