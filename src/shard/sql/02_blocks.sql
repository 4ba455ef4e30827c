-- Blocking keys: each article's `block_keys` heaviest features among those held by two or more
-- articles, weighted as group/group.ts weightVectors does:
--   w = (1 + ln(count)) * (ln((1 + N) / (1 + df)) + 1) * kind_weight,  kind = feature_key mod 8,
-- ties broken by the smaller key.
-- Input:  features, df, corpus(n), kind_weights(kind, weight), params(block_keys, ...)
-- Output: blocks(id, feature_key)
CREATE TABLE blocks AS
SELECT id, feature_key
FROM (
  SELECT f.id,
         f.feature_key,
         ROW_NUMBER() OVER (
           PARTITION BY f.id
           ORDER BY (1 + LN(f.cnt)) * (LN((1.0 + c.n) / (1.0 + d.df)) + 1) * k.weight DESC, f.feature_key ASC
         ) AS rk
  FROM features f
  JOIN df d ON d.feature_key = f.feature_key
  JOIN kind_weights k ON k.kind = MOD(f.feature_key, 8)
  CROSS JOIN corpus c
  WHERE d.df >= 2
) ranked
CROSS JOIN params p
WHERE ranked.rk <= p.block_keys
