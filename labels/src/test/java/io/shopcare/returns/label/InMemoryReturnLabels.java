package io.shopcare.returns.label;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The label facts of returns kept in memory, by order and return. */
public final class InMemoryReturnLabels implements ReturnLabels {
    private final Map<String, ReturnLabel> labels = new ConcurrentHashMap<>();

    public InMemoryReturnLabels add(ReturnLabel label) {
        labels.put(label.orderId() + "/" + label.returnId(), label);
        return this;
    }

    @Override
    public Optional<ReturnLabel> find(String orderId, String returnId) {
        return Optional.ofNullable(labels.get(orderId + "/" + returnId));
    }
}
