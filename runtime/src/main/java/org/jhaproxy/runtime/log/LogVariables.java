package org.jhaproxy.runtime.log;

import java.net.InetSocketAddress;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;

/** The "%xx" variables of log-format strings (section 8.2.6 of the manual). */
final class LogVariables {
    private LogVariables() {
    }

    static LogLine.Part part(String name, LogOptions o) {
        return switch (name) {
            case "ci" -> (in, out) -> ip(out, in.samples().src(), o);
            case "cp" -> (in, out) -> port(out, in.samples().src(), o);
            case "fi" -> (in, out) -> ip(out, in.samples().dst(), o);
            case "fp" -> (in, out) -> port(out, in.samples().dst(), o);
            case "bi" -> (in, out) -> ip(out, log(in) == null ? null : log(in).serverLocal, o);
            case "bp" -> (in, out) -> port(out, log(in) == null ? null : log(in).serverLocal, o);
            case "si" -> (in, out) -> ip(out, log(in) == null ? null : log(in).serverRemote, o);
            case "sp" -> (in, out) -> port(out, log(in) == null ? null : log(in).serverRemote, o);
            case "f", "ft" -> (in, out) -> text(out, in.samples().frontend().name(), o);
            case "b" -> (in, out) -> text(out, backendName(in), o);
            case "s" -> (in, out) -> text(out, serverName(in), o);
            case "t" -> (in, out) -> date(out, o, sb -> LogDates.local(sb, in.log().acceptEpochMicros()));
            case "tr" -> (in, out) -> date(out, o, sb -> LogDates.local(sb, requestDate(in.log())));
            case "T" -> (in, out) -> date(out, o, sb -> LogDates.gmt(sb, in.log().acceptEpochMicros()));
            case "trg" -> (in, out) -> date(out, o, sb -> LogDates.gmt(sb, requestDate(in.log())));
            case "Tl" -> (in, out) -> date(out, o, sb -> LogDates.localWithOffset(sb, in.log().acceptEpochMicros()));
            case "trl" -> (in, out) -> date(out, o, sb -> LogDates.localWithOffset(sb, requestDate(in.log())));
            case "Ts" -> (in, out) -> {
                long secs = in.log().acceptEpochMicros() / 1_000_000;
                if (o.hexa()) {
                    LogText.hex(out.sb, secs, 4);
                } else {
                    out.sb.append(secs);
                }
                out.lastSpace = false;
            };
            case "ms" -> (in, out) -> {
                int ms = (int) ((in.log().acceptEpochMicros() / 1000) % 1000);
                if (o.hexa()) {
                    LogText.hex(out.sb, ms, 2);
                } else {
                    LogDates.pad(out.sb, ms, 3);
                }
                out.lastSpace = false;
            };
            case "Th" -> (in, out) -> number(out, in.log().handshake);
            case "Ti" -> (in, out) -> number(out, in.log().idle);
            case "TR" -> (in, out) -> number(out, Timers.requestTime(in.log()));
            case "Tq" -> (in, out) -> number(out, Timers.request(in.log()));
            case "Tw" -> (in, out) -> number(out, Timers.queueTime(in.log()));
            case "Tc" -> (in, out) -> number(out, Timers.connectTime(in.log()));
            case "Tr" -> (in, out) -> number(out, Timers.responseTime(in.log()));
            case "Td" -> (in, out) -> number(out, Timers.dataTime(in.log()));
            case "Ta" -> (in, out) -> estimate(out, in, Timers.activeTime(in.log()));
            case "Tt" -> (in, out) -> estimate(out, in, in.log().close);
            case "Tu" -> (in, out) -> estimate(out, in, in.log().close - Math.max(0, in.log().idle));
            case "ST" -> (in, out) -> number(out, in.log().status);
            case "B" -> (in, out) -> estimate(out, in, in.log().bytesOut);
            case "U" -> (in, out) -> number(out, in.log().bytesIn);
            case "CC" -> (in, out) -> text(out, in.log() == null ? null : in.log().requestCookie, o);
            case "CS" -> (in, out) -> text(out, in.log() == null ? null : in.log().responseCookie, o);
            case "ts" -> (in, out) -> {
                out.sb.append(in.log().cause.code).append(in.log().phase.code);
                out.lastSpace = false;
            };
            case "tsc" -> (in, out) -> {
                out.sb.append(in.log().cause.code).append(in.log().phase.code)
                        .append(in.log().cookieClient).append(in.log().cookieServer);
                out.lastSpace = false;
            };
            case "ac" -> (in, out) -> number(out, in.actconn());
            case "fc" -> (in, out) -> number(out, in.samples().frontend().feconn().get());
            case "bc" -> (in, out) -> number(out, backend(in).beconn().get());
            case "sc" -> (in, out) -> number(out, in.log().server == null ? 0 : in.log().serverConns);
            case "rc" -> (in, out) -> {
                if (in.log().redispatched) {
                    out.sb.append('+');
                }
                number(out, in.log().retries);
            };
            case "sq" -> (in, out) -> number(out, in.log().serverQueuePos);
            case "bq" -> (in, out) -> number(out, in.log().backendQueuePos);
            case "hr" -> (in, out) -> captures(out, captured(in, false), o);
            case "hs" -> (in, out) -> captures(out, captured(in, true), o);
            case "hrl" -> (in, out) -> captureList(out, captured(in, false), o);
            case "hsl" -> (in, out) -> captureList(out, captured(in, true), o);
            case "r" -> (in, out) -> {
                if (o.quote()) {
                    out.sb.append('"');
                }
                LogText.encoded(out.sb, requestLine(in), false, o);
                if (o.quote()) {
                    out.sb.append('"');
                }
                out.lastSpace = false;
            };
            case "HM", "HU", "HP", "HPO", "HQ", "HV" -> RequestLineParts.part(name, o);
            case "rt" -> (in, out) -> counter(out, in.log().streamNumber(), o);
            case "lc" -> (in, out) -> counter(out, in.logCount(), o);
            case "H" -> (in, out) -> text(out, Hostname.get(), o);
            case "pid" -> (in, out) -> counter(out, ProcessHandle.current().pid(), o);
            case "ID" -> (in, out) -> text(out, in.samples() == null ? null : UniqueId.of(in.samples()), o);
            // the client connection's TLS cipher and version, "-" on a plain connection
            case "sslc" -> (in, out) -> text(out, in.samples() == null || in.samples().tls() == null ? null
                    : in.samples().tls().cipher(), o);
            case "sslv" -> (in, out) -> text(out, in.samples() == null || in.samples().tls() == null ? null
                    : in.samples().tls().protocol(), o);
            default -> throw new IllegalArgumentException("log-format variable %" + name);
        };
    }

    /** The stream's request or response captures, null when its frontend declares none. */
    private static String[] captured(LogInput in, boolean response) {
        if (in.log() != null && in.log().requestLine == null) {
            // a request the parser refused is logged without a stream, so without its captures
            return null;
        }
        Captures c = in.samples() == null ? null : in.samples().captures();
        return c == null ? null : response ? c.response() : c.request();
    }

    private static StreamLog log(LogInput in) {
        return in.log();
    }

    private static Proxy backend(LogInput in) {
        return in.samples().backend();
    }

    /** %b: the backend, the frontend until one was chosen. */
    private static String backendName(LogInput in) {
        return in.log() != null && in.log().backend != null ? in.log().backend : in.samples().backend().name();
    }

    /** %s: the server, "<NOSRV>" when none was assigned. */
    private static String serverName(LogInput in) {
        return in.log() != null && in.log().server != null ? in.log().server : "<NOSRV>";
    }

    private static String requestLine(LogInput in) {
        String r = in.log() == null ? null : in.log().requestLine;
        return r == null ? "<BADREQ>" : r;
    }

    /** %tr: the accept date plus the handshake and idle times. */
    private static long requestDate(StreamLog l) {
        return l.acceptEpochMicros() + (l.idle >= 0 ? (long) (l.idle + l.handshake) * 1000 : 0);
    }

    private static void date(LogLine.Out out, LogOptions o, java.util.function.Consumer<StringBuilder> d) {
        d.accept(out.sb);
        out.lastSpace = false;
    }

    /** %rt, %lc, %pid: "%04X" with +X. */
    private static void counter(LogLine.Out out, long v, LogOptions o) {
        if (o.hexa()) {
            LogText.hex(out.sb, v, 4);
            out.lastSpace = false;
        } else {
            number(out, v);
        }
    }

    /** %Tt, %Ta, %Tu, %B: with "option logasap" a "+" says the line was sent before the stream ended. */
    private static void estimate(LogLine.Out out, LogInput in, long v) {
        if (in.log().logasap) {
            out.sb.append('+');
        }
        number(out, v);
    }

    private static void number(LogLine.Out out, long v) {
        out.sb.append(v);
        out.lastSpace = false;
    }

    private static void text(LogLine.Out out, String s, LogOptions o) {
        LogText.text(out.sb, s, o);
        out.lastSpace = false;
    }

    private static void ip(LogLine.Out out, InetSocketAddress a, LogOptions o) {
        if (a == null) {
            text(out, null, o);
            return;
        }
        byte[] b = a.getAddress().getAddress();
        if (o.hexa()) {
            for (byte x : b) {
                LogText.hex(out.sb, x & 0xff, 2);
            }
            out.lastSpace = false;
            return;
        }
        text(out, org.jhaproxy.runtime.sample.Addresses.text(a.getAddress()), o);
    }

    private static void port(LogLine.Out out, InetSocketAddress a, LogOptions o) {
        if (a == null) {
            text(out, null, o);
            return;
        }
        if (o.hexa()) {
            LogText.hex(out.sb, a.getPort(), 4);
        } else {
            out.sb.append(a.getPort());
        }
        out.lastSpace = false;
    }

    /** %hr, %hs: "{v1|v2}", nothing at all when the proxy captures nothing. */
    private static void captures(LogLine.Out out, String[] caps, LogOptions o) {
        if (caps == null) {
            return;
        }
        if (o.quote()) {
            out.sb.append('"');
        }
        out.sb.append('{');
        for (int i = 0; i < caps.length; i++) {
            if (i > 0) {
                out.sb.append('|');
            }
            if (caps[i] != null) {
                LogText.encoded(out.sb, caps[i], true, o);
            }
        }
        out.sb.append('}');
        if (o.quote()) {
            out.sb.append('"');
        }
        out.lastSpace = false;
    }

    /** %hrl, %hsl: the values separated by spaces, "-" for a missing one. */
    private static void captureList(LogLine.Out out, String[] caps, LogOptions o) {
        if (caps == null) {
            return;
        }
        for (int i = 0; i < caps.length; i++) {
            if (i > 0) {
                out.sb.append(' ');
            }
            if (o.quote()) {
                out.sb.append('"');
            }
            if (caps[i] != null) {
                LogText.encoded(out.sb, caps[i], true, o);
            } else if (!o.quote()) {
                out.sb.append('-');
            }
            if (o.quote()) {
                out.sb.append('"');
            }
            out.lastSpace = false;
        }
    }

    /** Reads whether a server is still counted for %sc. */
    static int served(Server s) {
        return s == null ? 0 : s.currentConns();
    }
}
