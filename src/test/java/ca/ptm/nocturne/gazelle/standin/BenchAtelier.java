package ca.ptm.nocturne.gazelle.standin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The atelier of the benchmarks (bench/sync-throughput.sh): users, clients with their default contact, pianos,
 * appointments, a timeline from 2016 to {@code now} with the shares of a real history (automated e-mails dominate),
 * invoices with their items. A pure function of the volumes and {@code now}; every value is one of Gazelle's schema.
 */
final class BenchAtelier {

    /** Gazelle's timeline types with the shares of a real history. */
    static final Object[][] TYPES = {
            {"CONTACT_EMAIL_AUTOMATED", 240}, {"SCHEDULED_MESSAGE_EMAIL", 100}, {"APPOINTMENT_LOG", 90},
            {"APPOINTMENT", 60}, {"CONTACT_SMS_AUTOMATED", 50}, {"SERVICE_ENTRY_MANUAL", 110},
            {"SERVICE_ENTRY_AUTOMATED", 10}, {"PIANO_MEASUREMENT", 15}, {"SCHEDULED_MESSAGE_SMS", 40}, {"INVOICE", 30},
            {"INVOICE_LOG", 30}, {"INVOICE_PAYMENT", 25}, {"INVOICE_SYNC", 10}, {"CONTACT_EMAIL_MANUAL", 25},
            {"CONTACT_PHONE_MANUAL_TALKED", 12}, {"CONTACT_PHONE_MANUAL_MESSAGE", 8}, {"CONTACT_SMS_MANUAL", 10},
            {"CONTACT_POST_MANUAL", 2}, {"CONTACT_PHONE_AUTOMATED", 3}, {"CONTACT_POST_AUTOMATED", 1},
            {"CONTACT_OTHER_MANUAL", 1}, {"SCHEDULED_MESSAGE_PHONE", 2}, {"USER_COMMENT", 20}, {"SYSTEM_MESSAGE", 20},
            {"SYSTEM_NOTIFICATION", 10}, {"ERROR_MESSAGE", 3}, {"ESTIMATE", 8}, {"ESTIMATE_LOG", 8}};

    private static final String[] FIRST = {"Allan", "Gilles", "Nadia", "Louise", "Marc", "Sophie", "Jean", "Chloé", "Étienne",
            "Hélène", "François", "Amélie"};
    private static final String[] LAST = {"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
            "Fortin", "Gagné", "Ouellet", "Pelletier"};
    private static final String[] CITIES = {"Montréal", "Laval", "Outremont", "Westmount", "Longueuil", "Terrebonne"};
    private static final String[][] MAKES = {{"Steinway", "D", "GRAND"}, {"Yamaha", "C7", "GRAND"}, {"Yamaha", "U1", "UPRIGHT"},
            {"Kawai", "K-300", "UPRIGHT"}, {"Heintzman", "Droit", "UPRIGHT"}, {"Roland", "HP704", "DIGITAL"}};
    private static final Instant HISTORY = Instant.parse("2016-01-04T14:00:00Z");
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    private BenchAtelier() {
    }

    static void fill(GazelleStandIn gazelle, int users, int clients, int pianos, int appointments, int timeline, int invoices,
                     Instant now) {
        SplittableRandom random = new SplittableRandom(20_161_204L);
        List<Map<String, Object>> list = new ArrayList<>();
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = id("usr", u);
            list.add(record("id", userIds[u], "firstName", FIRST[u % FIRST.length], "lastName", LAST[u % LAST.length],
                    "email", "tech" + u + "@ptm-demo.example", "status", "ACTIVE"));
        }
        gazelle.addUsers(list);
        Map<String, Object>[] clientRefs = refs("cli", clients);
        Map<String, Object>[] pianoRefs = refs("ins", pianos);
        Map<String, Object>[] userRefs = refs("usr", users);
        list = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String created = iso(HISTORY.plusSeconds(random.nextLong(Math.max(1, now.getEpochSecond() - HISTORY.getEpochSecond()))));
            Map<String, Object> contact = record("id", id("con", c), "firstName", first, "lastName", last,
                    "wantsEmail", random.nextInt(100) < 85, "wantsPhone", random.nextInt(100) < 60, "wantsText", random.nextInt(100) < 40,
                    "defaultEmail", record("email", first.toLowerCase() + c + "@example.invalid"),
                    "defaultPhone", record("phoneNumber", "514-555-" + String.format("%04d", c % 10_000)),
                    "defaultLocation", record("street1", (10 + c) + ", rue Saint-Denis", "municipality", CITIES[c % CITIES.length],
                            "postalCode", "H2X 1K4", "region", "QC"));
            list.add(record("id", id("cli", c), "companyName", c % 9 == 0 ? "Société " + last + " n° " + c : null,
                    "status", c % 11 == 0 ? "INACTIVE" : "ACTIVE", "clientType", c % 9 == 0 ? "COMMERCIAL" : "RESIDENTIAL",
                    "tags", List.of(), "defaultClientLocalization", record("locale", c % 5 == 0 ? "en_US" : "fr_CA"),
                    "preferredTechnicianId", users > 0 && c % 3 == 0 ? userIds[c % users] : null,
                    "createdAt", created, "updatedAt", created, "defaultContact", contact));
        }
        gazelle.addClients(list);
        list = new ArrayList<>();
        for (int p = 0; p < pianos; p++) {
            String[] make = MAKES[random.nextInt(MAKES.length)];
            list.add(record("id", id("ins", p), "client", clientRefs[random.nextInt(clients)], "make", make[0], "model", make[1],
                    "serialNumber", String.valueOf(100_000 + p * 7), "type", make[2], "year", 1950 + random.nextInt(75),
                    "status", "ACTIVE", "location", p % 4 == 0 ? "Salon" : null, "serviceIntervalMonths", 6 + 6 * (p % 2),
                    "calculatedLastService", "2026-0" + (1 + p % 9) + "-1" + (p % 9), "tags", List.of(),
                    "damppChaserInstalled", p % 13 == 0, "createdAt", "2018-09-04T14:02:11Z", "updatedAt", "2026-02-11T21:40:57Z"));
        }
        gazelle.addPianos(list);
        list = new ArrayList<>();
        long spanDays = ChronoUnit.DAYS.between(HISTORY, now) + 60;
        for (int e = 0; e < appointments; e++) {
            // a fifth around the night (a week back to two months ahead), as an incremental night finds them
            Instant start = e % 5 == 0 ? now.truncatedTo(ChronoUnit.DAYS).plus(random.nextInt(67) - 7L, ChronoUnit.DAYS)
                    .plus(13 + random.nextInt(8), ChronoUnit.HOURS)
                    : HISTORY.plus(random.nextLong(spanDays), ChronoUnit.DAYS).plus(13 + random.nextInt(8), ChronoUnit.HOURS);
            String status = start.isAfter(now) ? "ACTIVE" : random.nextInt(100) < 8 ? "CANCELED" : random.nextInt(100) < 3 ? "NO_SHOW" : "COMPLETE";
            List<Map<String, Object>> eventPianos = List.of(record("piano", pianoRefs[random.nextInt(pianos)], "isTuning", true));
            list.add(record("id", id("evt", e), "title", "Accord", "start", iso(start), "duration", 60 + 30 * (e % 3),
                    "isAllDay", false, "type", "APPOINTMENT", "status", status, "travelMode", "DRIVING",
                    "confirmedByClient", e % 2 == 0, "client", clientRefs[random.nextInt(clients)],
                    "user", users > 0 ? userRefs[e % users] : null, "allEventPianos", eventPianos,
                    "createdAt", iso(start.minus(20, ChronoUnit.DAYS)), "updatedAt", iso(start.minus(2, ChronoUnit.DAYS))));
        }
        gazelle.addEvents(list);
        list = new ArrayList<>(timeline);
        int shares = 0;
        for (Object[] type : TYPES) {
            shares += (Integer) type[1];
        }
        long span = now.getEpochSecond() - HISTORY.getEpochSecond();
        for (int t = 0; t < timeline; t++) {
            String type = type(random.nextInt(shares));
            Instant when = HISTORY.plusSeconds(span * t / Math.max(1, timeline));
            boolean aboutPiano = type.startsWith("SERVICE_ENTRY") || type.equals("PIANO_MEASUREMENT") || type.startsWith("APPOINTMENT");
            String comment = type.startsWith("SERVICE_ENTRY") || type.equals("PIANO_MEASUREMENT")
                    ? "Accord à " + (random.nextBoolean() ? "442" : "440") + " Hz. " + (18 + random.nextInt(7)) + "°, "
                    + (28 + random.nextInt(28)) + "% d'humidité." : null;
            list.add(record("id", id("tme", t), "occurredAt", iso(when), "type", type, "summary", summary(type), "comment", comment,
                    "client", clientRefs[random.nextInt(clients)], "piano", aboutPiano ? pianoRefs[random.nextInt(pianos)] : null,
                    "user", users > 0 && random.nextInt(100) < 40 ? userRefs[random.nextInt(users)] : null));
        }
        gazelle.addTimelineEntries(list);
        list = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            int lines = 1 + i % 3;
            List<Map<String, Object>> items = new ArrayList<>(lines);
            long total = 0;
            for (int l = 0; l < lines; l++) {
                long amount = 9_000 + 500L * random.nextInt(30);
                total += amount;
                items.add(record("id", id("ini", i * 3 + l), "description", l == 0 ? "Accord de piano" : "Frais de déplacement",
                        "type", l == 0 ? "LABOR_FIXED_RATE" : "MILEAGE", "quantity", 100, "amount", amount, "subTotal", amount,
                        "taxTotal", amount * 14_975 / 100_000, "total", amount + amount * 14_975 / 100_000, "billable", true,
                        "taxable", true, "sequenceNumber", l + 1));
            }
            Instant created = HISTORY.plusSeconds(span * i / Math.max(1, invoices));
            list.add(record("id", id("inv", i), "client", clientRefs[random.nextInt(clients)],
                    "assignedTo", users > 0 ? userRefs[i % users] : null, "number", 10_001 + i, "status", i % 17 == 0 ? "OPEN" : "PAID",
                    "subTotal", total, "total", total + total * 14_975 / 100_000, "createdAt", iso(created),
                    "dueOn", created.atZone(MONTREAL).toLocalDate().plusDays(30).toString(), "allInvoiceItems", items));
        }
        gazelle.addInvoices(list);
    }

    private static String type(int draw) {
        for (Object[] type : TYPES) {
            draw -= (Integer) type[1];
            if (draw < 0) {
                return (String) type[0];
            }
        }
        return "SYSTEM_MESSAGE";
    }

    private static String summary(String type) {
        return switch (type) {
            case "SERVICE_ENTRY_MANUAL", "SERVICE_ENTRY_AUTOMATED" -> "Service complété";
            case "PIANO_MEASUREMENT" -> "Mesures du piano";
            case "APPOINTMENT", "APPOINTMENT_LOG" -> "Rendez-vous";
            case "CONTACT_EMAIL_AUTOMATED", "SCHEDULED_MESSAGE_EMAIL" -> "Rappel envoyé par courriel";
            default -> type;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] refs(String prefix, int count) {
        Map<String, Object>[] refs = new Map[count];
        for (int i = 0; i < count; i++) {
            refs[i] = Map.of("id", id(prefix, i));
        }
        return refs;
    }

    private static String id(String prefix, int n) {
        return String.format("%s_B%010d", prefix, n);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A record without its null fields (an absent field reads as null), compact. */
    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                record.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Map.copyOf(record);
    }
}
