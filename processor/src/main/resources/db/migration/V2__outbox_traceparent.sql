-- The trace context of the command span that wrote the event, so the relay's publish joins its trace.
ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(55);
