-- What the auditor's trail and the chain figures read (issue 10): when a call closed, when each step's
-- task was opened (the waiting time before it was worked), the process instance of a product event, and
-- the kind of a linked call under its contract name.
ALTER TABLE usm_call ADD COLUMN closed_at TIMESTAMP;
ALTER TABLE usm_step_completion ADD COLUMN opened_at TIMESTAMP;
ALTER TABLE usm_audit_event ADD COLUMN process_instance_id VARCHAR(64);
UPDATE usm_audit_event SET kind = 'LINKED_CALL' WHERE kind = 'LINK';
CREATE INDEX ix_usm_call_registered ON usm_call (registered_at);
CREATE INDEX ix_usm_call_requester ON usm_call (requester);
CREATE INDEX ix_usm_audit_event_kind ON usm_audit_event (kind, tracking_number);
