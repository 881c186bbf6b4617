package org.jhaproxy.runtime.sample;

/**
 * http_date, ltime and utime (configuration.txt 7.3.1): an integer date since the epoch printed
 * as text. Like haproxy, the date is masked to 55 bits first, so a negative date prints as a date
 * far in the future rather than failing.
 */
final class TimeConverters {
    private static final long MASK55 = 0x007fffffffffffffL;
    private static final String[] DAY = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] MON = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private TimeConverters() {
    }

    /**
     * http_date([offset[,unit]]): the IMF-fixdate of RFC 7231; with unit "ms" or "us" the input
     * is in that unit and the fraction follows the seconds, unpadded ("20.5" for 5 ms), as
     * haproxy prints it.
     */
    static SampleConverter httpDate(long offset, String unit) {
        long divisor = switch (unit) {
            case "ms" -> 1000L;
            case "us" -> 1000_000L;
            default -> 1L;
        };
        boolean fraction = unit.equals("ms") || unit.equals("us");
        return (in, c) -> Sample.str(httpDate((Long) in.value() + offset, divisor, fraction));
    }

    static String httpDate(long value, long divisor, boolean fraction) {
        long frac = value % divisor;
        Strftime.Tm tm = Strftime.Tm.utc((value / divisor) & MASK55);
        StringBuilder sb = new StringBuilder(40)
                .append(DAY[tm.wday()]).append(", ").append(two(tm.mday())).append(' ').append(MON[tm.month()]).append(' ')
                .append(tm.year() < 1000 ? String.format("%04d", tm.year()) : Long.toString(tm.year())).append(' ')
                .append(two(tm.hour())).append(':').append(two(tm.min())).append(':').append(two(tm.sec()));
        if (fraction) {
            sb.append('.').append(frac);
        }
        return sb.append(" GMT").toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** ltime(format[,offset]) in the local zone, utime(format[,offset]) in UTC: strftime(). */
    static SampleConverter strftime(String format, long offset, boolean local) {
        return (in, c) -> {
            long t = ((Long) in.value() & MASK55) + offset;
            return Sample.str(Strftime.format(format, local ? Strftime.Tm.local(t) : Strftime.Tm.utc(t)));
        };
    }
}
