package io.shopcare.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    private static EmailAddress parse(String raw) {
        return EmailAddress.parse(raw).orElseThrow();
    }

    @Test
    void keepsTheAddressAsTypedButKeysItWithoutCase() {
        EmailAddress typed = parse("  Anna.Novak@Example.COM ");
        assertEquals("Anna.Novak@Example.COM", typed.value());
        assertEquals(parse("anna.novak@example.com").key(), typed.key());
    }

    @Test
    void subAddressesDotsAndGooglemailShareOneMailbox() {
        String mailbox = parse("annanovak@gmail.com").mailboxKey();
        for (String spelling : List.of("anna.novak@gmail.com", "Anna.Novak+promo@GoogleMail.com", "a.n.n.a.n.o.v.a.k@gmail.com")) {
            assertEquals(mailbox, parse(spelling).mailboxKey(), spelling);
        }
        assertEquals(parse("jan@firma.cz").mailboxKey(), parse("jan+eshop@firma.cz").mailboxKey());
        assertNotEquals(parse("jan@firma.cz").mailboxKey(), parse("j.an@firma.cz").mailboxKey(), "dots matter outside Gmail");
        assertNotEquals(parse("anna.novak@gmail.com").key(), parse("annanovak@gmail.com").key(), "distinct addresses");
    }

    @Test
    void refusesWhatIsNoAddress() {
        for (String bad : List.of("", "no-at-sign", "a@b", "a@@b.cz", "a b@c.cz", "a@" + "b".repeat(250) + ".cz")) {
            assertTrue(EmailAddress.parse(bad).isEmpty(), bad);
        }
    }
}
