package org.jhaproxy.runtime.fcgi;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Date the FCGI filter adds to a response without one: strftime("%a, %d %b %Y %T %Z") in GMT. */
final class HttpDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private HttpDate() {
    }

    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(FORMAT);
    }
}
