package io.shopcare.mail;

import com.samskivert.mustache.Escapers;

/** A message ready to send: its kind (the template it came from), subject, plain text and HTML. */
public record RenderedEmail(String kind, String subject, String text, String html) {

    /**
     * This message with {@code slot}, a plain-word stand-in rendered once for many recipients,
     * replaced by one recipient's value (HTML-escaped in the HTML part).
     */
    public RenderedEmail fill(String slot, String value) {
        return new RenderedEmail(kind, subject.replace(slot, value), text.replace(slot, value),
                html.replace(slot, Escapers.HTML.escape(value)));
    }
}
