-- The academy's tables. The playbook's three lookup indexes (idx_users_telegram_id, idx_progress_user_lesson,
-- idx_events_aggregate_version) are declared here as UNIQUE constraints under the playbook's names: the
-- domain relies on them being unique (one user per Telegram id, one progress row per user and lesson,
-- one event per aggregate version — the optimistic-concurrency check), and a constraint is what
-- ON CONFLICT needs. They are created with their tables, which are empty here, so CONCURRENTLY buys nothing.

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  telegram_id    bigint      NOT NULL,
  language       text        NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru')),
  first_name     text        NOT NULL DEFAULT '',
  last_name      text,
  username       text,
  -- false once the learner has blocked the bot: we stop messaging them.
  is_active      boolean     NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_active_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idx_users_telegram_id UNIQUE (telegram_id)
);

CREATE TABLE courses (
  id           text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  position     integer     NOT NULL,
  level        text        NOT NULL,
  title        jsonb       NOT NULL, -- {"en": "...", "ru": "..."}
  description  jsonb       NOT NULL,
  content_hash text        NOT NULL,
  published    boolean     NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lessons (
  id               text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  course_id        text        NOT NULL REFERENCES courses (id),
  position         integer     NOT NULL,
  title            jsonb       NOT NULL, -- per locale
  body             jsonb       NOT NULL, -- Markdown per locale
  quiz             jsonb       NOT NULL, -- questions with per-locale text, options and the answer
  duration_minutes integer     NOT NULL DEFAULT 5,
  content_hash     text        NOT NULL,
  published        boolean     NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- The projection of the progress events: one row per user and lesson, updated in the same transaction
-- that appends the events, so it always equals a replay of them.
CREATE TABLE learning_progress (
  user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id    text        NOT NULL REFERENCES lessons (id),
  score        integer     NOT NULL CHECK (score BETWEEN 0 AND 100), -- best score so far
  last_score   integer     NOT NULL CHECK (last_score BETWEEN 0 AND 100),
  completed    boolean     NOT NULL DEFAULT false,
  attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  version      integer     NOT NULL, -- the event version this row reflects
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CONSTRAINT idx_progress_user_lesson UNIQUE (user_id, lesson_id)
);

-- Append-only. aggregate_id is "progress:<user id>:<lesson id>"; the "C" collation lets the unique index
-- answer prefix ranges (all of one learner's events) as well as exact lookups.
CREATE TABLE event_store (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aggregate_id  text COLLATE "C" NOT NULL,
  event_version integer     NOT NULL CHECK (event_version > 0),
  type          text        NOT NULL,
  payload       jsonb       NOT NULL,
  metadata      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idx_events_aggregate_version UNIQUE (aggregate_id, event_version)
);
