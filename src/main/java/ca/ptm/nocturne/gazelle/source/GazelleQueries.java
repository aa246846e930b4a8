package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.mapping.ApiRecordMapper;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import java.util.List;

/**
 * The GraphQL operations of the sync, written against Gazelle's schema (src/main/resources/gazelle/schema.graphqls,
 * a copy of ../shared/gazelle/schema.graphqls; GazelleOperationsValidationTest validates every operation string of
 * the code against it). Every connection is paged by cursor (first/after/pageInfo) and read to its end; users are a
 * plain list. Clients, pianos, users and invoices are read in full each night (Gazelle has no "changed since"
 * filter); events are windowed on their date through {@code filters: {startOn, endOn}} ({@code CoreDate}), timeline
 * entries on {@code occurredAtGet} ({@code CoreDateTime}, UTC "YYYY-MM-DDTHH:MM:SSZ"; there is no upper bound and
 * the newest come first), with the overlaps of {@link SyncWindow}.
 *
 * <p>Nested connections (an event's pianos, an invoice's items) are asked with an explicit {@code first} and their
 * {@code pageInfo}: one that has more is read to its end by its own cursor ({@link NestedConnection}), never cut.
 */
public final class GazelleQueries {

    /** Page size of the nested connections; more than any real event or invoice holds, and checked anyway. */
    public static final int NESTED_PAGE = 100;

    private static final String PAGE_INFO = " pageInfo { hasNextPage endCursor } ";

    private static final String CONTACT_FIELDS = "id firstName lastName title wantsEmail wantsPhone wantsText "
            + "defaultEmail { email } defaultPhone { phoneNumber } "
            + "defaultLocation { street1 street2 municipality postalCode region }";

    public static final String CLIENT_FIELDS = "id companyName personalNotes preferenceNotes status clientType lifecycleState "
            + "referredBy noContactReason noContactUntil tags preferredTechnicianId defaultClientLocalization { locale } "
            + "createdAt updatedAt defaultContact { " + CONTACT_FIELDS + " }";

    /** A plain list: no arguments, no paging, no nodes. */
    public static final EntityQuery USERS = EntityQuery.list(GazelleEntity.USER, "allUsers",
            "query Users { allUsers { id firstName lastName email status } }",
            ApiRecordMapper::user);

    public static final EntityQuery CLIENTS = new EntityQuery(GazelleEntity.CLIENT, "allClients",
            "query Clients($first: Int!, $after: String) { allClients(first: $first, after: $after) { "
                    + "nodes { " + CLIENT_FIELDS + " }" + PAGE_INFO + "} }",
            ApiRecordMapper::client);

    public static final String CLIENT_BY_ID = "query Client($id: String!) { client(id: $id) { " + CLIENT_FIELDS + " } }";

    public static final EntityQuery PIANOS = new EntityQuery(GazelleEntity.PIANO, "allPianos",
            "query Pianos($first: Int!, $after: String) { allPianos(first: $first, after: $after) { nodes { "
                    + "id client { id } make model serialNumber size location notes caseColor caseFinish type year status "
                    + "serviceIntervalMonths calculatedLastService calculatedNextService tags damppChaserInstalled "
                    + "damppChaserHumidistatModel damppChaserMfgDate createdAt updatedAt }" + PAGE_INFO + "} }",
            ApiRecordMapper::piano);

    private static final String EVENT_PIANO_FIELDS = "nodes { piano { id } }" + PAGE_INFO;

    /** The rest of an event's pianos, after the first {@link #NESTED_PAGE}. */
    public static final String EVENT_PIANOS = "query EventPianos($id: String!, $first: Int!, $after: String) { "
            + "event(eventId: $id) { allEventPianos(first: $first, after: $after) { " + EVENT_PIANO_FIELDS + "} } }";

    public static final EntityQuery APPOINTMENTS = new EntityQuery(GazelleEntity.APPOINTMENT, "allEventsBatched",
            "query Events($first: Int!, $after: String, $startOn: CoreDate!, $endOn: CoreDate!) { "
                    + "allEventsBatched(first: $first, after: $after, filters: {startOn: $startOn, endOn: $endOn}) { nodes { "
                    + "id title notes source travelMode start duration isAllDay confirmedByClient type status "
                    + "client { id } user { id } createdBy { id } allEventPianos(first: 100) { " + EVENT_PIANO_FIELDS + "} "
                    + "createdAt updatedAt }" + PAGE_INFO + "} }",
            ApiRecordMapper::appointment,
            List.of(new NestedConnection("allEventPianos", "event", EVENT_PIANOS, "les pianos du rendez-vous")));

    private static final String TIMELINE_FIELDS = "nodes { id occurredAt type summary comment client { id } piano { id } "
            + "invoice { id } estimate { id } user { id } }";

    /**
     * The timeline from now back to {@code occurredAtGet} (null: the whole history), of the given {@code types} (null:
     * every type): a partition of the timeline step asks for its group of types.
     */
    public static final EntityQuery TIMELINE = new EntityQuery(GazelleEntity.TIMELINE_ENTRY, "allTimelineEntries",
            "query Timeline($first: Int!, $after: String, $occurredAtGet: CoreDateTime, $types: [TimelineEntryType!]) { "
                    + "allTimelineEntries(first: $first, after: $after, occurredAtGet: $occurredAtGet, types: $types) { "
                    + TIMELINE_FIELDS + PAGE_INFO + "} }",
            ApiRecordMapper::timelineEntry);

    /**
     * How many entries the timeline holds since {@code occurredAtGet}, in all ({@code all}) and for each of the 28
     * values of TimelineEntryType (one alias per type), in one request: the partitions by type are disjoint, and they
     * are complete only if the types add up to the whole (an entry of a type Gazelle added later would not).
     * GazelleOperationsValidationTest checks that every type of the schema has its alias here.
     */
    public static final String TIMELINE_COUNTS = """
            query TimelineCounts($occurredAtGet: CoreDateTime) {
              all: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet) { totalCount }
              CONTACT_EMAIL_AUTOMATED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_EMAIL_AUTOMATED]) { totalCount }
              CONTACT_EMAIL_MANUAL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_EMAIL_MANUAL]) { totalCount }
              CONTACT_SMS_AUTOMATED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_SMS_AUTOMATED]) { totalCount }
              CONTACT_SMS_MANUAL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_SMS_MANUAL]) { totalCount }
              CONTACT_PHONE_AUTOMATED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_PHONE_AUTOMATED]) { totalCount }
              CONTACT_PHONE_MANUAL_TALKED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_PHONE_MANUAL_TALKED]) { totalCount }
              CONTACT_PHONE_MANUAL_MESSAGE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_PHONE_MANUAL_MESSAGE]) { totalCount }
              CONTACT_POST_AUTOMATED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_POST_AUTOMATED]) { totalCount }
              CONTACT_POST_MANUAL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_POST_MANUAL]) { totalCount }
              CONTACT_OTHER_MANUAL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [CONTACT_OTHER_MANUAL]) { totalCount }
              ERROR_MESSAGE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [ERROR_MESSAGE]) { totalCount }
              SYSTEM_MESSAGE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SYSTEM_MESSAGE]) { totalCount }
              USER_COMMENT: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [USER_COMMENT]) { totalCount }
              SERVICE_ENTRY_AUTOMATED: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SERVICE_ENTRY_AUTOMATED]) { totalCount }
              SERVICE_ENTRY_MANUAL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SERVICE_ENTRY_MANUAL]) { totalCount }
              APPOINTMENT: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [APPOINTMENT]) { totalCount }
              APPOINTMENT_LOG: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [APPOINTMENT_LOG]) { totalCount }
              INVOICE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [INVOICE]) { totalCount }
              INVOICE_LOG: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [INVOICE_LOG]) { totalCount }
              INVOICE_PAYMENT: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [INVOICE_PAYMENT]) { totalCount }
              INVOICE_SYNC: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [INVOICE_SYNC]) { totalCount }
              PIANO_MEASUREMENT: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [PIANO_MEASUREMENT]) { totalCount }
              SCHEDULED_MESSAGE_EMAIL: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SCHEDULED_MESSAGE_EMAIL]) { totalCount }
              SCHEDULED_MESSAGE_SMS: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SCHEDULED_MESSAGE_SMS]) { totalCount }
              SCHEDULED_MESSAGE_PHONE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SCHEDULED_MESSAGE_PHONE]) { totalCount }
              ESTIMATE: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [ESTIMATE]) { totalCount }
              ESTIMATE_LOG: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [ESTIMATE_LOG]) { totalCount }
              SYSTEM_NOTIFICATION: allTimelineEntries(first: 1, occurredAtGet: $occurredAtGet, types: [SYSTEM_NOTIFICATION]) { totalCount }
            }
            """;

    /** The alias of the unfiltered total in {@link #TIMELINE_COUNTS}. */
    public static final String ALL_TYPES = "all";

    private static final String INVOICE_ITEM_FIELDS = "nodes { id description type quantity amount subTotal taxTotal total "
            + "billable taxable sequenceNumber }" + PAGE_INFO;

    /** The rest of an invoice's items, after the first {@link #NESTED_PAGE}. */
    public static final String INVOICE_ITEMS = "query InvoiceItems($id: String!, $first: Int!, $after: String) { "
            + "invoice(id: $id) { allInvoiceItems(first: $first, after: $after) { " + INVOICE_ITEM_FIELDS + "} } }";

    public static final EntityQuery INVOICES = new EntityQuery(GazelleEntity.INVOICE, "allInvoices",
            "query Invoices($first: Int!, $after: String) { allInvoices(first: $first, after: $after) { edges { node { "
                    + "id client { id } assignedTo { id } number status subTotal total notes createdAt dueOn "
                    + "allInvoiceItems(first: 100) { " + INVOICE_ITEM_FIELDS + "} } }" + PAGE_INFO + "} }",
            ApiRecordMapper::invoice,
            List.of(new NestedConnection("allInvoiceItems", "invoice", INVOICE_ITEMS, "les lignes de la facture")));

    private GazelleQueries() {
    }
}
