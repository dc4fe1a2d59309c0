package io.shopcare.returns.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.signing.KeyRing;
import io.shopcare.signing.Signer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Label links: only a genuine, unexpired token for the very return opens its label. */
class LabelLinksTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(60));
    private final LabelLinks links = new LabelLinks(keys("k1"));

    @Test
    void aGenuineTokenNamesTheOrderTheReturnAndItsExpiry() {
        String token = links.token("ORD-1", "RET-1", EXPIRES);
        assertEquals(Optional.of(new LabelLinks.Claim("ORD-1", "RET-1", EXPIRES)), links.verify("RET-1", token, NOW));
    }

    @Test
    void theUrlIsTheContractsLabelRouteWithTheToken() {
        String url = links.url("https://api.example.com/prod/", "ORD-1", "RET-1", EXPIRES);
        assertTrue(url.startsWith("https://api.example.com/prod/returns/RET-1/label?token="), url);
        String token = url.substring(url.indexOf("token=") + 6);
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), "needs no percent-encoding: " + token);
        assertTrue(links.verify("RET-1", token, NOW).isPresent());
    }

    @Test
    void aTokenOpensOnlyItsOwnReturn() {
        assertTrue(links.verify("RET-2", links.token("ORD-1", "RET-1", EXPIRES), NOW).isEmpty());
    }

    @Test
    void aTokenStopsWorkingAtItsExpiry() {
        String token = links.token("ORD-1", "RET-1", EXPIRES);
        assertTrue(links.verify("RET-1", token, EXPIRES.minusSeconds(1)).isPresent());
        assertTrue(links.verify("RET-1", token, EXPIRES).isEmpty());
    }

    @Test
    void forgedTruncatedForeignAndMissingTokensOpenNothing() {
        String token = links.token("ORD-1", "RET-1", EXPIRES);
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ORD-2|RET-1|9999999999".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KeyRing keys = keys("k1");
        for (String bad : new String[] {null, "", "x", token.substring(0, token.length() - 2),
                parts[0] + "." + otherPayload + "." + parts[2],
                new Signer(keys, "order-access").sign(parts[1]),
                new LabelLinks(keys("k9")).token("ORD-1", "RET-1", EXPIRES),
                new Signer(keys, LabelLinks.PURPOSE).sign(otherPayload.substring(0, 10))}) {
            assertTrue(links.verify("RET-1", bad, NOW).isEmpty(), "accepted " + bad);
        }
    }

    @Test
    void aLinkAlreadySentKeepsWorkingAfterTheKeyIsRotated() {
        String token = links.token("ORD-1", "RET-1", EXPIRES);
        LabelLinks rotated = new LabelLinks(keys("k2", "k1"));
        assertTrue(rotated.verify("RET-1", token, NOW).isPresent());
        assertTrue(rotated.token("ORD-1", "RET-1", EXPIRES).startsWith("k2."));
    }

    @Test
    void idsOutsideTheApisAlphabetAreRefusedWhenSigning() {
        assertThrows(IllegalArgumentException.class, () -> links.token("ORD|1", "RET-1", EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> links.token("ORD-1", "", EXPIRES));
    }

    /** Keys named {@code current} (signing) and {@code ids} (still verifying). */
    private static KeyRing keys(String current, String... ids) {
        java.util.Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        keys.put(current, ("test-signing-key-of-32-bytes-or-more-" + current).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String id : ids) {
            keys.put(id, ("test-signing-key-of-32-bytes-or-more-" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        io.shopcare.signing.SigningKeys signingKeys = new io.shopcare.signing.SigningKeys(current, keys);
        return () -> signingKeys;
    }
}
