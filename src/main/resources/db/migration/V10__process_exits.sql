-- Exceptions have a place in the workflow (issue 17, DESIGN §12): the exit a call's entry process took and
-- why (a change rejected at C3, ...), beside its status.
ALTER TABLE usm_call ADD COLUMN outcome VARCHAR(2000);
-- A risk the improvement loop raised names its finder (DESIGN §12): the requester rules protect a
-- customer's call, not a finding, so they do not bar the finder from planning or negotiating it.
ALTER TABLE usm_call ADD COLUMN raised_by VARCHAR(255);
