-- Payloads in a table of their own (#16). A firing changes an event's status, and on H2, which copies a whole row on every
-- change, an event row carrying its 13 KB payload was written again with it: 20 000 events of 12.9 KB wrote about
-- 1 GB, and status changes ran five to ten times slower than with the payload apart (bench/EventRows.java).
-- PostgreSQL kept large payloads out of the row already (TOAST); there the split costs one insert more.
CREATE TABLE automation_event_payloads (
    event_id UUID PRIMARY KEY REFERENCES automation_events (id) ON DELETE CASCADE,
    payload  VARCHAR(1048576) NOT NULL
);
INSERT INTO automation_event_payloads (event_id, payload) SELECT id, payload FROM automation_events;
ALTER TABLE automation_events DROP COLUMN payload;
