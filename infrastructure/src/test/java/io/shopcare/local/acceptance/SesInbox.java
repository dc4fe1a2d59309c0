package io.shopcare.local.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shopcare.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the SES emulator received, read from its {@code /store}: the tests' view of sent e-mail. */
final class SesInbox {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String sesUrl;

    SesInbox(String sesUrl) {
        this.sesUrl = sesUrl;
    }

    /** Every e-mail sent to the address so far, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> emailsTo(String address) {
        List<Map<String, Object>> mails = new ArrayList<>();
        for (Object mail : (List<Object>) Json.parseObject(get("/store")).get("emails")) {
            Map<String, Object> m = (Map<String, Object>) mail;
            Object to = ((Map<String, Object>) m.get("destination")).get("to");
            if (to instanceof List<?> list && list.contains(address)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** Waits up to 15 s for the address to have {@code count} e-mails and asserts it has exactly that many. */
    List<Map<String, Object>> awaitEmails(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Map<String, Object>> mails = emailsTo(address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mails = emailsTo(address);
        }
        assertEquals(count, mails.size(), "e-mails to " + address + ": " + mails);
        return mails;
    }

    private String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(sesUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
