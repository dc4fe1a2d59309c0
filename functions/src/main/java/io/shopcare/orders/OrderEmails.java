package io.shopcare.orders;

import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.mail.RenderedEmail;
import io.shopcare.orders.OrderEmail.CancelReason;
import io.shopcare.orders.OrderEmail.DeliveryMethod;
import io.shopcare.orders.OrderEmail.Kind;
import io.shopcare.orders.OrderEmail.Line;
import io.shopcare.orders.OrderEmail.OpeningHours;
import io.shopcare.orders.OrderEmail.Payment;
import io.shopcare.orders.OrderEmail.Pickup;
import io.shopcare.orders.OrderEmail.Return;
import io.shopcare.orders.OrderEmail.ReturnLine;
import io.shopcare.orders.OrderEmail.ReturnReason;
import io.shopcare.orders.OrderEmail.Ticket;
import io.shopcare.orders.OrderEmail.TicketLine;
import io.shopcare.orders.OrderEmail.TicketType;
import io.shopcare.orders.OrderEmail.Tracking;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The order e-mails ({@code order-confirmed}, {@code shipped}, ...): one {@link OrderEmail} in, one
 * message in the order's language out, HTML and plain text, from the templates and wording in
 * {@code /emails} (the kind's {@code KIND.*} keys and the {@code order.*} keys they share).
 *
 * <p>They are transactional: no unsubscribe link and no {@code List-Unsubscribe} header
 * ({@link #message} sends without one).
 *
 * <p>Formats: money by {@link EmailRenderer#price}; dates in the language's way ("25 November 2026",
 * "25. 11. 2026", "1er décembre 2026", "25 листопада 2026 р."), estimates as ranges ("25–27 November
 * 2026"); instants ({@code dueBy}, {@code modifiableUntil}) in the shop's timezone with its name and UTC
 * offset, so nobody elsewhere misreads them ("25 November 2026, 14:30 (Central European Time, UTC+1)").
 *
 * <p>Where orders.md is silent:
 * <ul>
 * <li>instants are shown in one shop timezone (default {@link #DEFAULT_ZONE}, Europe/Prague), never the
 *     reader's guessed one, always with its name and the offset in force at that instant;</li>
 * <li>"shipped" and "ready for pickup" go out before the delivery date exists, so without
 *     {@code damageReportUntil} they say "within N days of delivery" (or "of picking it up"), N being
 *     {@code DamageReportDays} given to the constructor (default 3); with the date they give the date;</li>
 * <li>inclusive deadlines say so ("until 28 December 2026 (inclusive)", "last day to pick up");</li>
 * <li>Czech and Ukrainian greet without the name (no vocative) and name the customer in the order line
 *     ("Objednávka č. 1042 na jméno …"); English and French greet by name;</li>
 * <li>refunds are "being refunded, the way you paid": they are recorded when due and paid out by
 *     the payment integration;</li>
 * <li>a retry after a failed payment goes through the order page (the old card link may be spent);</li>
 * <li>bank details are printed as text (IBAN in groups of four); the QR Platba string is not drawn.</li>
 * <li>a return for the shop's fault says its refund is under way at once ("we are refunding"), the rest
 *     "once your parcel reaches us"; an exchange says the replacement ships as a separate order at no cost;</li>
 * <li>what the shopper wrote in a ticket and the merchant's answer are shown as written, escaped in HTML,
 *     their line breaks kept; the acknowledgement promises no response time (no parameter sets one): a
 *     priority-1 ticket is "handled first", the others "we will get back to you by e-mail";</li>
 * <li>the merchant's alert for a ticket ({@link #merchantTicket}) is in English, like the stock notices.</li>
 * </ul>
 */
public final class OrderEmails {
    /** The shop's timezone unless told otherwise: where the shop's deadlines are set. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Prague");
    /** The {@code DamageReportDays} parameter's default. */
    public static final int DEFAULT_DAMAGE_REPORT_DAYS = 3;
    private static final String FAMILY = "order";
    private static final String MERCHANT_TICKET = "merchant-ticket";

    private final EmailRenderer renderer;
    private final ZoneId zone;
    private final int damageReportDays;

    public OrderEmails(EmailRenderer renderer) {
        this(renderer, DEFAULT_ZONE, DEFAULT_DAMAGE_REPORT_DAYS);
    }

    /**
     * @param zone             the timezone instants are shown in
     * @param damageReportDays days after delivery (or pickup) to report damage, said in the e-mails sent
     *                         before that date is known
     */
    public OrderEmails(EmailRenderer renderer, ZoneId zone, int damageReportDays) {
        if (damageReportDays < 0) {
            throw new IllegalArgumentException("damageReportDays " + damageReportDays);
        }
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.damageReportDays = damageReportDays;
    }

    /**
     * The message for {@code email}.
     *
     * @throws IllegalArgumentException when the kind needs a part the e-mail lacks (a mapping bug)
     */
    public RenderedEmail render(OrderEmail email) {
        check(email);
        RenderedEmail rendered = renderer.render(email.kind().template(), FAMILY, email.language(), model(email));
        return new RenderedEmail(rendered.kind(), rendered.subject(), tidy(rendered.text()), rendered.html());
    }

    /** {@link #render} addressed to {@code to}, without {@code List-Unsubscribe}: order e-mails are transactional. */
    public OutgoingEmail message(String to, OrderEmail email) {
        return new OutgoingEmail(to, render(email), null);
    }

    /**
     * What the merchant's alert address gets for a ticket (orders.md: every priority-1 ticket, a missing paid
     * item); English, like the other merchant notices, HTML and text, no unsubscribe.
     *
     * @param orderId        the order's id (not shown; for logs)
     * @param orderNumber    the number shown to people
     * @param customerName   as given; null or blank shows none
     * @param customerEmail  the customer's address, so the merchant can answer
     * @param customerPhone  null when unknown
     * @param ticket         the ticket, with its message and lines
     * @param adminOrderUrl  where the merchant opens the order, http or https (the caller decides, for example
     *                       {@code {StorefrontUrl}/merchant/orders/{orderId}})
     * @param reportedAt     when the ticket was created, shown in the shop's timezone; null hides it
     */
    public record MerchantTicket(String orderId, String orderNumber, String customerName, String customerEmail,
                                 String customerPhone, Ticket ticket, String adminOrderUrl, Instant reportedAt) {
        public MerchantTicket {
            Objects.requireNonNull(orderNumber, "orderNumber");
            Objects.requireNonNull(customerEmail, "customerEmail");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(adminOrderUrl, "adminOrderUrl");
        }
    }

    /**
     * The merchant's alert for {@code alert}.
     *
     * @throws IllegalArgumentException when {@code adminOrderUrl} is not an http(s) link
     */
    public RenderedEmail merchantTicket(MerchantTicket alert) {
        if (!isWebLink(alert.adminOrderUrl())) {
            throw new IllegalArgumentException("adminOrderUrl is not an http(s) link");
        }
        Ticket ticket = alert.ticket();
        Formats formats = new Formats(Language.EN, zone);
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", alert.orderNumber());
        model.put("customerName", orFalse(blankToNull(alert.customerName())));
        model.put("customerEmail", alert.customerEmail());
        model.put("customerPhone", orFalse(blankToNull(alert.customerPhone())));
        model.put("adminOrderUrl", alert.adminOrderUrl());
        model.put("reportedAt", alert.reportedAt() == null ? false : formats.instant(alert.reportedAt()));
        putTicket(model, ticket);
        RenderedEmail rendered = renderer.render(MERCHANT_TICKET, Language.EN, model);
        return new RenderedEmail(rendered.kind(), rendered.subject(), tidy(rendered.text()), rendered.html());
    }

    /** {@link #merchantTicket} addressed to the shop's alert address, without {@code List-Unsubscribe}. */
    public OutgoingEmail merchantTicketMessage(String alertAddress, MerchantTicket alert) {
        return new OutgoingEmail(alertAddress, merchantTicket(alert), null);
    }

    private static void check(OrderEmail email) {
        Kind kind = email.kind();
        if (!isWebLink(email.orderPageUrl())) {
            throw new IllegalArgumentException("orderPageUrl is not an http(s) link");
        }
        switch (kind) {
            case PAYMENT_FAILED, PAYMENT_REMINDER -> require(email.payment() != null, kind, "payment");
            case SHIPPED -> require(email.tracking() != null, kind, "tracking");
            case READY_FOR_PICKUP, PICKUP_REMINDER -> require(email.pickup() != null, kind, "pickup");
            case DELIVERED, PICKED_UP -> {
                require(email.returnUntil() != null, kind, "returnUntil");
                require(email.damageReportUntil() != null, kind, "damageReportUntil");
            }
            case REFUNDED -> require(email.refundAmount() != null, kind, "refundAmount");
            case RETURN_CREATED -> {
                Return request = email.returnRequest();
                require(request != null, kind, "returnRequest");
                require(isWebLink(request.labelUrl()), kind, "returnRequest.labelUrl (http or https)");
                require(blankToNull(request.carrier()) != null, kind, "returnRequest.carrier");
                require(!request.lines().isEmpty(), kind, "returnRequest.lines");
                if (request.resolution() == Return.Resolution.EXCHANGE) {
                    require(blankToNull(request.exchangeVariant()) != null, kind, "returnRequest.exchangeVariant");
                }
            }
            case TICKET_RECEIVED -> require(email.ticket() != null, kind, "ticket");
            case TICKET_RESOLVED -> {
                require(email.ticket() != null, kind, "ticket");
                require(blankToNull(email.ticket().resolution()) != null, kind, "ticket.resolution");
            }
            default -> { }
        }
        Payment payment = email.payment();
        if (payment != null && unpaid(payment) && payment.method() == Payment.Method.BANK_TRANSFER) {
            require(payment.iban() != null && !payment.iban().isBlank(), kind, "payment.iban");
            require(payment.variableSymbol() != null && !payment.variableSymbol().isBlank(), kind,
                    "payment.variableSymbol");
        }
    }

    private static void require(boolean present, Kind kind, String part) {
        if (!present) {
            throw new IllegalArgumentException(kind + " needs " + part);
        }
    }

    private Map<String, Object> model(OrderEmail email) {
        Language language = email.language();
        Formats formats = new Formats(language, zone);
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", email.orderNumber());
        model.put("orderId", orFalse(email.orderId()));
        model.put("customerName", orFalse(blankToNull(email.customerName())));
        model.put("orderPageUrl", email.orderPageUrl());

        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        for (Line line : email.lines()) {
            Line.Status status = line.status() == null ? Line.Status.RESERVED : line.status();
            String variant = variant(line.size(), line.colour());
            Map<String, Object> row = new HashMap<>();
            row.put("name", line.name());
            row.put("variant", orFalse(variant));
            row.put("quantity", line.quantity());
            row.put("multiple", line.quantity() != 1);
            row.put("unitPrice", price(line.unitPrice(), email));
            row.put("lineTotal", price(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), email));
            row.put("preordered", status == Line.Status.PREORDERED);
            row.put("cancelled", status == Line.Status.CANCELLED);
            row.put("returned", status == Line.Status.RETURNED);
            row.put("filled", line.changed() && email.kind() == Kind.PREORDER_FILLED);
            row.put("changed", line.changed() && email.kind() == Kind.ORDER_MODIFIED);
            lines.add(row);
            if (line.changed()) {
                filled.add(variant == null ? line.name() : line.name() + " – " + variant);
            }
        }
        model.put("lines", lines);
        model.put("filledItem", email.kind() == Kind.PREORDER_FILLED && !filled.isEmpty()
                ? String.join(", ", filled) : false);
        BigDecimal delivery = email.deliveryPrice();
        model.put("deliveryPrice", delivery == null ? false : price(delivery, email));
        model.put("deliveryFree", delivery != null && delivery.signum() == 0);
        model.put("total", price(email.total(), email));
        model.put("pickupMethod", email.deliveryMethod() == null ? email.pickup() != null
                : email.deliveryMethod() != DeliveryMethod.HOME);
        model.put("estimate", orFalse(formats.range(email.estimatedEarliest(), email.estimatedLatest())));
        model.put("modifiableUntil", email.modifiableUntil() == null ? false : formats.instant(email.modifiableUntil()));

        Payment payment = email.payment();
        boolean unpaid = payment != null && unpaid(payment);
        boolean onDelivery = payment != null && (payment.status() == Payment.Status.ON_DELIVERY || unpaid
                && payment.method() == Payment.Method.CASH_ON_DELIVERY);
        unpaid = unpaid && !onDelivery;
        model.put("unpaid", unpaid);
        model.put("onDelivery", onDelivery);
        model.put("paid", payment != null && payment.status() == Payment.Status.PAID);
        model.put("card", payment != null && payment.method() == Payment.Method.CARD);
        model.put("transfer", payment != null && payment.method() == Payment.Method.BANK_TRANSFER);
        model.put("amount", price(payment != null && payment.amount() != null ? payment.amount() : email.total(), email));
        model.put("dueBy", payment == null || payment.dueBy() == null ? false : formats.instant(payment.dueBy()));
        model.put("paymentUrl", payment != null && isWebLink(payment.paymentUrl()) ? payment.paymentUrl() : false);
        model.put("iban", payment == null ? false : orFalse(iban(payment.iban())));
        model.put("variableSymbol", payment == null ? false : orFalse(blankToNull(payment.variableSymbol())));
        model.put("paymentMessage", payment == null ? false : orFalse(blankToNull(payment.message())));

        Tracking tracking = email.tracking();
        model.put("carrier", tracking == null ? false : tracking.carrier());
        model.put("trackingNumber", tracking == null ? false : tracking.trackingNumber());
        model.put("trackingUrl", tracking != null && isWebLink(tracking.url()) ? tracking.url() : false);

        Pickup pickup = email.pickup();
        model.put("pickupName", pickup == null ? false : pickup.name());
        model.put("pickupAddress", pickup == null ? false : pickup.address());
        String phone = pickup == null ? null : blankToNull(pickup.phone());
        model.put("pickupPhone", orFalse(phone));
        model.put("pickupPhoneLink", phone == null ? false : phone.replaceAll("[^+0-9]", ""));
        List<Map<String, Object>> hours = pickup == null ? List.of() : formats.openingHours(pickup.openingHours());
        model.put("openingHours", hours);
        model.put("hasOpeningHours", !hours.isEmpty());
        model.put("storageUntil", pickup == null ? false : formats.date(pickup.storageUntil()));
        model.put("pickupExtendable", pickup != null && pickup.extendable());

        model.put("returnUntil", email.returnUntil() == null ? false : formats.date(email.returnUntil()));
        model.put("damageReportUntil",
                email.damageReportUntil() == null ? false : formats.date(email.damageReportUntil()));
        model.put("damageDays", damageReportDays);
        model.put("damageDaysOne", pluralOne(language, damageReportDays));

        CancelReason reason = email.reason();
        model.put("reasonCustomer", reason == CancelReason.CUSTOMER);
        model.put("reasonMerchant", reason == CancelReason.MERCHANT);
        model.put("reasonPaymentExpired", reason == CancelReason.PAYMENT_EXPIRED);
        model.put("reasonPickupNotCollected", reason == CancelReason.PICKUP_NOT_COLLECTED);
        model.put("reasonOther", reason == null);
        BigDecimal refund = email.refundAmount();
        model.put("refund", refund == null || refund.signum() <= 0 ? false : price(refund, email));

        Return request = email.returnRequest();
        boolean exchange = request != null && request.resolution() == Return.Resolution.EXCHANGE;
        BigDecimal returnRefund = request == null ? null : request.refundAmount();
        boolean refundedAtOnce = returnRefund != null && returnRefund.signum() > 0;
        List<Map<String, Object>> returnLines = new ArrayList<>();
        boolean refundOnReceipt = false;
        for (ReturnLine line : request == null ? List.<ReturnLine>of() : request.lines()) {
            Map<String, Object> row = item(line.name(), line.size(), line.colour(), line.quantity());
            ReturnReason why = line.reason();
            row.put("reasonDamaged", why == ReturnReason.DAMAGED);
            row.put("reasonWrongSize", why == ReturnReason.WRONG_SIZE);
            row.put("reasonNotAsDescribed", why == ReturnReason.NOT_AS_DESCRIBED);
            row.put("reasonChangedMind", why == ReturnReason.CHANGED_MIND);
            row.put("reasonOtherReturn", why == ReturnReason.OTHER);
            returnLines.add(row);
            refundOnReceipt |= !why.shopsFault();
        }
        model.put("returnCode", request == null ? false : request.code());
        model.put("returnCarrier", request == null ? false : orFalse(blankToNull(request.carrier())));
        model.put("labelUrl", request != null && isWebLink(request.labelUrl()) ? request.labelUrl() : false);
        model.put("returnLines", returnLines);
        model.put("hasReturnLines", !returnLines.isEmpty());
        model.put("exchange", exchange);
        model.put("exchangeVariant", exchange ? orFalse(blankToNull(request.exchangeVariant())) : false);
        model.put("exchangeOrderNumber", exchange ? orFalse(blankToNull(request.exchangeOrderNumber())) : false);
        model.put("returnRefund", refundedAtOnce ? price(returnRefund, email) : false);
        model.put("refundLater", request != null && !exchange && (refundOnReceipt || !refundedAtOnce));

        putTicket(model, email.ticket());
        return model;
    }

    /** The ticket's values ({@code ticketId}, {@code ticketType…} flags, message, lines); all false without one. */
    private static void putTicket(Map<String, Object> model, Ticket ticket) {
        TicketType type = ticket == null ? null : ticket.type();
        model.put("ticketId", ticket == null ? false : ticket.ticketId());
        model.put("ticketMissing", type == TicketType.MISSING_ITEM);
        model.put("ticketDamaged", type == TicketType.DAMAGED);
        model.put("ticketLate", type == TicketType.LATE);
        model.put("ticketOther", type == TicketType.OTHER);
        model.put("ticketPriority", ticket == null ? false : ticket.priority());
        model.put("priorityOne", ticket != null && ticket.priority() == 1);
        model.put("ticketMessage", ticket == null ? false : orFalse(blankToNull(ticket.message())));
        model.put("ticketResolution", ticket == null ? false : orFalse(blankToNull(ticket.resolution())));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TicketLine line : ticket == null ? List.<TicketLine>of() : ticket.lines()) {
            lines.add(item(line.name(), line.size(), line.colour(), line.quantity()));
        }
        model.put("ticketLines", lines);
        model.put("hasTicketLines", !lines.isEmpty());
    }

    /** A listed item without a price: name, "M, red" or false, quantity. */
    private static Map<String, Object> item(String name, String size, String colour, int quantity) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("variant", orFalse(variant(size, colour)));
        row.put("quantity", quantity);
        return row;
    }

    private static boolean unpaid(Payment payment) {
        return payment.status() == Payment.Status.PENDING || payment.status() == Payment.Status.FAILED;
    }

    private static String price(BigDecimal amount, OrderEmail email) {
        return EmailRenderer.price(amount, email.currency(), email.language());
    }

    /** "M, red", "M", "red", or null. */
    private static String variant(String size, String colour) {
        List<String> parts = new ArrayList<>(2);
        if (blankToNull(size) != null) {
            parts.add(size.trim());
        }
        if (blankToNull(colour) != null) {
            parts.add(colour.trim());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** In groups of four, as banks print it: "CZ65 0800 0000 1920 0014 5399". */
    private static String iban(String iban) {
        if (blankToNull(iban) == null) {
            return null;
        }
        String compact = iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }

    /** Whether {@code n} takes the singular form after a preposition ("within 1 day", "do 1 dne", "протягом 21 дня"). */
    static boolean pluralOne(Language language, int n) {
        return switch (language) {
            case FR -> n == 0 || n == 1;
            case UK -> n % 10 == 1 && n % 100 != 11;
            default -> n == 1;
        };
    }

    /** Links we put in an href: only http(s), never {@code javascript:} and the like. */
    private static boolean isWebLink(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Object orFalse(Object value) {
        return value == null ? false : value;
    }

    /** At most one empty line in a row in the text part (absent sections leave gaps). */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    /** Dates, ranges, instants and opening hours in one language's conventions. */
    static final class Formats {
        private final Language language;
        private final Locale locale;
        private final ZoneId zone;

        Formats(Language language, ZoneId zone) {
            this.language = language;
            this.locale = language.locale();
            this.zone = zone;
        }

        /** "25 November 2026", "25. 11. 2026", "25 novembre 2026" ("1er décembre"), "25 листопада 2026 р.". */
        String date(LocalDate date) {
            return format(date, switch (language) {
                case CS -> "d. M. uuuu";
                case UK -> "d MMMM uuuu 'р.'";
                default -> "d MMMM uuuu";
            });
        }

        /** The day and month of a range's first day when the year is the same: "30 November", "30. 11.". */
        private String dayMonth(LocalDate date) {
            return format(date, language == Language.CS ? "d. M." : "d MMMM");
        }

        /** The day of a range's first day when the month is the same: "25", "25.". */
        private String day(LocalDate date) {
            return format(date, language == Language.CS ? "d." : "d");
        }

        private String format(LocalDate date, String pattern) {
            String localPattern = language == Language.FR && date.getDayOfMonth() == 1
                    ? pattern.replaceFirst("^d", "d'er'") : pattern;
            return DateTimeFormatter.ofPattern(localPattern, locale).format(date);
        }

        /** "25–27 November 2026", "30 November – 2 December 2026", one date when both are the same. */
        String range(LocalDate earliest, LocalDate latest) {
            if (earliest == null || latest == null || earliest.equals(latest)) {
                LocalDate only = earliest == null ? latest : earliest;
                return only == null ? null : date(only);
            }
            if (earliest.getYear() != latest.getYear()) {
                return date(earliest) + " – " + date(latest);
            }
            if (earliest.getMonth() != latest.getMonth()) {
                return dayMonth(earliest) + " – " + date(latest);
            }
            return day(earliest) + "–" + date(latest);
        }

        /** "25 November 2026, 14:30 (Central European Time, UTC+1)". */
        String instant(Instant instant) {
            ZonedDateTime time = instant.atZone(zone);
            String clock = time(time.toLocalTime());
            String when = date(time.toLocalDate()) + (language == Language.FR ? " à " : ", ") + clock;
            String offset = offset(time.getOffset());
            String name = DateTimeFormatter.ofPattern("vvvv", locale).format(time);
            if (name.isEmpty() || name.startsWith("GMT") || name.startsWith("UTC")) {
                return when + " (" + offset + ")";
            }
            if (language == Language.CS) {
                name = name.substring(0, 1).toLowerCase(locale) + name.substring(1);
            }
            return when + " (" + name + ", " + offset + ")";
        }

        private String time(LocalTime time) {
            return DateTimeFormatter.ofPattern(switch (language) {
                case CS -> "H:mm";
                case FR -> "H'h'mm";
                default -> "HH:mm";
            }, locale).format(time);
        }

        private static String offset(ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            int minutes = Math.abs(seconds) / 60;
            String sign = seconds < 0 ? "-" : "+";
            return "UTC" + sign + minutes / 60 + (minutes % 60 == 0 ? "" : String.format(":%02d", minutes % 60));
        }

        /** Rows "Monday" / "09:00–12:00, 13:00–18:00", Monday first, days given only. */
        List<Map<String, Object>> openingHours(List<OpeningHours> hours) {
            Map<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
            for (OpeningHours interval : hours) {
                byDay.computeIfAbsent(interval.day(), d -> new ArrayList<>()).add(interval);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            byDay.forEach((day, intervals) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                String name = day.getDisplayName(TextStyle.FULL, locale);
                row.put("day", name.substring(0, 1).toUpperCase(locale) + name.substring(1));
                row.put("hours", intervals.stream().sorted((a, b) -> a.opens().compareTo(b.opens()))
                        .map(i -> time(i.opens()) + "–" + time(i.closes())).collect(Collectors.joining(", ")));
                rows.add(row);
            });
            return rows;
        }
    }
}
