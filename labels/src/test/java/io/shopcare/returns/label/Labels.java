package io.shopcare.returns.label;

import io.shopcare.mail.Language;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample labels and keys for the tests (and the bench). */
public final class Labels {
    public static final Instant CREATED = Instant.parse("2026-11-28T09:15:00Z");
    public static final List<String> SHOP = List.of("Shopcare Returns", "Skladová 12", "190 00 Praha 9", "Czech Republic");

    private Labels() {
    }

    public static ReturnLabel english(String code) {
        return new ReturnLabel("RET-7K2M9Q", code, "ORD-20261122-0042", "Post Standard", SHOP, "Anna Smith",
                List.of("12 Baker Street", "London NW1 6XE", "United Kingdom"),
                List.of(new ReturnLabel.Line("Alpine down jacket", "M", "red", 1),
                        new ReturnLabel.Line("Storm shell", "L", "navy", 2)),
                CREATED, Language.EN);
    }

    public static ReturnLabel czech() {
        return new ReturnLabel("RET-CZ1", "RCZ-0001", "ORD-CZ-0001", "Česká pošta", SHOP, "Jiří Dvořák",
                List.of("Žluťoučká 7", "602 00 Brno-střed", "Česko"),
                List.of(new ReturnLabel.Line("Péřová bunda Šárka", "XL", "černá", 1)), CREATED, Language.CS);
    }

    public static ReturnLabel ukrainian() {
        return new ReturnLabel("RET-UK1", "RUK-0001", "ORD-UK-0001", "Нова пошта", SHOP, "Олександра Ґонтар",
                List.of("вул. Їжакевича 5, кв. 14", "Київ 02000", "Україна"),
                List.of(new ReturnLabel.Line("Куртка «Єнот»", "S", "сірий", 1)), CREATED, Language.UK);
    }

    public static ReturnLabel french() {
        return new ReturnLabel("RET-FR1", "RFR-0001", "ORD-FR-0001", "La Poste", SHOP, "Zoé Lefèvre",
                List.of("3 rue de l’Église", "69002 Lyon", "France"),
                List.of(new ReturnLabel.Line("Veste matelassée", "M", "bleu", 1)), CREATED, Language.FR);
    }

    /** With the given code; the rest as {@link #english}. */
    public static ReturnLabel withCode(String code) {
        return english(code);
    }

    public static ReturnLabel withLines(List<ReturnLabel.Line> lines) {
        ReturnLabel l = english("RET-LINES-1");
        return new ReturnLabel(l.returnId(), l.returnCode(), l.orderId(), l.carrier(), l.shopAddress(), l.customerName(),
                l.customerAddress(), lines, l.createdAt(), l.language());
    }

    public static KeyRing keys(String current, String... ids) {
        Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        keys.put(current, secret(current));
        for (String id : ids) {
            keys.put(id, secret(id));
        }
        SigningKeys signingKeys = new SigningKeys(current, keys);
        return () -> signingKeys;
    }

    private static byte[] secret(String id) {
        return ("test-signing-key-" + id + "-0123456789abcdefghijklmnopqrstuvwxyz").getBytes(StandardCharsets.UTF_8);
    }
}
