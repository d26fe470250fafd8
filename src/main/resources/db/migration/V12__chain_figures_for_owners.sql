-- What the owners' chain figures read (issue 18, DESIGN §13): when the customer got the result (the entry
-- process's accepted review fulfilled the call), how often work went back (a rejected review or a failed
-- test), and per step which team worked it and when somebody of it first took it up.
ALTER TABLE usm_call ADD COLUMN fulfilled_at TIMESTAMP;
ALTER TABLE usm_call ADD COLUMN rework_count INTEGER DEFAULT 0 NOT NULL;
-- An ended call's step completions in one value (chain.CallStepFacts): the figures read a row per call.
ALTER TABLE usm_call ADD COLUMN step_facts VARCHAR(100000);
ALTER TABLE usm_step_completion ADD COLUMN claimed_at TIMESTAMP;
ALTER TABLE usm_step_completion ADD COLUMN group_id VARCHAR(255);
-- The first time a step's task got an assignee, by the activity instance of the step; read as the step is
-- completed. Kept with the call and removed with it by retention.
CREATE TABLE usm_step_claim (
  activity_instance_id VARCHAR(64)  NOT NULL,
  tracking_number      VARCHAR(20)  NOT NULL,
  claimed_at           TIMESTAMP    NOT NULL,
  CONSTRAINT pk_usm_step_claim PRIMARY KEY (activity_instance_id)
);
CREATE INDEX ix_usm_step_claim_call ON usm_step_claim (tracking_number);
-- Work that went back before this version: a step completed again in the same process instance.
UPDATE usm_call SET rework_count = (
  SELECT COUNT(*) - COUNT(DISTINCT s.process_instance_id || ' ' || s.step) FROM usm_step_completion s
  WHERE s.tracking_number = usm_call.tracking_number);
