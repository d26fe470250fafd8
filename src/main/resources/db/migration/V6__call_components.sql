-- The managed components a call concerns (rule H12, at accept steps) and those its change modifies (rule H1,
-- at C3; C8 records exactly these in the MIR): ids separated by commas.
ALTER TABLE usm_call ADD COLUMN concerned_components VARCHAR(2000);
ALTER TABLE usm_call ADD COLUMN changed_components VARCHAR(2000);
