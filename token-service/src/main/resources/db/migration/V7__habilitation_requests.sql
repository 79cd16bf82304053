-- A partner's request for a new démarche is a habilitation in status `submitted` (the DataPass
-- "demande d'adhésion"): the terms ask for the expected volume and the recipients of the data,
-- and record the acceptance of the terms. The decision of an operator (validate / refuse) keeps
-- its reason, time and author so the partner can follow the request.
ALTER TABLE habilitations ADD COLUMN expected_volume_per_day integer;
ALTER TABLE habilitations ADD COLUMN recipients text;
ALTER TABLE habilitations ADD COLUMN terms_accepted_at timestamptz;
ALTER TABLE habilitations ADD COLUMN decision_reason text;
ALTER TABLE habilitations ADD COLUMN decided_at timestamptz;
ALTER TABLE habilitations ADD COLUMN decided_by text;
-- A partner lists the requests of its organisation (GET /me/habilitation-requests).
CREATE INDEX habilitations_requests_idx ON habilitations (organisation_id, created_at)
    WHERE terms_accepted_at IS NOT NULL;
