-- Candidate pairs: articles sharing at least `min_shared` blocking keys, leaving out keys in
-- more than `cap` articles' block lists (too common to block on), and pairs whose declared
-- publication days are more than `window_days` apart. Articles are numbered by id
-- (`ord`, the order group/group.ts sorts them in); a pair is (smaller ord, larger ord).
-- Input:  blocks, articles(id, ord, pub_day), params(cap, min_shared, window_days)
-- Output: rows (a, b), sorted.
WITH postings AS (
  SELECT feature_key, COUNT(*) AS plen FROM blocks GROUP BY feature_key
),
usable AS (
  SELECT b.id, b.feature_key
  FROM blocks b
  JOIN postings po ON po.feature_key = b.feature_key
  CROSS JOIN params p
  WHERE po.plen <= p.cap
),
shared AS (
  SELECT x.id AS a_id, y.id AS b_id, COUNT(*) AS n_shared
  FROM usable x
  JOIN usable y ON x.feature_key = y.feature_key AND x.id <> y.id
  GROUP BY x.id, y.id
)
SELECT aa.ord AS a, bb.ord AS b
FROM shared s
JOIN articles aa ON aa.id = s.a_id
JOIN articles bb ON bb.id = s.b_id
CROSS JOIN params p
WHERE aa.ord < bb.ord
  AND s.n_shared >= p.min_shared
  AND NOT (aa.pub_day IS NOT NULL AND bb.pub_day IS NOT NULL AND ABS(aa.pub_day - bb.pub_day) > p.window_days)
ORDER BY a, b
