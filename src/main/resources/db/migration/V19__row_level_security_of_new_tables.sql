-- Row-level security and the nocturne_etl grants (V10's rules) for the tables added since: maintenance alerts (V15),
-- the Place des Arts billing, review and completion tables and the dashboard's place_des_arts_requests (V16).
-- Nocturne only inserts and updates them; the dashboard (role authenticated) reads the alerts, and reads and writes
-- its own place_des_arts_requests (its manual form writes there, README « The dashboard's table »).
DO $$
DECLARE
    new_tables text[] := ARRAY['maintenance_alert', 'pda_accepted_difference', 'pda_completion_check', 'place_des_arts_requests'];
    dashboard_tables text[] := ARRAY['maintenance_alert', 'place_des_arts_requests'];
    t text;
BEGIN
    FOREACH t IN ARRAY new_tables LOOP
        IF to_regclass(format('public.%I', t)) IS NULL THEN
            CONTINUE;
        END IF;
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON public.%I TO nocturne_etl', t);
        EXECUTE format('DROP POLICY IF EXISTS nocturne_etl_all ON public.%I', t);
        EXECUTE format('CREATE POLICY nocturne_etl_all ON public.%I FOR ALL TO nocturne_etl USING (true) WITH CHECK (true)', t);
        EXECUTE format('DROP POLICY IF EXISTS dashboard_read ON public.%I', t);
        IF t = ANY (dashboard_tables) THEN
            EXECUTE format('GRANT SELECT ON public.%I TO authenticated', t);
            EXECUTE format('CREATE POLICY dashboard_read ON public.%I FOR SELECT TO authenticated USING (true)', t);
        END IF;
    END LOOP;
    IF to_regclass('public.place_des_arts_requests') IS NOT NULL THEN
        GRANT INSERT, UPDATE ON public.place_des_arts_requests TO authenticated;
        DROP POLICY IF EXISTS dashboard_write ON public.place_des_arts_requests;
        CREATE POLICY dashboard_write ON public.place_des_arts_requests FOR ALL TO authenticated USING (true) WITH CHECK (true);
    END IF;
END
$$;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO nocturne_etl;
