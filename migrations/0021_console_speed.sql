-- The answered questions, newest first, as the inbox's «answered» pages list them (the console
-- pages far back through them): the index gives the order, so a page is a walk, not a sort.
CREATE INDEX questions_answered ON questions (answered_at, id) WHERE status = 'answered';
