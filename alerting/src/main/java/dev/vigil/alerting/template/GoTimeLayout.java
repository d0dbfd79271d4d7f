package dev.vigil.alerting.template;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Format} layouts (reference time {@code Mon Jan 2 15:04:05 MST 2006}): the
 * elements templates use for alert times, rendered in UTC.
 */
final class GoTimeLayout {
    private GoTimeLayout() {
    }

    static String format(ZonedDateTime t, String layout) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            String rest = layout.substring(i);
            int n = element(t, rest, out);
            if (n == 0) {
                out.append(layout.charAt(i));
                n = 1;
            }
            i += n;
        }
        return out.toString();
    }

    /** Appends the element {@code s} starts with and returns its length, or 0 when it is literal text. */
    private static int element(ZonedDateTime t, String s, StringBuilder out) {
        String[][] table = {
            {"January", t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)},
            {"Jan", t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)},
            {"Monday", t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)},
            {"Mon", t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)},
            {"MST", "UTC"},
            {"2006", String.format("%04d", t.getYear())},
            {"Z07:00", "Z"}, {"Z0700", "Z"}, {"Z07", "Z"},
            {"-07:00", "+00:00"}, {"-0700", "+0000"}, {"-07", "+00"},
            {"002", String.format("%03d", t.getDayOfYear())},
            {"01", String.format("%02d", t.getMonthValue())},
            {"02", String.format("%02d", t.getDayOfMonth())},
            {"_2", String.format("%2d", t.getDayOfMonth())},
            {"06", String.format("%02d", t.getYear() % 100)},
            {"15", String.format("%02d", t.getHour())},
            {"03", String.format("%02d", hour12(t))},
            {"04", String.format("%02d", t.getMinute())},
            {"05", String.format("%02d", t.getSecond())},
            {"PM", t.getHour() >= 12 ? "PM" : "AM"},
            {"pm", t.getHour() >= 12 ? "pm" : "am"},
        };
        for (String[] e : table) {
            if (s.startsWith(e[0])) {
                out.append(e[1]);
                return e[0].length();
            }
        }
        if ((s.startsWith(".0") || s.startsWith(".9") || s.startsWith(",0") || s.startsWith(",9"))) {
            char digit = s.charAt(1);
            int n = 1;
            while (n < s.length() && s.charAt(n) == digit) {
                n++;
            }
            // A fraction only when the run is not followed by another digit (Go's rule).
            if (n < s.length() && Character.isDigit(s.charAt(n))) {
                return 0;
            }
            String frac = String.format("%09d", t.getNano()).substring(0, Math.min(9, n - 1));
            if (digit == '9') {
                frac = frac.replaceAll("0+$", "");
                if (!frac.isEmpty()) {
                    out.append(s.charAt(0)).append(frac);
                }
            } else {
                out.append(s.charAt(0)).append(frac);
            }
            return n;
        }
        char c = s.charAt(0);
        if (c == '1') {
            out.append(t.getMonthValue());
            return 1;
        }
        if (c == '2') {
            out.append(t.getDayOfMonth());
            return 1;
        }
        if (c == '3') {
            out.append(hour12(t));
            return 1;
        }
        if (c == '4') {
            out.append(t.getMinute());
            return 1;
        }
        if (c == '5') {
            out.append(t.getSecond());
            return 1;
        }
        return 0;
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }
}
