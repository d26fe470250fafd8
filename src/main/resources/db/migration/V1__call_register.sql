-- The product's own records beside the engine's tables: tracking number counters and the call register.
-- Kept outside the engine's history so that they survive history cleanup and a move to another engine.

CREATE TABLE usm_tracking_counter (
  prefix      VARCHAR(3)  NOT NULL,
  counter_year        INTEGER     NOT NULL,
  last_sequence  INTEGER     NOT NULL,
  CONSTRAINT pk_usm_tracking_counter PRIMARY KEY (prefix, counter_year)
);

CREATE TABLE usm_call (
  tracking_number       VARCHAR(20)   NOT NULL,
  service_id            VARCHAR(41)   NOT NULL,
  call_type             VARCHAR(20)   NOT NULL,
  pattern               VARCHAR(3)    NOT NULL,
  status                VARCHAR(20)   NOT NULL,
  summary               VARCHAR(500)  NOT NULL,
  requester             VARCHAR(255)  NOT NULL,
  registered_by         VARCHAR(255),
  registered_at         TIMESTAMP     NOT NULL,
  sla_due_at            TIMESTAMP     NOT NULL,
  process_instance_id   VARCHAR(64)   NOT NULL,
  parent_tracking_number VARCHAR(20),
  CONSTRAINT pk_usm_call PRIMARY KEY (tracking_number)
);

CREATE INDEX ix_usm_call_service ON usm_call (service_id);
CREATE INDEX ix_usm_call_parent ON usm_call (parent_tracking_number);
