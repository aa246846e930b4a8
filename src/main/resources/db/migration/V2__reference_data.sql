-- Reference data the imports and the reconciliation resolve against: institutions, Place des Arts halls with the
-- spellings staff actually type, technicians with their nicknames. Aliases are stored folded (lower case, no
-- accents, hyphens and runs of spaces as one space) exactly as TextNormalizer.fold produces them.

CREATE TABLE institution (
    id                         bigserial PRIMARY KEY,
    slug                       text NOT NULL UNIQUE,
    name                       text NOT NULL,
    gazelle_client_external_id text UNIQUE,
    has_requests               boolean NOT NULL DEFAULT false,
    active                     boolean NOT NULL DEFAULT true
);

CREATE TABLE institution_alias (
    alias          text PRIMARY KEY,
    institution_id bigint NOT NULL REFERENCES institution (id)
);

CREATE TABLE venue_room (
    code            varchar(12) PRIMARY KEY,
    institution_id  bigint NOT NULL REFERENCES institution (id),
    name            text NOT NULL,
    has_house_piano boolean NOT NULL DEFAULT true
);

-- match_kind 'exact': the folded text equals the alias; 'all_words': every word of the alias appears in the text
-- ("loge" and "wp" anywhere means the dressing room of Wilfrid-Pelletier).
CREATE TABLE venue_room_alias (
    alias      text PRIMARY KEY,
    match_kind text NOT NULL DEFAULT 'exact' CHECK (match_kind IN ('exact', 'all_words')),
    room_code  varchar(12) NOT NULL REFERENCES venue_room (code)
);

CREATE TABLE technician (
    id              bigserial PRIMARY KEY,
    gazelle_user_id text UNIQUE,
    first_name      text NOT NULL,
    last_name       text,
    initials        varchar(4),
    email           text,
    is_placeholder  boolean NOT NULL DEFAULT false,
    active          boolean NOT NULL DEFAULT true
);

CREATE TABLE technician_alias (
    alias         text PRIMARY KEY,
    technician_id bigint NOT NULL REFERENCES technician (id)
);

INSERT INTO institution (slug, name, has_requests) VALUES
    ('place-des-arts', 'Place des Arts', true),
    ('orchestre-resident', 'Orchestre résident de la Place des Arts', true),
    ('ecole-de-musique', 'École de musique', false),
    ('academie-ete', 'Académie d''été', false),
    ('salle-universitaire', 'Salle de concert universitaire', false);

INSERT INTO institution_alias (alias, institution_id)
SELECT a.alias, i.id FROM (VALUES
    ('place des arts', 'place-des-arts'), ('pda', 'place-des-arts'),
    ('orchestre resident', 'orchestre-resident'),
    ('ecole de musique', 'ecole-de-musique'), ('ecole de musique demo', 'ecole-de-musique'),
    ('academie d ete', 'academie-ete'), ('academie d ete demo', 'academie-ete'), ('academie ete', 'academie-ete'),
    ('salle universitaire', 'salle-universitaire')
) AS a (alias, slug) JOIN institution i ON i.slug = a.slug;

INSERT INTO venue_room (code, institution_id, name, has_house_piano)
SELECT r.code, i.id, r.name, r.has_piano FROM (VALUES
    ('WP', 'Salle Wilfrid-Pelletier', true),
    ('WP loge A', 'Wilfrid-Pelletier, loge A', true),
    ('TM', 'Théâtre Maisonneuve', true),
    ('MS', 'Maison symphonique', true),
    ('5E', 'Cinquième Salle', true),
    ('SCL', 'Salle Claude-Léveillée', true),
    ('TJD', 'Théâtre Jean-Duceppe', false),
    ('Salle E', 'Salle E', true),
    ('ODM', 'Espace Opéra de Montréal', true)
) AS r (code, name, has_piano) CROSS JOIN institution i WHERE i.slug = 'place-des-arts';

INSERT INTO venue_room_alias (alias, match_kind, room_code) VALUES
    ('wp', 'exact', 'WP'), ('salle wilfrid pelletier', 'exact', 'WP'), ('wilfrid pelletier', 'exact', 'WP'),
    ('wilfrid', 'exact', 'WP'), ('pelletier', 'exact', 'WP'),
    ('wp loge a', 'exact', 'WP loge A'), ('loge wp', 'all_words', 'WP loge A'),
    ('tm', 'exact', 'TM'), ('theatre maisonneuve', 'exact', 'TM'), ('maisonneuve', 'exact', 'TM'),
    ('ms', 'exact', 'MS'), ('maison symphonique', 'exact', 'MS'),
    ('5e', 'exact', '5E'), ('5e salle', 'exact', '5E'), ('cinquieme salle', 'exact', '5E'), ('c5', 'exact', '5E'),
    ('scl', 'exact', 'SCL'), ('cl', 'exact', 'SCL'), ('claude leveillee', 'exact', 'SCL'),
    ('salle claude leveillee', 'exact', 'SCL'), ('studio claude leveillee', 'exact', 'SCL'),
    ('tjd', 'exact', 'TJD'), ('jd', 'exact', 'TJD'), ('jean duceppe', 'exact', 'TJD'),
    ('theatre jean duceppe', 'exact', 'TJD'), ('duceppe', 'exact', 'TJD'),
    ('salle e', 'exact', 'Salle E'), ('e', 'exact', 'Salle E'),
    ('odm', 'exact', 'ODM');

-- The two technicians the legacy files name; the others arrive with the Gazelle users sync, which fills
-- gazelle_user_id. "À attribuer" is Gazelle's placeholder user: an appointment assigned to it has no technician yet.
INSERT INTO technician (first_name, last_name, initials, is_placeholder) VALUES
    ('Allan', NULL, 'AL', false),
    ('Nicolas', NULL, 'NI', false),
    ('À attribuer', NULL, NULL, true);

INSERT INTO technician_alias (alias, technician_id)
SELECT a.alias, t.id FROM (VALUES
    ('allan', 'Allan'), ('al', 'Allan'), ('allan y', 'Allan'),
    ('nicolas', 'Nicolas'), ('nick', 'Nicolas'), ('nic', 'Nicolas'), ('ni', 'Nicolas'), ('nicolas x', 'Nicolas'),
    ('a attribuer', 'À attribuer')
) AS a (alias, first_name) JOIN technician t ON t.first_name = a.first_name;
