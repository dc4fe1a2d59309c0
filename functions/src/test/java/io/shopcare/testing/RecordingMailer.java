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
    private final java.util.Map<Integer, RuntimeException> failuresAt = new java.util.HashMap<>();
    private int attempts;
    private int ids;

    /** The next send throws {@code failure} (and sends nothing). */
    public RecordingMailer failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    /** The {@code attempt}-th send (counting from 1, failed ones included) throws {@code failure}. */
    public RecordingMailer failAt(int attempt, RuntimeException failure) {
        failuresAt.put(attempt, failure);
        return this;
    }

    @Override
    public synchronized String send(OutgoingEmail email) {
        attempts++;
        if (failuresAt.containsKey(attempts)) {
            throw failuresAt.get(attempts);
        }
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
