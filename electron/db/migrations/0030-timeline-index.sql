-- A patient's timeline is read newest first; this index serves that order without a sort step.
CREATE INDEX sessions_timeline ON sessions(patient_id, date DESC, created_at DESC);
DROP INDEX sessions_by_patient;
