-- Service definitions live in the database (issue 11): every version of every service as its designer
-- wrote it, who changed it when and why, its state and the deployment of its workflows. The files under
-- usm.services.locations only seed an empty table.
CREATE TABLE usm_service_version (
  service_id     VARCHAR(41)     NOT NULL,
  version        INTEGER         NOT NULL,
  definition     VARCHAR(200000) NOT NULL,
  state          VARCHAR(10)     NOT NULL,
  changed_by     VARCHAR(255),
  changed_at     TIMESTAMP       NOT NULL,
  change_note    VARCHAR(2000)   NOT NULL,
  deployment_id  VARCHAR(64),
  template_digest VARCHAR(64),
  CONSTRAINT pk_usm_service_version PRIMARY KEY (service_id, version)
);
