package io.shopcare.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailRendererTest {
    private final EmailRenderer renderer = new EmailRenderer();

    private static Map<String, Object> model(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("product", "Alpine <Down> Jacket");
        model.put("variant", "M, red");
        model.put("sku", "ADJ-RED-M");
        model.put("price", EmailRenderer.price(new BigDecimal("189.90"), "EUR", language));
        model.put("productUrl", "https://shop.example.com/products/alpine-down-jacket");
        model.put("confirmUrl", "https://api.example.com/alerts/confirm?token=abc");
        model.put("unsubscribeUrl", "https://api.example.com/alerts/unsubscribe?token=xyz");
        model.put("categories", "womens-jackets");
        model.put("items", List.of(Map.of("product", "Rain Poncho", "variant", false, "price", "€39.00",
                "productUrl", "https://shop.example.com/products/rain-poncho")));
        return model;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyShopperEmailRendersInEveryLanguageWithItsLinksAndNoPlaceholders(Language language) {
        for (String kind : List.of("alert-confirm", "digest-confirm", "back-in-stock", "digest")) {
            RenderedEmail email = renderer.render(kind, language, model(language));
            for (String part : List.of(email.subject(), email.text(), email.html())) {
                assertFalse(part.contains("{{") || part.contains("}}"), kind + "/" + language + ": " + part);
            }
            assertTrue(email.text().contains("https://api.example.com/alerts/unsubscribe?token=xyz"), kind);
            // HTML-escaped attribute value ("=" as &#x3D;), which browsers decode.
            assertTrue(email.html().contains("href=\"https://api.example.com/alerts/unsubscribe?token&#x3D;xyz\""), kind);
            assertTrue(email.html().contains("lang=\"" + language.tag() + "\""), kind);
            if (kind.equals("back-in-stock")) {
                assertTrue(email.subject().contains("Alpine <Down> Jacket"), email.subject());
                assertTrue(email.html().contains("Alpine &lt;Down&gt; Jacket"), "HTML is escaped");
                assertTrue(email.text().contains("https://shop.example.com/products/alpine-down-jacket"));
                assertTrue(email.text().contains("189"), "price");
            }
            if (kind.endsWith("confirm")) {
                assertTrue(email.text().contains("https://api.example.com/alerts/confirm?token=abc"), kind);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aMessageRenderedOnceIsTheSameAsOneRenderedPerRecipientOnceItsLinkIsFilledIn(Language language) {
        Map<String, Object> once = model(language);
        once.put("unsubscribeUrl", "UNSUBSCRIBESLOT");
        RenderedEmail filled = renderer.render("back-in-stock", language, once)
                .fill("UNSUBSCRIBESLOT", "https://api.example.com/alerts/unsubscribe?token=xyz");
        assertEquals(renderer.render("back-in-stock", language, model(language)), filled);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theUnsubscribePageIsInEachLanguageWithItsOneClickForm(Language language) {
        String page = renderer.renderPage("unsubscribe-page", language, Map.of());
        assertFalse(page.contains("{{") || page.contains("}}"), page);
        assertTrue(page.contains("<html lang=\"" + language.tag() + "\">"), page);
        assertTrue(page.contains("<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"),
                page);
        if (language != Language.EN) {
            assertFalse(page.contains("Unsubscribe</button>"), "translated button: " + page);
        }
    }

    @Test
    void wordingIsNaturalInEachLanguage() {
        assertEquals("Alpine <Down> Jacket je opět skladem",
                renderer.render("back-in-stock", Language.CS, model(Language.CS)).subject());
        assertEquals("Alpine <Down> Jacket est de retour en stock",
                renderer.render("back-in-stock", Language.FR, model(Language.FR)).subject());
        assertEquals("Alpine <Down> Jacket знову в наявності",
                renderer.render("back-in-stock", Language.UK, model(Language.UK)).subject());
        assertTrue(EmailRenderer.price(new BigDecimal("49.9"), "EUR", Language.CS).startsWith("49,90"));
        assertTrue(EmailRenderer.price(new BigDecimal("49.9"), "EUR", Language.EN).contains("49.90"));
    }

    @Test
    void aMissingVariableFailsInsteadOfLeavingAGap() {
        Map<String, Object> model = model(Language.EN);
        model.remove("unsubscribeUrl");
        assertThrows(RuntimeException.class, () -> renderer.render("back-in-stock", Language.EN, model));
    }

    @Test
    void acceptLanguagePicksTheBestOfOursAndFallsBackToEnglish() {
        assertEquals(Language.CS, Language.fromAcceptLanguage("uk;q=0.8, cs-CZ, en;q=0.5"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("de-DE, es;q=0.9"));
        assertEquals(Language.FR, Language.fromAcceptLanguage("fr-CH"));
        assertEquals(Language.EN, Language.fromAcceptLanguage(null));
    }
}
