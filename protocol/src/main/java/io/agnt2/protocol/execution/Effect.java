package io.agnt2.protocol.execution;

import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.value.Wei;

/** What a rule reports back for the receipt (see {@link Receipt} for what {@code amount} means per kind). */
record Effect(Wei amount, InvocationId invocation) {

    static final Effect NONE = new Effect(Wei.ZERO, null);

    static Effect moved(Wei amount) {
        return new Effect(amount, null);
    }
}
