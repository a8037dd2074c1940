-- The rolling hour of §9 counts only an automation's created and continued events. On (automation_id, fired_at) each
-- firing group also read every rate-limited event of the hour: after a 60 s burst of 37 000 deliveries into one
-- automation, a group of 25 read about 37 000 index entries and rows, and the backlog drained at about 45 events/s.
-- With the status in the key, a count reads at most the hour's limits (1 000 and 1 000 at the most).
CREATE INDEX automation_events_window_idx ON automation_events (automation_id, status, fired_at);
DROP INDEX automation_events_fired_idx;
