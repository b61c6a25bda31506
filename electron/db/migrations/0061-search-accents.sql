-- Patients saved before 0020 got their search columns from SQLite's lower(), which keeps accents: "Åsa"
-- became "åsa" and could not be found by "asa", the way the app searches (shared/domain/search.ts).
-- The step after this migration (electron/db/migration-steps.ts) recomputes the three search columns of
-- every patient whose stored copy differs from the app's normalisation. They are derived columns, not
-- part of the audited row images, so the fix writes no audit entries.
SELECT 1;
