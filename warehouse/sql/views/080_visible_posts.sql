-- Posts one viewer may read row by row (captions, links): the posts in scope, confined to the
-- viewer's OPD when viewer_opd is not NULL (an operator OPD). Aggregate figures keep reading
-- scoped_posts: an operator sees the kabupaten's numbers but only their own OPD's posts.
-- Grain: post (v_post_facts). Every q_*.sql that returns posts reads this macro.
CREATE OR REPLACE MACRO visible_posts(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      viewer_opd) AS TABLE
    SELECT * FROM scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids)
    WHERE viewer_opd IS NULL OR opd_id = viewer_opd;
