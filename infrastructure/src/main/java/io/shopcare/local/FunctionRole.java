package io.shopcare.local;

import java.util.function.Supplier;

/**
 * The function an SDK call is made for, as IAM sees its execution role: set by
 * {@link LocalFunction} while it builds and while it invokes the handler, and inherited by the
 * threads the handler starts meanwhile (a restock wave's sender pool). No role: the call is the
 * stack's own or a test's, and is not checked.
 */
record FunctionRole(String function, IamPolicy policy) {
    private static final InheritableThreadLocal<FunctionRole> CURRENT = new InheritableThreadLocal<>();

    static FunctionRole current() {
        return CURRENT.get();
    }

    /** Runs {@code work} as this function, then restores whatever role the thread had. */
    <T> T run(Supplier<T> work) {
        FunctionRole before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The principal AWS names in an access-denied message. */
    String principal() {
        return "arn:aws:sts::000000000000:assumed-role/" + function + "Role/" + function;
    }
}
