-- Check (must return 0 rows): the stored metrics settings are usable: thresholds at least 1,
-- weights not negative with a positive sum, grade limits ordered within 0..100.
WITH s AS (
    SELECT
        CAST(value ->> 'min_posts_per_month' AS DOUBLE) AS min_month,
        CAST(value ->> 'min_posts_per_week' AS DOUBLE) AS min_week,
        CAST(value ->> 'dormant_days' AS DOUBLE) AS dormant_days,
        CAST(value ->> 'target_posts_per_month' AS DOUBLE) AS target,
        [CAST(value ->> 'w_frequency' AS DOUBLE), CAST(value ->> 'w_consistency' AS DOUBLE),
         CAST(value ->> 'w_kinerja' AS DOUBLE), CAST(value ->> 'w_platform' AS DOUBLE),
         CAST(value ->> 'w_engagement' AS DOUBLE)] AS weights,
        CAST(value ->> 'grade_very_good' AS DOUBLE) AS g1,
        CAST(value ->> 'grade_good' AS DOUBLE) AS g2,
        CAST(value ->> 'grade_fair' AS DOUBLE) AS g3
    FROM app_setting
    WHERE key = 'metrics'
),

final AS (
    SELECT *
    FROM s
    WHERE NOT (
        coalesce(min_month >= 1, true)
        AND coalesce(min_week >= 1, true)
        AND coalesce(dormant_days >= 1, true)
        AND coalesce(target >= 1, true)
        AND coalesce(list_min(list_filter(weights, lambda w: w IS NOT NULL)) >= 0, true)
        AND coalesce(list_sum(weights) > 0, true)
        AND coalesce(100 >= g1 AND g1 > g2 AND g2 > g3 AND g3 >= 0, true)
    )
)

SELECT * FROM final
