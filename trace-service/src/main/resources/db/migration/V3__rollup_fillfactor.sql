-- The rollups are updated in place by every batch (one row per token, day, operation and status;
-- one per token). With room left on each page and no index on a column that changes, PostgreSQL
-- writes the new row version beside the old one (a HOT update: no new index entry) and prunes the
-- old ones as it passes, instead of adding index entries and dead rows for each token at each batch
-- (docs/benchmarks.md).
alter table trace_stats_daily set (fillfactor = 50);
alter table trace_token_activity set (fillfactor = 50);
-- last_seen changes at every batch: indexed, it ruled HOT updates out. The one query that filtered
-- on it is the daily search for idle tokens (RetentionService), which reads this small table (one
-- row per token) whole instead.
drop index trace_token_activity_idle;
