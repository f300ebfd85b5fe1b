-- Privileges and row-level security.
--
-- RLS binds every role but superusers and, unless FORCEd, the table owner: FORCE makes
-- it bind geogov_owner (and any login an administrator might make a member of it) too.
-- geogov_owner gets read policies only — the SECURITY DEFINER audit functions run as
-- the owner and must read the proposal they log — and an insert policy on the audit
-- table alone: even the owner's role cannot write proposals, reviews or comments
-- around the guards.
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- privileges
GRANT SELECT ON geogov.partners, geogov.members, geogov.datasets, geogov.stewardships,
  geogov.schema_version TO geogov_contributor;

GRANT SELECT, INSERT ON geogov.proposals TO geogov_contributor;
GRANT UPDATE (title, comment, status, changeset_meta, validation, departements, target_kind, target_uri,
              target_layer, target_version, target_authcfg) ON geogov.proposals TO geogov_contributor;
GRANT SELECT, INSERT, DELETE ON geogov.proposal_changes TO geogov_contributor;
GRANT USAGE ON SEQUENCE geogov.proposal_changes_id_seq TO geogov_contributor;

-- A plain contributor cannot even insert a review: the first refusal is the privilege.
GRANT SELECT ON geogov.reviews TO geogov_contributor;
GRANT INSERT ON geogov.reviews TO geogov_steward, geogov_dpo, geogov_coordinator;
GRANT USAGE ON SEQUENCE geogov.reviews_id_seq TO geogov_steward, geogov_dpo, geogov_coordinator;

GRANT SELECT, INSERT ON geogov.comments TO geogov_contributor;
GRANT USAGE ON SEQUENCE geogov.comments_id_seq TO geogov_contributor;

GRANT SELECT ON geogov.apply_attempts TO geogov_contributor;
GRANT INSERT ON geogov.apply_attempts TO geogov_steward, geogov_coordinator;
GRANT USAGE ON SEQUENCE geogov.apply_attempts_id_seq TO geogov_steward, geogov_coordinator;

-- The audit trail: read through RLS, written only by geogov.audit_append() (the owner).
-- The owner gives up its own UPDATE/DELETE/TRUNCATE; the triggers refuse them anyway.
GRANT SELECT ON geogov.audit TO geogov_contributor;
REVOKE UPDATE, DELETE, TRUNCATE ON geogov.audit FROM geogov_owner;
GRANT SELECT ON geogov.audit_head TO geogov_coordinator;
GRANT EXECUTE ON FUNCTION geogov.verify_audit() TO geogov_contributor;

-- ---------------------------------------------------------------------------- row-level security
ALTER TABLE geogov.proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.proposals FORCE ROW LEVEL SECURITY;
CREATE POLICY proposals_read ON geogov.proposals FOR SELECT TO geogov_contributor
  USING (geogov.may_see(partner, author, dataset, status, departements));
CREATE POLICY proposals_create ON geogov.proposals FOR INSERT TO geogov_contributor
  WITH CHECK (author = current_user AND partner = geogov.my_partner());
CREATE POLICY proposals_change ON geogov.proposals FOR UPDATE TO geogov_contributor
  USING (geogov.may_see(partner, author, dataset, status, departements))
  WITH CHECK (geogov.may_see(partner, author, dataset, status, departements));
CREATE POLICY proposals_owner_read ON geogov.proposals FOR SELECT TO geogov_owner USING (true);

ALTER TABLE geogov.proposal_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.proposal_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY proposal_changes_read ON geogov.proposal_changes FOR SELECT TO geogov_contributor
  USING (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY proposal_changes_add ON geogov.proposal_changes FOR INSERT TO geogov_contributor
  WITH CHECK (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY proposal_changes_remove ON geogov.proposal_changes FOR DELETE TO geogov_contributor
  USING (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY proposal_changes_owner_read ON geogov.proposal_changes FOR SELECT TO geogov_owner
  USING (true);

ALTER TABLE geogov.reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY reviews_read ON geogov.reviews FOR SELECT TO geogov_contributor
  USING (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY reviews_add ON geogov.reviews FOR INSERT TO geogov_contributor
  WITH CHECK (reviewer = current_user AND EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY reviews_owner_read ON geogov.reviews FOR SELECT TO geogov_owner USING (true);

ALTER TABLE geogov.comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.comments FORCE ROW LEVEL SECURITY;
CREATE POLICY comments_read ON geogov.comments FOR SELECT TO geogov_contributor
  USING (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY comments_add ON geogov.comments FOR INSERT TO geogov_contributor
  WITH CHECK (author = current_user AND EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY comments_owner_read ON geogov.comments FOR SELECT TO geogov_owner USING (true);

ALTER TABLE geogov.apply_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.apply_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY apply_attempts_read ON geogov.apply_attempts FOR SELECT TO geogov_contributor
  USING (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY apply_attempts_add ON geogov.apply_attempts FOR INSERT TO geogov_contributor
  WITH CHECK (actor = current_user AND EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id));
CREATE POLICY apply_attempts_owner_read ON geogov.apply_attempts FOR SELECT TO geogov_owner USING (true);

ALTER TABLE geogov.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.audit FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON geogov.audit FOR SELECT TO geogov_contributor
  USING ('coordinator' = ANY (geogov.my_roles())
         OR (proposal_id IS NOT NULL AND EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id)));
CREATE POLICY audit_owner_read ON geogov.audit FOR SELECT TO geogov_owner USING (true);
CREATE POLICY audit_owner_append ON geogov.audit FOR INSERT TO geogov_owner WITH CHECK (true);
