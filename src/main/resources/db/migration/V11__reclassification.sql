-- An accept step reclassifies a call registered as the wrong type (issue 17, DESIGN §12): the call that goes on
-- in its place, of the right type (the new call names this one as the call it came from).
ALTER TABLE usm_call ADD COLUMN reclassified_as VARCHAR(20);
