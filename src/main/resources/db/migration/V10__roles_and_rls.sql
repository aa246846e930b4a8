-- Roles and row-level security. Supabase exposes schema public over REST to the roles anon (no login) and
-- authenticated (a signed-in dashboard user); a table without row-level security is readable (and, with Supabase's
-- default grants, writable) by them. Here:
--   * the Supabase roles are created when missing, so the same policies are exercised on the embedded PostgreSQL;
--   * nocturne_etl is the role Nocturne can run as: only the privileges it needs (NOLOGIN here; on Supabase an
--     administrator runs ALTER ROLE nocturne_etl LOGIN PASSWORD '...' by hand, see the README);
--   * every table of public created by the migrations gets row-level security: authenticated may read what the
--     dashboard reads, anon nothing, nocturne_etl everything, and system_settings (it holds the Gazelle OAuth token)
--     nobody but nocturne_etl.
-- The owner of a table (the user Flyway runs as) bypasses row-level security: Nocturne connected as the owner
-- keeps working unchanged. Safe to run on a database where the roles or the policies already exist.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
        CREATE ROLE anon NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
        CREATE ROLE authenticated NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
        BEGIN
            CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            CREATE ROLE service_role NOLOGIN NOINHERIT;
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nocturne_etl') THEN
        CREATE ROLE nocturne_etl NOLOGIN NOINHERIT;
    END IF;
END
$$;

-- nocturne_etl: the schemas, the sequences, the job repository, and read/insert/update on the business tables.
GRANT USAGE ON SCHEMA public, batch TO nocturne_etl;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA batch TO nocturne_etl;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA batch TO nocturne_etl;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO nocturne_etl;

DO $$
DECLARE
    -- every table of public created by V2..V9. Not flyway_schema_history: Flyway holds a lock on it while it
    -- migrates (ALTER TABLE would wait for ever); enable its row-level security by hand on Supabase (README).
    all_tables text[] := ARRAY[
        'institution', 'institution_alias', 'venue_room', 'venue_room_alias', 'technician', 'technician_alias',
        'import_batch', 'import_reject', 'pda_request', 'pda_request_status_history', 'venue_piano', 'product',
        'technician_stock', 'stock_movement',
        'gazelle_users', 'gazelle_clients', 'gazelle_contacts', 'gazelle_pianos', 'gazelle_appointments',
        'gazelle_appointment_pianos', 'gazelle_timeline_entries', 'gazelle_invoices', 'gazelle_invoice_items',
        'system_settings', 'sync_logs', 'sync_reject', 'sync_count_check',
        'service_contract', 'contract_installment', 'pda_anomaly', 'pda_orphan_dismissal', 'mail_delivery',
        'console_user', 'console_audit'];
    -- what the dashboard (role authenticated) reads
    dashboard_tables text[] := ARRAY[
        'gazelle_users', 'gazelle_clients', 'gazelle_contacts', 'gazelle_pianos', 'gazelle_appointments',
        'gazelle_appointment_pianos', 'gazelle_timeline_entries', 'gazelle_invoices', 'gazelle_invoice_items',
        'pda_request', 'venue_piano', 'institution', 'venue_room', 'technician', 'product', 'technician_stock',
        'stock_movement', 'service_contract', 'contract_installment', 'sync_logs', 'sync_count_check', 'import_batch'];
    -- the only table Nocturne deletes from (superseded tle_ timeline rows, SyncItemWriter)
    delete_tables text[] := ARRAY['gazelle_timeline_entries'];
    t text;
BEGIN
    FOREACH t IN ARRAY all_tables LOOP
        IF to_regclass(format('public.%I', t)) IS NULL THEN
            CONTINUE;
        END IF;
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON public.%I TO nocturne_etl', t);
        EXECUTE format('DROP POLICY IF EXISTS nocturne_etl_all ON public.%I', t);
        EXECUTE format('CREATE POLICY nocturne_etl_all ON public.%I FOR ALL TO nocturne_etl USING (true) WITH CHECK (true)', t);
        IF t = ANY (delete_tables) THEN
            EXECUTE format('GRANT DELETE ON public.%I TO nocturne_etl', t);
        END IF;
        EXECUTE format('DROP POLICY IF EXISTS dashboard_read ON public.%I', t);
        IF t = ANY (dashboard_tables) THEN
            EXECUTE format('GRANT SELECT ON public.%I TO authenticated', t);
            EXECUTE format('CREATE POLICY dashboard_read ON public.%I FOR SELECT TO authenticated USING (true)', t);
        END IF;
    END LOOP;
    -- The OAuth token: on Supabase the default grants give anon and authenticated every privilege on public's tables;
    -- take them back here, on top of row-level security without any policy for them.
    IF to_regclass('public.system_settings') IS NOT NULL THEN
        REVOKE ALL ON public.system_settings FROM anon, authenticated;
    END IF;
END
$$;
