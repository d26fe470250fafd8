-- Exceptions have a place in the workflow (issue 17, DESIGN §12): the exit a call's entry process took and
-- why (a change rejected at C3, ...), beside its status.
ALTER TABLE usm_call ADD COLUMN outcome VARCHAR(2000);
