package io.shopcare.signing;

/** Where the signing keys come from; they may change while a container lives (rotation). */
@FunctionalInterface
public interface KeyRing {
    SigningKeys keys();
}
