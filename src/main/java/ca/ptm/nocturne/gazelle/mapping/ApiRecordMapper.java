package ca.ptm.nocturne.gazelle.mapping;

import ca.ptm.nocturne.gazelle.EventStatus;

import ca.ptm.nocturne.gazelle.mapping.MeasurementExtractor.Measurements;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one node of a Gazelle GraphQL page into the columns of its table. Only what the node holds is mapped: a field
 * the query did not ask for stays absent, so the writer never blanks a column it did not read. The record's external
 * id is its Gazelle id and is not repeated among the columns.
 *
 * @throws ApiValueException from every method, when the node has no id or a value cannot be read
 */
public final class ApiRecordMapper {

    private ApiRecordMapper() {
    }

    /** A Gazelle user (technician, office or the "À attribuer" placeholder). */
    public static SyncRecord user(JsonNode node) {
        NodeColumns c = new NodeColumns(node);
        c.text("first_name", "firstName");
        c.text("last_name", "lastName");
        c.text("email", "email");
        c.text("status", "status");
        return record(GazelleEntity.USER, node, c);
    }

    /** A client and, as its child, its default contact (the only contact synced). */
    public static SyncRecord client(JsonNode node) {
        String id = requiredId(node);
        NodeColumns c = new NodeColumns(node);
        if (c.has("companyName")) {
            // Only when the query fetched it: building the name from the contact alone could overwrite a real one.
            c.columns().put("company_name", ClientNames.companyName(c.textAt("companyName"),
                    c.textAt("defaultContact.firstName"), c.textAt("defaultContact.lastName")));
        }
        c.text("first_name", "defaultContact.firstName");
        c.text("last_name", "defaultContact.lastName");
        c.text("status", "status");
        c.text("email", "defaultContact.defaultEmail.email");
        c.text("phone", "defaultContact.defaultPhone.phoneNumber");
        c.firstText("city", "defaultContact.defaultLocation.municipality", "defaultLocation.municipality");
        c.firstText("postal_code", "defaultContact.defaultLocation.postalCode", "defaultLocation.postalCode");
        c.text("personal_notes", "personalNotes");
        c.text("preference_notes", "preferenceNotes");
        c.text("locale", "defaultClientLocalization.locale");
        c.strings("tags", "tags");
        c.text("preferred_technician_id", "preferredTechnicianId");
        c.text("client_type", "clientType");
        c.text("lifecycle_state", "lifecycleState");
        c.text("referred_by", "referredBy");
        c.date("no_contact_until", "noContactUntil");
        c.text("no_contact_reason", "noContactReason");
        wantsFlag(c, "wants_email", "wantsEmail");
        wantsFlag(c, "wants_phone", "wantsPhone");
        wantsFlag(c, "wants_text", "wantsText");
        c.instant("created_at", "createdAt");
        List<SyncRecord> children = new ArrayList<>();
        JsonNode contact = node.path("defaultContact");
        if (contact.isObject()) {
            children.add(defaultContact(id, contact));
        }
        return record(GazelleEntity.CLIENT, node, c, children);
    }

    /** A piano (Gazelle "instrument", ins_ id). */
    public static SyncRecord piano(JsonNode node) {
        NodeColumns c = new NodeColumns(node);
        c.text("client_external_id", "client.id");
        c.text("make", "make");
        c.text("model", "model");
        c.text("serial_number", "serialNumber");
        c.derived("serial_normalized", "serialNumber", value -> PianoSerials.normalize(NodeColumns.text(value)));
        c.text("type", "type");
        c.integer("year", "year");
        c.derived("location", "location", value -> blankToNull(NodeColumns.text(value).strip()));
        c.text("notes", "notes");
        c.text("status", "status");
        c.strings("tags", "tags");
        c.integer("service_interval_months", "serviceIntervalMonths");
        c.date("last_service_on", "calculatedLastService");
        c.date("next_service_on", "calculatedNextService");
        c.bool("dampp_chaser_installed", "damppChaserInstalled");
        c.text("dampp_chaser_humidistat_model", "damppChaserHumidistatModel");
        c.date("dampp_chaser_mfg_date", "damppChaserMfgDate");
        return record(GazelleEntity.PIANO, node, c);
    }

    /** An event (evt_) and, as children, one link per piano it concerns. */
    public static SyncRecord appointment(JsonNode node) {
        String id = requiredId(node);
        NodeColumns c = new NodeColumns(node);
        c.text("client_external_id", "client.id");
        List<String> pianoIds = eventPianoIds(c);
        if (c.has("allEventPianos")) {
            c.columns().put("piano_external_id", pianoIds.isEmpty() ? null : pianoIds.get(0));
        }
        c.text("title", "title");
        c.text("description", "notes");
        if (c.has("notes")) {
            String notes = c.textAt("notes");
            c.columns().put("notes", notes == null || notes.isBlank() ? c.textAt("title") : notes);
        }
        if (c.has("start")) {
            Instant start = c.instantAt("start");
            c.columns().put("start_datetime", start);
            c.columns().put("appointment_date", GazelleTime.montrealDate(start));
            c.columns().put("appointment_time", GazelleTime.montrealTime(start));
        }
        c.integer("duration_minutes", "duration");
        c.derived("status", "status", value -> EventStatus.canonical(NodeColumns.text(value)));
        c.text("technicien", "user.id");
        c.text("travel_mode", "travelMode");
        c.text("event_type", "type");
        c.bool("is_all_day", "isAllDay");
        c.bool("confirmed_by_client", "confirmedByClient");
        List<SyncRecord> children = new ArrayList<>();
        for (String pianoId : pianoIds) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("appointment_external_id", id);
            link.put("piano_external_id", pianoId);
            children.add(new SyncRecord(GazelleEntity.APPOINTMENT_PIANO, id + ':' + pianoId, null, link));
        }
        return record(GazelleEntity.APPOINTMENT, node, c, children);
    }

    /** A timeline entry (tme_), with the readings found in its text. */
    public static SyncRecord timelineEntry(JsonNode node) {
        NodeColumns c = new NodeColumns(node);
        c.text("client_id", "client.id");
        c.text("piano_id", "piano.id");
        c.text("invoice_id", "invoice.id");
        c.text("estimate_id", "estimate.id");
        c.text("user_id", "user.id");
        LocalDate occurredDate = null;
        if (c.has("occurredAt")) {
            Instant occurredAt = c.instantAt("occurredAt");
            occurredDate = GazelleTime.montrealDate(occurredAt);
            c.columns().put("occurred_at", occurredAt);
            c.columns().put("occurred_date", occurredDate);
        }
        c.text("entry_type", "type");
        c.text("title", "summary");
        c.text("description", "comment");
        String summary = c.textAt("summary");
        String comment = c.textAt("comment");
        Measurements measurements = MeasurementExtractor.extract(joinLines(summary, comment));
        if (c.has("summary") || c.has("comment")) {
            c.columns().put("temperature_c", measurements.temperatureC());
            c.columns().put("humidity_pct", measurements.humidityPct());
            c.columns().put("pitch_hz", measurements.pitchHz());
        }
        c.columns().put("metadata", TimelineMetadata.of(TimelineMetadata.ORIGIN_API, Map.of(), measurements));
        c.columns().put("origin", TimelineMetadata.ORIGIN_API);
        if (c.has("occurredAt")) {
            // The export calls the summary "System Message" and falls back on it the same way, so both sides agree.
            String text = comment == null || comment.isBlank() ? summary : comment;
            c.columns().put("content_signature", TimelineSignature.of(occurredDate, text));
        }
        return record(GazelleEntity.TIMELINE_ENTRY, node, c);
    }

    /** An invoice (inv_) with its items as children; amounts come in cents and leave in dollars. */
    public static SyncRecord invoice(JsonNode node) {
        String id = requiredId(node);
        NodeColumns c = new NodeColumns(node);
        c.text("client_id", "client.id");
        c.integer("invoice_number", "number");
        c.text("status", "status");
        c.cents("sub_total", "subTotal");
        c.cents("total", "total");
        c.text("notes", "notes");
        c.instant("created_at", "createdAt");
        c.derived("invoice_date", "createdAt", value -> GazelleTime.montrealDate(GazelleTime.parseApi(
                NodeColumns.text(value))));
        c.date("due_on", "dueOn");
        c.text("assigned_to", "assignedTo.id");
        List<SyncRecord> items = new ArrayList<>();
        for (JsonNode item : c.connectionNodes("allInvoiceItems")) {
            items.add(invoiceItem(id, item));
        }
        return record(GazelleEntity.INVOICE, node, c, items);
    }

    private static SyncRecord invoiceItem(String invoiceId, JsonNode node) {
        NodeColumns c = new NodeColumns(node);
        c.columns().put("invoice_external_id", invoiceId);
        c.text("description", "description");
        c.text("item_type", "type");
        c.decimal("quantity", "quantity");
        c.cents("amount", "amount");
        c.cents("sub_total", "subTotal");
        c.cents("tax_total", "taxTotal");
        c.cents("total", "total");
        c.bool("billable", "billable");
        c.bool("taxable", "taxable");
        c.integer("sequence_number", "sequenceNumber");
        return record(GazelleEntity.INVOICE_ITEM, node, c);
    }

    private static SyncRecord defaultContact(String clientId, JsonNode contact) {
        NodeColumns c = new NodeColumns(contact);
        c.columns().put("client_external_id", clientId);
        c.text("first_name", "firstName");
        c.text("last_name", "lastName");
        c.text("email", "defaultEmail.email");
        c.text("phone", "defaultPhone.phoneNumber");
        c.columns().put("is_default", Boolean.TRUE);
        c.instant("created_at", "createdAt");
        return record(GazelleEntity.CONTACT, contact, c);
    }

    /** The contact preferences live on the contact in Gazelle; a client-level field is accepted as well. */
    private static void wantsFlag(NodeColumns c, String column, String field) {
        String path = c.has("defaultContact." + field) ? "defaultContact." + field : field;
        c.bool(column, path);
    }

    private static List<String> eventPianoIds(NodeColumns c) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode eventPiano : c.connectionNodes("allEventPianos")) {
            JsonNode pianoId = eventPiano.path("piano").path("id");
            if (pianoId.isString() && !pianoId.stringValue().isBlank()) {
                ids.add(pianoId.stringValue());
            }
        }
        return List.copyOf(ids);
    }

    private static SyncRecord record(GazelleEntity entity, JsonNode node, NodeColumns c) {
        return record(entity, node, c, List.of());
    }

    private static SyncRecord record(GazelleEntity entity, JsonNode node, NodeColumns c, List<SyncRecord> children) {
        String id = requiredId(node);
        c.instant("gazelle_updated_at", "updatedAt");
        Instant updatedAt = c.instantAt("updatedAt");
        return new SyncRecord(entity, id, updatedAt, c.columns(), children);
    }

    private static String requiredId(JsonNode node) {
        JsonNode id = node.path("id");
        if (!id.isString() || id.stringValue().isBlank()) {
            throw new ApiValueException("id", id.isMissingNode() ? null : id.toString(), "Identifiant Gazelle manquant");
        }
        return id.stringValue();
    }

    private static String joinLines(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + '\n' + second;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
