package io.shopcare.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shopcare.alerts.Subscription.Ref;
import io.shopcare.alerts.Subscription.Status;
import io.shopcare.mail.EmailAddress;
import io.shopcare.mail.Language;
import io.shopcare.outcome.Refusal;
import io.shopcare.testing.InMemoryCatalog;
import io.shopcare.testing.Products;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignUpServiceTest {
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final AtomicInteger ids = new AtomicInteger();
    private final SignUpService signUps = new SignUpService(store, new InMemoryCatalog().with(Products.JACKET),
            "jackets"::equals, () -> "id-" + ids.incrementAndGet(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void everySignUpDoesTheSameWorkWhateverTheAddressesStateAndSendsNothingItself() {
        List<String> expected = null;
        for (Status state : Status.values()) {
            String address = "state-" + state.name().toLowerCase() + "@example.com";
            String subscriberId = store.subscriberId(EmailAddress.parse(address).orElseThrow().key(), "sub-" + state);
            store.entries.put(Ref.alert("JK-M", subscriberId), new InMemorySubscriptionStore.Entry(new Subscription(
                    Ref.alert("JK-M", subscriberId), address, Language.EN, state, Instant.EPOCH, List.of())));
            for (String sample : List.of(address, "new-" + state.name().toLowerCase() + "@example.com")) {
                store.calls.clear();
                signUps.signUpForAlert("JK-M", sample, Language.EN);
                if (expected == null) {
                    expected = List.copyOf(store.calls);
                }
                assertEquals(expected, store.calls, "the store work for an address that is " + state);
            }
        }
        assertEquals(List.of("subscriberId", "admitSignUp", "requestConfirmation"), expected);
    }

    @Test
    void anActiveOrBouncedSubscriptionStaysAsItIsAndAPendingOneKeepsItsPlace() {
        signUps.signUpForAlert("JK-M", "shopper@example.com", Language.CS);
        Ref ref = store.entries.keySet().iterator().next();
        Instant first = store.entries.get(ref).subscription.createdAt();
        String firstRequest = store.entries.get(ref).mailRequest;
        signUps.signUpForAlert("JK-M", "Shopper@Example.com", Language.CS);
        assertEquals(first, store.entries.get(ref).subscription.createdAt());
        assertNotEquals(firstRequest, store.entries.get(ref).mailRequest, "a repeat asks for a new e-mail");
        assertEquals("Shopper@Example.com", store.entries.get(ref).subscription.email(), "kept as typed, to send to");

        store.activate(ref, Instant.now());
        String active = store.entries.get(ref).mailRequest;
        signUps.signUpForAlert("JK-M", "shopper@example.com", Language.CS);
        assertEquals(Status.ACTIVE, store.entries.get(ref).subscription.status());
        assertEquals(active, store.entries.get(ref).mailRequest, "no e-mail for an address already on the list");
    }

    @Test
    void theDailyLimitCountsMailboxesNotSpellings() {
        List<String> spellings = List.of("anna.novak@gmail.com", "annanovak+shoes@gmail.com", "Anna.Novak@googlemail.com",
                "a.n.n.a.novak@gmail.com", "annanovak+x+y@googlemail.com");
        for (String spelling : spellings) {
            signUps.signUpForAlert("JK-M", spelling, Language.EN);
        }
        Refusal limited = assertThrows(Refusal.class,
                () -> signUps.signUpForAlert("JK-M", "ANNANOVAK@gmail.com", Language.EN));
        assertEquals(Refusal.Kind.LIMITED, limited.kind());
        signUps.signUpForAlert("JK-M", "anna.novak@example.com", Language.EN); // another mailbox
    }

    @Test
    void unknownSkusCategoriesAndAddressesAreRefusedBeforeAnythingIsWritten() {
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class,
                () -> signUps.signUpForAlert("NO-SUCH", "a@example.com", Language.EN)).kind());
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class,
                () -> signUps.signUpForDigest("a@example.com", Language.EN, List.of("jackets", "boats"))).kind());
        assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class,
                () -> signUps.signUpForAlert("JK-M", "not an address", Language.EN)).kind());
        assertEquals(List.of(), store.calls);
    }
}
