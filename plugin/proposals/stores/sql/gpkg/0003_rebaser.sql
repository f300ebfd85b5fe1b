-- Whoever rebases a conflicted proposal may not approve that round (as in PostgreSQL's
-- sql/postgres/0006): gpkg_store.py stamps and checks it.
ALTER TABLE proposals ADD COLUMN rebased_by TEXT;
