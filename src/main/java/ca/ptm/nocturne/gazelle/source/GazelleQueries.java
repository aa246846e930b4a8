package ca.ptm.nocturne.gazelle.source;

import ca.ptm.nocturne.gazelle.mapping.ApiRecordMapper;
import ca.ptm.nocturne.gazelle.sync.GazelleEntity;

/**
 * The GraphQL queries of the sync. Every list is paged by cursor (first/after/pageInfo) and read to its end:
 * calls without {@code first} come back truncated. Clients, pianos, users and invoices are read in full each night
 * (Gazelle documents no updatedAt filter for them; they are a few dozen pages); events are windowed on their start
 * date and timeline entries on occurredAt, with the overlaps of {@link SyncWindow}.
 */
public final class GazelleQueries {

    private static final String PAGE_INFO = " pageInfo { hasNextPage endCursor } ";

    private static final String CONTACT_FIELDS = "id firstName lastName title wantsEmail wantsPhone wantsText "
            + "defaultEmail { email } defaultPhone { phoneNumber } "
            + "defaultLocation { street1 street2 municipality postalCode region }";

    public static final String CLIENT_FIELDS = "id companyName personalNotes preferenceNotes status clientType lifecycleState "
            + "referredBy noContactReason noContactUntil tags preferredTechnicianId defaultClientLocalization { locale } "
            + "createdAt updatedAt defaultContact { " + CONTACT_FIELDS + " }";

    public static final EntityQuery USERS = new EntityQuery(GazelleEntity.USER, "allUsers",
            "query Users($first: Int!, $after: String) { allUsers(first: $first, after: $after) { "
                    + "nodes { id firstName lastName email status }" + PAGE_INFO + "} }",
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

    public static final EntityQuery APPOINTMENTS = new EntityQuery(GazelleEntity.APPOINTMENT, "allEventsBatched",
            "query Events($first: Int!, $after: String, $startOn: Date!, $endOn: Date!) { "
                    + "allEventsBatched(first: $first, after: $after, startOn: $startOn, endOn: $endOn) { nodes { "
                    + "id title notes source travelMode start duration isAllDay confirmedByClient type status "
                    + "client { id } user { id } createdBy { id } allEventPianos { nodes { piano { id } } } "
                    + "createdAt updatedAt }" + PAGE_INFO + "} }",
            ApiRecordMapper::appointment);

    private static final String TIMELINE_FIELDS = "nodes { id occurredAt type summary comment client { id } piano { id } "
            + "invoice { id } estimate { id } user { id } }";

    public static final EntityQuery TIMELINE = new EntityQuery(GazelleEntity.TIMELINE_ENTRY, "allTimelineEntries",
            "query Timeline($first: Int!, $after: String, $occurredAtGet: DateTime) { "
                    + "allTimelineEntries(first: $first, after: $after, occurredAtGet: $occurredAtGet) { "
                    + TIMELINE_FIELDS + PAGE_INFO + "} }",
            ApiRecordMapper::timelineEntry);

    /**
     * One year of a backfill: occurredAtGet with its counterpart occurredAtLet (on or before). Only asked for bounded
     * slices, so an incremental night never depends on it; {@code nocturne.gazelle.timeline-partitioning=none} reads
     * the history without it.
     */
    public static final EntityQuery TIMELINE_SLICE = new EntityQuery(GazelleEntity.TIMELINE_ENTRY, "allTimelineEntries",
            "query TimelineSlice($first: Int!, $after: String, $occurredAtGet: DateTime, $occurredAtLet: DateTime) { "
                    + "allTimelineEntries(first: $first, after: $after, occurredAtGet: $occurredAtGet, occurredAtLet: $occurredAtLet) { "
                    + TIMELINE_FIELDS + PAGE_INFO + "} }",
            ApiRecordMapper::timelineEntry);

    public static final EntityQuery INVOICES = new EntityQuery(GazelleEntity.INVOICE, "allInvoices",
            "query Invoices($first: Int!, $after: String) { allInvoices(first: $first, after: $after) { edges { node { "
                    + "id client { id } assignedTo { id } number status subTotal total notes createdAt dueOn "
                    + "allInvoiceItems { nodes { id description type quantity amount subTotal taxTotal total billable "
                    + "taxable sequenceNumber } } } }" + PAGE_INFO + "} }",
            ApiRecordMapper::invoice);

    private GazelleQueries() {
    }
}
