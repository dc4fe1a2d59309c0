package io.shopcare.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.catalog.Money;
import io.shopcare.mail.EmailRenderer;
import io.shopcare.mail.Mailer;
import io.shopcare.orders.Order.Customer;
import io.shopcare.orders.Order.Deadlines;
import io.shopcare.orders.Order.Delivery;
import io.shopcare.orders.Order.DeliveryMethod;
import io.shopcare.orders.Order.Line;
import io.shopcare.orders.Order.LineStatus;
import io.shopcare.orders.Order.Payment;
import io.shopcare.orders.Order.PaymentMethod;
import io.shopcare.orders.Order.PaymentStatus;
import io.shopcare.orders.Order.Status;
import io.shopcare.signing.SigningKeys;
import io.shopcare.testing.RecordingMailer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each mailable timeline event brings one e-mail, whatever the stream redelivers. */
class OrderMailingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final OrderSettings SETTINGS = new OrderSettings(60, 72, 24, "https://pay.example.com/{orderId}",
            "CZ6508000000192000145399", "https://shop.example.com", 30, 3);
    private final Set<String> claimed = new HashSet<>();
    private final RecordingMailer mailer = new RecordingMailer();
    private final OrderTokens tokens = new OrderTokens(() -> new SigningKeys("k1", Map.of("k1", new byte[32])));
    private final OrderMailing mailing = new OrderMailing(new OrderMailing.Claims() {
        @Override
        public boolean claim(String orderId, int seq) {
            return claimed.add(orderId + "/" + seq);
        }

        @Override
        public void release(String orderId, int seq) {
            claimed.remove(orderId + "/" + seq);
        }
    }, mailer, new OrderEmails(new EmailRenderer()), tokens, SETTINGS, "merchant@example.com");

    @Test
    void theNewEventsOfAChangeAreMailedOnceEvenWhenTheRecordComesAgain() {
        Order placed = order("cs");
        assertEquals(1, mailing.deliver(null, placed));
        assertEquals(0, mailing.deliver(null, placed));
        Order failed = placed.next().status(Status.PAYMENT_FAILED).event(NOW, "PAYMENT_FAILED", Map.of()).build();
        assertEquals(1, mailing.deliver(placed, failed));
        assertEquals(0, mailing.deliver(placed, failed));
        assertEquals(2, mailer.sent.size());
        String text = mailer.sent.get(0).content().text();
        assertTrue(text.contains("https://shop.example.com/orders/261123-ABC#token=" + tokens.issue("261123-ABC")), text);
        assertTrue(mailer.sent.get(0).content().subject().contains("261123-ABC"));
        assertEquals(null, mailer.sent.get(0).unsubscribeUrl());
    }

    @Test
    void aMissingPaidItemTellsTheShopperAndTheMerchantEachOnce() {
        Order placed = order("cs");
        mailing.deliver(null, placed);
        Order reported = placed.next()
                .aftercare(placed.aftercare().withTickets(List.of(new Order.TicketRef("261123-ABC-T1", "MISSING_ITEM", 1,
                        "OPEN"))))
                .event(NOW, "TICKET_CREATED", Map.of("ticketId", "261123-ABC-T1", "type", "MISSING_ITEM", "priority", 1,
                        "message", "Chybí <b>čepice</b>", "lines", List.of(Map.of("sku", "TEE-S", "quantity", 1))))
                .build();
        assertEquals(2, mailing.deliver(placed, reported));
        assertEquals(0, mailing.deliver(placed, reported));
        assertEquals(3, mailer.sent.size());
        List<String> recipients = mailer.sent.subList(1, 3).stream().map(m -> m.to()).toList();
        assertTrue(recipients.containsAll(List.of("jana@example.com", "merchant@example.com")), recipients.toString());
        String shopper = mailer.sent.stream().filter(m -> m.to().equals("jana@example.com")).reduce((a, b) -> b)
                .orElseThrow().content().html();
        assertTrue(shopper.contains("Chybí &lt;b&gt;čepice&lt;/b&gt;"), shopper);
    }

    @Test
    void eventsTheShopperReadsOnlyOnTheOrderPageBringNoMail() {
        Order placed = order("en");
        mailing.deliver(null, placed);
        Order packed = placed.next().status(Status.PACKED).event(NOW, "PACKED", Map.of()).build();
        assertEquals(0, mailing.deliver(placed, packed));
        assertEquals(1, mailer.sent.size());
    }

    @Test
    void aRefusedSendGivesTheClaimBackSoTheRetrySendsIt() {
        Order placed = order("fr");
        mailer.failNext(new Mailer.NotSent("throttled", null));
        assertThrows(Mailer.NotSent.class, () -> mailing.deliver(null, placed));
        assertFalse(claimed.contains("261123-ABC/1"));
        assertEquals(1, mailing.deliver(null, placed));
        assertTrue(mailer.sent.get(mailer.sent.size() - 1).content().subject().contains("261123-ABC"));
    }

    @Test
    void theShopperReadsTheCarriersNameNotItsId() {
        Order placed = order("en");
        mailing.deliver(null, placed);
        Order shipped = placed.next().status(Status.SHIPPED).parcel(new Order.Parcel("courier", "Z1",
                "https://track.example.com/Z1")).event(NOW, "SHIPPED", Map.of("carrier", "courier", "trackingNumber",
                "Z1", "url", "https://track.example.com/Z1")).build();
        assertEquals(1, mailing.deliver(placed, shipped));
        String text = mailer.sent.get(1).content().text();
        assertTrue(text.contains("Courier Express"), "the name kept with the order: " + text);
        assertFalse(text.matches("(?s).*\\bcourier\\b.*"), text);

        Order another = shipped.next().parcel(new Order.Parcel("post", "P2", "https://post.example.com/P2"))
                .event(NOW, "PARCEL_ADDED", Map.of("carrier", "post", "carrierName", "Standard post", "trackingNumber",
                        "P2", "url", "https://post.example.com/P2")).build();
        Order.TimelineEvent parcel = another.timeline().get(another.timeline().size() - 1);
        assertEquals("Standard post", mailing.email(another, parcel, OrderEmail.Kind.SHIPPED).tracking().carrier(),
                "another carrier of the shop's, by the name the event recorded");
    }

    private static Order order(String locale) {
        Money price = new Money(new BigDecimal("20.00"), "EUR");
        Order draft = new Order("261123-ABC", 0, Status.PENDING_PAYMENT, NOW, new Customer("jana@example.com", "Jana", locale, null),
                List.of(new Line("TEE-S", "tee", "Tee", "S", "red", price, 1, 0, 0, LineStatus.RESERVED,
                        List.of(new Allocation("wh", 1)))),
                new Delivery(DeliveryMethod.HOME, "courier", Map.of("street", "Main 1"), null, null, null, List.of(),
                        new Order.DeliveryTerms("Courier Express", new Money(new BigDecimal("4.90"), "EUR"), null)),
                new Money(new BigDecimal("4.90"), "EUR"), new Estimate(LocalDate.parse("2026-11-25"),
                LocalDate.parse("2026-11-26")), NOW.plusSeconds(3600),
                new Payment(PaymentMethod.CARD, PaymentStatus.PENDING, NOW.plusSeconds(3600),
                        Map.of("paymentUrl", "https://pay.example.com/261123-ABC"), BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(), null, null, null, List.of(), Deadlines.NONE, Order.Aftercare.NONE);
        return draft.next().event(NOW, "PLACED", Map.of()).build();
    }
}
