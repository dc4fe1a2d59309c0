package io.shopcare.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Browsers get pages, every other client keeps the JSON contract. */
class ContentNegotiationTest {

    @Test
    void browsersFollowingALinkOrPostingAFormPreferHtml() {
        // Chromium and Firefox navigations and form posts
        assertTrue(ContentNegotiation.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,"
                + "image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"));
        assertTrue(ContentNegotiation.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertTrue(ContentNegotiation.prefersHtml("TEXT/HTML"));
        assertTrue(ContentNegotiation.prefersHtml("application/json;q=0.5, text/html"));
        assertTrue(ContentNegotiation.prefersHtml("text/*, application/json;q=0.2"));
    }

    @Test
    void apiClientsMailClientsAndTiesKeepJson() {
        assertFalse(ContentNegotiation.prefersHtml(null), "no Accept (mail clients' one-click POST)");
        assertFalse(ContentNegotiation.prefersHtml(""));
        assertFalse(ContentNegotiation.prefersHtml("*/*"));
        assertFalse(ContentNegotiation.prefersHtml("application/json"));
        assertFalse(ContentNegotiation.prefersHtml("application/json, text/plain, */*"), "axios' default");
        assertFalse(ContentNegotiation.prefersHtml("text/html, application/json"), "a tie keeps JSON");
        assertFalse(ContentNegotiation.prefersHtml("text/html;q=0.5, application/json"));
        assertFalse(ContentNegotiation.prefersHtml("text/html;q=0, */*"), "q=0 means not acceptable");
        assertFalse(ContentNegotiation.prefersHtml("text/plain"), "neither: JSON, the contract's answer");
    }

    @Test
    void theMostSpecificRangeGivesTheQualityAndMalformedValuesCountForNothing() {
        assertEquals(0.8, ContentNegotiation.quality("*/*;q=0.8, text/*;q=0.3, text/html;q=0.8", "text", "html"));
        assertEquals(0.3, ContentNegotiation.quality("*/*;q=0.8, text/*;q=0.3", "text", "html"));
        assertEquals(0.8, ContentNegotiation.quality("*/*;q=0.8, text/*;q=0.3", "application", "json"));
        assertEquals(0.0, ContentNegotiation.quality("text/html;q=2", "text", "html"));
        assertEquals(0.0, ContentNegotiation.quality("text/html;q=abc", "text", "html"));
        assertFalse(ContentNegotiation.prefersHtml("garbage, ;;;, /, text"));
        assertFalse(ContentNegotiation.prefersHtml("text/html," + " ".repeat(3000)), "an oversized header is ignored");
    }
}
