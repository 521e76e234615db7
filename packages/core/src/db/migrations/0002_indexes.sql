-- migrate: no-transaction
-- CREATE INDEX CONCURRENTLY builds without blocking writes, and PostgreSQL refuses to run it inside a
-- transaction, so this file runs statement by statement (one statement per line-ending ";").
-- IF NOT EXISTS makes a re-run after a crash safe; the runner drops an index left INVALID by a failed build.

-- The playbook wanted `... WHERE last_active_at > NOW() - INTERVAL '30 days'`. PostgreSQL rejects that:
-- an index predicate may use only IMMUTABLE functions, and NOW() changes. A full btree on last_active_at
-- serves the same query ("learners active in the last 30 days") with an index range scan.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_active_users ON users (last_active_at);

-- The playbook's analytics index, valid as written: completed lessons over time.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_progress_analytics
  ON learning_progress (created_at, user_id, lesson_id, score)
  WHERE completed = true;

-- The catalogue lists a course's lessons in order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_lessons_course_position ON lessons (course_id, position);
