package ca.ptm.nocturne.validation;

import java.util.List;

/** A count check failed: the run stops before the reports claim anything. */
public class CountCheckFailedException extends RuntimeException {

    public CountCheckFailedException(List<CountCheck> failed) {
        super("Contrôle des comptes en échec : " + String.join(" | ", failed.stream()
                .map(c -> c.entity() + " — " + c.message()).toList()));
    }
}
