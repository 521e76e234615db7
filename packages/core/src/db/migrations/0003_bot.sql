-- The Telegram bot's own bookkeeping.

-- Telegram delivers updates at least once: an unacknowledged webhook call or a crashed poller means the
-- same update_id arrives again, possibly at another replica. Each update is claimed here with
-- INSERT … ON CONFLICT before it is handled, so only one claim wins; handled_at is set when it is done.
-- A claim never marked handled (its replica died mid-update) may be taken over once it is older than
-- the lease, so the redelivery is handled instead of lost. update_ids are per bot, hence the bot id in
-- the key. Rows are pruned after 48 hours: Telegram keeps an undelivered update for at most 24 hours,
-- and after a week without updates it picks the next update_id at random, which must not collide with
-- a remembered one.
CREATE TABLE bot_processed_updates (
  bot_id      bigint      NOT NULL,
  update_id   bigint      NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(), -- when the current claim was made
  handled_at  timestamptz,
  CONSTRAINT bot_processed_updates_pkey PRIMARY KEY (bot_id, update_id)
);
CREATE INDEX idx_bot_processed_updates_received_at ON bot_processed_updates (received_at);

-- A quiz taken in the chat, one question at a time. The answers so far live here rather than in the
-- buttons (callback_data holds at most 64 bytes), so any replica can take the next tap. Each answer is
-- appended only when the number of answers equals the question's index (compare-and-set): a double tap
-- or a stale button cannot answer twice, and the final answer scores the quiz exactly once.
CREATE TABLE bot_quiz_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id    text        NOT NULL REFERENCES lessons (id),
  -- the lesson version the questions came from: a content sync mid-quiz makes the run stale
  content_hash text        NOT NULL,
  answers      jsonb       NOT NULL DEFAULT '[]'::jsonb, -- chosen option ids, in question order
  finished_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_bot_quiz_runs_updated_at ON bot_quiz_runs (updated_at);
CREATE INDEX idx_bot_quiz_runs_user ON bot_quiz_runs (user_id);
