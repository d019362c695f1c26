-- q_platforms: platforms that have an account or a post. Grain: platform.
with
found as (
    select platform from account
    union
    select distinct platform from posts
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
