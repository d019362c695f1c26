-- q_data_end: THE data end (v_data_end, views/025_v_coverage.sql), read once per data version
-- and bound as the data_end parameter of every query whose activity judgement is cut at it
-- (warehouse.queries.run). Grain: one row; data_end null on an empty warehouse.
with final as (
    select data_end from v_data_end
)
select * from final
