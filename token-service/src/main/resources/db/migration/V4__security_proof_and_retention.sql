-- Security proof of a habilitation (DGFIP ENSU terms, 3.4): a security homologation (RGS) with its
-- end of validity, or a security questionnaire (valid three years after its date). Every proof
-- recorded is kept (history); the habilitation's current proof is the one recorded last.
CREATE TABLE security_proofs (
    id              uuid PRIMARY KEY,
    habilitation_id uuid        NOT NULL REFERENCES habilitations (id),
    kind            varchar(16) NOT NULL CHECK (kind IN ('homologation', 'questionnaire')),
    reference       text        NOT NULL,
    proof_date      date        NOT NULL,
    valid_until     date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text        NOT NULL,
    CHECK (valid_until >= proof_date)
);
CREATE INDEX security_proofs_habilitation ON security_proofs (habilitation_id, recorded_at DESC);
CREATE INDEX security_proofs_valid_until ON security_proofs (valid_until);

-- One row per (proof, threshold): the security proof notices' memory across restarts and
-- instances, like token_notices. threshold is an ISO-8601 period (P3M, P1M, P7D).
CREATE TABLE security_proof_notices (
    proof_id    uuid        NOT NULL REFERENCES security_proofs (id) ON DELETE CASCADE,
    threshold   varchar(16) NOT NULL,
    outcome     varchar(16) NOT NULL CHECK (outcome IN ('sent', 'superseded')),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (proof_id, threshold)
);

-- A habilitation suspended for the routes that require a proof ('security_proof'); null when not.
-- Copied into every token state copy as "suspended".
ALTER TABLE habilitations ADD COLUMN suspended varchar(32) CHECK (suspended IN ('security_proof'));
ALTER TABLE habilitations ADD COLUMN suspended_at timestamptz;
-- End of validity of the current proof, kept beside the habilitation for its views (partner API).
ALTER TABLE habilitations ADD COLUMN security_proof_valid_until date;

-- Retention per API family: when the habilitation's own data (intitulé, legal basis, reasons,
-- security proofs) were erased, once its family's retention after the end of use had passed.
ALTER TABLE habilitations ADD COLUMN data_erased_at timestamptz;
