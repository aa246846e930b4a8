package ca.ptm.nocturne.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link ValueParseException}, shared by the parser tests. */
final class Rejections {

    private Rejections() {
    }

    /** Asserts the call is rejected with that code and returns the exception for more checks. */
    static ValueParseException assertRejected(RejectCode code, ThrowingCallable call) {
        ValueParseException e = catchThrowableOfType(ValueParseException.class, call);
        assertThat(e).as("expected a ValueParseException " + code).isNotNull();
        assertThat(e.rejectCode()).isEqualTo(code);
        assertThat(e.code()).isEqualTo(code.name());
        return e;
    }

    /** The message with its no-break spaces turned into plain ones, to keep expectations legible. */
    static String plainMessage(ValueParseException e) {
        return e.getMessage().replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
