-- Seasonal service contracts (the summer academy's engagement, the music school's tours) and their instalments,
-- from the contracts export (DOMAIN.md, "Service contracts", proposed format). Money in dollars.
CREATE TABLE service_contract (
    id                bigserial PRIMARY KEY,
    institution_id    bigint NOT NULL REFERENCES institution (id),
    season            smallint NOT NULL,
    starts_on         date,
    ends_on           date,
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'signed', 'closed')),
    day_rate          numeric(12, 2),
    planned_tech_days numeric(5, 1),
    done_tech_days    numeric(5, 1),
    prep_tech_days    numeric(5, 1),
    extra_tuning_rate numeric(12, 2),
    extra_tunings     integer,
    per_request_rate  numeric(12, 2),
    travel_rate       numeric(12, 2),
    planned_trips     integer,
    done_trips        integer,
    discount_amount   numeric(12, 2),
    notice_days       integer,
    signed_on         date,
    notes             text,
    import_batch_id   bigint REFERENCES import_batch (id),
    source_line       integer,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, season)
);

CREATE TABLE contract_installment (
    id                  bigserial PRIMARY KEY,
    contract_id         bigint NOT NULL REFERENCES service_contract (id),
    seq                 smallint NOT NULL,
    due_on              date,
    amount_before_tax   numeric(12, 2) NOT NULL,
    invoice_external_id text,
    paid_on             date,
    import_batch_id     bigint REFERENCES import_batch (id),
    source_line         integer,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (contract_id, seq)
);
