package io.shopcare.dynamo;

/**
 * The orders table's key formats, the one place they are spelled; template.yaml's stream filters
 * name the same sort key.
 * <ul>
 * <li>{@code ORDER#id / ORDER} an order (its JSON document in {@code doc}); indexes byStatus
 *     ({@code status / createdKey}), byCustomer ({@code customerKey / createdKey}) and the sparse
 *     byDeadline ({@code dueDay / dueAt}, only while the clock has something to do)</li>
 * <li>{@code ORDER#id / MAIL#seq} the claim of the e-mail for timeline event {@code seq}</li>
 * <li>{@code ORDER#id / TICKET#ticketId} a ticket (its JSON in {@code doc}); index byTicketQueue
 *     ({@code ticketStatus / ticketRank}: priority, then age)</li>
 * <li>{@code SYMBOL#vs / SYMBOL} a bank transfer's variable symbol, unique per order</li>
 * <li>{@code BACKLOG#location / COUNT} orders sourced at a location and not yet dispatched, with one
 *     {@code BACKLOG#location / ORDER#id} marker per order so a redelivered record counts once</li>
 * </ul>
 */
public final class OrdersTable {
    public static final String ORDER_SK = "ORDER";
    public static final String SYMBOL_SK = "SYMBOL";
    public static final String COUNT_SK = "COUNT";
    public static final String BY_STATUS = "byStatus";
    public static final String BY_CUSTOMER = "byCustomer";
    public static final String BY_DEADLINE = "byDeadline";
    public static final String BY_TICKET_QUEUE = "byTicketQueue";
    private static final String ORDER_PREFIX = "ORDER#";
    private static final String MAIL_PREFIX = "MAIL#";
    private static final String SYMBOL_PREFIX = "SYMBOL#";
    private static final String BACKLOG_PREFIX = "BACKLOG#";
    private static final String DUE_PREFIX = "DUE#";

    private OrdersTable() {
    }

    public static String orderPk(String orderId) {
        return ORDER_PREFIX + orderId;
    }

    public static String ticketSk(String ticketId) {
        return "TICKET#" + ticketId;
    }

    public static String mailSk(int seq) {
        return MAIL_PREFIX + seq;
    }

    public static String symbolPk(String variableSymbol) {
        return SYMBOL_PREFIX + variableSymbol;
    }

    public static String backlogPk(String locationId) {
        return BACKLOG_PREFIX + locationId;
    }

    /** The backlog marker's sort key: one per order. */
    public static String backlogMarkerSk(String orderId) {
        return ORDER_PREFIX + orderId;
    }

    /** Deadlines are bucketed by UTC day so the sweep reads a few small partitions, never a scan. */
    public static String dueDay(String isoDate) {
        return DUE_PREFIX + isoDate;
    }
}
