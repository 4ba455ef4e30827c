-- Document frequency of every grouping feature over the whole corpus.
-- Input:  features(id VARCHAR, feature_key BIGINT, cnt INTEGER)  -- one row per article and feature
-- Output: df(feature_key, df)
CREATE TABLE df AS
SELECT feature_key, COUNT(*) AS df
FROM features
GROUP BY feature_key
