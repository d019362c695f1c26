-- load/posts_per_load (read by etl.label_passes at load time, not by a page): posts per load,
-- of the loads in $ids, or of every load holding a post when $all. Grain: load.
SELECT load_id, count(*) AS n_posts
FROM posts
WHERE $all OR list_contains($ids, load_id)
GROUP BY load_id
ORDER BY load_id
