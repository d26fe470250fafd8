-- The customer's verdict on a delivery (issue 19, DESIGN §14): the requester accepts or rejects what the call
-- delivered, with a comment. The call register keeps the latest verdict and the review task (the delivery) it
-- answers, so one verdict is given per delivery; every verdict is also on the call's trail (CONFIRMATION).
ALTER TABLE usm_call ADD COLUMN verdict_accepted BOOLEAN;
ALTER TABLE usm_call ADD COLUMN verdict_comment VARCHAR(1000);
ALTER TABLE usm_call ADD COLUMN verdict_at TIMESTAMP;
ALTER TABLE usm_call ADD COLUMN verdict_by VARCHAR(255);
ALTER TABLE usm_call ADD COLUMN verdict_review_task VARCHAR(64);
