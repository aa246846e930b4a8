package ca.ptm.nocturne.reports.format;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The report texts (titles, column headers, labels) from {@code reports/messages_fr_CA.properties}, the same bundle
 * the JRXML templates use through {@code $R{...}}: a header reads the same in the PDF and in the CSV.
 */
public final class Messages {

    public static final String BUNDLE = "reports.messages";

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle(BUNDLE, FrenchFormat.LOCALE);

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return MESSAGES;
    }

    public static String get(String key) {
        return MESSAGES.getString(key);
    }

    public static String get(String key, Object... arguments) {
        return new MessageFormat(MESSAGES.getString(key), FrenchFormat.LOCALE).format(arguments);
    }
}
