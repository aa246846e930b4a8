#!/usr/bin/env python3
"""Writes the legacy exports of one night into a folder, in the formats of jobs/samples/import/ (README "Legacy
import", DOMAIN.md "Legacy export files"), at SCALE × real volumes:

  pda-demandes-<year>.csv        PdA request log: Windows-1252, comma, CRLF, French headers, trailing comma;
                                 about 1,500 requests over three years (≤ 50 a month), one per Place des Arts
                                 appointment the stub serves (same day, hall, show and time, so the reconciliation
                                 links them) plus the history (BILLED, COMPLETED), mixed date, hall and time spellings
  pda-collage-<yyyy-mm>.tsv      a TAB paste of the coming weeks, with a shifted row
  inventaire-<institution>.csv   one inventory per institution (UTF-8 BOM, CRLF): the stub's institutional pianos
                                 (same serials, so they match Gazelle) plus a few rows only in the file
  fournitures-*.csv              supplies: 300 products, their display names, stock per technician, the 1,000 most
                                 recent movements (UTF-8 BOM, CRLF, decimal commas, True/False)
  contrats.csv, contrats-versements.csv   seasonal contracts and instalments (';', decimal commas)

A few bad rows on purpose in each file (unknown technician or product, impossible date, unreadable amount, status
CONFIRMED, a duplicate), always far under the import's skip limit of 100 per file.
Usage: generate-legacy.py SCALE FOLDER --stub http://127.0.0.1:PORT --date YYYY-MM-DD   (deterministic: seed fixed)
"""
import argparse, datetime as dt, json, os, random, re, urllib.request
from zoneinfo import ZoneInfo

p = argparse.ArgumentParser()
p.add_argument("scale", type=float)
p.add_argument("folder")
p.add_argument("--stub", required=True, help="base URL of bench/GazelleStub.java")
p.add_argument("--date", required=True, help="the night's date (Montreal)")
a = p.parse_args()
S, OUT, NIGHT = a.scale, a.folder, dt.date.fromisoformat(a.date)
MTL = ZoneInfo("America/Montreal")
rnd = random.Random(20261201)
os.makedirs(OUT, exist_ok=True)
n = lambda base, least=1: max(least, round(base * S))


def query(q, variables):
    req = urllib.request.Request(a.stub.rstrip("/") + "/graphql/private/", json.dumps({"query": q, "variables": variables}).encode(),
                                 {"Authorization": "Bearer bench-generator", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["data"]


def pull(root, fields, extra=None):
    out, after = [], None
    while True:
        v = dict(extra or {}, first=100, after=after)
        c = query("query Q($first: Int!, $after: String, $startOn: Date, $endOn: Date) { %s(first: $first, after: $after, "
                  "startOn: $startOn, endOn: $endOn) { nodes { %s } pageInfo { hasNextPage endCursor } } }" % (root, fields), v)[root]
        out += c["nodes"]
        if not c["pageInfo"]["hasNextPage"]:
            return out
        after = c["pageInfo"]["endCursor"]


def write(name, header, rows, encoding="utf-8-sig", delimiter=",", eol="\r\n", trailing=""):
    def cell(v):
        v = "" if v is None else str(v)
        return '"' + v.replace('"', '""') + '"' if delimiter in v or '"' in v or "\n" in v else v
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        if header:
            f.write(header + trailing + eol)
        for r in rows:
            f.write(delimiter.join(cell(c) for c in r) + trailing + eol)
    return len(rows)


counts = {}
# ---------------------------------------------------------------- what the stub (Gazelle) holds
clients = pull("allClients", "id companyName tags")
institution_of = {c["id"]: c["companyName"] for c in clients if "institutional" in (c["tags"] or []) and c["companyName"]}
pda = next((c["id"] for c in clients if c["companyName"] == "Place des Arts"), None)
pianos = [x for x in pull("allPianos", "id client { id } make model serialNumber location type")
          if x["client"]["id"] in institution_of]
events = pull("allEventsBatched", "id title notes start status client { id } allEventPianos { nodes { piano { id } } }",
              {"startOn": "2016-01-01", "endOn": "2100-01-01"})
pda_events = [e for e in events if e["client"] and e["client"]["id"] == pda and e["title"].startswith("Place des Arts")]
piano_by_id = {x["id"]: x for x in pianos}

# ---------------------------------------------------------------- PdA requests
HALLS = {"WP": ["WP", "Wilfrid-Pelletier", "Salle Wilfrid-Pelletier"], "TM": ["TM", "Théâtre Maisonneuve", "Theatre Maisonneuve"],
         "MS": ["MS", "Maison symphonique", "Maison Symphonique"], "5E": ["5E", "5e salle", "Cinquième Salle"],
         "SCL": ["SCL", "Salle Claude-Léveillée", "CL"], "TJD": ["TJD", "JD", "Jean-Duceppe"], "Salle E": ["Salle E"],
         "WP loge A": ["WP loge A", "loge A WP"], "ODM": ["ODM"]}
SHOWS = ["Gala fictif", "Récital démo", "Orchestre démo", "Troupe exemple", "Quatuor démo", "Concert de Noël démo", "Opéra démo",
         "Festival démo", "Chœur démo", "Ballet démo", "Jazz démo", "Conférence démo"]
ARTISTS = ["Lavoie", "Côté", "Bélanger", "Gagnon", "Pelletier", "Hébert", "Leclerc", "Dubé", "Fortin", "Girard", "Roy", "Séguin"]
PIANOS = ["Steinway D", "Steinway B", "Yamaha CFX", "Fazioli F278", "Steinway D (Hambourg)", "2 pianos", "Baldwin 9'", "à suivre", ""]
TECHS = ["Nick", "Allan", "Nicolas", "Allan", "", "Nick"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
HEADER = ("Date de la demande,Date du RDV,Salle,Pour qui,Diapason,Demandeur,Piano,Heure,Qui le fait,Facturation (175$),"
          "Stationnement,Statut,Commentaire")


def date_text(d, style):
    return {0: d.isoformat(), 1: d.strftime("%d/%m/%Y"), 2: f"{d.day} {MONTHS[d.month - 1]} {d.year}"}[style]


def time_text(h, m, style):
    if style == 0:
        return f"{h}h" if m == 0 else f"{h}h{m:02d}"
    if style == 1:
        return f"avant {h}h"
    if style == 2:
        return f"{(h - 1) % 12 + 1}:{m:02d}{'pm' if h >= 12 else 'am'}"
    return f"entre {h}h et {h + 1}h"


requests_by_year, keys = {}, set()


def add_request(year, row, key):
    if key in keys:
        return False
    keys.add(key)
    requests_by_year.setdefault(year, []).append(row)
    return True


# one request per Place des Arts appointment (the ones the reconciliation should link)
for e in pda_events:
    start = dt.datetime.fromisoformat(e["start"].replace("Z", "+00:00")).astimezone(MTL)
    m = re.match(r"Place des Arts (.+) avant (\d+)h", e["title"])
    show, hour = (m.group(1), int(m.group(2))) if m else (rnd.choice(SHOWS), start.hour + 2)
    hall = (re.search(r"Salle (.+?), entrée", e["notes"] or "") or [None, "MS"])[1]
    pid = (e["allEventPianos"]["nodes"] or [{"piano": {"id": None}}])[0]["piano"]["id"]
    piano = piano_by_id.get(pid)
    piano_text = f"{piano['make']} {piano['model']}" if piano else "à suivre"
    asked = start.date() - dt.timedelta(days=rnd.randint(4, 20))
    status = "PENDING" if start.date() >= NIGHT - dt.timedelta(days=1) or rnd.random() < 0.5 else "CREATED_IN_GAZELLE"
    row = [date_text(asked, rnd.randint(0, 1)), date_text(start.date(), rnd.randint(0, 1)), rnd.choice(HALLS.get(hall, [hall])),
           show, rnd.choice(["442", "442", "440"]), rnd.choice(["QA", "QB", "QC"]), piano_text, f"avant {hour}h",
           rnd.choice(TECHS), rnd.choice(["", "", "175", "175,00"]), "", status, ""]
    add_request(start.year, row, (start.date(), hall, show, hour, piano_text))

# the history: about 40 requests a month over the three years before the appointments window
hist_target = n(1400, 5)
first_day, last_day = NIGHT - dt.timedelta(days=3 * 365 + 61), NIGHT - dt.timedelta(days=61)
made = 0
while made < hist_target:
    d = first_day + dt.timedelta(days=rnd.randint(0, (last_day - first_day).days))
    hall = rnd.choice(list(HALLS))
    show = f"{rnd.choice(SHOWS)} — {rnd.choice(ARTISTS)}"
    h, mi = rnd.choice([9, 10, 13, 14, 18, 19, 20]), rnd.choice([0, 0, 0, 30])
    piano_text = rnd.choice(PIANOS)
    billed = d < NIGHT - dt.timedelta(days=40)
    status = rnd.choice(["BILLED"] * 8 + ["COMPLETED", "CREATED_IN_GAZELLE"]) if billed else rnd.choice(["COMPLETED", "ASSIGN_OK"])
    style = rnd.choice([0, 0, 0, 1, 1, 2])
    note = rnd.choice(["", "", "", "samedi - entrée par le quai", "Entrée des artistes, quai \"B\"", "2e représentation",
                       "Accord avant la répétition générale", "Pianiste invité : accord à 442"])
    row = [date_text(d - dt.timedelta(days=rnd.randint(3, 25)), style), date_text(d, style), rnd.choice(HALLS[hall]), show,
           rnd.choice(["442", "440", ""]), rnd.choice(["QA", "QB", "QC", ""]), piano_text, time_text(h, mi, rnd.randint(0, 3)),
           rnd.choice(TECHS), rnd.choice(["", "175", "175.00", "175,00", "1 175,00 $"] if made % 97 == 0 else ["", "175", "175,00"]),
           rnd.choice(["", "", "15,00", "12,50", "8.75", "0"]), status, note]
    if add_request(d.year, row, (d, hall, show, h * 60 + mi, piano_text)):
        made += 1

for year, rows in sorted(requests_by_year.items()):
    rows.sort(key=lambda r: r[1])
    bad = [  # rejected lines: no appointment date, unreadable fee, a status outside the list, an impossible date
        ["2025-11-19", "", "MS", "Concert démo sans date", "442", "QC", "Steinway D", "19h", "", "", "", "PENDING", ""],
        [f"{year}-03-02", f"{year}-03-09", "JD", "Théâtre démo", "440", "QB", "Yamaha U3", "7pm", "Allan", "!00$", "", "PENDING", ""],
        [f"{year}-04-01", f"{year}-04-05", "MS", "Orchestre démo", "442", "QC", "Steinway D", "19h", "Allan", "175", "", "CONFIRMED",
         "statut posté par l'ancien tableau de bord"],
        [f"{year}-02-20", f"31/02/{year}", "TM", "Récital démo", "442", "QA", "Steinway D", "14h", "Nick", "", "", "PENDING", ""]]
    dup = list(rows[len(rows) // 2])  # the same request again, as a "RE:" reply would bring it
    rows[len(rows) // 3:len(rows) // 3] = bad[: max(1, min(4, len(rows) // 10))]
    rows.append(dup)
    counts[f"pda-demandes-{year}.csv"] = write(f"pda-demandes-{year}.csv", HEADER, rows, encoding="cp1252", trailing=",")

# the TAB paste of the coming weeks (header, a shifted row, blank pitch and piano)
paste, pd = [], NIGHT + dt.timedelta(days=20)
for i in range(n(30, 3)):
    d = pd + dt.timedelta(days=i // 2)
    hall = rnd.choice(["MS", "WP", "TM", "5E"])
    row = [(NIGHT + dt.timedelta(days=i % 5)).isoformat(), d.isoformat(), hall, f"Orchestre démo — série {i + 1}", "442",
           rnd.choice(["QA", "QB"]), "Steinway D", rnd.choice(["avant 9h", "19h", "14h30"]), rnd.choice(["Nick", "Allan", ""]),
           rnd.choice(["", "2e représentation"])]
    if i == 1:
        row = ["Maison symphonique"] + row[:2] + ["MS"] + row[3:]
    if i == 2:
        row[4], row[6] = "", ""
    paste.append(row)
counts[f"pda-collage-{pd:%Y-%m}.tsv"] = write(f"pda-collage-{pd:%Y-%m}.tsv",
                                             "DateDemande\tDateRV\tSalle\tPourQui\tDiapason\tDemandeur\tPiano\tHeure\tTechnicien\tCommentaire",
                                             paste, encoding="utf-8", delimiter="\t", eol="\n")

# ---------------------------------------------------------------- institutional inventories
FILES = {"Place des Arts": "inventaire-place-des-arts.csv", "École de musique démo": "inventaire-ecole-de-musique.csv",
         "Académie d'été démo": "inventaire-academie-ete.csv", "Salle de concert universitaire": "inventaire-salle-universitaire.csv"}
by_file = {}
for x in pianos:
    name = FILES.get(institution_of[x["client"]["id"]])
    if name:
        by_file.setdefault(name, []).append(x)
TODO = ["", "", "", "Ré 5 collant, vérifier pédale", "Retouches d'unissons", "Changer le buvard", "Pédale de sourdine bruyante",
        "Harmonisation à prévoir"]
for name, fleet in sorted(by_file.items()):
    rows = []
    for x in fleet:
        if rnd.random() < 0.04:
            continue  # only in Gazelle
        serial = x["serialNumber"] or ""
        typ = {"GRAND": "Q", "UPRIGHT": "D", "DIGITAL": "électrique"}.get(x["type"], "")
        local = (x["location"] or "").strip() or "?"
        piano = f"{x['make']} {x['model']} {serial}" if rnd.random() < 0.6 else f"{x['make']} {x['model']}"
        rows.append([local, piano, serial if rnd.random() < 0.9 else "None", rnd.choice(["1", "2", "3", "4", "", "Inaccessible "]),
                     typ, rnd.choice(TODO)])
    for i in range(max(1, len(fleet) // 25)):  # only in the file
        rows.append([rnd.choice(["?", "Entrepôt", "Studio 9"]), rnd.choice(["Yamaha U1", "Kawai CA", "Heintzman droit"]), "None", "",
                     rnd.choice(["D", "électrique"]), ""])
    if rows:
        rows.append(list(rows[0][:1]) + [rows[0][1] + " (doublon)"] + rows[0][2:])
    counts[name] = write(name, "Local,Piano,# série,Priorité ,Type,À faire", rows)

# ---------------------------------------------------------------- supplies
CATS = [("Buvard pour humidificateur", "BUV", "Système PLS"), ("Hygrostat de rechange", "HYG", "Système PLS"),
        ("Gaine de réservoir", "GAI", "Système PLS"), ("Corde #", "CORD", "Cordes"), ("Feutre de marteau", "FEU", "Feutres"),
        ("Mouche d'étouffoir", "MOU", "Feutres"), ("Vis de cheville", "VIS", "Quincaillerie"), ("Nettoyant pour touches", "NET", "Entretien"),
        ("Graphite en poudre", "GRA", "Entretien"), ("Clé d'accord", "CLE", "Outils")]
products = []
for i in range(n(300, 4)):
    name, code, cat = CATS[i % len(CATS)]
    pid = 101 + i
    cost = rnd.randint(50, 6000) / 100
    label = f"{name}{i // len(CATS) + 10}" if name.endswith("#") else f"{name} ({i // len(CATS) + 1})"
    products.append((pid, label, f"{code}-{i + 1:03d}", cost, cat))
rows = [[pid, label, sku, f"{cost:.2f}".replace(".", ","), f"{cost * 2.1:.2f}" if i % 3 else "", "True" if i % 17 else "False",
         f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00" if i % 5 else ""] for i, (pid, label, sku, cost, cat) in enumerate(products)]
rows.insert(len(rows) // 2, [9001, "Corde #18 (démo)", "CORD-9001", "!00$", "", "True", ""])  # BAD_AMOUNT
counts["fournitures-produits.csv"] = write("fournitures-produits.csv", "ProductId,Name,Sku,UnitCost,RetailPrice,Active,CreatedAt", rows)
rows = [[i + 1, pid, 10 * (i + 1), label, label, cat, "", "", "msl_DEMO%07d" % pid if i % 9 == 0 else "", "", "True" if i % 4 == 0 else "False",
         "10,0" if i % 4 == 0 else "", "True", "2024-01-15T10:00:00", ""] for i, (pid, label, sku, cost, cat) in enumerate(products)]
counts["fournitures-noms.csv"] = write("fournitures-noms.csv", "DisplayId,ProductId,DisplayOrder,DisplayNameFr,DisplayNameEn,Category,"
                                       "VariantGroup,VariantLabel,MSLId,MSLName,HasCommission,CommissionRate,Active,CreatedAt,UpdatedAt", rows)
rows, inv = [], 1
for pid, *_ in products:
    for tech in ("Nicolas", "Allan"):
        rows.append([inv, pid, tech if inv % 11 else "Nick" if tech == "Nicolas" else tech, rnd.randint(0, 20), rnd.randint(1, 5),
                     f"2026-{1 + inv % 11:02d}-01T08:00:00" if inv % 4 else ""])
        inv += 1
rows.insert(3, [inv, 999, "Allan", 2, 1, ""])          # UNKNOWN_PRODUCT
rows.insert(7, [inv + 1, products[0][0], "Gilles", 3, 1, ""])  # UNKNOWN_TECHNICIAN
counts["fournitures-stock.csv"] = write("fournitures-stock.csv", "InventoryId,ProductId,TechnicianId,Quantity,ReorderThreshold,UpdatedAt", rows)
rows, t = [], dt.datetime.combine(NIGHT, dt.time(8)) - dt.timedelta(days=400)
for i in range(n(1000, 4)):
    t += dt.timedelta(minutes=rnd.randint(30, 1100))
    pid = rnd.choice(products)[0]
    reason = rnd.choice(["deduction", "deduction", "deduction", "ajout", "retrait", "correction", "transfert"])
    source = "invoice" if reason == "deduction" else "manual"
    delta = -rnd.randint(1, 2) if reason in ("deduction", "retrait") else rnd.randint(1, 10)
    rows.append([5001 + i, t.strftime("%Y-%m-%dT%H:%M:00"), rnd.choice(["Nicolas", "Allan", "Nick"]), pid, delta, reason, source,
                 10001 + i if source == "invoice" else "", rnd.choice(["Buvard remplacé", "Hygrostat sec", "Gaine changée", ""])
                 if source == "invoice" else ""])
rows.append([rows[-1][0] + 1] + rows[len(rows) // 2][1:])  # a duplicate but for its id
counts["fournitures-mouvements.csv"] = write("fournitures-mouvements.csv",
                                             "TransactionId,OccurredAt,TechnicianId,ProductId,DeltaQty,Reason,Source,SourceRef,Notes", rows)

# ---------------------------------------------------------------- contracts
money = lambda v: f"{v:,.2f}".replace(",", " ").replace(".", ",")
rows, inst_rows = [], []
seasons = list(range(NIGHT.year - max(0, round(10 * min(S, 1))), NIGHT.year + 1))
for inst, start_md, end_md in (("Académie d'été démo", (6, 10), (8, 14)), ("École de musique démo", (9, 1), (5, 31)),
                               ("Salle universitaire", (9, 1), (4, 30))):
    for season in seasons:
        rate = 600 + 10 * (season - 2020)
        start = dt.date(season, *start_md)
        end = dt.date(season + (1 if end_md < start_md else 0), *end_md)
        planned = rnd.choice([12, 20, 24.5, 25])
        done = planned if season < NIGHT.year else 0
        status = "clos" if season < NIGHT.year - 1 else "signé" if season < NIGHT.year else "brouillon"
        rows.append([inst, season, start.isoformat(), end.isoformat(), money(rate), f"{planned}".replace(".", ","),
                     f"{done}".replace(".", ","), rnd.choice([0, 2, 8]), "175,00", rnd.randint(0, 6), "180,00", rnd.randint(0, 10),
                     money(95 * planned), 7, status])
        for k in range(3):
            due = start + dt.timedelta(days=30 * k + 5)
            inst_rows.append([inst, season, k + 1, due.isoformat(), money(rate * planned / 3), (due + dt.timedelta(days=7)).isoformat()
                              if due < NIGHT - dt.timedelta(days=30) else ""])
counts["contrats.csv"] = write("contrats.csv", "Institution;Saison;Début;Fin;Tarif jour;Jours prévus;Jours réalisés;Jours préparation;"
                               "Tarif accord suppl.;Accords suppl.;Tarif déplacement;Déplacements;Rabais;Préavis (jours);Statut",
                               rows, delimiter=";")
counts["contrats-versements.csv"] = write("contrats-versements.csv", "Institution;Saison;Versement;Échéance;Montant avant taxes;Payé le",
                                          inst_rows, encoding="utf-8", delimiter=";", eol="\n")
print(json.dumps({"files": counts, "rows": sum(counts.values()), "pda_appointments": len(pda_events)}))
