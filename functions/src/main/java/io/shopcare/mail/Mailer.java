package io.shopcare.mail;

/** Sends one e-mail; the domain's view of SES. */
public interface Mailer {

    /**
     * Sends the message and returns the provider's message id.
     *
     * @throws NotSent when the provider certainly did not accept the message (safe to try again)
     * @throws RuntimeException for anything else: the message may or may not have gone out
     */
    String send(OutgoingEmail email);

    /** The provider refused the message (throttled, rejected): it was certainly not sent. */
    final class NotSent extends RuntimeException {
        public NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
