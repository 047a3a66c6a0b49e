-- Portable SQL (H2 and PostgreSQL): what RetentionPruner looks for.
CREATE INDEX processed_commands_processed_at ON processed_commands (processed_at);
