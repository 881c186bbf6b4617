package org.jhaproxy.runtime.cache;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * HTTP dates (RFC 7231 7.1.1.1, parse_http_date() in haproxy): the IMF-fixdate
 * "Sun, 06 Nov 1994 08:49:37 GMT", and the obsolete RFC 850 and asctime forms.
 */
final class HttpDates {
    private static final DateTimeFormatter[] FORMS = {
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT),
        DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ROOT),
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT),
    };

    private HttpDates() {
    }

    /** Seconds since the epoch, or null when the text is none of the three forms. */
    static Long parse(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : FORMS) {
            try {
                return LocalDateTime.parse(t, f).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
