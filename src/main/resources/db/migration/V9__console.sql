-- The admin web console (issue 11): its users, and what they did. Passwords are bcrypt hashes ({bcrypt} prefix
-- optional); there is no default user: the first admin comes from NOCTURNE_ADMIN_USERNAME / NOCTURNE_ADMIN_PASSWORD.

CREATE TABLE console_user (
    id            bigserial PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('ADMIN', 'VIEWER')),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per action asked in the console (restart, stop, abandon, recover, run ..., resolve a reject, add a user).
-- An action launched in the background is written LAUNCHED, then updated with its outcome when it ends.
CREATE TABLE console_audit (
    id           bigserial PRIMARY KEY,
    who          text NOT NULL,
    action       text NOT NULL,
    execution_id bigint,
    outcome      text NOT NULL CHECK (outcome IN ('DONE', 'LAUNCHED', 'REFUSED', 'FAILED')),
    message      text,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX console_audit_at ON console_audit (at DESC);
