-- The outlets' recurring paragraphs (src/group/recurring.ts) from every count shard's partial counts.
-- Reads: counts(paragraph_key, outlet, articles, lo, hi, undated), one row per shard and key, lo/hi the
-- shard's earliest and latest declared day (NULL when it holds only undated articles);
-- recurring_params(min_articles, window_days).
-- A key recurs when at least min_articles articles hold it and their days span more than the window,
-- or some are undated. Each article is in one shard, so the sums are exact.
SELECT paragraph_key, outlet, SUM(articles) AS articles
FROM counts
GROUP BY paragraph_key, outlet
HAVING SUM(articles) >= (SELECT min_articles FROM recurring_params)
   AND (MAX(undated) = 1 OR MAX(hi) - MIN(lo) > (SELECT window_days FROM recurring_params))
ORDER BY paragraph_key, outlet
