package io.shopcare.testing;

import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A mailer that keeps what it was asked to send; failures can be queued ahead of successes. */
public final class RecordingMailer implements Mailer {
    public final List<OutgoingEmail> sent = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private int ids;

    /** The next send throws {@code failure} (and sends nothing). */
    public RecordingMailer failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public synchronized String send(OutgoingEmail email) {
        if (!failures.isEmpty()) {
            throw failures.pop();
        }
        sent.add(email);
        return "message-" + (++ids);
    }

    public List<String> recipients() {
        return sent.stream().map(OutgoingEmail::to).toList();
    }
}
