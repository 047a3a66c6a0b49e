-- Every command api-command has handed to the broker, so that a retry with the same
-- commandId gets the same answer, and a different body under the same id gets 422.
CREATE TABLE accepted_commands (
    command_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    body_hash   VARCHAR(64)  NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
