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
 * {@code PICKED_UP} {@code returnUntil} and {@code damageReportUntil}; {@code REFUNDED} {@code refundAmount}.
 * Everything else is shown when present ({@code ORDER_CONFIRMED} shows payment instructions while the
 * payment is unpaid, {@code ORDER_CANCELLED} the refund when there is one, and so on).
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
 */
public record OrderEmail(
        Kind kind, Language language, String orderId, String orderNumber, String customerName, String orderPageUrl,
        List<Line> lines, BigDecimal deliveryPrice, BigDecimal total, String currency,
        DeliveryMethod deliveryMethod, LocalDate estimatedEarliest, LocalDate estimatedLatest, Instant modifiableUntil,
        Payment payment, Tracking tracking, Pickup pickup,
        LocalDate returnUntil, LocalDate damageReportUntil,
        CancelReason reason, BigDecimal refundAmount) {

    public OrderEmail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(orderPageUrl, "orderPageUrl");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** The e-mails of the order phase; each renders the template {@link #template()}. */
    public enum Kind {
        ORDER_CONFIRMED, PAYMENT_FAILED, PAYMENT_REMINDER, ORDER_CANCELLED, ORDER_MODIFIED, PREORDER_FILLED,
        SHIPPED, READY_FOR_PICKUP, PICKUP_REMINDER, DELIVERED, PICKED_UP, REFUNDED;

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
}
