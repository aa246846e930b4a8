package ca.ptm.nocturne.gazelle.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import ca.ptm.nocturne.gazelle.sync.SyncTable;
import ca.ptm.nocturne.gazelle.sync.SyncTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiRecordMapperTest {

    /** DOMAIN.md, "Example page", as Gazelle returns it. */
    private static final String PIANO_PAGE = """
            {"data": {"allPianos": {
              "nodes": [
                {"id": "ins_Qz81KdT0aa", "client": {"id": "cli_Hw3L0pXe9b"}, "make": "Steinway", "model": "D",
                 "serialNumber": "000417", "type": "GRAND", "year": 2004, "location": "MS", "status": "ACTIVE",
                 "serviceIntervalMonths": 3, "calculatedLastService": "2026-02-11", "calculatedNextService": "2026-05-11",
                 "tags": [], "damppChaserInstalled": false, "notes": null,
                 "createdAt": "2018-09-04T14:02:11Z", "updatedAt": "2026-02-11T21:40:57Z"},
                {"id": "ins_Rb52MmC1cc", "client": {"id": "cli_Hw3L0pXe9b"}, "make": "Yamaha", "model": "C7",
                 "serialNumber": "J0000058", "type": "GRAND", "year": null, "location": "Salle E", "status": "INACTIVE",
                 "tags": ["non"], "damppChaserInstalled": true, "updatedAt": "2025-10-02T12:05:44Z"}],
              "pageInfo": {"hasNextPage": true, "endCursor": "YXJyYXljb25uZWN0aW9uOjk5"}}}}
            """;

    private static final String CLIENT = """
            {"id": "cli_Hw3L0pXe9b", "companyName": null, "personalNotes": "Chat nerveux", "preferenceNotes": null,
             "status": "ACTIVE", "clientType": "RESIDENTIAL", "lifecycleState": "CUSTOMER", "referredBy": null,
             "noContactReason": null, "noContactUntil": "2026-06-30", "tags": ["institutional", "vip"],
             "preferredTechnicianId": "usr_Nico0001", "defaultClientLocalization": {"locale": "fr_CA"},
             "createdAt": "2019-04-02T13:10:00Z", "updatedAt": "2026-01-05T08:12:00Z",
             "defaultContact": {"id": "con_Cam0001", "firstName": "Camille", "lastName": "Fictive", "title": null,
               "wantsEmail": true, "wantsPhone": false, "wantsText": null,
               "defaultEmail": {"email": "camille@example.invalid"}, "defaultPhone": {"phoneNumber": "514-555-0100"},
               "defaultLocation": {"street1": "1 rue Fictive", "street2": null, "municipality": "Montréal",
                                   "postalCode": "H0H 0H0", "region": "QC"}}}
            """;

    private static final String EVENT = """
            {"id": "evt_Gala0001", "title": "Place des Arts Gala fictif avant 18h", "notes": null, "source": "APP",
             "travelMode": "DRIVING", "start": "2025-11-21T03:30:00Z", "duration": 60, "isAllDay": false,
             "confirmedByClient": true, "type": "APPOINTMENT", "status": "ACTIVE", "client": {"id": "cli_Hw3L0pXe9b"},
             "user": {"id": "usr_Nico0001"}, "createdBy": {"id": "usr_Allan001"},
             "allEventPianos": {"nodes": [{"piano": {"id": "ins_Qz81KdT0aa"}}, {"piano": {"id": "ins_Rb52MmC1cc"}},
                                          {"piano": {"id": "ins_Qz81KdT0aa"}}]},
             "createdAt": "2025-11-14T15:02:00Z", "updatedAt": "2025-11-20T10:00:00Z"}
            """;

    private static final String TIMELINE = """
            {"id": "tme_Acc0001", "occurredAt": "2025-11-21T03:30:00Z", "type": "SERVICE_ENTRY_MANUAL",
             "summary": "Accord", "comment": "Accord 442 Hz. 21°, 36%. stat 12,50",
             "client": {"id": "cli_Hw3L0pXe9b"}, "piano": {"id": "ins_Qz81KdT0aa"}, "invoice": null, "estimate": null,
             "user": {"id": "usr_Nico0001"}}
            """;

    private static final String INVOICE = """
            {"id": "inv_F0001", "client": {"id": "cli_Hw3L0pXe9b"}, "assignedTo": {"id": "usr_Allan001"},
             "number": 1042, "status": "OPEN", "subTotal": 17500, "total": 20121, "notes": null,
             "createdAt": "2025-11-21T03:30:00Z", "dueOn": "2025-12-21",
             "allInvoiceItems": {"nodes": [
               {"id": "ini_1", "description": "Accord", "type": "SERVICE", "quantity": 100, "amount": 17500,
                "subTotal": 17500, "taxTotal": 2621, "total": 20121, "billable": true, "taxable": true,
                "sequenceNumber": 1}]}}
            """;

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void pianosOfTheExamplePage() {
        JsonNode nodes = json(PIANO_PAGE).path("data").path("allPianos").path("nodes");

        SyncRecord steinway = ApiRecordMapper.piano(nodes.get(0));
        assertThat(steinway.entity()).isEqualTo(GazelleEntity.PIANO);
        assertThat(steinway.externalId()).isEqualTo("ins_Qz81KdT0aa");
        assertThat(steinway.updatedAt()).isEqualTo(Instant.parse("2026-02-11T21:40:57Z"));
        assertThat(steinway.columns()).containsOnly(
                entry("client_external_id", "cli_Hw3L0pXe9b"), entry("make", "Steinway"), entry("model", "D"),
                entry("serial_number", "000417"), entry("serial_normalized", "000417"), entry("type", "GRAND"),
                entry("year", 2004), entry("location", "MS"), entry("notes", null), entry("status", "ACTIVE"),
                entry("tags", List.of()), entry("service_interval_months", 3),
                entry("last_service_on", LocalDate.of(2026, 2, 11)), entry("next_service_on", LocalDate.of(2026, 5, 11)),
                entry("dampp_chaser_installed", false),
                entry("gazelle_updated_at", Instant.parse("2026-02-11T21:40:57Z")));

        SyncRecord yamaha = ApiRecordMapper.piano(nodes.get(1));
        assertThat(yamaha.columns())
                .containsEntry("year", null)
                .containsEntry("tags", List.of("non"))
                .containsEntry("dampp_chaser_installed", true)
                .containsEntry("location", "Salle E")
                .doesNotContainKeys("notes", "service_interval_months", "last_service_on", "next_service_on",
                        "dampp_chaser_humidistat_model", "dampp_chaser_mfg_date");
    }

    @Test
    void absentFieldIsAbsentAndNullFieldIsPresentNull() {
        SyncRecord without = ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"make\": \"Baldwin\"}"));
        assertThat(without.columns()).containsOnlyKeys("make");
        assertThat(without.updatedAt()).isNull();

        SyncRecord withNull = ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"notes\": null}"));
        assertThat(withNull.columns()).containsOnly(entry("notes", null));

        SyncRecord nullParent = ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"client\": null}"));
        assertThat(nullParent.columns()).containsOnly(entry("client_external_id", null));
    }

    @Test
    void pianoLocationIsTrimmedAndSerialNormalised() {
        SyncRecord piano = ApiRecordMapper.piano(json(
                "{\"id\": \"ins_1\", \"location\": \"EM 402 \", \"serialNumber\": \"j 0000001\"}"));
        assertThat(piano.columns()).containsEntry("location", "EM 402").containsEntry("serial_normalized", "J0000001")
                .containsEntry("serial_number", "j 0000001");
        assertThat(ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"location\": \"  \"}")).columns())
                .containsEntry("location", null);
    }

    @Test
    void clientWithItsDefaultContact() {
        SyncRecord client = ApiRecordMapper.client(json(CLIENT));

        assertThat(client.entity()).isEqualTo(GazelleEntity.CLIENT);
        assertThat(client.externalId()).isEqualTo("cli_Hw3L0pXe9b");
        assertThat(client.updatedAt()).isEqualTo(Instant.parse("2026-01-05T08:12:00Z"));
        assertThat(client.columns()).containsOnly(
                entry("company_name", "Camille Fictive"), entry("first_name", "Camille"), entry("last_name", "Fictive"),
                entry("status", "ACTIVE"), entry("email", "camille@example.invalid"), entry("phone", "514-555-0100"),
                entry("city", "Montréal"), entry("postal_code", "H0H 0H0"), entry("personal_notes", "Chat nerveux"),
                entry("preference_notes", null), entry("locale", "fr_CA"), entry("tags", List.of("institutional", "vip")),
                entry("preferred_technician_id", "usr_Nico0001"), entry("client_type", "RESIDENTIAL"),
                entry("lifecycle_state", "CUSTOMER"), entry("referred_by", null),
                entry("no_contact_until", LocalDate.of(2026, 6, 30)), entry("no_contact_reason", null),
                entry("wants_email", true), entry("wants_phone", false), entry("wants_text", null),
                entry("created_at", Instant.parse("2019-04-02T13:10:00Z")),
                entry("gazelle_updated_at", Instant.parse("2026-01-05T08:12:00Z")));

        assertThat(client.children()).singleElement().satisfies(contact -> {
            assertThat(contact.entity()).isEqualTo(GazelleEntity.CONTACT);
            assertThat(contact.externalId()).isEqualTo("con_Cam0001");
            assertThat(contact.columns()).containsOnly(entry("client_external_id", "cli_Hw3L0pXe9b"),
                    entry("first_name", "Camille"), entry("last_name", "Fictive"),
                    entry("email", "camille@example.invalid"), entry("phone", "514-555-0100"), entry("is_default", true));
        });
    }

    @Test
    void companyNameWinsAndLosesItsPollutingSuffix() {
        SyncRecord client = ApiRecordMapper.client(json("""
                {"id": "cli_1", "companyName": "Studio Démo, son historique",
                 "defaultContact": {"id": "con_1", "firstName": "Prénom", "lastName": "Exemple"}}"""));
        assertThat(client.columns()).containsEntry("company_name", "Studio Démo");
    }

    @Test
    void clientWithoutContactOrUnfetchedCompanyName() {
        SyncRecord client = ApiRecordMapper.client(json("{\"id\": \"cli_1\", \"defaultContact\": null}"));
        assertThat(client.children()).isEmpty();
        assertThat(client.columns()).doesNotContainKey("company_name").containsEntry("first_name", null)
                .containsEntry("email", null);
        assertThat(ApiRecordMapper.client(json("{\"id\": \"cli_1\"}")).columns()).isEmpty();
    }

    @Test
    void appointmentInMontrealTimeWithItsPianos() {
        SyncRecord event = ApiRecordMapper.appointment(json(EVENT));

        assertThat(event.externalId()).isEqualTo("evt_Gala0001");
        assertThat(event.updatedAt()).isEqualTo(Instant.parse("2025-11-20T10:00:00Z"));
        assertThat(event.columns()).containsOnly(
                entry("client_external_id", "cli_Hw3L0pXe9b"), entry("piano_external_id", "ins_Qz81KdT0aa"),
                entry("title", "Place des Arts Gala fictif avant 18h"), entry("description", null),
                entry("notes", "Place des Arts Gala fictif avant 18h"),
                entry("start_datetime", Instant.parse("2025-11-21T03:30:00Z")),
                entry("appointment_date", LocalDate.of(2025, 11, 20)), entry("appointment_time", LocalTime.of(22, 30)),
                entry("duration_minutes", 60), entry("status", "ACTIVE"), entry("technicien", "usr_Nico0001"),
                entry("travel_mode", "DRIVING"), entry("event_type", "APPOINTMENT"), entry("is_all_day", false),
                entry("confirmed_by_client", true), entry("gazelle_updated_at", Instant.parse("2025-11-20T10:00:00Z")));

        assertThat(event.children()).extracting(SyncRecord::externalId)
                .containsExactly("evt_Gala0001:ins_Qz81KdT0aa", "evt_Gala0001:ins_Rb52MmC1cc");
        assertThat(event.children().get(1).entity()).isEqualTo(GazelleEntity.APPOINTMENT_PIANO);
        assertThat(event.children().get(1).columns()).containsOnly(entry("appointment_external_id", "evt_Gala0001"),
                entry("piano_external_id", "ins_Rb52MmC1cc"));
    }

    @Test
    void appointmentNotesAndMissingPiecesStayApart() {
        SyncRecord event = ApiRecordMapper.appointment(json("""
                {"id": "evt_1", "title": "Accord", "notes": "Porte arrière", "client": null,
                 "allEventPianos": {"nodes": []}}"""));
        assertThat(event.columns()).containsOnly(entry("title", "Accord"), entry("description", "Porte arrière"),
                entry("notes", "Porte arrière"), entry("client_external_id", null), entry("piano_external_id", null));
        assertThat(event.children()).isEmpty();

        assertThat(ApiRecordMapper.appointment(json("{\"id\": \"evt_1\", \"title\": \"Accord\"}")).columns())
                .containsOnlyKeys("title");
    }

    @Test
    void timelineEntryWithItsMeasurements() {
        SyncRecord entry = ApiRecordMapper.timelineEntry(json(TIMELINE));

        assertThat(entry.entity()).isEqualTo(GazelleEntity.TIMELINE_ENTRY);
        assertThat(entry.externalId()).isEqualTo("tme_Acc0001");
        assertThat(entry.updatedAt()).isNull();
        assertThat(entry.columns())
                .containsEntry("client_id", "cli_Hw3L0pXe9b").containsEntry("piano_id", "ins_Qz81KdT0aa")
                .containsEntry("invoice_id", null).containsEntry("estimate_id", null)
                .containsEntry("user_id", "usr_Nico0001")
                .containsEntry("occurred_at", Instant.parse("2025-11-21T03:30:00Z"))
                .containsEntry("occurred_date", LocalDate.of(2025, 11, 20))
                .containsEntry("entry_type", "SERVICE_ENTRY_MANUAL").containsEntry("title", "Accord")
                .containsEntry("description", "Accord 442 Hz. 21°, 36%. stat 12,50")
                .containsEntry("origin", "api")
                .containsEntry("content_signature", "2025-11-20|accord 442 hz. 21°, 36%. stat 12,50")
                .doesNotContainKey("gazelle_updated_at");
        assertThat((BigDecimal) entry.columns().get("temperature_c")).isEqualByComparingTo("21");
        assertThat((BigDecimal) entry.columns().get("humidity_pct")).isEqualByComparingTo("36");
        assertThat((BigDecimal) entry.columns().get("pitch_hz")).isEqualByComparingTo("442");
        JsonNode metadata = json(((SyncRecord.JsonText) entry.columns().get("metadata")).json());
        assertThat(metadata.path("origin").asString()).isEqualTo("api");
        assertThat(metadata.path("temperatureC").decimalValue()).isEqualByComparingTo("21");
        assertThat(metadata.path("humidityPct").decimalValue()).isEqualByComparingTo("36");
        assertThat(metadata.path("pitchHz").decimalValue()).isEqualByComparingTo("442");
    }

    @Test
    void timelineEntryWithoutReadingsOrText() {
        SyncRecord entry = ApiRecordMapper.timelineEntry(json("""
                {"id": "tme_2", "occurredAt": "2026-01-10T14:00:00Z", "type": "CONTACT_PHONE_MANUAL_TALKED",
                 "summary": "Appel", "comment": "stat 20, thermostat 20"}"""));
        assertThat(entry.columns()).containsEntry("temperature_c", null).containsEntry("humidity_pct", null)
                .containsEntry("pitch_hz", null).containsEntry("entry_type", "CONTACT_PHONE_MANUAL_TALKED");
        assertThat(((SyncRecord.JsonText) entry.columns().get("metadata")).json()).isEqualTo("{\"origin\":\"api\"}");

        SyncRecord bare = ApiRecordMapper.timelineEntry(json("{\"id\": \"tme_3\", \"type\": \"NEW_KIND\"}"));
        assertThat(bare.columns()).containsOnlyKeys("entry_type", "metadata", "origin")
                .containsEntry("entry_type", "NEW_KIND");
    }

    @Test
    void invoiceInDollarsWithItsItems() {
        SyncRecord invoice = ApiRecordMapper.invoice(json(INVOICE));

        assertThat(invoice.externalId()).isEqualTo("inv_F0001");
        assertThat(invoice.columns()).containsOnly(
                entry("client_id", "cli_Hw3L0pXe9b"), entry("invoice_number", 1042), entry("status", "OPEN"),
                entry("sub_total", new BigDecimal("175.00")), entry("total", new BigDecimal("201.21")),
                entry("notes", null), entry("created_at", Instant.parse("2025-11-21T03:30:00Z")),
                entry("invoice_date", LocalDate.of(2025, 11, 20)), entry("due_on", LocalDate.of(2025, 12, 21)),
                entry("assigned_to", "usr_Allan001"));
        assertThat(invoice.children()).singleElement().satisfies(item -> {
            assertThat(item.entity()).isEqualTo(GazelleEntity.INVOICE_ITEM);
            assertThat(item.externalId()).isEqualTo("ini_1");
            assertThat(item.columns()).containsOnly(entry("invoice_external_id", "inv_F0001"),
                    entry("description", "Accord"), entry("item_type", "SERVICE"), entry("quantity", new BigDecimal("100")),
                    entry("amount", new BigDecimal("175.00")), entry("sub_total", new BigDecimal("175.00")),
                    entry("tax_total", new BigDecimal("26.21")), entry("total", new BigDecimal("201.21")),
                    entry("billable", true), entry("taxable", true), entry("sequence_number", 1));
        });
    }

    @Test
    void invoiceItemsAsEdges() {
        SyncRecord invoice = ApiRecordMapper.invoice(json("""
                {"id": "inv_2", "allInvoiceItems": {"edges": [{"node": {"id": "ini_9", "amount": 995}}]}}"""));
        assertThat(invoice.children()).singleElement()
                .satisfies(item -> assertThat(item.columns()).containsEntry("amount", new BigDecimal("9.95")));
    }

    @Test
    void user() {
        SyncRecord user = ApiRecordMapper.user(json("""
                {"id": "usr_Aatt001", "firstName": "À", "lastName": "attribuer", "email": null, "status": "ACTIVE"}"""));
        assertThat(user.entity()).isEqualTo(GazelleEntity.USER);
        assertThat(user.columns()).containsOnly(entry("first_name", "À"), entry("last_name", "attribuer"),
                entry("email", null), entry("status", "ACTIVE"));
    }

    @Test
    void nodeWithoutIdIsRefused() {
        assertThatThrownBy(() -> ApiRecordMapper.piano(json("{\"make\": \"Steinway\"}")))
                .isInstanceOf(ApiValueException.class).hasMessage("Identifiant Gazelle manquant");
    }

    @Test
    void unreadableValueNamesItsField() {
        assertThatThrownBy(() -> ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"calculatedLastService\": \"demain\"}")))
                .isInstanceOf(ApiValueException.class)
                .satisfies(e -> {
                    ApiValueException error = (ApiValueException) e;
                    assertThat(error.field()).isEqualTo("calculatedLastService");
                    assertThat(error.value()).isEqualTo("\"demain\"");
                });
        assertThatThrownBy(() -> ApiRecordMapper.piano(json("{\"id\": \"ins_1\", \"year\": \"vieux\"}")))
                .isInstanceOf(ApiValueException.class);
    }

    static Stream<Arguments> everyMappedRecord() {
        return Stream.of(
                Arguments.of(GazelleEntity.PIANO, json(PIANO_PAGE).at("/data/allPianos/nodes/0"),
                        (Function<JsonNode, SyncRecord>) ApiRecordMapper::piano),
                Arguments.of(GazelleEntity.CLIENT, json(CLIENT), (Function<JsonNode, SyncRecord>) ApiRecordMapper::client),
                Arguments.of(GazelleEntity.APPOINTMENT, json(EVENT),
                        (Function<JsonNode, SyncRecord>) ApiRecordMapper::appointment),
                Arguments.of(GazelleEntity.TIMELINE_ENTRY, json(TIMELINE),
                        (Function<JsonNode, SyncRecord>) ApiRecordMapper::timelineEntry),
                Arguments.of(GazelleEntity.INVOICE, json(INVOICE), (Function<JsonNode, SyncRecord>) ApiRecordMapper::invoice));
    }

    /** The writer refuses a column outside the sync contract: every key must be a column of the V4 table. */
    @ParameterizedTest
    @MethodSource("everyMappedRecord")
    void columnsAreThoseOfTheSyncContract(GazelleEntity entity, JsonNode node, Function<JsonNode, SyncRecord> mapper) {
        SyncRecord record = mapper.apply(node);
        assertThat(record.entity()).isEqualTo(entity);
        assertKnownColumns(record);
    }

    private static void assertKnownColumns(SyncRecord record) {
        SyncTable table = SyncTables.of(record.entity());
        assertThat(record.columns().keySet()).as(record.entity().table()).allMatch(table::knows);
        record.children().forEach(ApiRecordMapperTest::assertKnownColumns);
    }
}
