package ca.ptm.nocturne.gazelle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic Gazelle records (invented values), shaped by Gazelle's schema so that the stand-in serves them: enum
 * values of the schema, nested connections held as plain lists ({@code allEventPianos}, {@code allInvoiceItems}).
 */
public final class GazelleNodes {

    private GazelleNodes() {
    }

    public static Map<String, Object> client(int n, String updatedAt) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("id", String.format("con_T%010d", n));
        contact.put("firstName", "Prénom" + n);
        contact.put("lastName", "Démo");
        contact.put("wantsEmail", true);
        contact.put("defaultEmail", Map.of("email", "client" + n + "@example.invalid"));
        contact.put("defaultPhone", Map.of("phoneNumber", "514-555-" + String.format("%04d", n % 10000)));
        contact.put("defaultLocation", Map.of("municipality", n % 2 == 0 ? "Montréal" : "Laval", "postalCode", "H0H 0H0"));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", clientId(n));
        client.put("companyName", n % 3 == 0 ? "Société démo n° " + n : null);
        client.put("status", "ACTIVE");
        client.put("clientType", "RESIDENTIAL");
        client.put("tags", List.of());
        client.put("defaultClientLocalization", Map.of("locale", "fr_CA"));
        client.put("createdAt", "2019-04-02T13:10:00Z");
        client.put("updatedAt", updatedAt);
        client.put("defaultContact", contact);
        return client;
    }

    public static String clientId(int n) {
        return String.format("cli_T%010d", n);
    }

    public static List<Map<String, Object>> clients(int count) {
        List<Map<String, Object>> clients = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            clients.add(client(n, "2026-02-11T21:40:57Z"));
        }
        return clients;
    }

    public static Map<String, Object> piano(int n, int client, boolean pls) {
        Map<String, Object> piano = new LinkedHashMap<>();
        piano.put("id", String.format("ins_T%010d", n));
        piano.put("client", Map.of("id", clientId(client)));
        piano.put("make", n % 2 == 0 ? "Steinway" : "Yamaha");
        piano.put("model", n % 2 == 0 ? "D" : "C7");
        piano.put("serialNumber", "00" + (400000 + n));
        piano.put("type", "GRAND");
        piano.put("year", 2004);
        piano.put("location", "MS");
        piano.put("status", "ACTIVE");
        piano.put("serviceIntervalMonths", 3);
        piano.put("calculatedLastService", "2026-02-11");
        piano.put("calculatedNextService", "2026-05-11");
        piano.put("tags", List.of());
        piano.put("damppChaserInstalled", pls);
        piano.put("notes", null);
        piano.put("createdAt", "2018-09-04T14:02:11Z");
        piano.put("updatedAt", "2026-02-11T21:40:57Z");
        return piano;
    }

    public static Map<String, Object> appointment(int n, int client, String startUtc, String status) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", String.format("evt_T%010d", n));
        event.put("title", "Accord démo " + n);
        event.put("notes", "Entrée par le quai");
        event.put("start", startUtc);
        event.put("duration", 60);
        event.put("isAllDay", false);
        event.put("type", "APPOINTMENT");
        event.put("status", status);
        event.put("client", Map.of("id", clientId(client)));
        event.put("user", Map.of("id", "usr_T0000000001"));
        event.put("allEventPianos", List.of(Map.of("piano", Map.of("id", String.format("ins_T%010d", n)), "isTuning", true)));
        event.put("createdAt", "2026-01-02T10:00:00Z");
        event.put("updatedAt", "2026-01-03T10:00:00Z");
        return event;
    }

    public static Map<String, Object> timelineEntry(int n, int client, String occurredAt, String comment) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", String.format("tme_T%010d", n));
        entry.put("occurredAt", occurredAt);
        entry.put("type", "SERVICE_ENTRY_MANUAL");
        entry.put("summary", "Accord");
        entry.put("comment", comment);
        entry.put("client", Map.of("id", clientId(client)));
        entry.put("piano", null);
        entry.put("invoice", null);
        entry.put("estimate", null);
        entry.put("user", Map.of("id", "usr_T0000000001"));
        return entry;
    }

    public static Map<String, Object> invoice(int n, int client, long totalCents) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", String.format("ini_T%010d", n));
        item.put("description", "Accord de piano");
        item.put("type", "LABOR_FIXED_RATE");
        item.put("quantity", 1);
        item.put("amount", totalCents);
        item.put("subTotal", totalCents);
        item.put("taxTotal", 0);
        item.put("total", totalCents);
        item.put("billable", true);
        item.put("taxable", true);
        item.put("sequenceNumber", 1);
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", String.format("inv_T%010d", n));
        invoice.put("client", Map.of("id", clientId(client)));
        invoice.put("assignedTo", Map.of("id", "usr_T0000000001"));
        invoice.put("number", 10000 + n);
        invoice.put("status", "PAID");
        invoice.put("subTotal", totalCents);
        invoice.put("total", totalCents);
        invoice.put("notes", null);
        invoice.put("createdAt", "2026-02-03T17:10:00Z");
        invoice.put("dueOn", "2026-03-03");
        invoice.put("allInvoiceItems", List.of(item));
        return invoice;
    }

    public static Map<String, Object> user(String id, String first, String last) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("firstName", first);
        user.put("lastName", last);
        user.put("email", first.toLowerCase() + "@example.invalid");
        user.put("status", "ACTIVE");
        return user;
    }
}
