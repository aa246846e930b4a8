package ca.ptm.nocturne.operations.cli;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.ApplicationArguments;

/** The words and {@code --name=value} options of a command, with French errors for what cannot be read. */
public record CommandArguments(List<String> words, Map<String, String> options) {

    public CommandArguments {
        words = List.copyOf(words);
        options = Map.copyOf(options);
    }

    static CommandArguments of(ApplicationArguments args) {
        Map<String, String> options = new HashMap<>();
        for (String name : args.getOptionNames()) {
            List<String> values = args.getOptionValues(name);
            options.put(name, values == null || values.isEmpty() ? "" : values.get(values.size() - 1));
        }
        return new CommandArguments(args.getNonOptionArgs(), options);
    }

    /** Parses "run import --dir=x" style words, as a shell would split them. */
    public static CommandArguments parse(String... args) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        return new CommandArguments(words, options);
    }

    CommandArguments withOption(String name, String value) {
        Map<String, String> more = new HashMap<>(options);
        more.put(name, value);
        return new CommandArguments(words, more);
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String option(String name) {
        return options.get(name);
    }

    String word(int index) {
        if (index >= words.size()) {
            throw new CommandLine.BadUsageException("Commande incomplète : « " + String.join(" ", words) + " »");
        }
        return words.get(index);
    }

    Optional<LocalDate> date(String name) {
        return Optional.ofNullable(options.get(name)).map(CommandLine::parseDate);
    }

    Integer integer(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.BadUsageException("--" + name + " attend un nombre entier, pas « " + value + " »");
        }
    }

    long longOption(String name) {
        String value = options.get(name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new CommandLine.BadUsageException("--" + name + " attend un numéro d'exécution, pas « " + value + " »");
        }
    }

    long executionId() {
        String text = word(2);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.BadUsageException("Numéro d'exécution invalide : « " + text + " »");
        }
    }

    BatchStatus status() {
        try {
            return BatchStatus.valueOf(option("status").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.BadUsageException("Statut inconnu : « " + option("status")
                    + " » (COMPLETED, FAILED, STARTED, STOPPED, ABANDONED)");
        }
    }
}
