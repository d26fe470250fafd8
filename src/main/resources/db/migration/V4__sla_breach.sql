-- When the end-to-end SLA of a call passed before it closed; becomes an improvement finding at evaluation.
ALTER TABLE usm_call ADD COLUMN sla_breached_at TIMESTAMP;
