/**
 * The database schema, as an append-only list of migrations: migration N takes a database from
 * `user_version` N-1 to N. Never edit a released migration; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the digest's state and the thread memory.
  `
  -- Channels that get the digest. 'config' rows mirror DIGEST_*_CHANNELS and come and go with
  -- them; 'command' rows come from /paper digest subscribe and get digests from the next period.
  CREATE TABLE subscriptions (
    platform      TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
    channel_id    TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('config', 'command')),
    subscribed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id)
  ) STRICT;

  -- One row per channel and period, inserted (claimed) before the post is sent: the primary key
  -- is what makes a digest go out at most once, across restarts and processes.
  CREATE TABLE digests (
    platform        TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    period          TEXT NOT NULL,
    paper_id        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('sending', 'posted', 'failed', 'abandoned')),
    attempts        INTEGER NOT NULL,
    claimed_by      TEXT NOT NULL,
    claimed_at      INTEGER NOT NULL,
    next_attempt_at INTEGER,
    last_error      TEXT,
    message_id      TEXT,
    posted_at       INTEGER,
    PRIMARY KEY (platform, channel_id, period)
  ) STRICT;

  -- The reading queue: every paper the bot has seen, in the order it was added.
  CREATE TABLE reading_queue (
    paper_id      TEXT PRIMARY KEY,
    position      INTEGER NOT NULL UNIQUE,
    added_at      INTEGER NOT NULL,
    last_featured TEXT
  ) STRICT;

  -- The paper each period features: chosen once, shared by every channel.
  CREATE TABLE featured (
    period    TEXT PRIMARY KEY,
    paper_id  TEXT NOT NULL,
    chosen_at INTEGER NOT NULL
  ) STRICT;

  -- How many answers the bot gave about each paper, per workspace and hour. No message text and
  -- no user id: only the paper, the workspace and when.
  CREATE TABLE question_counts (
    scope    TEXT NOT NULL,
    paper_id TEXT NOT NULL,
    hour     INTEGER NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (scope, paper_id, hour)
  ) STRICT;

  -- Which paper each chat thread is about, so follow-ups (and digest threads) keep their paper
  -- across restarts and between the bot and 'paperbot digest run'.
  CREATE TABLE thread_papers (
    thread   TEXT PRIMARY KEY,
    paper_id TEXT NOT NULL,
    at       INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX thread_papers_at ON thread_papers (at);
  `,
  // 2: a channel's platform is plain text, any registered platform's name: a new platform needs
  // no schema change. SQLite cannot drop a CHECK constraint, so the table is rebuilt.
  `
  CREATE TABLE subscriptions_v2 (
    platform      TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('config', 'command')),
    subscribed_at INTEGER NOT NULL,
    PRIMARY KEY (platform, channel_id)
  ) STRICT;
  INSERT INTO subscriptions_v2 (platform, channel_id, source, subscribed_at)
    SELECT platform, channel_id, source, subscribed_at FROM subscriptions;
  DROP TABLE subscriptions;
  ALTER TABLE subscriptions_v2 RENAME TO subscriptions;
  `,
  // 3: feedback and knowledge gaps (#16). Answers and declined questions, votes on answers. No
  // user id and no name: a voter is an HMAC of the platform's user id, keyed with this database's
  // own secret and the answer's id, so it only tells one vote per person per answer. The question,
  // its normalized key and the passage are cleared after FEEDBACK_RETENTION_DAYS (never stored
  // with RECORD_QUESTIONS=off); the rest stays, for the counts `paperbot stats` shows.
  `
  CREATE TABLE answers (
    id           TEXT PRIMARY KEY,
    platform     TEXT NOT NULL,
    scope        TEXT,
    kind         TEXT NOT NULL CHECK (kind IN ('answered', 'declined')),
    question     TEXT,
    question_key TEXT,
    paper_id     TEXT,
    passage      TEXT,
    section      TEXT,
    at           INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX answers_at ON answers (at);

  CREATE TABLE votes (
    answer_id TEXT NOT NULL,
    voter     TEXT NOT NULL,
    helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    at        INTEGER NOT NULL,
    PRIMARY KEY (answer_id, voter)
  ) STRICT;

  -- Settings the database keeps for itself: the key voters are hashed with.
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 4: the digest's open questions (#16, DIGEST_OPEN_QUESTIONS=on), on the digest's own row. They
  // are claimed ('sending') in one statement before they are sent, so they go out at most once per
  // digest, across restarts and processes; 'none' when there was none to show. Only how many were
  // shown is kept, never their words (those stay in answers, under its retention).
  `
  ALTER TABLE digests ADD COLUMN open_questions TEXT
    CHECK (open_questions IN ('none', 'sending', 'posted', 'failed'));
  ALTER TABLE digests ADD COLUMN open_questions_count INTEGER;
  ALTER TABLE digests ADD COLUMN open_questions_error TEXT;
  `,
];
