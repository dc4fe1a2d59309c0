package io.shopcare.clients;

import io.shopcare.lambda.SnapStartHooks;
import io.shopcare.signing.CachedKeyRing;
import io.shopcare.signing.KeyRing;
import io.shopcare.signing.SigningKeys;
import org.crac.Resource;

/**
 * The signing keys across a SnapStart snapshot. Before it, the secret is read once (warming
 * Secrets Manager's path: TLS, request signing, JSON) and dropped, so no key is stored in the
 * snapshot. After each restore the keys are dropped again, so a copy restored days later reads
 * the keys current then, never ones cached around the snapshot and rotated out since.
 */
final class SnapStartKeyRing implements KeyRing {
    private final CachedKeyRing keys;
    private final SnapStartHooks hooks; // held here: the runtime keeps hooks only weakly

    SnapStartKeyRing(CachedKeyRing keys) {
        this.keys = keys;
        this.hooks = SnapStartHooks.register(() -> {
            try {
                keys.keys();
            } finally {
                keys.forget();
            }
        }, keys::forget);
    }

    Resource snapStartHooks() {
        return hooks;
    }

    @Override
    public SigningKeys keys() {
        return keys.keys();
    }
}
