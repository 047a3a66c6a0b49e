-- what AcceptedCommandsPruner looks for
CREATE INDEX accepted_commands_accepted_at ON accepted_commands (accepted_at);
