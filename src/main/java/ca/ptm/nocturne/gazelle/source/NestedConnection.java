package ca.ptm.nocturne.gazelle.source;

/**
 * A connection inside each node of a page (an event's {@code allEventPianos}, an invoice's {@code allInvoiceItems}),
 * asked with an explicit {@code first}. When its {@code pageInfo.hasNextPage} is true, the rest is read by its own
 * cursor with {@code followUp} (variables {@code id}, {@code first}, {@code after}; the answer's {@code parent} field
 * holds the connection) and appended to the node before it is mapped: a nested list is never cut silently.
 *
 * @param field    the connection's field in the node, e.g. "allEventPianos"
 * @param parent   the root field of the follow-up query that returns the node by id, e.g. "event"
 * @param followUp the follow-up query
 * @param what     French words for messages, e.g. "les pianos du rendez-vous"
 */
public record NestedConnection(String field, String parent, String followUp, String what) {
}
