-- q_label_proposals: operators' open label proposals with the post they are about, oldest
-- first (access/proposals.py). Grain: proposal.
SELECT
    lp.proposal_id, lp.post_key, o.opd, p.published_at, p.caption,
    p.content_type AS current_type, lp.content_type, lp.proposed_by, lp.proposed_at
FROM label_proposal lp
JOIN v_opd_profile o ON o.opd_id = lp.opd_id
LEFT JOIN v_posts p ON p.post_key = lp.post_key
WHERE lp.status = 'open'
ORDER BY lp.proposed_at, lp.proposal_id
