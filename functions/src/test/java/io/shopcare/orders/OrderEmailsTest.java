package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samskivert.mustache.Escapers;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
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
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderEmailsTest {
    private static final String PAGE = "https://shop.example.com/orders/ord_7f3a#token=tOk-123_abc";
    private static final String HOSTILE_NAME = "Jana <script>alert(1)</script> Nováková";
    private static final String HOSTILE_PRODUCT = "Alpine <script>Down</script> Jacket";
    private static final String TRACKING_URL = "https://tracking.example.com/parcel?number=TRK0042&lang=cs";
    private static final Map<Language, List<String>> UNSUBSCRIBE_WORDS = Map.of(
            Language.EN, List.of("unsubscribe"), Language.CS, List.of("odhlásit", "odhlášení"),
            Language.FR, List.of("désabonner", "désabonnement"), Language.UK, List.of("відписатися", "відписк"));
    private final OrderEmails emails = new OrderEmails(new EmailRenderer());

    /** A fully filled e-mail: every optional part present, so every kind can show what it shows. */
    private static final class Fixture {
        Kind kind;
        Language language;
        String customerName = HOSTILE_NAME;
        List<Line> lines = new ArrayList<>(List.of(
                new Line(HOSTILE_PRODUCT, "M", "red", 2, new BigDecimal("49.90"), Line.Status.RESERVED, true),
                new Line("Merino Socks", null, "", 1, new BigDecimal("9.90"), Line.Status.PREORDERED)));
        BigDecimal deliveryPrice = new BigDecimal("4.90");
        DeliveryMethod deliveryMethod = DeliveryMethod.HOME;
        LocalDate earliest = LocalDate.of(2026, 11, 25);
        LocalDate latest = LocalDate.of(2026, 11, 27);
        Instant modifiableUntil = Instant.parse("2026-11-23T13:00:00Z");
        Payment payment = transfer(Payment.Status.PENDING);
        Tracking tracking = new Tracking("DPD", "TRK0042", TRACKING_URL);
        Pickup pickup = new Pickup("Shopcare Národní", "Národní 10, 110 00 Praha 1", "+420 222 333 444",
                List.of(OpeningHours.of("MON", "09:00", "18:00"), OpeningHours.of("SAT", "10:00", "14:00"),
                        OpeningHours.of("TUE", "13:00", "18:00"), OpeningHours.of("TUE", "09:00", "12:00")),
                LocalDate.of(2026, 12, 4), true);
        LocalDate returnUntil = LocalDate.of(2026, 12, 28);
        LocalDate damageReportUntil = LocalDate.of(2026, 12, 1);
        CancelReason reason = CancelReason.CUSTOMER;
        BigDecimal refund = new BigDecimal("49.90");
        Return returnRequest = new Return("ret_9c1", "RT-1042-1", "Zásilkovna",
                "https://shop.example.com/returns/ret_9c1/label?token=sig-1&v=2",
                List.of(new ReturnLine(HOSTILE_PRODUCT, "M", "red", 1, ReturnReason.DAMAGED)),
                Return.Resolution.REFUND, null, null, new BigDecimal("49.90"));
        Ticket ticket = new Ticket("tkt_5d2e", TicketType.MISSING_ITEM, 1, "Socks <script>alert(2)</script> missing",
                List.of(new TicketLine("Merino Socks", null, null, 1)), "We sent <b>the socks</b> again.");

        Fixture(Kind kind, Language language) {
            this.kind = kind;
            this.language = language;
        }

        OrderEmail build() {
            return new OrderEmail(kind, language, "ord_7f3a", "1042", customerName, PAGE, lines, deliveryPrice,
                    new BigDecimal("114.60"), "EUR", deliveryMethod, earliest, latest, modifiableUntil, payment,
                    tracking, pickup, returnUntil, damageReportUntil, reason, refund, returnRequest, ticket);
        }
    }

    private static Payment transfer(Payment.Status status) {
        return new Payment(Payment.Method.BANK_TRANSFER, status, Instant.parse("2026-11-26T13:30:00Z"), null,
                "CZ65 0800 0000 1920 0014 5399", new BigDecimal("114.60"), "1234567890", "Order 1042");
    }

    private static Payment card(Payment.Status status) {
        return new Payment(Payment.Method.CARD, status, Instant.parse("2026-11-23T11:00:00Z"),
                "https://pay.example.com/orders/ord_7f3a?step=card", null, null, null, null);
    }

    private RenderedEmail render(Kind kind, Language language) {
        return emails.render(new Fixture(kind, language).build());
    }

    private static String money(String amount, Language language) {
        return EmailRenderer.price(new BigDecimal(amount), "EUR", language);
    }

    private static String html(String value) {
        return Escapers.HTML.escape(value);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKindRendersInEveryLanguageWithNumberLinkLinesAndTotals(Language language) {
        for (Kind kind : Kind.values()) {
            RenderedEmail email = render(kind, language);
            String where = kind + "/" + language;
            assertEquals(kind.template(), email.kind());
            for (String part : List.of(email.subject(), email.text(), email.html())) {
                assertFalse(part.contains("{{") || part.contains("}}"), where + ": " + part);
                assertFalse(part.contains("false") || part.contains("null"), where + " shows a missing value: " + part);
                assertTrue(part.contains("1042"), where + " order number: " + part);
            }
            assertTrue(email.text().contains(PAGE), where + ": " + email.text());
            assertTrue(email.html().contains("href=\"" + html(PAGE) + "\""), where);
            assertTrue(email.html().contains("<html lang=\"" + language.tag() + "\">"), where);
            for (String part : List.of(email.text(), email.html())) {
                assertTrue(part.contains("Merino Socks"), where + " lines");
                assertTrue(part.contains(money("99.80", language)), where + " line price");
                assertTrue(part.contains(money("9.90", language)), where + " line price");
                assertTrue(part.contains(money("4.90", language)), where + " delivery");
                assertTrue(part.contains(money("114.60", language)), where + " total");
            }
            assertTrue(email.text().contains("2 × " + HOSTILE_PRODUCT + " (M, red)"), where + ": " + email.text());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void orderEmailsAreTransactionalWithoutAnyUnsubscribe(Language language) {
        for (Kind kind : Kind.values()) {
            RenderedEmail email = render(kind, language);
            for (String part : List.of(email.subject(), email.text(), email.html())) {
                String lower = part.toLowerCase(Locale.ROOT);
                for (String word : UNSUBSCRIBE_WORDS.get(language)) {
                    assertFalse(lower.contains(word), kind + "/" + language + " mentions " + word);
                }
                assertFalse(lower.contains("unsubscribe"), kind + "/" + language);
            }
        }
        assertNull(emails.message("jana@example.com", new Fixture(Kind.SHIPPED, language).build()).unsubscribeUrl(),
                "no List-Unsubscribe header");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void htmlEscapesHostileCustomerAndProductNames(Language language) {
        for (Kind kind : Kind.values()) {
            RenderedEmail email = render(kind, language);
            assertFalse(email.html().contains("<script>"), kind + "/" + language);
            assertTrue(email.html().contains("Jana &lt;script&gt;alert(1)&lt;/script&gt; Nováková"), kind + "/" + language);
            assertTrue(email.html().contains("Alpine &lt;script&gt;Down&lt;/script&gt; Jacket"), kind + "/" + language);
            assertTrue(email.text().contains(HOSTILE_NAME), "the plain-text part is plain: " + email.text());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"ORDER_CONFIRMED", "PAYMENT_REMINDER"})
    void bankTransferDetailsAreInTheConfirmationAndTheReminder(Kind kind) {
        for (Language language : Language.values()) {
            RenderedEmail email = render(kind, language);
            for (String part : List.of(email.text(), email.html())) {
                assertTrue(part.contains("CZ65 0800 0000 1920 0014 5399"), kind + "/" + language + ": " + part);
                assertTrue(part.contains("1234567890"), "variable symbol");
                assertTrue(part.contains("Order 1042"), "message");
                assertTrue(part.contains(money("114.60", language)), "amount");
                assertTrue(part.contains("UTC+1"), "due time with its zone");
            }
        }
        String czech = render(kind, Language.CS).text();
        assertTrue(czech.contains("Variabilní symbol: 1234567890"), czech);
        assertTrue(czech.contains("Zaplatit do: 26. 11. 2026, 14:30 (středoevropský čas, UTC+1)"), czech);
        String french = render(kind, Language.FR).text();
        assertTrue(french.contains("au plus tard le 26 novembre 2026 à 14h30 (heure d’Europe centrale, UTC+1)"), french);
        String english = render(kind, Language.EN).text();
        assertTrue(english.contains("Pay by: 26 November 2026, 14:30 (Central European Time, UTC+1)"), english);
        assertTrue(english.contains("cancelled automatically"), english);
    }

    @Test
    void theConfirmationSaysHowToPayByCardOnDeliveryOrThatThePaymentArrived() {
        Fixture card = new Fixture(Kind.ORDER_CONFIRMED, Language.EN);
        card.payment = card(Payment.Status.PENDING);
        RenderedEmail byCard = emails.render(card.build());
        assertTrue(byCard.text().contains("Pay €114.60 by card: https://pay.example.com/orders/ord_7f3a?step=card"),
                byCard.text());
        assertTrue(byCard.html().contains("href=\"" + html("https://pay.example.com/orders/ord_7f3a?step=card") + "\""));
        assertTrue(byCard.text().contains("by 23 November 2026, 12:00 (Central European Time, UTC+1)"), byCard.text());
        assertFalse(byCard.text().contains("IBAN"));

        Fixture cod = new Fixture(Kind.ORDER_CONFIRMED, Language.CS);
        cod.payment = new Payment(Payment.Method.CASH_ON_DELIVERY, Payment.Status.ON_DELIVERY, null, null, null, null,
                null, null);
        String courier = emails.render(cod.build()).text();
        assertTrue(courier.contains("zaplatíte kurýrovi"), courier);
        assertTrue(courier.contains("Vaši objednávku jsme přijali a potvrdili."), courier);
        assertFalse(courier.contains("Zaplatit do"), courier);

        Fixture paid = new Fixture(Kind.ORDER_CONFIRMED, Language.FR);
        paid.payment = card(Payment.Status.PAID);
        String thanks = emails.render(paid.build()).text();
        assertTrue(thanks.contains("Nous avons bien reçu votre paiement"), thanks);
        assertFalse(thanks.contains("Paiement par carte"), thanks);

        String estimate = render(Kind.ORDER_CONFIRMED, Language.EN).text();
        assertTrue(estimate.contains("Estimated delivery: 25–27 November 2026"), estimate);
        assertTrue(estimate.contains("You can still change the order until 23 November 2026, 14:00"), estimate);
    }

    @Test
    void aFailedPaymentPointsToTheOrderPageToRetryOrSwitchBeforeTheDueTime() {
        Fixture failed = new Fixture(Kind.PAYMENT_FAILED, Language.EN);
        failed.payment = card(Payment.Status.FAILED);
        RenderedEmail email = emails.render(failed.build());
        assertTrue(email.text().contains("try again or choose a different payment method"), email.text());
        assertTrue(email.text().contains("Please pay by 23 November 2026, 12:00 (Central European Time, UTC+1)."));
        assertTrue(email.text().contains("Pay again or change method: " + PAGE), email.text());
        assertFalse(email.text().contains("pay.example.com"), "the retry goes through the order page");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void shippedLinksToTrackingAndStatesTheDamageDeadline(Language language) {
        RenderedEmail email = render(Kind.SHIPPED, language);
        assertTrue(email.text().contains(TRACKING_URL), email.text());
        assertTrue(email.html().contains("href=\"" + html(TRACKING_URL) + "\""), email.html());
        assertTrue(email.text().contains("DPD") && email.text().contains("TRK0042"), email.text());

        Fixture beforeDelivery = new Fixture(Kind.SHIPPED, language);
        beforeDelivery.damageReportUntil = null;
        String text = emails.render(beforeDelivery.build()).text();
        String within = switch (language) {
            case EN -> "within 3 days of delivery";
            case CS -> "do 3 dnů od doručení";
            case FR -> "dans un délai de 3 jours après la livraison";
            case UK -> "протягом 3 днів після доставки";
        };
        assertTrue(text.contains(within), text);
    }

    @Test
    void theDamageDeadlineFollowsTheParameterAndItsGrammar() {
        OrderEmails oneDay = new OrderEmails(new EmailRenderer(), ZoneId.of("Europe/Prague"), 1);
        Fixture fixture = new Fixture(Kind.SHIPPED, Language.UK);
        fixture.damageReportUntil = null;
        assertTrue(oneDay.render(fixture.build()).text().contains("протягом 1 дня після доставки"));
        fixture.language = Language.EN;
        fixture.deliveryMethod = DeliveryMethod.PICKUP_POINT;
        String text = oneDay.render(fixture.build()).text();
        assertTrue(text.contains("within 1 day of picking it up"), text);
        assertTrue(text.contains("ready for you at the pickup point"), text);
        assertTrue(OrderEmails.pluralOne(Language.UK, 21) && !OrderEmails.pluralOne(Language.UK, 11));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"READY_FOR_PICKUP", "PICKUP_REMINDER"})
    void pickupEmailsCarryAddressPhoneHoursAndTheLastDay(Kind kind) {
        Map<Language, List<String>> expected = Map.of(
                Language.EN, List.of("4 December 2026", "Monday: 09:00–18:00", "Tuesday: 09:00–12:00, 13:00–18:00"),
                Language.CS, List.of("4. 12. 2026", "Pondělí: 9:00–18:00", "Sobota: 10:00–14:00"),
                Language.FR, List.of("4 décembre 2026", "Lundi\u00a0: 9h00–18h00"),
                Language.UK, List.of("4 грудня 2026 р.", "Понеділок: 09:00–18:00"));
        for (Language language : Language.values()) {
            RenderedEmail email = render(kind, language);
            for (String part : List.of(email.text(), email.html())) {
                assertTrue(part.contains("Národní 10, 110 00 Praha 1"), part);
                assertTrue(part.contains("+420 222 333 444"), part);
                for (String value : expected.get(language)) {
                    assertTrue(part.contains(value), kind + "/" + language + " lacks " + value + ": " + part);
                }
            }
            assertTrue(email.html().contains("href=\"tel:+420222333444\""), email.html());
        }
        assertTrue(render(Kind.PICKUP_REMINDER, Language.EN).text()
                .contains("Tomorrow, 4 December 2026, is the last day you can pick it up."));
        assertTrue(render(Kind.READY_FOR_PICKUP, Language.EN).text()
                .contains("You can pick it up until 4 December 2026; that is the last day"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"DELIVERED", "PICKED_UP"})
    void afterDeliveryTheEmailSaysHowToReturnAndTheDeadlines(Kind kind) {
        Map<Language, List<String>> dates = Map.of(
                Language.EN, List.of("28 December 2026", "1 December 2026"),
                Language.CS, List.of("28. 12. 2026 včetně", "1. 12. 2026"),
                Language.FR, List.of("jusqu’au 28 décembre 2026 inclus", "le 1er décembre 2026"),
                Language.UK, List.of("28 грудня 2026 р. включно", "1 грудня 2026 р."));
        for (Language language : Language.values()) {
            RenderedEmail email = render(kind, language);
            for (String part : List.of(email.text(), email.html())) {
                for (String date : dates.get(language)) {
                    assertTrue(part.contains(date), kind + "/" + language + " lacks " + date + ": " + part);
                }
            }
        }
        assertTrue(render(kind, Language.EN).text().contains("printable return label"));
    }

    @Test
    void refundAmountsAreInTheRefundAndInACancellationWithARefund() {
        for (Language language : Language.values()) {
            RenderedEmail refunded = render(Kind.REFUNDED, language);
            assertTrue(refunded.subject().contains(money("49.90", language)), refunded.subject());
            assertTrue(refunded.text().contains(money("49.90", language)));
            assertTrue(refunded.html().contains(money("49.90", language)));
            RenderedEmail cancelled = render(Kind.ORDER_CANCELLED, language);
            assertTrue(cancelled.text().contains(money("49.90", language)), cancelled.text());
        }
        Fixture unpaid = new Fixture(Kind.ORDER_CANCELLED, Language.EN);
        unpaid.refund = null;
        unpaid.reason = CancelReason.PAYMENT_EXPIRED;
        String text = emails.render(unpaid.build()).text();
        assertFalse(text.contains("refunding"), text);
        assertTrue(text.contains("We didn't receive the payment for your order 1042 in time"), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachCancellationReasonReadsDifferently(Language language) {
        Set<String> intros = new TreeSet<>();
        List<CancelReason> reasons = new ArrayList<>(List.of(CancelReason.values()));
        reasons.add(null);
        for (CancelReason reason : reasons) {
            Fixture fixture = new Fixture(Kind.ORDER_CANCELLED, language);
            fixture.reason = reason;
            intros.add(emails.render(fixture.build()).text().split("\n\n")[2]);
        }
        assertEquals(reasons.size(), intros.size(), intros.toString());
        Fixture notCollected = new Fixture(Kind.ORDER_CANCELLED, Language.CS);
        notCollected.reason = CancelReason.PICKUP_NOT_COLLECTED;
        assertTrue(emails.render(notCollected.build()).text().contains("nevyzvedli do posledního dne úložní doby (4. 12. 2026)"));
    }

    @Test
    void modifiedAndPreorderFilledShowTheNewStateAndEstimate() {
        RenderedEmail modified = render(Kind.ORDER_MODIFIED, Language.EN);
        assertTrue(modified.text().contains("(M, red) [Changed]"), modified.text());
        assertTrue(modified.text().contains("Estimated delivery: 25–27 November 2026"));
        assertTrue(modified.text().contains("You can make further changes until 23 November 2026, 14:00"));

        Fixture filled = new Fixture(Kind.PREORDER_FILLED, Language.CS);
        filled.earliest = LocalDate.of(2026, 11, 30);
        filled.latest = LocalDate.of(2026, 12, 2);
        RenderedEmail preorder = emails.render(filled.build());
        assertTrue(preorder.text().contains("předobjednané zboží (" + HOSTILE_PRODUCT + " – M, red) k nám dorazilo"),
                preorder.text());
        assertTrue(preorder.text().contains("[Nyní skladem a rezervováno pro vás]"), preorder.text());
        assertTrue(preorder.text().contains("Předpokládaný termín doručení: 30. 11. – 2. 12. 2026"), preorder.text());
    }

    @Test
    void czechFrenchAndUkrainianAreWrittenWithTheirOwnLetters() {
        RenderedEmail czech = render(Kind.ORDER_CONFIRMED, Language.CS);
        assertEquals("Děkujeme za objednávku č.\u00a01042", czech.subject());
        assertTrue(czech.text().startsWith("Objednávka č.\u00a01042 na jméno " + HOSTILE_NAME), czech.text());
        assertTrue(czech.text().contains("Shrnutí objednávky"));
        assertTrue(render(Kind.SHIPPED, Language.CS).subject().equals("Objednávka č.\u00a01042 je na cestě"));
        assertEquals("Votre commande n°\u00a01042 a été livrée", render(Kind.DELIVERED, Language.FR).subject());
        assertEquals("Замовлення №\u00a01042 уже в дорозі", render(Kind.SHIPPED, Language.UK).subject());
        assertEquals("Thank you for your order 1042", render(Kind.ORDER_CONFIRMED, Language.EN).subject());
    }

    @Test
    void wordingHasTheSameKeysInEveryLanguage() throws IOException {
        Map<Language, Set<String>> keys = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(
                    OrderEmailsTest.class.getResourceAsStream("/emails/" + language.tag() + ".properties"),
                    StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            keys.put(language, properties.stringPropertyNames().stream()
                    .filter(name -> name.startsWith("order.") || java.util.Arrays.stream(Kind.values())
                            .anyMatch(kind -> name.startsWith(kind.template() + ".")))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        for (Language language : Language.values()) {
            assertEquals(keys.get(Language.EN), keys.get(language), language.tag());
        }
        for (Kind kind : Kind.values()) {
            assertTrue(keys.get(Language.EN).contains(kind.template() + ".subject"), kind.template());
        }
    }

    @Test
    void datesAndRangesFollowTheLanguage() {
        OrderEmails.Formats fr = new OrderEmails.Formats(Language.FR, OrderEmails.DEFAULT_ZONE);
        assertEquals("1er décembre 2026", fr.date(LocalDate.of(2026, 12, 1)));
        assertEquals("1er–3 décembre 2026", fr.range(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)));
        OrderEmails.Formats en = new OrderEmails.Formats(Language.EN, OrderEmails.DEFAULT_ZONE);
        assertEquals("30 December 2026 – 2 January 2027", en.range(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2)));
        assertEquals("2 January 2027", en.range(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 2)));
        assertNull(en.range(null, null));
        assertTrue(en.instant(Instant.parse("2026-07-01T08:00:00Z")).startsWith("1 July 2026, 10:00 ("));
        assertTrue(en.instant(Instant.parse("2026-07-01T08:00:00Z")).endsWith(", UTC+2)"), "summer time");
        OrderEmails.Formats kolkata = new OrderEmails.Formats(Language.EN, ZoneId.of("Asia/Kolkata"));
        assertTrue(kolkata.instant(Instant.parse("2026-07-01T08:00:00Z")).endsWith("UTC+5:30)"));
        OrderEmails.Formats uk = new OrderEmails.Formats(Language.UK, OrderEmails.DEFAULT_ZONE);
        assertEquals("25–27 листопада 2026 р.", uk.range(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27)));
        OrderEmails.Formats cs = new OrderEmails.Formats(Language.CS, OrderEmails.DEFAULT_ZONE);
        assertEquals("25.–27. 11. 2026", cs.range(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27)));
    }

    @Test
    void aKindWithoutThePartItNeedsIsAMappingBugAndFailsLoudly() {
        Fixture shipped = new Fixture(Kind.SHIPPED, Language.EN);
        shipped.tracking = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(shipped.build()));
        Fixture pickup = new Fixture(Kind.READY_FOR_PICKUP, Language.EN);
        pickup.pickup = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(pickup.build()));
        Fixture delivered = new Fixture(Kind.DELIVERED, Language.EN);
        delivered.returnUntil = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(delivered.build()));
        Fixture refunded = new Fixture(Kind.REFUNDED, Language.EN);
        refunded.refund = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(refunded.build()));
        Fixture noIban = new Fixture(Kind.PAYMENT_REMINDER, Language.EN);
        noIban.payment = new Payment(Payment.Method.BANK_TRANSFER, Payment.Status.PENDING, null, null, " ", null,
                "1234567890", null);
        assertThrows(IllegalArgumentException.class, () -> emails.render(noIban.build()));
        assertThrows(IllegalArgumentException.class, () -> emails.render(new OrderEmail(Kind.DELIVERED, Language.EN,
                "o", "1", null, "javascript:alert(1)", List.of(), null, BigDecimal.ONE, "EUR", null, null, null, null,
                null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), null, null)));
    }

    @Test
    void optionalPartsCanBeAbsent() {
        OrderEmail bare = new OrderEmail(Kind.ORDER_CONFIRMED, Language.EN, "o", "7", "  ", PAGE,
                List.of(new Line("Cap", null, null, 1, new BigDecimal("0"), null)), BigDecimal.ZERO, BigDecimal.ZERO,
                "EUR", null, null, null, null, null, null, null, null, null, null, null);
        RenderedEmail email = emails.render(bare);
        assertTrue(email.text().startsWith("Order 7\n\nHello,\n\nWe have received your order and it is confirmed."),
                email.text());
        assertTrue(email.text().contains("Delivery: Free"), email.text());
        assertFalse(email.text().contains("Estimated"), email.text());
        assertFalse(email.text().contains("\n\n\n"), "no runs of empty lines: " + email.text());

        Fixture badLink = new Fixture(Kind.SHIPPED, Language.EN);
        badLink.tracking = new Tracking("DPD", "TRK0042", "javascript:alert(1)");
        RenderedEmail shipped = emails.render(badLink.build());
        assertFalse(shipped.html().contains("javascript:"), "a carrier's link that is not http(s) is left out");
        assertTrue(shipped.text().contains("TRK0042"));
    }
}
