package org.jhaproxy.runtime.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** build_log_header() facts, as haproxy 2.6.12 sends them (runtime cases 507-509 show them end to end). */
class SyslogFormatTest {
    private static final Instant AT = Instant.parse("2026-11-24T01:05:08.123456Z");

    private static String header(SyslogFormat f, String host, String tag, String sd) {
        return f.header(16, LogLevel.INFO, AT, ZoneOffset.UTC, new SyslogFormat.Metadata(host, tag, 42, sd));
    }

    @Test
    void withoutFormatTheHeaderFollowsWhatIsKnown() {
        assertEquals("<134>Nov 24 01:05:08 myhost gtag[42]: ", header(SyslogFormat.UNSPEC, "myhost", "gtag", "-"));
        assertEquals("<134>Nov 24 01:05:08 haproxy[42]: ", header(SyslogFormat.UNSPEC, null, "haproxy", "-"));
        assertEquals("<134>", header(SyslogFormat.UNSPEC, null, "", "-"));
    }

    @Test
    void explicitLocalNeverNamesTheHost() {
        assertEquals("<134>Nov 24 01:05:08 gtag[42]: ", header(SyslogFormat.LOCAL, "myhost", "gtag", "-"));
    }

    @Test
    void rfc5424CarriesTheStructuredData() {
        assertEquals("<134>1 2026-11-24T01:05:08.123456+00:00 - gtag 42 - [a@1 b=\"c\"] ",
                header(SyslogFormat.RFC5424, null, "gtag", "[a@1 b=\"c\"]"));
        assertEquals("<134>1 2026-11-24T01:05:08.123456+00:00 h - 42 - - ", header(SyslogFormat.RFC5424, "h", "", ""));
    }

    @Test
    void shortAndTimedCarryOnlyTheLevel() {
        assertEquals("<6>", header(SyslogFormat.SHORT, "h", "t", "-"));
        assertEquals("<6>2026-11-24T01:05:08.123456+00:00 ", header(SyslogFormat.TIMED, "h", "t", "-"));
        assertEquals("2026-11-24T01:05:08.123456+00:00 ", header(SyslogFormat.ISO, "h", "t", "-"));
        assertEquals("", header(SyslogFormat.RAW, "h", "t", "-"));
    }
}
