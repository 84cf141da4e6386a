-- Search by words in Chinese without a word list: every two neighbouring characters of the title and
-- the content (whitespace, quotes and backslashes dropped, lower-cased) become the lexemes of a
-- stored tsvector with a GIN index. A query is the AND of its own bigrams, rechecked with ILIKE, so
-- "路灯" and "灯不亮" both find "路灯不亮" exactly (docs/decisions/0006-search.md).
-- Two regex passes (even and odd offsets) cut the bigrams in C: 0.19 ms for a 285-character text,
-- where generate_series + substr took 6.3 ms.
CREATE OR REPLACE FUNCTION tj_bigrams(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array(
    SELECT m[1] FROM (SELECT regexp_replace(lower(t), '[[:space:]''\\]+', '', 'g') AS s) x,
      LATERAL (SELECT regexp_matches(x.s, '(..)', 'g') UNION ALL SELECT regexp_matches(substr(x.s, 2), '(..)', 'g')) r(m))), ''::tsvector)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION tj_bigram_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(DISTINCT format('''%s''', substr(s, i, 2)), ' & '), '')::tsquery
    FROM (SELECT regexp_replace(lower(q), '[[:space:]''\\]+', '', 'g') AS s) x, generate_series(1, greatest(length(x.s) - 1, 0)) i
$$;--> statement-breakpoint
ALTER TABLE "demands" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (tj_bigrams("title" || ' ' || "content")) STORED;--> statement-breakpoint
CREATE INDEX "demands_search_idx" ON "demands" USING gin ("search");
