-- Portable SQL (H2 and PostgreSQL): no vendor types, no vendor functions.

CREATE TABLE items (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE processed_commands (
    command_id    VARCHAR(36)    NOT NULL PRIMARY KEY,
    user_id       VARCHAR(64)    NOT NULL,
    entity_id     VARCHAR(36)    NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    outcome_json  VARCHAR(65536) NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- seq is assigned from outbox_sequence, not from an identity column: an identity value is taken
-- at insert time, so two concurrent transactions could commit in the opposite order of their ids.
-- The counter row stays locked until commit, so ids follow commit order and have no gaps.
CREATE TABLE outbox_sequence (
    id        INTEGER NOT NULL PRIMARY KEY,
    last_seq  BIGINT  NOT NULL
);
INSERT INTO outbox_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE outbox (
    seq           BIGINT         NOT NULL PRIMARY KEY,
    event_id      VARCHAR(40)    NOT NULL UNIQUE,
    user_id       VARCHAR(64),
    topic         VARCHAR(64),
    payload_json  VARCHAR(65536) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE,
    attempts      INTEGER        DEFAULT 0 NOT NULL
);
CREATE INDEX outbox_published_at ON outbox (published_at);
