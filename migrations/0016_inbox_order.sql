-- The inbox's order (urgent cases first, then the longest waiting), served by an index: its
-- first page over ten thousand open questions is read, not sorted.
CREATE INDEX questions_inbox ON questions ((urgent_place IS NULL), opened_at, id)
    WHERE status = 'open';
