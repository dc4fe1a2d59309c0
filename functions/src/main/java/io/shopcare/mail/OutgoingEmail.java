package io.shopcare.mail;

/**
 * One message to one recipient. {@code unsubscribeUrl}, when present, becomes the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers (RFC 8058 one-click).
 */
public record OutgoingEmail(String to, RenderedEmail content, String unsubscribeUrl) {
}
