-- §8: an event whose trigger has no label paths, or that was never labelled (filtered, failed), has no labels:
-- NULL, which is not the same as label paths that found nothing ('{}'). Events that never matched had '{}' stored
-- for "no labels"; matched events keep what was stored when they were judged.
ALTER TABLE automation_events ALTER COLUMN resolved_labels DROP NOT NULL;
UPDATE automation_events SET resolved_labels = NULL WHERE filter_matched = FALSE;
