-- Typo correction reads every word of the published groups and of the topics, not only titles
-- (issue 13). Fills search_words from what is already published; refreshGroupSearch keeps it up.
INSERT INTO "search_words" ("word")
SELECT DISTINCT w FROM (
  SELECT lower(unaccent(concat_ws(' ', g.title_en, g.title_fr, g.summary_en, g.summary_fr, g.audience_en,
    g.audience_fr, g.description_en, g.description_fr, g.what_to_expect_en, g.what_to_expect_fr, g.eligibility_en,
    g.eligibility_fr, g.treatment_focus_en, g.treatment_focus_fr))) AS body
  FROM "groups" g WHERE g.status = 'published'
  UNION ALL
  SELECT lower(unaccent(concat_ws(' ', t.label_en, t.label_fr))) FROM "topics" t
) x, regexp_split_to_table(x.body, '[^[:alnum:]]+') w
WHERE length(w) >= 3
ON CONFLICT DO NOTHING;
