package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.check.CheckRule.Expect;
import org.jhaproxy.runtime.check.CheckRule.Match;

/**
 * The check programs haproxy 2.6 builds in for "option redis-check", "smtpchk", "pgsql-check",
 * "mysql-check", "ldap-check" and "ssl-hello-chk" (configuration.txt 4): tcp-check rules with
 * the bytes each protocol sends and expects. Their failures do not name a step, and a check
 * passes with the info its last rule gives ("Redis server is ok"...), none by default.
 */
final class ProtocolChecks {
    /** The "option" names of the protocol checks. */
    static final List<String> OPTIONS = List.of("redis-check", "smtpchk", "pgsql-check", "mysql-check", "ldap-check",
            "ssl-hello-chk");

    private ProtocolChecks() {
    }

    static CheckRules of(Line option) {
        List<CheckRule> rules = switch (option.arg(1)) {
            case "redis-check" -> redis();
            case "smtpchk" -> smtp(option);
            case "pgsql-check" -> pgsql(option.arg(3));
            case "mysql-check" -> mysql(option);
            case "ldap-check" -> ldap();
            case "ssl-hello-chk" -> sslHello();
            default -> throw new IllegalArgumentException("option " + option.arg(1));
        };
        return new CheckRules(CheckRules.Kind.PROTOCOL, List.copyOf(rules));
    }

    /** res.payload(from,0): the bytes read from {@code from} on, as text. */
    private static String payload(byte[] data, int from) {
        return from >= data.length ? "" : new String(data, from, data.length - from, StandardCharsets.ISO_8859_1);
    }

    /** The converter cut_crlf: up to the first CR or LF. */
    private static String cutCrlf(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\r' || s.charAt(i) == '\n') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** The converter ltrim(' '). */
    private static String ltrimSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static Function<byte[], String> text(String fixed) {
        return data -> fixed;
    }

    /** "%[res.payload(4,0),ltrim(' '),cut_crlf]": an SMTP reply's text after its code. */
    private static final Function<byte[], String> SMTP_TEXT = data -> cutCrlf(ltrimSpaces(payload(data, 4)));

    /** "status-code res.payload(0,3)": an SMTP reply's code. */
    private static final ToIntFunction<byte[]> SMTP_CODE = data -> {
        String code = data.length < 3 ? "" : new String(data, 0, 3, StandardCharsets.ISO_8859_1);
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    };

    private static List<CheckRule> redis() {
        ExpectOptions o = ExpectOptions.NONE.withStatuses(null, CheckStatus.L7STS, null)
                .withMessages(text("Redis server is ok"), data -> cutCrlf(payload(data, 0)));
        return List.of(new CheckRule.Send("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                Expect.tcp(Match.STRING, false, "+PONG\r\n", o));
    }

    /**
     * The banner, "HELO localhost" (or the option's "EHLO|HELO domain"), its reply (a 2xx, maybe
     * on several lines), then "QUIT" and a 2xx again.
     */
    private static List<CheckRule> smtp(Line option) {
        String cmd = "HELO localhost";
        if (!option.arg(2).isEmpty() && !option.arg(3).isEmpty()
                && (option.arg(2).equals("EHLO") || option.arg(2).equals("HELO"))) {
            cmd = option.arg(2) + " " + option.arg(3);
        }
        ExpectOptions reply = ExpectOptions.NONE.withStatuses(null, CheckStatus.L7STS, null)
                .withMessages(SMTP_TEXT, SMTP_TEXT).withStatusCode(SMTP_CODE);
        return List.of(new CheckRule.Connect(0),
                Expect.tcp(Match.RSTRING, false, "^[0-9]{3}[ \r]", ExpectOptions.NONE.withMinRecv(4)
                        .withStatuses(null, CheckStatus.L7RSP, null).withMessages(null, data -> cutCrlf(payload(data, 0)))),
                Expect.tcp(Match.RSTRING, false, "^2[0-9]{2}[ \r]", ExpectOptions.NONE.withMinRecv(4)
                        .withStatuses(null, CheckStatus.L7STS, null).withMessages(null, SMTP_TEXT).withStatusCode(SMTP_CODE)),
                new CheckRule.Send((cmd + "\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                Expect.tcp(Match.RSTRING, false, "^(2[0-9]{2}-[^\r]*\r\n)*2[0-9]{2}[ \r]", reply),
                new CheckRule.Send("QUIT\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                Expect.tcp(Match.RSTRING, false, "^2[0-9]{2}[- \r]", reply.withMinRecv(4)));
    }

    /** A StartupMessage for the user; an 'E'rror fails, an AuthenticationOk or a password request passes. */
    private static List<CheckRule> pgsql(String user) {
        byte[] name = user.getBytes(StandardCharsets.ISO_8859_1);
        int length = 15 + name.length;
        java.io.ByteArrayOutputStream startup = new java.io.ByteArrayOutputStream();
        startup.writeBytes(new byte[] {(byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length});
        startup.writeBytes(HexFormat.of().parseHex("000300007573657200"));
        startup.writeBytes(name);
        startup.writeBytes(new byte[] {0, 0});
        return List.of(new CheckRule.Connect(0), new CheckRule.Send(startup.toByteArray()),
                Expect.tcp(Match.RSTRING, true, "^E", ExpectOptions.NONE.withMinRecv(5)
                        .withStatuses(null, CheckStatus.L7RSP, null).withMessages(null, data -> payload(data, 6))),
                Expect.tcp(Match.RBINARY, false, "^52000000(08|0A|0C)000000(00|02|03|04|05|06)",
                        ExpectOptions.NONE.withMinRecv(9).withStatuses(null, CheckStatus.L7STS, null)
                                .withMessages(text("PostgreSQL server is ok"), text("PostgreSQL unknown error"))));
    }

    /** "mysql-check [user NAME [post-41|pre-41]]": without a user, only the greeting is checked. */
    private static List<CheckRule> mysql(Line option) {
        List<CheckRule> rules = new ArrayList<>();
        rules.add(new CheckRule.Connect(0));
        boolean user = option.arg(2).equals("user");
        if (user) {
            rules.add(new CheckRule.Send(MysqlReply.authentication(option.arg(3), !option.arg(4).equals("pre-41"))));
        }
        rules.add(Expect.custom(MysqlReply::greeting));
        if (user) {
            rules.add(Expect.custom(MysqlReply::afterGreeting));
        }
        return rules;
    }

    /** An anonymous bind request; the answer must be a successful LDAPv3 BindResponse. */
    private static List<CheckRule> ldap() {
        return List.of(new CheckRule.Send(HexFormat.of().parseHex("300C020101600702010304008000")),
                Expect.tcp(Match.RBINARY, false, "^30", ExpectOptions.NONE.withMinRecv(14)
                        .withMessages(null, text("Not LDAPv3 protocol"))),
                Expect.custom(LdapBindResponse::evaluate));
    }

    /** An SSLv3 CLIENT HELLO; a handshake (0x16) or alert (0x15) record in return passes ("Layer6"). */
    private static List<CheckRule> sslHello() {
        return List.of(new CheckRule.SendComputed(session -> clientHello()),
                Expect.tcp(Match.RBINARY, false, "^1[56]", ExpectOptions.NONE.withMinRecv(5)
                        .withStatuses(CheckStatus.L6OK, CheckStatus.L6RSP, CheckStatus.L6TOUT)));
    }

    /** The CLIENT HELLO: its random starts with the time (seconds, big-endian), then 28 fixed bytes. */
    private static byte[] clientHello() {
        java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
        hello.writeBytes(HexFormat.of().parseHex("16030000790100007503 00".replace(" ", "")));
        long now = System.currentTimeMillis() / 1000;
        hello.writeBytes(new byte[] {(byte) (now >> 24), (byte) (now >> 16), (byte) (now >> 8), (byte) now});
        hello.writeBytes("HAPROXYSSLCHK\nHAPROXYSSLCHK\n".getBytes(StandardCharsets.ISO_8859_1));
        hello.writeBytes(HexFormat.of().parseHex("00004E"));
        for (int c = 0x01; c <= 0x3A; c = c == 0x1B ? 0x2F : c + 1) {
            hello.writeBytes(new byte[] {0, (byte) c});
        }
        hello.writeBytes(new byte[] {1, 0});
        return hello.toByteArray();
    }
}
