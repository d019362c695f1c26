-- q_label_proposals: operators' open label proposals with the post they are about, oldest
-- first (access/proposals.py). Grain: proposal.
with final as (
    select
        lp.proposal_id, lp.post_key, o.opd, p.published_at, p.caption,
        p.content_type as current_type, lp.content_type, lp.proposed_by, lp.proposed_at
    from label_proposal lp
    join v_opd_profile o on o.opd_id = lp.opd_id
    left join v_posts p on p.post_key = lp.post_key
    where lp.status = 'open'
    order by lp.proposed_at, lp.proposal_id
)
select * from final
