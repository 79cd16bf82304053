-- The periods a habilitation opens, per scope (DGFIP ENSU terms, 4: the producer checks the
-- consumer's rights "for the period concerned"). JSON text, like contacts:
-- {"<scope>": {"years": [2022, 2023]} | {"from": "2022-01-01", "to": "2023-12-31"}}; null = no restriction.
-- Written into every token state copy of the habilitation (field `periods`), read by the gateway.
ALTER TABLE habilitations ADD COLUMN periods text;
