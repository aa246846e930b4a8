-- Console login throttling and user management (issue 21).
-- Failed logins per user name, whether the user exists or not (so a lock says nothing about who exists): after
-- nocturne.console.max-failures consecutive failures the name is locked until locked_until, whatever the password.
CREATE TABLE console_login_failure (
    username        text PRIMARY KEY,
    failures        integer NOT NULL DEFAULT 0,
    last_failure_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz
);

-- A password reset by an admin must be changed by its user at the next login.
ALTER TABLE console_user ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;

-- Like every table of public (V10): row-level security, nocturne_etl may do everything.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nocturne_etl') THEN
        EXECUTE 'ALTER TABLE public.console_login_failure ENABLE ROW LEVEL SECURITY';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON public.console_login_failure TO nocturne_etl';
        EXECUTE 'CREATE POLICY nocturne_etl_all ON public.console_login_failure FOR ALL TO nocturne_etl USING (true) WITH CHECK (true)';
    END IF;
END $$;
