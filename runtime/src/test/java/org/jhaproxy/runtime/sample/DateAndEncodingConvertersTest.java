package org.jhaproxy.runtime.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of the date, encoding and hash converters of configuration.txt 7.3.1; each
 * expected value was printed by haproxy 2.6.12 (or glibc's strftime for the formats).
 */
class DateAndEncodingConvertersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void httpDateMasksNegativeDatesAndPrintsTheFractionUnpadded() {
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", TimeConverters.httpDate(1700000000L, 1, false));
        assertEquals("Tue, 14 Nov 2023 22:13:20.5 GMT", TimeConverters.httpDate(1700000000005L, 1000, true));
        assertEquals("Tue, 14 Nov 2023 22:13:20.123 GMT", TimeConverters.httpDate(1700000000000123L, 1000_000, true));
        assertEquals("Sun, 13 Jun 1141709097 06:26:03 GMT", TimeConverters.httpDate(-5, 1, false));
        assertEquals("Sun, 13 Jun 1141709097 06:26:03.-5 GMT", TimeConverters.httpDate(-5005, 1000, true));
        assertEquals("Fri, 31 Dec 9999 23:59:59 GMT", TimeConverters.httpDate(253402300799L, 1, false));
    }

    @Test
    void strftimeAsGlibcPrintsIt() {
        Strftime.Tm t = Strftime.Tm.utc(1700000000L);
        assertEquals("2023-11-14 22:13:20 Tue Nov 318 GMT +0000 1700000000 14", Strftime.format("%Y-%m-%d %H:%M:%S %a %b %j %Z %z %s %e", t));
        assertEquals("Tue Nov 14 22:13:20 2023|11/14/23|10:13:20 PM|22:13", Strftime.format("%c|%x|%r|%R", t));
        assertEquals("46 46 46 2023 23 20 23 14 22 14 22 10 10 pm    Tuesday TUE NOV gmt",
                Strftime.format("%U %W %V %G %g %C %y %-d %_H %e %k %l %I %P %10A %^a %#b %#Z", t));
        // ISO weeks around a new year
        assertEquals("53 52 52 2023 23 365", Strftime.format("%U %W %V %G %g %j", Strftime.Tm.utc(1703980800L)));
        assertEquals("00 01 01 2024 24 001 1 1", Strftime.format("%U %W %V %G %g %j %u %w", Strftime.Tm.utc(1704067200L)));
        // unknown conversions are copied; widths apply to '%' too
        assertEquals("%q|    %|%E", Strftime.format("%q|%5%|%E", Strftime.Tm.utc(0)));
        assertEquals("0000002023|   22|14", Strftime.format("%10Y|%-5H|%-e", t));
        // years are not padded by default
        assertEquals("4|4|0|04|4-12-31", Strftime.format("%Y|%G|%C|%y|%F", Strftime.Tm.utc(-62135596800L + 86400L * 365 * 4)));
    }

    @Test
    void urlDecodeAndEncode() {
        assertEquals("a/b c+d", EncodingConverters.urlDecode("a%2Fb%20c+d", false));
        assertEquals("a/b c d", EncodingConverters.urlDecode("a%2Fb%20c+d", true));
        // after '?', '+' is a space
        assertEquals("a?b c", EncodingConverters.urlDecode("a?b+c", false));
        assertNull(EncodingConverters.urlDecode("a%zz", false));
        assertNull(EncodingConverters.urlDecode("a%2", false));
        assertEquals("a%20b%2Fc%3Fd%3D%C3%A9%26~", EncodingConverters.urlEncode("a b/c?d=\u00c3\u00a9&~"));
    }

    @Test
    void haproxysBase64Readers() {
        assertArrayEquals(b("hello"), Base64Text.decode("aGVsbG8="));
        assertNull(Base64Text.decode("aGVsbG8"));
        // padding may end any group, not only the last one
        assertArrayEquals(b("AABC"), Base64Text.decode("QQ==QUJD"));
        assertArrayEquals(new byte[0], Base64Text.decode("Q==="));
        assertNull(Base64Text.decode("===="));
        assertArrayEquals(new byte[] {0x41}, Base64Text.decode("QR=="));
        assertArrayEquals(b("hello"), Base64Text.decodeUrl("aGVsbG8"));
        // '=' reads as '_' in the URL alphabet
        assertArrayEquals(b("hello?"), Base64Text.decodeUrl("aGVsbG8="));
        assertNull(Base64Text.decodeUrl("a"));
        assertEquals("aGVsbG8_Pz4", Base64Text.encodeUrl(b("hello??>")));
    }

    @Test
    void integersAndBytes() {
        assertEquals(31L, EncodingConverters.hex2i("1f").value());
        assertEquals(-1L, EncodingConverters.hex2i("ffffffffffffffff").value());
        assertNull(EncodingConverters.hex2i("-1"));
        assertEquals(0L, EncodingConverters.hex2i("").value());
        assertEquals("24930-25444-25958", EncodingConverters.be2dec(b("abcdefg"), "-", 2, true));
        assertEquals("24930-25444-25958-103", EncodingConverters.be2dec(b("abcdefg"), "-", 2, false));
        assertEquals("14105207786337977279", EncodingConverters.be2dec(b("\u00c3\u00bf\u00c3\u00bf\u00c3\u00bf\u00c3\u00bf"), ".", 8, false));
        assertEquals("616263:646566:6768", EncodingConverters.be2hex(b("abcdefgh"), ":", 3, false));
        assertEquals("6162:6364:6566", EncodingConverters.be2hex(b("abcdefg"), ":", 2, true));
        assertEquals("616263", EncodingConverters.be2hex(b("abc"), "", 0, false));
        assertArrayEquals(new byte[] {0, 0, 1, 2}, EncodingConverters.htonl(258));
        assertEquals("one", EncodingConverters.cutCrlf("one\r\ntwo"));
    }

    @Test
    void hostAndPortOfAHostHeader() {
        assertEquals("www.example.com", HostConverters.hostOnly("WWW.Example.COM:8080"));
        assertEquals(8080, HostConverters.portOnly("WWW.Example.COM:8080"));
        assertEquals("[::1]", HostConverters.hostOnly("[::1]:80"));
        assertEquals(0, HostConverters.portOnly("[::1]"));
        assertEquals(0, HostConverters.portOnly("[::1]x"));
        assertEquals(":", HostConverters.hostOnly("::1"));
        // no validation: characters add (c - '0'), 32 bits wrap
        assertEquals(72, HostConverters.portOnly("a:x"));
        assertEquals(4294967267L, HostConverters.portOnly("a:-1"));
        assertEquals(1215752191L, HostConverters.portOnly("a:99999999999"));
        assertEquals("\u00c3\u0084b", HostConverters.hostOnly("\u00c3\u0084B:1"));
    }

    @Test
    void hashes() {
        assertEquals(4211111929L, Integer.toUnsignedLong(XxHash.xxh32(b("hello"), 0)));
        assertEquals(2696178842L, Integer.toUnsignedLong(XxHash.xxh32(b("hello"), 12345)));
        assertEquals(46947589L, Integer.toUnsignedLong(XxHash.xxh32(new byte[0], 0)));
        assertEquals(2301518118L, Integer.toUnsignedLong(XxHash.xxh32(b("0123456789abcdefghijklmnopqrstuvwxyz"), 3)));
        assertEquals(2794345569481354659L, XxHash.xxh64(b("hello"), 0));
        assertEquals(-7644836134048365283L, XxHash.xxh64(b("hello"), -7));
        assertEquals(-1205034819632174695L, XxHash.xxh64(new byte[0], 0));
        assertEquals(-5666987006651187462L, XxHash.xxh64(b("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJK"), 3));
        assertEquals(40, Comparisons.strcmp("abc", "907060870"));
        assertEquals(-1, Comparisons.strcmp("ab", "abd"));
        assertEquals(1, Comparisons.strcmp("abde", "abd"));
    }
}
