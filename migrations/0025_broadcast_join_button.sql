-- An announcement may carry one button, «✍️ Ikut pelatihan ini», that signs the recipient up
-- for this training (as the training's own button does). A training deleted later takes the
-- button with it.
ALTER TABLE broadcasts ADD COLUMN join_training_id INTEGER REFERENCES trainings (id) ON DELETE SET NULL;
