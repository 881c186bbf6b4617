package org.jhaproxy.runtime.sample;

import java.time.Instant;
import java.time.ZoneId;

/**
 * strftime() as glibc prints it in the C locale, for ltime and utime (configuration.txt 7.3.1):
 * the conversions, the flags {@code _ - 0 ^ #}, a field width and the ignored {@code E}/{@code O}
 * modifiers; an unknown conversion is copied as written. The broken-down time is computed over
 * longs, so the far dates haproxy's 55-bit mask can give (year 1141709097) print as glibc does.
 */
final class Strftime {
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** A broken-down time (struct tm): year is the full year, month 0-11, wday 0 = Sunday, yday 0-365. */
    record Tm(long year, int month, int mday, int hour, int min, int sec, int wday, int yday, long epoch, int gmtoff, String zone) {
        /** gmtime_r(): UTC, zone "GMT". */
        static Tm utc(long epoch) {
            return of(epoch, 0, "GMT");
        }

        /** The zone's abbreviation, as %Z prints it (built once: ltime runs per request). */
        private static final java.time.format.DateTimeFormatter ZONE_NAME =
                java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.ROOT);

        /** localtime_r(): the process's zone (TZ or /etc/localtime, as the JVM read them). */
        static Tm local(long epoch) {
            ZoneId id = ZoneId.systemDefault();
            Instant at = Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epoch)));
            int off = id.getRules().getOffset(at).getTotalSeconds();
            String zone = ZONE_NAME.format(at.atZone(id));
            return of(epoch, off, zone);
        }

        static Tm of(long epoch, int gmtoff, String zone) {
            long t = epoch + gmtoff;
            long days = Math.floorDiv(t, 86400);
            int secs = (int) Math.floorMod(t, 86400);
            // civil date from a day count since 1970-01-01 (proleptic Gregorian, 400-year eras)
            long z = days + 719468;
            long era = Math.floorDiv(z, 146097);
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            int mday = (int) (doy - (153 * mp + 2) / 5 + 1);
            int month = (int) (mp < 10 ? mp + 2 : mp - 10);
            long year = yoe + era * 400 + (month <= 1 ? 1 : 0);
            int yday = (int) (days - daysBefore(year));
            int wday = (int) Math.floorMod(days + 4, 7);
            return new Tm(year, month, mday, secs / 3600, secs / 60 % 60, secs % 60, wday, yday, epoch, gmtoff, zone);
        }
    }

    private Strftime() {
    }

    static boolean leap(long y) {
        return Math.floorMod(y, 4) == 0 && (Math.floorMod(y, 100) != 0 || Math.floorMod(y, 400) == 0);
    }

    /** Days from 1970-01-01 to January 1st of year y. */
    static long daysBefore(long y) {
        long p = y - 1;
        return 365 * (y - 1970) + (Math.floorDiv(p, 4) - Math.floorDiv(p, 100) + Math.floorDiv(p, 400)) - 477;
    }

    static String format(String fmt, Tm tm) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i++;
            char flag = 0;
            boolean upper = false;
            boolean swap = false;
            while (i < fmt.length() && "_-0^#".indexOf(fmt.charAt(i)) >= 0) {
                char f = fmt.charAt(i++);
                if (f == '^') {
                    upper = true;
                } else if (f == '#') {
                    swap = true;
                } else {
                    flag = f;
                }
            }
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = Math.max(width, 0) * 10 + (fmt.charAt(i++) - '0');
            }
            while (i < fmt.length() && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) {
                i++;
            }
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            char conv = fmt.charAt(i++);
            Conversion c = new Conversion(flag, width, upper, swap);
            if (!c.append(out, conv, tm)) {
                out.append(fmt, start, i);
            }
        }
        return out.toString();
    }

    /** One conversion with its flags and width. */
    private record Conversion(char flag, int width, boolean upper, boolean swap) {
        boolean append(StringBuilder out, char conv, Tm tm) {
            switch (conv) {
                case 'a' -> text(out, DAYS[tm.wday()].substring(0, 3), true);
                case 'A' -> text(out, DAYS[tm.wday()], true);
                case 'b', 'h' -> text(out, MONTHS[tm.month()].substring(0, 3), true);
                case 'B' -> text(out, MONTHS[tm.month()], true);
                case 'c' -> text(out, format("%a %b %e %H:%M:%S %Y", tm), false);
                case 'C' -> year(out, Math.floorDiv(tm.year(), 100), 2);
                case 'd' -> number(out, tm.mday(), 2, '0');
                case 'D', 'x' -> text(out, format("%m/%d/%y", tm), false);
                case 'e' -> number(out, tm.mday(), 2, ' ');
                case 'F' -> text(out, format("%Y-%m-%d", tm), false);
                case 'g' -> number(out, Math.floorMod(isoYear(tm), 100), 2, '0');
                case 'G' -> year(out, isoYear(tm), 4);
                case 'H' -> number(out, tm.hour(), 2, '0');
                case 'I' -> number(out, (tm.hour() + 11) % 12 + 1, 2, '0');
                case 'j' -> number(out, tm.yday() + 1, 3, '0');
                case 'k' -> number(out, tm.hour(), 2, ' ');
                case 'l' -> number(out, (tm.hour() + 11) % 12 + 1, 2, ' ');
                case 'm' -> number(out, tm.month() + 1, 2, '0');
                case 'M' -> number(out, tm.min(), 2, '0');
                case 'n' -> text(out, "\n", false);
                case 'p' -> text(out, tm.hour() < 12 ? "AM" : "PM", false, true);
                case 'P' -> out.append(tm.hour() < 12 ? "am" : "pm");
                case 'r' -> text(out, format("%I:%M:%S %p", tm), false);
                case 'R' -> text(out, format("%H:%M", tm), false);
                case 's' -> number(out, tm.epoch(), 1, '0');
                case 'S' -> number(out, tm.sec(), 2, '0');
                case 't' -> text(out, "\t", false);
                case 'T', 'X' -> text(out, format("%H:%M:%S", tm), false);
                case 'u' -> number(out, (tm.wday() + 6) % 7 + 1, 1, '0');
                case 'U' -> number(out, (tm.yday() + 7 - tm.wday()) / 7, 2, '0');
                case 'V' -> number(out, isoWeek(tm), 2, '0');
                case 'w' -> number(out, tm.wday(), 1, '0');
                case 'W' -> number(out, (tm.yday() + 7 - (tm.wday() + 6) % 7) / 7, 2, '0');
                case 'y' -> number(out, Math.floorMod(tm.year(), 100), 2, '0');
                case 'Y' -> year(out, tm.year(), 4);
                case 'z' -> {
                    int off = Math.abs(tm.gmtoff()) / 60;
                    out.append(tm.gmtoff() < 0 ? '-' : '+').append(String.format("%02d%02d", off / 60, off % 60));
                }
                case 'Z' -> text(out, tm.zone(), false, true);
                case '%' -> text(out, "%", false);
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** A name; '^' upper-cases it, '#' swaps the case of the names that have one (upper-cases). */
        private void text(StringBuilder out, String s, boolean swapsToUpper) {
            text(out, s, swapsToUpper, false);
        }

        private void text(StringBuilder out, String s, boolean swapsToUpper, boolean swapsToLower) {
            if (upper || (swap && swapsToUpper)) {
                s = s.toUpperCase(java.util.Locale.ROOT);
            } else if (swap && swapsToLower) {
                s = s.toLowerCase(java.util.Locale.ROOT);
            }
            for (int n = s.length(); n < width; n++) {
                out.append(flag == '0' ? '0' : ' ');
            }
            out.append(s);
        }

        /** A number padded to its width with '0' or ' ' ('_' pads with spaces, '-' does not pad). */
        private void number(StringBuilder out, long v, int digits, char pad) {
            String s = Long.toString(Math.abs(v));
            char p = flag == '_' ? ' ' : flag == '0' ? '0' : flag == '-' ? ' ' : pad;
            int w = width >= 0 ? width : flag == '-' ? 0 : digits;
            if (v < 0) {
                s = "-" + s;
            }
            if (p == '0' && v < 0) {
                out.append('-');
                s = s.substring(1);
                w--;
            }
            for (int n = s.length(); n < w; n++) {
                out.append(p);
            }
            out.append(s);
        }

        /** %Y, %C, %G: glibc pads them only when a width or the '0' flag asks. */
        private void year(StringBuilder out, long v, int digits) {
            if (width < 0 && flag != '0') {
                out.append(v);
                return;
            }
            number(out, v, flag == '0' && width < 0 ? digits : 1, '0');
        }
    }

    /** ISO 8601 week-based year (%G). */
    static long isoYear(Tm tm) {
        int w = rawIsoWeek(tm);
        if (w < 1) {
            return tm.year() - 1;
        }
        return w > weeksIn(tm.year()) ? tm.year() + 1 : tm.year();
    }

    /** ISO 8601 week number (%V): weeks start on Monday, week 1 holds the year's first Thursday. */
    static int isoWeek(Tm tm) {
        int w = rawIsoWeek(tm);
        if (w < 1) {
            return weeksIn(tm.year() - 1);
        }
        return w > weeksIn(tm.year()) ? 1 : w;
    }

    private static int rawIsoWeek(Tm tm) {
        int isoWday = (tm.wday() + 6) % 7 + 1;
        return (tm.yday() + 1 - isoWday + 10) / 7;
    }

    private static int weeksIn(long y) {
        return jan1Weekday(y) == 4 || (leap(y) && jan1Weekday(y) == 3) ? 53 : 52;
    }

    /** 0 = Sunday. */
    private static int jan1Weekday(long y) {
        return (int) Math.floorMod(daysBefore(y) + 4, 7);
    }
}
