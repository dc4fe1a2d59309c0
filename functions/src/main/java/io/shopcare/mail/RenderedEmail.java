package io.shopcare.mail;

/** A message ready to send: subject, plain text and HTML. */
public record RenderedEmail(String subject, String text, String html) {
}
