package io.shopcare.orders;

import io.shopcare.mail.Language;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one order e-mail says, filled from the order at the moment of its event: plain values only,
 * already in the order's currency and language. {@link OrderEmails} turns it into a message.
 *
 * <p>Optional parts are null when absent. Which ones a kind needs:
 * {@code PAYMENT_FAILED} and {@code PAYMENT_REMINDER} a {@link Payment}; {@code SHIPPED} a {@link Tracking};
 * {@code READY_FOR_PICKUP} and {@code PICKUP_REMINDER} a {@link Pickup}; {@code DELIVERED} and
 * {@code PICKED_UP} {@code returnUntil} and {@code damageReportUntil}; {@code REFUNDED} {@code refundAmount};
 * {@code RETURN_CREATED} a {@link Return} with its label link, carrier and lines (and for an exchange the
 * variant sent instead); {@code TICKET_RECEIVED} a {@link Ticket}; {@code TICKET_RESOLVED} a {@link Ticket}
 * with its {@code resolution}.
 * Everything else is shown when present ({@code ORDER_CONFIRMED} shows payment instructions while the
 * payment is unpaid, {@code ORDER_CANCELLED} the refund when there is one, {@code REFUNDED} names the
 * return it pays for when given one, {@code RETURN_CREATED} the deadline {@code returnUntil}, and so on).
 *
 * @param kind              which e-mail
 * @param language          the order's language
 * @param orderId           the order's id (not shown; for logs)
 * @param orderNumber       the short number shown to people, in the subject and the body
 * @param customerName      the customer's name as given; null or blank greets without a name
 * @param orderPageUrl      the storefront order page, {@code {StorefrontUrl}/orders/{orderId}#token=…} (http or https)
 * @param lines             the order's lines as the e-mail lists them; each line's price is
 *                          {@code unitPrice × quantity} (for {@code ORDER_CANCELLED} give the quantities that were cancelled)
 * @param deliveryPrice     the delivery price; null hides the row, zero shows "free"
 * @param total             the order total
 * @param currency          ISO 4217 code of every amount
 * @param deliveryMethod    how the order reaches the customer; null reads as {@code HOME} unless {@code pickup} is given
 * @param estimatedEarliest the delivery (or pickup) estimate, earliest day; null with {@code estimatedLatest} hides it
 * @param estimatedLatest   the estimate's latest day
 * @param modifiableUntil   until when the order can still be changed; null once it cannot
 * @param payment           the payment, or null (an exchange order with nothing to pay)
 * @param tracking          the latest parcel
 * @param pickup            where and until when the order waits
 * @param returnUntil       last day to return (inclusive), once delivered or picked up
 * @param damageReportUntil last day to report damage (inclusive), once delivered or picked up; before that
 *                          the e-mail says "within {@code DamageReportDays} days of delivery"
 * @param reason            why the order was cancelled ({@code ORDER_CANCELLED}); null says no reason
 * @param refundAmount      the amount refunded ({@code REFUNDED}, {@code ORDER_CANCELLED}); null or zero: none
 * @param returnRequest     the return the e-mail is about ({@code RETURN_CREATED}; for {@code REFUNDED} the return
 *                          the refund is for, or null for any other refund)
 * @param ticket            the problem report the e-mail is about ({@code TICKET_RECEIVED}, {@code TICKET_RESOLVED})
 */
public record OrderEmail(
        Kind kind, Language language, String orderId, String orderNumber, String customerName, String orderPageUrl,
        List<Line> lines, BigDecimal deliveryPrice, BigDecimal total, String currency,
        DeliveryMethod deliveryMethod, LocalDate estimatedEarliest, LocalDate estimatedLatest, Instant modifiableUntil,
        Payment payment, Tracking tracking, Pickup pickup,
        LocalDate returnUntil, LocalDate damageReportUntil,
        CancelReason reason, BigDecimal refundAmount,
        Return returnRequest, Ticket ticket) {

    public OrderEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(orderPageUrl, "orderPageUrl");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** Without a return or a ticket: the e-mails of the order phase (the parameter list before aftercare). */
    public OrderEmail(
            Kind kind, Language language, String orderId, String orderNumber, String customerName, String orderPageUrl,
            List<Line> lines, BigDecimal deliveryPrice, BigDecimal total, String currency,
            DeliveryMethod deliveryMethod, LocalDate estimatedEarliest, LocalDate estimatedLatest, Instant modifiableUntil,
            Payment payment, Tracking tracking, Pickup pickup,
            LocalDate returnUntil, LocalDate damageReportUntil,
            CancelReason reason, BigDecimal refundAmount) {
        this(kind, language, orderId, orderNumber, customerName, orderPageUrl, lines, deliveryPrice, total, currency,
                deliveryMethod, estimatedEarliest, estimatedLatest, modifiableUntil, payment, tracking, pickup,
                returnUntil, damageReportUntil, reason, refundAmount, null, null);
    }

    /** The e-mails of the order phase and of aftercare; each renders the template {@link #template()}. */
    public enum Kind {
        ORDER_CONFIRMED, PAYMENT_FAILED, PAYMENT_REMINDER, ORDER_CANCELLED, ORDER_MODIFIED, PREORDER_FILLED,
        SHIPPED, READY_FOR_PICKUP, PICKUP_REMINDER, DELIVERED, PICKED_UP, REFUNDED,
        RETURN_CREATED, TICKET_RECEIVED, TICKET_RESOLVED;

        /** The template (and wording key) name: {@code ORDER_CONFIRMED} is {@code order-confirmed}. */
        public String template() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The order's delivery method ({@code delivery.method}). */
    public enum DeliveryMethod { HOME, PICKUP_POINT, STORE }

    /** Why an order was cancelled. */
    public enum CancelReason { CUSTOMER, MERCHANT, PAYMENT_EXPIRED, PICKUP_NOT_COLLECTED }

    /**
     * One order line.
     *
     * @param size    null or blank when the product has none
     * @param colour  null or blank when the product has none
     * @param status  null reads as {@code RESERVED}
     * @param changed this line is what the e-mail is about: the pre-order line just filled
     *                ({@code PREORDER_FILLED}), a line the change touched ({@code ORDER_MODIFIED})
     */
    public record Line(String name, String size, String colour, int quantity, BigDecimal unitPrice, Status status,
                       boolean changed) {
        public Line {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitPrice, "unitPrice");
        }

        public Line(String name, String size, String colour, int quantity, BigDecimal unitPrice, Status status) {
            this(name, size, colour, quantity, unitPrice, status, false);
        }

        public enum Status { RESERVED, PREORDERED, CANCELLED, FULFILLED, RETURNED }
    }

    /**
     * The payment and, while unpaid, how to pay.
     *
     * @param dueBy          when an unpaid order is cancelled
     * @param paymentUrl     {@code CARD}: the payment page
     * @param iban           {@code BANK_TRANSFER}: the shop's account (spaces optional)
     * @param amount         {@code BANK_TRANSFER}: the amount to send; null means the order total
     * @param variableSymbol {@code BANK_TRANSFER}: the order's variable symbol
     * @param message        {@code BANK_TRANSFER}: the message for the recipient, or null
     */
    public record Payment(Method method, Status status, Instant dueBy, String paymentUrl, String iban,
                          BigDecimal amount, String variableSymbol, String message) {
        public Payment {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(status, "status");
        }

        public enum Method { CARD, BANK_TRANSFER, CASH_ON_DELIVERY }

        public enum Status { PENDING, FAILED, PAID, ON_DELIVERY, REFUNDED, PARTIALLY_REFUNDED }
    }

    /** The latest parcel; {@code url} may be null when the carrier gives none. */
    public record Tracking(String carrier, String trackingNumber, String url) {
        public Tracking {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }

    /**
     * Where the order waits.
     *
     * @param address      one line
     * @param phone        null when unknown
     * @param openingHours as the location gives them; days not listed are not shown
     * @param storageUntil the last day to pick up (inclusive), in the location's timezone
     * @param extendable   the customer can still extend the storage ({@code EXTEND_PICKUP} is allowed)
     */
    public record Pickup(String name, String address, String phone, List<OpeningHours> openingHours,
                         LocalDate storageUntil, boolean extendable) {
        public Pickup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(storageUntil, "storageUntil");
            openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
        }
    }

    /** One opening interval of a day, as a location's {@code {"day": "MON", "opens": "09:00", "closes": "18:00"}}. */
    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public OpeningHours {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
        }

        /** From the API's form: {@code of("MON", "09:00", "18:00")}. */
        public static OpeningHours of(String day, String opens, String closes) {
            String key = day.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (candidate.name().startsWith(key) && key.length() >= 3) {
                    return new OpeningHours(candidate, LocalTime.parse(opens), LocalTime.parse(closes));
                }
            }
            throw new IllegalArgumentException("not a day: " + day);
        }
    }

    /**
     * A return ({@code POST …/returns}): what goes back, how it is settled, and its label.
     *
     * @param returnId            the return's id (not shown; for logs)
     * @param code                the return's unique code, printed as the label's barcode and shown in the e-mail
     * @param carrier             who takes the parcel back ({@code RETURN_CREATED})
     * @param labelUrl            the printable PDF label, {@code …/returns/{returnId}/label?token=…} (http or https;
     *                            {@code RETURN_CREATED})
     * @param lines               the units returned, each with its reason; null reads as none
     * @param resolution          null reads as {@code REFUND}
     * @param exchangeVariant     {@code EXCHANGE}: the size and/or colour sent instead, as shown ("L", "L, navy")
     * @param exchangeOrderNumber {@code EXCHANGE}: the number of the exchange order that ships it, or null
     * @param refundAmount        what was refunded at once because the shop was at fault ({@code DAMAGED},
     *                            {@code NOT_AS_DESCRIBED}); null or zero: nothing yet, the refund follows on receipt
     */
    public record Return(String returnId, String code, String carrier, String labelUrl, List<ReturnLine> lines,
                         Resolution resolution, String exchangeVariant, String exchangeOrderNumber,
                         BigDecimal refundAmount) {
        public Return {
            Objects.requireNonNull(returnId, "returnId");
            Objects.requireNonNull(code, "code");
            lines = lines == null ? List.of() : List.copyOf(lines);
            resolution = resolution == null ? Resolution.REFUND : resolution;
        }

        /** Only which return (and, if known, its lines): what a {@code REFUNDED} e-mail for a return needs. */
        public Return(String returnId, String code, List<ReturnLine> lines) {
            this(returnId, code, null, null, lines, Resolution.REFUND, null, null, null);
        }

        public enum Resolution { REFUND, EXCHANGE }
    }

    /**
     * Units of one order line going back.
     *
     * @param size   null or blank when the product has none
     * @param colour null or blank when the product has none
     * @param reason as the shopper gave it; null reads as {@code OTHER}
     */
    public record ReturnLine(String name, String size, String colour, int quantity, ReturnReason reason) {
        public ReturnLine {
            Objects.requireNonNull(name, "name");
            reason = reason == null ? ReturnReason.OTHER : reason;
        }
    }

    /** Why a unit goes back ({@code lines[].reason} of {@code POST …/returns}). */
    public enum ReturnReason {
        DAMAGED, WRONG_SIZE, NOT_AS_DESCRIBED, CHANGED_MIND, OTHER;

        /** The shop's fault: refunded when the return is created, not when the parcel arrives. */
        public boolean shopsFault() {
            return this == DAMAGED || this == NOT_AS_DESCRIBED;
        }
    }

    /**
     * A problem the shopper reported ({@code POST …/tickets}).
     *
     * @param ticketId   shown as the request's number
     * @param priority   1 (a missing paid item), 2 or 3
     * @param message    what the shopper wrote, as written (escaped in HTML when shown); null or blank: none
     * @param lines      the lines it concerns; null reads as none
     * @param resolution the merchant's answer ({@code TICKET_RESOLVED}), as written; null while open
     */
    public record Ticket(String ticketId, TicketType type, int priority, String message, List<TicketLine> lines,
                         String resolution) {
        public Ticket {
            Objects.requireNonNull(ticketId, "ticketId");
            Objects.requireNonNull(type, "type");
            if (priority < 1 || priority > 3) {
                throw new IllegalArgumentException("priority " + priority);
            }
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The kind of problem ({@code type} of {@code POST …/tickets}). */
    public enum TicketType { MISSING_ITEM, DAMAGED, LATE, OTHER }

    /**
     * Units of one order line a ticket concerns.
     *
     * @param size   null or blank when the product has none
     * @param colour null or blank when the product has none
     */
    public record TicketLine(String name, String size, String colour, int quantity) {
        public TicketLine {
            Objects.requireNonNull(name, "name");
        }
    }
}
