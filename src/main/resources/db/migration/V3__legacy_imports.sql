-- Legacy export imports: one import_batch per file (keyed by its SHA-256, so a file is imported once), one
-- import_reject per problem found on a row, and the business tables the legacy files feed. Every imported row
-- remembers the batch and line it came from: a restarted or repeated import recognises its own rows.

CREATE TABLE import_batch (
    id                 bigserial PRIMARY KEY,
    job_instance_id    bigint,
    job_execution_id   bigint,
    file_name          text NOT NULL,
    file_path          text NOT NULL,
    file_sha256        char(64) NOT NULL UNIQUE,
    file_size          bigint NOT NULL,
    file_kind          text,
    detected_encoding  text,
    delimiter          text,
    has_bom            boolean,
    has_header         boolean,
    status             text NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'REFUSED')),
    rows_read          integer NOT NULL DEFAULT 0,
    rows_written       integer NOT NULL DEFAULT 0,
    rows_duplicate     integer NOT NULL DEFAULT 0,
    rows_rejected      integer NOT NULL DEFAULT 0,
    warnings           text[] NOT NULL DEFAULT '{}',
    message            text,
    started_at         timestamptz,
    finished_at        timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batch_job_instance ON import_batch (job_instance_id);

-- The error codes are the RejectCode enum of the application; ImportRejectCodesTest keeps the two lists equal.
CREATE TABLE import_reject (
    id              bigserial PRIMARY KEY,
    import_batch_id bigint NOT NULL REFERENCES import_batch (id),
    line_number     integer NOT NULL,
    raw_line        text,
    field_name      text NOT NULL DEFAULT '',
    raw_value       text,
    error_code      text NOT NULL CHECK (error_code IN (
        'BAD_DATE', 'AMBIGUOUS_YEAR', 'BAD_AMOUNT', 'BAD_NUMBER', 'BAD_VALUE', 'BAD_ENCODING', 'MISSING_REQUIRED',
        'UNKNOWN_TECHNICIAN', 'UNKNOWN_PRODUCT', 'BAD_STATUS', 'COLUMN_COUNT', 'BAD_QUOTING', 'UNKNOWN_FORMAT',
        'EMPTY_FILE', 'UNREADABLE_FILE', 'DUPLICATE', 'UNKNOWN_INSTITUTION')),
    message         text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    resolved_by     text,
    UNIQUE (import_batch_id, line_number, error_code, field_name)
);

CREATE TABLE pda_request (
    id                      bigserial PRIMARY KEY,
    legacy_id               text NOT NULL UNIQUE,
    business_key            text NOT NULL UNIQUE,
    source                  text NOT NULL CHECK (source IN ('legacy_csv', 'tab_paste', 'email', 'manual', 'orphan')),
    request_date            date,
    appointment_date        date NOT NULL,
    time_text               text,
    time_24h                time,
    room_code               varchar(12) REFERENCES venue_room (code),
    room_original           text,
    for_who                 text,
    diapason                smallint CHECK (diapason BETWEEN 440 AND 443),
    requester_code          varchar(4),
    piano_text              text,
    piano_external_id       text,
    technician_id           bigint REFERENCES technician (id),
    technician_text         text,
    technician_gazelle_id   text,
    appointment_external_id text,
    status                  text NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'CREATED_IN_GAZELLE', 'ASSIGN_OK', 'COMPLETED', 'BILLED')),
    billing_amount          numeric(8, 2) NOT NULL DEFAULT 175.00,
    parking_amount          numeric(8, 2),
    billed_at               timestamptz,
    billed_by               text,
    notes                   text,
    import_warnings         text[] NOT NULL DEFAULT '{}',
    original_raw_text       text,
    import_batch_id         bigint REFERENCES import_batch (id),
    source_line             integer,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pda_request_appointment_date ON pda_request (appointment_date);

CREATE TABLE pda_request_status_history (
    id             bigserial PRIMARY KEY,
    pda_request_id bigint NOT NULL REFERENCES pda_request (id),
    from_status    text,
    to_status      text NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT now(),
    changed_by     text NOT NULL,
    reason         text,
    UNIQUE (pda_request_id, to_status)
);

-- The hand-kept overlay of an institution's piano fleet. Gazelle never writes here; piano_external_id is filled
-- when the serial matches a synced piano.
CREATE TABLE venue_piano (
    id                bigserial PRIMARY KEY,
    institution_id    bigint NOT NULL REFERENCES institution (id),
    natural_key       text NOT NULL,
    piano_external_id text,
    room_code         varchar(12) REFERENCES venue_room (code),
    local_text        text,
    piano_text        text,
    serial_raw        text,
    serial_normalized text,
    piano_type        text CHECK (piano_type IN ('UPRIGHT', 'GRAND', 'DIGITAL')),
    abbreviation      text,
    priority          text,
    status            text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'proposed', 'top', 'completed')),
    todo              text,
    work_done         text,
    observations      text,
    last_tuned_on     date,
    hidden            boolean NOT NULL DEFAULT false,
    is_uncertain      boolean NOT NULL DEFAULT false,
    uncertainty_note  text,
    in_legacy_file    boolean NOT NULL DEFAULT true,
    import_warnings   text[] NOT NULL DEFAULT '{}',
    import_batch_id   bigint REFERENCES import_batch (id),
    source_line       integer,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, natural_key)
);

CREATE TABLE product (
    id                 bigserial PRIMARY KEY,
    legacy_product_id  text UNIQUE,
    code               text UNIQUE,
    name               text NOT NULL,
    display_name_fr    text,
    display_name_en    text,
    category           text,
    unit               text NOT NULL DEFAULT 'unité',
    unit_cost          numeric(10, 2),
    unit_price         numeric(10, 2),
    supplier           text,
    has_commission     boolean NOT NULL DEFAULT false,
    commission_rate    numeric(5, 2),
    variant_group      text,
    variant_label      text,
    display_order      integer,
    gazelle_msl_id     text,
    active             boolean NOT NULL DEFAULT true,
    legacy_created_at  timestamptz,
    import_batch_id    bigint REFERENCES import_batch (id),
    source_line        integer,
    -- the display-names export completes a product: where its row came from, for the same replay rule
    display_batch_id   bigint REFERENCES import_batch (id),
    display_line       integer,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE technician_stock (
    id                  bigserial PRIMARY KEY,
    product_id          bigint NOT NULL REFERENCES product (id),
    technician_id       bigint NOT NULL REFERENCES technician (id),
    location            text NOT NULL DEFAULT 'Atelier',
    quantity            numeric(10, 2) NOT NULL,
    reorder_threshold   numeric(10, 2),
    last_checked_at     timestamptz,
    legacy_inventory_id text,
    import_batch_id     bigint REFERENCES import_batch (id),
    source_line         integer,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, technician_id, location)
);

CREATE TABLE stock_movement (
    id                    bigserial PRIMARY KEY,
    legacy_transaction_id text UNIQUE,
    content_key           text NOT NULL UNIQUE,
    product_id            bigint NOT NULL REFERENCES product (id),
    technician_id         bigint NOT NULL REFERENCES technician (id),
    location              text NOT NULL DEFAULT 'Atelier',
    occurred_at           timestamptz NOT NULL,
    delta                 numeric(10, 2) NOT NULL,
    quantity_before       numeric(10, 2),
    quantity_after        numeric(10, 2),
    reason                text NOT NULL CHECK (reason IN ('ajout', 'retrait', 'transfert', 'correction', 'ajustement', 'deduction')),
    source                text,
    source_ref            text,
    client_ref            text,
    notes                 text,
    import_batch_id       bigint REFERENCES import_batch (id),
    source_line           integer,
    created_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, source_ref, product_id)
);
