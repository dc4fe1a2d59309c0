package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samskivert.mustache.Escapers;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Language;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.mail.RenderedEmail;
import io.shopcare.orders.OrderEmail.DeliveryMethod;
import io.shopcare.orders.OrderEmail.Kind;
import io.shopcare.orders.OrderEmail.Line;
import io.shopcare.orders.OrderEmail.Payment;
import io.shopcare.orders.OrderEmail.Return;
import io.shopcare.orders.OrderEmail.ReturnLine;
import io.shopcare.orders.OrderEmail.ReturnReason;
import io.shopcare.orders.OrderEmail.Ticket;
import io.shopcare.orders.OrderEmail.TicketLine;
import io.shopcare.orders.OrderEmail.TicketType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aftercare e-mails (issue 11): return created, refund for a return, ticket received and resolved, merchant alert. */
class OrderEmailsAftercareTest {
    private static final String PAGE = "https://shop.example.com/orders/ord_7f3a#token=tOk-123_abc";
    private static final String LABEL = "https://shop.example.com/returns/ret_9c1/label?token=c2lnbmVk.Zm9v&lang=cs";
    private static final String ADMIN = "https://shop.example.com/merchant/orders/ord_7f3a";
    private static final String HOSTILE_MESSAGE = "The socks are not in the parcel <script>alert('x')</script>\n"
            + "Second line & \"quotes\"";
    private static final String HOSTILE_RESOLUTION = "We sent the socks again <img src=x onerror=alert(1)>\nSorry!";
    private static final Map<Language, List<String>> UNSUBSCRIBE_WORDS = Map.of(
            Language.EN, List.of("unsubscribe"), Language.CS, List.of("odhlásit", "odhlášení"),
            Language.FR, List.of("désabonner", "désabonnement"), Language.UK, List.of("відписатися", "відписк"));
    private final OrderEmails emails = new OrderEmails(new EmailRenderer());

    private static final class Fixture {
        Kind kind;
        Language language;
        LocalDate returnUntil = LocalDate.of(2026, 12, 28);
        BigDecimal refund = null;
        Return returnRequest = new Return("ret_9c1", "RT-1042-1", "Zásilkovna", LABEL, List.of(
                new ReturnLine("Alpine Down Jacket", "M", "red", 1, ReturnReason.DAMAGED),
                new ReturnLine("Merino Socks", null, null, 2, ReturnReason.CHANGED_MIND)),
                Return.Resolution.REFUND, null, null, new BigDecimal("129.00"));
        Ticket ticket = new Ticket("TCK-7781", TicketType.MISSING_ITEM, 1, HOSTILE_MESSAGE,
                List.of(new TicketLine("Merino Socks", null, "grey", 2)), null);

        Fixture(Kind kind, Language language) {
            this.kind = kind;
            this.language = language;
        }

        OrderEmail build() {
            return new OrderEmail(kind, language, "ord_7f3a", "1042", "Jana Nováková", PAGE,
                    List.of(new Line("Alpine Down Jacket", "M", "red", 1, new BigDecimal("129.00"),
                                    Line.Status.RETURNED),
                            new Line("Merino Socks", null, "grey", 2, new BigDecimal("9.90"), Line.Status.FULFILLED)),
                    new BigDecimal("4.90"), new BigDecimal("153.70"), "EUR", DeliveryMethod.HOME,
                    LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27), null,
                    new Payment(Payment.Method.CARD, Payment.Status.PAID, null, null, null, null, null, null), null,
                    null, returnUntil, LocalDate.of(2026, 12, 1), null, refund, returnRequest, ticket);
        }
    }

    private static Fixture resolved(Language language, String resolution) {
        Fixture fixture = new Fixture(Kind.TICKET_RESOLVED, language);
        fixture.ticket = new Ticket("TCK-7781", TicketType.MISSING_ITEM, 1, HOSTILE_MESSAGE,
                List.of(new TicketLine("Merino Socks", null, "grey", 2)), resolution);
        return fixture;
    }

    private static String money(String amount, Language language) {
        return EmailRenderer.price(new BigDecimal(amount), "EUR", language);
    }

    private static String html(String value) {
        return Escapers.HTML.escape(value);
    }

    private static OrderEmails.MerchantTicket alert(String customerName) {
        return new OrderEmails.MerchantTicket("ord_7f3a", "1042", customerName, "jana@example.com", "+420 777 111 222",
                new Ticket("TCK-7781", TicketType.MISSING_ITEM, 1, HOSTILE_MESSAGE,
                        List.of(new TicketLine("Merino Socks", null, "grey", 2)), null),
                ADMIN, Instant.parse("2026-12-02T08:15:00Z"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void returnCreatedCarriesTheLabelCodeCarrierLinesWithReasonsAndTheDeadline(Language language) {
        RenderedEmail email = emails.render(new Fixture(Kind.RETURN_CREATED, language).build());
        assertEquals("return-created", email.kind());
        assertTrue(email.subject().contains("1042"), email.subject());
        assertTrue(email.text().contains(LABEL), email.text());
        assertTrue(email.html().contains("href=\"" + html(LABEL) + "\""), email.html());
        assertTrue(email.html().contains("href=\"" + html(PAGE) + "\""), "the order-page button");
        Map<Language, List<String>> words = Map.of(
                Language.EN, List.of("Print your return label", "Return code: RT-1042-1", "Carrier: Zásilkovna",
                        "You chose: Refund", "1 × Alpine Down Jacket (M, red): Damaged",
                        "2 × Merino Socks: Change of mind", "Please send the parcel back by 28 December 2026 (inclusive)."),
                Language.CS, List.of("Vytisknout štítek pro vrácení", "Kód vrácení: RT-1042-1",
                        "Zvolené řešení: Vrácení peněz", "1 × Alpine Down Jacket (M, red): Poškozené zboží",
                        "2 × Merino Socks: Změna názoru", "Balík nám prosím pošlete do 28. 12. 2026 včetně.",
                        "předejte dopravci Zásilkovna"),
                Language.FR, List.of("Imprimer l’étiquette de retour", "Code de retour\u00a0: RT-1042-1",
                        "Solution choisie\u00a0: Remboursement", "(M, red)\u00a0: Article endommagé",
                        "2 × Merino Socks\u00a0: Changement d’avis", "jusqu’au 28 décembre 2026 inclus"),
                Language.UK, List.of("Роздрукувати етикетку для повернення", "Код повернення: RT-1042-1",
                        "Обраний варіант: Повернення коштів", "(M, red): Пошкоджений товар",
                        "2 × Merino Socks: Зміна рішення", "до 28 грудня 2026 р. включно"));
        for (String expected : words.get(language)) {
            assertTrue(email.text().contains(expected), language + " lacks " + expected + ": " + email.text());
        }
        for (String part : List.of(email.text(), email.html())) {
            assertTrue(part.contains("RT-1042-1") && part.contains("Zásilkovna"), part);
            assertTrue(part.contains(money("129.00", language)), "the refund made at once: " + part);
            assertTrue(part.contains(money("153.70", language)), "the order summary: " + part);
        }
        assertTrue(email.html().contains(html(words.get(language).get(0))), "the label button in the HTML");
    }

    @Test
    void returnCreatedSaysWhatHappensNextForEachWayItIsSettled() {
        String mixed = emails.render(new Fixture(Kind.RETURN_CREATED, Language.EN).build()).text();
        assertTrue(mixed.contains("As the fault is ours, we are refunding €129.00 right away, without waiting for the"
                + " parcel."), mixed);
        assertTrue(mixed.contains("We'll refund the other items the same way you paid as soon as your parcel reaches"
                + " us"), mixed);

        Fixture shopsFault = new Fixture(Kind.RETURN_CREATED, Language.EN);
        shopsFault.returnRequest = new Return("ret_9c1", "RT-1042-1", "Zásilkovna", LABEL,
                List.of(new ReturnLine("Alpine Down Jacket", "M", "red", 1, ReturnReason.NOT_AS_DESCRIBED)),
                null, null, null, new BigDecimal("129.00"));
        String atOnce = emails.render(shopsFault.build()).text();
        assertTrue(atOnce.contains("we are refunding €129.00 right away"), atOnce);
        assertTrue(atOnce.contains("Not as described"), atOnce);
        assertFalse(atOnce.contains("We'll refund"), "nothing is left to refund on receipt: " + atOnce);

        Fixture onReceipt = new Fixture(Kind.RETURN_CREATED, Language.CS);
        onReceipt.returnUntil = null;
        onReceipt.returnRequest = new Return("ret_9c1", "RT-1042-1", "Zásilkovna", LABEL,
                List.of(new ReturnLine("Merino Socks", null, null, 2, ReturnReason.WRONG_SIZE)),
                Return.Resolution.REFUND, null, null, null);
        String later = emails.render(onReceipt.build()).text();
        assertTrue(later.contains("Peníze vám vrátíme stejnou cestou, jakou jste platili, jakmile k nám zásilka"
                + " dorazí."), later);
        assertTrue(later.contains("Nesedí velikost"), later);
        assertFalse(later.contains("hned, bez čekání"), later);
        assertFalse(later.contains("včetně"), "no deadline without returnUntil: " + later);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anExchangeSaysTheReplacementIsReservedAndShipsAsItsOwnOrder(Language language) {
        Fixture fixture = new Fixture(Kind.RETURN_CREATED, language);
        fixture.returnRequest = new Return("ret_9c1", "RT-1042-1", "PPL", LABEL,
                List.of(new ReturnLine("Alpine Down Jacket", "M", "red", 1, ReturnReason.WRONG_SIZE)),
                Return.Resolution.EXCHANGE, "L", "1043", null);
        RenderedEmail email = emails.render(fixture.build());
        String expected = switch (language) {
            case EN -> "Your replacement (L) is reserved for you and ships at no cost as a separate order, number 1043.";
            case CS -> "Náhradní zboží (L) máme pro vás rezervované a pošleme vám ho zdarma jako samostatnou objednávku"
                    + " č.\u00a01043.";
            case FR -> "Votre article de remplacement (L) est réservé pour vous\u00a0: nous vous l’expédions sans frais"
                    + " dans une commande séparée, n°\u00a01043.";
            case UK -> "Товар на заміну (L) зарезервовано для вас: ми безкоштовно надішлемо його окремим замовленням"
                    + " №\u00a01043.";
        };
        assertTrue(email.text().contains(expected), email.text());
        assertTrue(email.html().contains(html(expected)), email.html());
        assertTrue(email.text().contains(LABEL), "an exchange sends the item back with the label too");
        String resolution = switch (language) {
            case EN -> "Exchange for L";
            case CS -> "Výměna za L";
            case FR -> "Échange contre L";
            case UK -> "Обмін на L";
        };
        assertTrue(email.text().contains(resolution), email.text());
        String refundWord = switch (language) {
            case EN -> "refund";
            case CS -> "vrátíme";
            case FR -> "rembourserons";
            case UK -> "повернемо";
        };
        assertFalse(email.text().contains(refundWord), email.text());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theRefundEmailCanSayItIsForAReturnAndStillReadsAsBeforeWithoutOne(Language language) {
        Fixture forReturn = new Fixture(Kind.REFUNDED, language);
        forReturn.refund = new BigDecimal("19.80");
        forReturn.returnRequest = new Return("ret_9c1", "RT-1042-1",
                List.of(new ReturnLine("Merino Socks", null, null, 2, ReturnReason.CHANGED_MIND)));
        RenderedEmail email = emails.render(forReturn.build());
        assertTrue(email.subject().contains("1042") && email.subject().contains(money("19.80", language)));
        String expected = switch (language) {
            case EN -> "We are refunding €19.80 for your order 1042, for the items you returned (return RT-1042-1).";
            case CS -> "K objednávce č.\u00a01042 vám vracíme " + money("19.80", language)
                    + " za vrácené zboží (kód vrácení RT-1042-1).";
            case FR -> "Nous vous remboursons " + money("19.80", language)
                    + " pour votre commande n°\u00a01042, au titre des articles retournés (retour RT-1042-1).";
            case UK -> "Ми повертаємо вам " + money("19.80", language)
                    + " за замовлення №\u00a01042 – за повернені товари (код повернення RT-1042-1).";
        };
        assertTrue(email.text().contains(expected), email.text());
        assertTrue(email.html().contains("RT-1042-1") && email.html().contains("Merino Socks"));

        OrderEmail plain = new OrderEmail(Kind.REFUNDED, language, "ord_7f3a", "1042", null, PAGE, List.of(),
                null, new BigDecimal("19.80"), "EUR", null, null, null, null, null, null, null, null, null, null,
                new BigDecimal("19.80"));
        String text = emails.render(plain).text();
        assertFalse(text.contains("RT-"), text);
        if (language == Language.EN) {
            assertTrue(text.contains("We are refunding €19.80 for your order 1042.\n"), text);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void ticketReceivedAcknowledgesWithNumberTypeMessageLinesAndWhatHappensNext(Language language) {
        RenderedEmail email = emails.render(new Fixture(Kind.TICKET_RECEIVED, language).build());
        assertEquals("ticket-received", email.kind());
        assertTrue(email.subject().contains("1042"), email.subject());
        for (String part : List.of(email.text(), email.html())) {
            assertTrue(part.contains("TCK-7781"), part);
            assertTrue(part.contains("2 × Merino Socks (grey)"), part);
        }
        assertTrue(email.text().contains(HOSTILE_MESSAGE), "the message as written: " + email.text());
        assertTrue(email.html().contains(html(HOSTILE_MESSAGE)), email.html());
        assertTrue(email.html().contains("href=\"" + html(PAGE) + "\""));
        List<String> expected = switch (language) {
            case EN -> List.of("Request number: TCK-7781", "Type: Missing item", "Missing items are our top priority");
            case CS -> List.of("Číslo požadavku: TCK-7781", "Typ požadavku: Chybějící zboží",
                    "Chybějící zboží řešíme přednostně");
            case FR -> List.of("Numéro de la demande\u00a0: TCK-7781", "Type de demande\u00a0: Article manquant",
                    "Les articles manquants sont notre priorité");
            case UK -> List.of("Номер звернення: TCK-7781", "Тип звернення: Бракує товару",
                    "Відсутні товари для нас – найвищий пріоритет");
        };
        for (String words : expected) {
            assertTrue(email.text().contains(words), language + " lacks " + words + ": " + email.text());
        }
    }

    @Test
    void ticketTypesReadInWordsAndOnlyPriorityOneIsHandledFirst() {
        Map<TicketType, String> types = Map.of(TicketType.MISSING_ITEM, "Type: Missing item",
                TicketType.DAMAGED, "Type: Damaged item", TicketType.LATE, "Type: Late delivery",
                TicketType.OTHER, "Type: Other problem");
        for (TicketType type : TicketType.values()) {
            Fixture fixture = new Fixture(Kind.TICKET_RECEIVED, Language.EN);
            int priority = type == TicketType.MISSING_ITEM ? 1 : type == TicketType.OTHER ? 3 : 2;
            fixture.ticket = new Ticket("TCK-1", type, priority, "  ", null, null);
            String text = emails.render(fixture.build()).text();
            assertTrue(text.contains(types.get(type)), text);
            assertEquals(priority == 1, text.contains("top priority"), text);
            assertEquals(priority != 1, text.contains("We'll look into it and get back to you by e-mail."), text);
            assertFalse(text.contains("Your message"), "a blank message is not shown: " + text);
            assertFalse(text.contains("Items concerned"), "no lines, no list: " + text);
            assertFalse(text.toLowerCase(Locale.ROOT).contains("hour"), "no promise of hours: " + text);
        }
        Fixture czech = new Fixture(Kind.TICKET_RECEIVED, Language.CS);
        czech.ticket = new Ticket("TCK-1", TicketType.LATE, 2, null, null, null);
        String text = emails.render(czech.build()).text();
        assertTrue(text.contains("Typ požadavku: Opožděné doručení"), text);
        assertTrue(text.contains("Podíváme se na to a ozveme se vám e-mailem."), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void ticketResolvedGivesTheMerchantsAnswerTheTicketAndTheOrderPage(Language language) {
        RenderedEmail email = emails.render(resolved(language, "We sent the socks again today.\nSorry!").build());
        assertEquals("ticket-resolved", email.kind());
        assertTrue(email.subject().contains("1042"), email.subject());
        for (String part : List.of(email.text(), email.html())) {
            assertTrue(part.contains("We sent the socks again today.\nSorry!"), "the answer, line break kept: " + part);
            assertTrue(part.contains("TCK-7781"), part);
        }
        assertTrue(email.text().contains(PAGE));
        assertTrue(email.html().contains("href=\"" + html(PAGE) + "\""));
        assertTrue(email.html().contains("white-space:pre-wrap"), "line breaks survive in HTML");
        String subject = switch (language) {
            case EN -> "Your request about order 1042 has been resolved";
            case CS -> "Váš požadavek k objednávce č.\u00a01042 je vyřízený";
            case FR -> "Votre demande concernant la commande n°\u00a01042 a été traitée";
            case UK -> "Ваше звернення щодо замовлення №\u00a01042 розглянуто";
        };
        assertEquals(subject, email.subject());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void whatShoppersAndMerchantsWriteIsEscapedInHtmlAndPlainInText(Language language) {
        RenderedEmail received = emails.render(new Fixture(Kind.TICKET_RECEIVED, language).build());
        RenderedEmail answered = emails.render(resolved(language, HOSTILE_RESOLUTION).build());
        for (RenderedEmail email : List.of(received, answered)) {
            assertFalse(email.html().contains("<script>"), email.html());
            assertFalse(email.html().contains("<img"), email.html());
            assertTrue(email.html().contains("&lt;script&gt;"), email.html());
            assertTrue(email.html().contains(html(HOSTILE_MESSAGE)), email.html());
            assertTrue(email.html().contains("Second line &amp; &quot;quotes&quot;"), email.html());
            assertTrue(email.text().contains(HOSTILE_MESSAGE), email.text());
        }
        assertTrue(answered.html().contains(html(HOSTILE_RESOLUTION)), answered.html());
        assertTrue(answered.text().contains(HOSTILE_RESOLUTION), answered.text());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aftercareEmailsAreTransactionalWithoutAnyUnsubscribe(Language language) {
        List<OrderEmail> all = List.of(new Fixture(Kind.RETURN_CREATED, language).build(),
                new Fixture(Kind.TICKET_RECEIVED, language).build(), resolved(language, "Done.").build());
        for (OrderEmail email : all) {
            RenderedEmail rendered = emails.render(email);
            for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
                String lower = part.toLowerCase(Locale.ROOT);
                for (String word : UNSUBSCRIBE_WORDS.get(language)) {
                    assertFalse(lower.contains(word), email.kind() + "/" + language + " mentions " + word);
                }
                assertFalse(lower.contains("unsubscribe"), email.kind() + "/" + language);
            }
            assertNull(emails.message("jana@example.com", email).unsubscribeUrl());
        }
    }

    @Test
    void czechFrenchAndUkrainianAftercareSubjectsUseTheirOwnLetters() {
        assertEquals("Štítek pro vrácení zboží z objednávky č.\u00a01042",
                emails.render(new Fixture(Kind.RETURN_CREATED, Language.CS).build()).subject());
        assertEquals("Votre étiquette de retour pour la commande n°\u00a01042",
                emails.render(new Fixture(Kind.RETURN_CREATED, Language.FR).build()).subject());
        assertEquals("Етикетка для повернення товару із замовлення №\u00a01042",
                emails.render(new Fixture(Kind.RETURN_CREATED, Language.UK).build()).subject());
        assertEquals("Your return label for order 1042",
                emails.render(new Fixture(Kind.RETURN_CREATED, Language.EN).build()).subject());
        assertEquals("Přijali jsme váš požadavek k objednávce č.\u00a01042",
                emails.render(new Fixture(Kind.TICKET_RECEIVED, Language.CS).build()).subject());
        assertEquals("Nous avons bien reçu votre demande concernant la commande n°\u00a01042",
                emails.render(new Fixture(Kind.TICKET_RECEIVED, Language.FR).build()).subject());
        assertEquals("Ми отримали ваше звернення щодо замовлення №\u00a01042",
                emails.render(new Fixture(Kind.TICKET_RECEIVED, Language.UK).build()).subject());
        String czech = emails.render(new Fixture(Kind.TICKET_RECEIVED, Language.CS).build()).text();
        assertTrue(czech.startsWith("Objednávka č.\u00a01042 na jméno Jana Nováková\n\nDobrý den,"), czech);
        assertTrue(czech.contains("Děkujeme, že jste nám dali vědět."), czech);
    }

    @Test
    void aKindWithoutThePartItNeedsIsAMappingBugAndFailsLoudly() {
        Fixture noReturn = new Fixture(Kind.RETURN_CREATED, Language.EN);
        noReturn.returnRequest = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(noReturn.build()));
        Fixture badLabel = new Fixture(Kind.RETURN_CREATED, Language.EN);
        badLabel.returnRequest = new Return("r", "RT-1", "PPL", "javascript:alert(1)",
                List.of(new ReturnLine("Cap", null, null, 1, null)), null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> emails.render(badLabel.build()));
        Fixture noLines = new Fixture(Kind.RETURN_CREATED, Language.EN);
        noLines.returnRequest = new Return("r", "RT-1", "PPL", LABEL, null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> emails.render(noLines.build()));
        Fixture exchangeWithoutVariant = new Fixture(Kind.RETURN_CREATED, Language.EN);
        exchangeWithoutVariant.returnRequest = new Return("r", "RT-1", "PPL", LABEL,
                List.of(new ReturnLine("Cap", null, null, 1, ReturnReason.WRONG_SIZE)), Return.Resolution.EXCHANGE,
                " ", "1043", null);
        assertThrows(IllegalArgumentException.class, () -> emails.render(exchangeWithoutVariant.build()));
        Fixture noTicket = new Fixture(Kind.TICKET_RECEIVED, Language.EN);
        noTicket.ticket = null;
        assertThrows(IllegalArgumentException.class, () -> emails.render(noTicket.build()));
        assertThrows(IllegalArgumentException.class, () -> emails.render(resolved(Language.EN, " ").build()));
        assertThrows(IllegalArgumentException.class,
                () -> new Ticket("T", TicketType.OTHER, 0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> emails.merchantTicket(new OrderEmails.MerchantTicket(
                "o", "1042", null, "jana@example.com", null, alert(null).ticket(), "javascript:alert(1)", null)));
    }

    @Test
    void theOrderPhaseConstructorStillBuildsAnEmailWithoutReturnOrTicket() {
        OrderEmail old = new OrderEmail(Kind.SHIPPED, Language.EN, "o", "7", null, PAGE, List.of(), null,
                BigDecimal.ONE, "EUR", null, null, null, null, null,
                new OrderEmail.Tracking("DPD", "TRK1", null), null, null, null, null, null);
        assertNull(old.returnRequest());
        assertNull(old.ticket());
        assertTrue(emails.render(old).subject().contains("7"));
        assertEquals(ReturnReason.OTHER, new ReturnLine("Cap", null, null, 1, null).reason());
        assertEquals(Return.Resolution.REFUND, new Return("r", "RT-1", null).resolution());
        assertTrue(ReturnReason.DAMAGED.shopsFault() && ReturnReason.NOT_AS_DESCRIBED.shopsFault()
                && !ReturnReason.WRONG_SIZE.shopsFault() && !ReturnReason.CHANGED_MIND.shopsFault());
    }

    @Test
    void theMerchantGetsAnAlertWithTheOrderCustomerLinesMessageAndTheAdminLink() {
        OutgoingEmail message = emails.merchantTicketMessage("alerts@shop.example.com",
                alert("Jana <b>Nováková</b>"));
        assertEquals("alerts@shop.example.com", message.to());
        assertNull(message.unsubscribeUrl(), "operational mail: no List-Unsubscribe");
        RenderedEmail email = message.content();
        assertEquals("merchant-ticket", email.kind());
        assertEquals("Priority 1 ticket for order 1042: missing item", email.subject());
        String text = email.text();
        for (String expected : List.of("Jana <b>Nováková</b> reported a problem with order 1042.",
                "missing items are handled first", "Order: 1042", "E-mail: jana@example.com",
                "Phone: +420 777 111 222", "Ticket: TCK-7781", "Type: Missing item", "Priority: 1",
                "Reported: 2 December 2026, 09:15 (Central European Time, UTC+1)", "- 2 × Merino Socks (grey)",
                HOSTILE_MESSAGE, "Open the order: " + ADMIN)) {
            assertTrue(text.contains(expected), "lacks " + expected + ": " + text);
        }
        String html = email.html();
        assertTrue(html.contains("href=\"" + html(ADMIN) + "\""), html);
        assertTrue(html.contains("href=\"mailto:jana@example.com\""), html);
        assertTrue(html.contains("Jana &lt;b&gt;Nováková&lt;/b&gt;"), html);
        assertFalse(html.contains("<script>") || html.contains("<b>Nováková"), html);
        assertTrue(html.contains(html(HOSTILE_MESSAGE)), html);
        assertTrue(html.contains("2 × Merino Socks (grey)"), html);
        assertFalse(text.toLowerCase(Locale.ROOT).contains("unsubscribe") || html.toLowerCase(Locale.ROOT)
                .contains("unsubscribe"));

        RenderedEmail anonymous = emails.merchantTicket(new OrderEmails.MerchantTicket("ord_7f3a", "1042", null,
                "jana@example.com", null, new Ticket("TCK-9", TicketType.OTHER, 3, null, null, null), ADMIN, null));
        assertEquals("Priority 3 ticket for order 1042: other problem", anonymous.subject());
        assertTrue(anonymous.text().startsWith("A customer reported a problem with order 1042. Resolve"),
                anonymous.text());
        assertTrue(anonymous.text().contains("(no message)"), anonymous.text());
        assertFalse(anonymous.text().contains("Phone") || anonymous.text().contains("Reported"), anonymous.text());
        assertFalse(anonymous.text().contains("false"), anonymous.text());
    }
}
