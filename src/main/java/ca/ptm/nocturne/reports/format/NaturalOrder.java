package ca.ptm.nocturne.reports.format;

import java.text.Collator;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French order with numbers compared as numbers: room "Local 2" before "Local 10", "A-9" before "A-10". Nulls last.
 */
public final class NaturalOrder implements Comparator<String> {

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");
    private final Collator collator = Collator.getInstance(FrenchFormat.LOCALE);

    public static Comparator<String> nullsLast() {
        return Comparator.nullsLast(new NaturalOrder());
    }

    @Override
    public int compare(String a, String b) {
        Matcher left = CHUNK.matcher(a);
        Matcher right = CHUNK.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers ? compareNumbers(x, y) : collator.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareNumbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=\\d)", "");
        String b = y.replaceFirst("^0+(?=\\d)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
