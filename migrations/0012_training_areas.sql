-- Each training is for an area: the whole country (0, as every training before this
-- migration), a regency (its Kemendagri code, e.g. 3212) or a village (e.g. 3212162004). People
-- see their village's and regency's trainings first, then the national ones; staff manage the
-- trainings of their own area.
ALTER TABLE trainings ADD COLUMN area INTEGER NOT NULL DEFAULT 0;
CREATE INDEX trainings_by_area ON trainings (area, starts_at);
