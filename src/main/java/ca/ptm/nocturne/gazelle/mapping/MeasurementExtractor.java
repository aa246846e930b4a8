package ca.ptm.nocturne.gazelle.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the room temperature, relative humidity and tuning pitch a technician typed in a service note ("Accord 442 Hz.
 * 21°, 36%"). Every reading needs its unit and a plausible value: "stat 20" (parking), "100% satisfait" or a model
 * such as "C7" must give nothing, because a false reading would end up in the humidity reports.
 */
public final class MeasurementExtractor {

    /** Readings, each null when the text does not hold it. Temperature is in °C. */
    public record Measurements(BigDecimal temperatureC, BigDecimal humidityPct, BigDecimal pitchHz) {

        public static final Measurements NONE = new Measurements(null, null, null);

        public boolean isEmpty() {
            return temperatureC == null && humidityPct == null && pitchHz == null;
        }
    }

    // A number not glued to a preceding number: "21", "21,5", "21.5" but never the "5" of "21,5".
    private static final String NUMBER = "(?<!\\d)(?<!\\d[.,])(\\d{1,3}(?:[.,]\\d{1,2})?)";

    // The bare-letter unit ("20C") is upper case only: "20c" may well be twenty cents.
    private static final Pattern TEMPERATURE = Pattern.compile(NUMBER
            + "(?:\\s?[°º]\\s?(c|f|celsius|fahrenheit)?|(?-i:([CF]))|\\s?degr[ée]s?(?:\\s?(c|f|celsius|fahrenheit))?)"
            + "(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // A percentage followed by a money or satisfaction word is not a humidity.
    private static final Pattern HUMIDITY = Pattern.compile(NUMBER + "\\s?%(?!\\s*(?:de\\s+)?(?:rabais|escompte"
            + "|r[ée]duction|discount|off|acompte|d[ée]p[ôo]t|deposit|satisf|taxe|tax))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // ... and so is a percentage announced by one: "Acompte 30%", "rabais de 50%".
    private static final Pattern MONEY_WORD_BEFORE = Pattern.compile("(?:rabais|escompte|r[ée]duction|discount"
            + "|acompte|d[ée]p[ôo]t|deposit|taxes?)\\s*(?:de\\s*)?[:=]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern PITCH_HZ = Pattern.compile(
            "(?<!\\d)(?<!\\d[.,])(\\d{3}(?:[.,]\\d)?)\\s?hz(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
    // "A442", "A=440", "diapason 442", "diapason à 442": the note name or the word makes the unit unnecessary.
    private static final Pattern PITCH_NAMED = Pattern.compile(
            "(?:(?<![\\p{L}\\d])(?-i:A)(?:\\s?=\\s?)?|diapason\\s?[:=]?\\s?(?:[àa]\\s)?)(\\d{3})(?![\\p{L}\\d]|[.,]\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // Groups of TEMPERATURE after the number: unit after a degree sign, bare unit letter, unit after "degrés".
    private static final int DEGREE_UNIT = 2;
    private static final int BARE_UNIT = 3;
    private static final int WORD_UNIT = 4;

    private static final Pattern THERMOSTAT_BEFORE = Pattern.compile(
            "thermostat[\\s:=]*(?:[àa]\\s*)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final BigDecimal MIN_C = BigDecimal.valueOf(-10);
    private static final BigDecimal MAX_C = BigDecimal.valueOf(45);
    // Without a degree sign ("20C") only an indoor temperature is believed; "3C" is more likely a room code.
    private static final BigDecimal MIN_BARE_C = BigDecimal.valueOf(10);
    private static final BigDecimal MAX_BARE_C = BigDecimal.valueOf(35);
    private static final BigDecimal MIN_HUMIDITY = BigDecimal.valueOf(5);
    private static final BigDecimal MAX_HUMIDITY = BigDecimal.valueOf(95);
    // Baroque 415 Hz to the highest concert pitches ever used.
    private static final BigDecimal MIN_PITCH = BigDecimal.valueOf(415);
    private static final BigDecimal MAX_PITCH = BigDecimal.valueOf(466);
    private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal NINE = BigDecimal.valueOf(9);

    private MeasurementExtractor() {
    }

    // How far before a reading the words that disqualify it are looked for ("thermostat à", "rabais de"): the
    // longest of them with its spacing fits easily, and the look-back stays short on a long note.
    private static final int LOOK_BEHIND = 48;

    /** @return the first plausible reading of each kind; {@link Measurements#NONE} for null or blank text */
    public static Measurements extract(String text) {
        if (text == null || text.isBlank() || !hasDigit(text)) {
            return Measurements.NONE;
        }
        // Each pattern runs only on a text that holds its unit: most notes hold one or two kinds of reading, and the
        // nightly reads hundreds of thousands of them.
        String lower = text.toLowerCase(Locale.ROOT);
        int[] numbers = numberStarts(text);
        BigDecimal temperature = mayHoldTemperature(text, lower) ? temperature(text, numbers) : null;
        BigDecimal humidity = text.indexOf('%') >= 0 ? humidity(text, numbers) : null;
        BigDecimal pitch = lower.contains("hz") || text.indexOf('A') >= 0 || lower.contains("diapason") ? pitch(text, numbers) : null;
        return temperature == null && humidity == null && pitch == null ? Measurements.NONE
                : new Measurements(temperature, humidity, pitch);
    }

    /**
     * Where the numbers of the text start: a digit after neither a digit nor a digit and a decimal separator, exactly
     * the places where NUMBER can match. Each pattern is then tried there only, instead of at every character.
     */
    private static int[] numberStarts(String text) {
        int[] starts = new int[8];
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && !(i > 0 && isDigit(text.charAt(i - 1)))
                    && !(i > 1 && (text.charAt(i - 1) == '.' || text.charAt(i - 1) == ',') && isDigit(text.charAt(i - 2)))) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The matches of a pattern that begins with NUMBER, in text order: the equivalent of find() in a loop. */
    private static Matcher numberMatcher(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static boolean matchesAt(Matcher m, String text, int start) {
        m.region(start, text.length());
        return m.lookingAt();
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldTemperature(String text, String lower) {
        return text.indexOf('°') >= 0 || text.indexOf('º') >= 0 || lower.contains("degr") || text.indexOf('C') >= 0
                || text.indexOf('F') >= 0;
    }

    /** The text just before {@code end}, where a disqualifying word would be. */
    private static String before(String text, int end) {
        return text.substring(Math.max(0, end - LOOK_BEHIND), end);
    }

    private static BigDecimal temperature(String text, int[] numbers) {
        Matcher m = numberMatcher(TEMPERATURE, text);
        for (int start : numbers) {
            if (!matchesAt(m, text, start)) {
                continue;
            }
            if (THERMOSTAT_BEFORE.matcher(before(text, m.start(1))).find()) {
                continue; // a thermostat setting is not a reading
            }
            boolean bareLetter = m.group(BARE_UNIT) != null;
            if (bareLetter && m.start(1) > 0 && Character.isLetter(text.charAt(m.start(1) - 1))) {
                continue; // "B20C" is a code, not a temperature
            }
            BigDecimal celsius = isFahrenheit(m) ? fahrenheitToCelsius(number(m.group(1))) : number(m.group(1));
            BigDecimal min = bareLetter ? MIN_BARE_C : MIN_C;
            BigDecimal max = bareLetter ? MAX_BARE_C : MAX_C;
            if (celsius.compareTo(min) >= 0 && celsius.compareTo(max) <= 0) {
                return celsius;
            }
        }
        return null;
    }

    private static boolean isFahrenheit(Matcher m) {
        for (int group = DEGREE_UNIT; group <= WORD_UNIT; group++) {
            String unit = m.group(group);
            if (unit != null) {
                return unit.toLowerCase(Locale.ROOT).startsWith("f");
            }
        }
        return false; // a bare degree sign is Celsius in Québec
    }

    private static BigDecimal humidity(String text, int[] numbers) {
        Matcher m = numberMatcher(HUMIDITY, text);
        for (int start : numbers) {
            if (!matchesAt(m, text, start)) {
                continue;
            }
            if (MONEY_WORD_BEFORE.matcher(before(text, m.start(1))).find()) {
                continue;
            }
            BigDecimal value = number(m.group(1));
            if (value.compareTo(MIN_HUMIDITY) >= 0 && value.compareTo(MAX_HUMIDITY) <= 0) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal pitch(String text, int[] numbers) {
        Matcher hz = numberMatcher(PITCH_HZ, text);
        for (int start : numbers) {
            if (matchesAt(hz, text, start)) {
                BigDecimal value = number(hz.group(1));
                if (value.compareTo(MIN_PITCH) >= 0 && value.compareTo(MAX_PITCH) <= 0) {
                    return value;
                }
            }
        }
        return firstInRange(PITCH_NAMED.matcher(text), MIN_PITCH, MAX_PITCH);
    }

    private static BigDecimal firstInRange(Matcher m, BigDecimal min, BigDecimal max) {
        while (m.find()) {
            BigDecimal value = number(m.group(1));
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal fahrenheitToCelsius(BigDecimal fahrenheit) {
        return fahrenheit.subtract(THIRTY_TWO).multiply(FIVE).divide(NINE, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(',', '.'));
    }
}
