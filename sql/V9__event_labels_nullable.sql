-- §8: an event whose trigger has no label paths, or that was never labelled (filtered, failed), has no labels:
-- NULL, which is not the same as label paths that found nothing ('{}'). Earlier events keep the '{}' they were
-- stored with: rewriting a week of events would hold a long lock on a busy table for a cosmetic change.
ALTER TABLE automation_events ALTER COLUMN resolved_labels DROP NOT NULL;
