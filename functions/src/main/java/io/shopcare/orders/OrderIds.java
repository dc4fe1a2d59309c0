package io.shopcare.orders;

/**
 * The ids of what hangs off an order carry the order's id: {@code ORDERID-R1} its first return,
 * {@code ORDERID-X1} the exchange order of a return, {@code ORDERID-T1} its first ticket. A label,
 * an exchange order or a ticket thus leads to its order without an index, and the order's token
 * covers them.
 */
public final class OrderIds {
    private OrderIds() {
    }

    public static String returnId(String orderId, int n) {
        return orderId + "-R" + n;
    }

    public static String exchangeOrderId(String orderId, int n) {
        return orderId + "-X" + n;
    }

    public static String ticketId(String orderId, int n) {
        return orderId + "-T" + n;
    }

    /** The order a return, ticket or exchange order belongs to; null if the id is none of them. */
    public static String orderOf(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0 || dash + 2 > id.length() || "RXT".indexOf(id.charAt(dash + 1)) < 0) {
            return null;
        }
        for (int i = dash + 2; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        return id.substring(0, dash);
    }

    /** For an exchange order's id, the order whose units it replaces; otherwise null. */
    public static String exchangedOrder(String orderId) {
        String original = orderOf(orderId);
        return original != null && orderId.charAt(original.length() + 1) == 'X' ? original : null;
    }
}
