-- The partner's FranceConnect client id (the `aud` of FranceConnect's token_introspection) bound to
-- one habilitation: the gateway finds, from a FranceConnect access token, the habilitation whose
-- organisation, scopes ceiling, quota and traces the call takes. One client, one habilitation.
ALTER TABLE habilitations ADD COLUMN franceconnect_client_id varchar(128);
ALTER TABLE habilitations ADD CONSTRAINT habilitations_franceconnect_client_unique UNIQUE (franceconnect_client_id);
