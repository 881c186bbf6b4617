package org.jhaproxy.regtests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log lines a runtime case produces: a syslog receiver on a loopback UDP port (${LOG}), the
 * configuration given "log" lines that send to it when the case does not log by itself, and the
 * lines written into the transcript with what varies from run to run (dates, pids, client ports,
 * timers, the counts of connections open at that instant) replaced, the "-1" of a timer that did
 * not run and the retries kept.
 */
public final class CaseLogs implements AutoCloseable {
    /** How long the log must stay silent, after the clients ended, before it is read as complete. */
    private static final long QUIET_MS = 250;
    private static final long MAX_WAIT_MS = 3000;
    /** How long lines still missing (their count known from the golden) are awaited on a loaded machine. */
    private static final long MAX_WAIT_EXPECTED_MS = 10000;

    private final DatagramSocket socket;
    private final List<String> lines = new ArrayList<>();
    private final Thread receiver;
    private long lastArrival = System.nanoTime();

    CaseLogs() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = new Thread(this::receive, "case-logs");
        receiver.setDaemon(true);
        receiver.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            String line = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            synchronized (this) {
                lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
                lastArrival = System.nanoTime();
                notifyAll();
            }
        }
    }

    /**
     * Waits until no line came for a while since the call (the last streams' lines are sent as
     * they end, just after the clients got their last bytes).
     */
    synchronized void awaitQuiet(int expected) throws InterruptedException {
        long called = System.nanoTime();
        long until = called + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_EXPECTED_MS);
        while (lines.size() < expected && System.nanoTime() < until) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        while (System.nanoTime() < deadline) {
            long quietFor = System.nanoTime() - Math.max(lastArrival, called);
            long left = TimeUnit.MILLISECONDS.toNanos(QUIET_MS) - quietFor;
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /**
     * The transcript's log section: "log:" then a line per message, normalised and sorted (two
     * streams that end together log in either order, in haproxy as in jhaproxy).
     */
    synchronized String section() {
        StringBuilder sb = new StringBuilder("log:\n");
        if (lines.isEmpty()) {
            sb.append("  <no line>\n");
        }
        lines.stream().map(CaseLogs::normalise).sorted().forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        socket.close();
    }

    /** rfc3164 and local: "<134>Nov 24 01:04:38 [host ]tag[pid]: ". */
    private static final Pattern HEADER = Pattern.compile("^(<\\d+>)[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ((?:\\S+ )?[^\\[ ]+)\\[\\d+\\]: ");
    /** rfc5424: "<134>1 2026-11-24T01:05:38.123456+00:00 host tag pid msgid sd ", the sd kept. */
    private static final Pattern RFC5424 = Pattern.compile("^(<\\d+>1 )\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d"
            + "( \\S+ \\S+ )\\d+( \\S+ (?:-|(?:\\[(?:[^\\]\\\\]|\\\\.)*\\])+) )");
    /** timed and iso: "[<6>]2026-11-24T01:05:38.123456+00:00 ". */
    private static final Pattern ISO = Pattern.compile("^(<\\d+>)?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d ");
    /** short and priority: "<6>" alone. */
    private static final Pattern PRIORITY = Pattern.compile("^<\\d+>");
    /** A health check's "check duration: 3ms". */
    private static final Pattern CHECK_DURATION = Pattern.compile("check duration: \\d+ms");
    /**
     * haproxy 2.6.12 appends strerror(errno) to a SOCKS4 refusal's check info, and errno there is
     * whatever an earlier call left ("(Message too long)" once, nothing most runs): not a behaviour.
     */
    private static final Pattern SOCKS4_ERRNO = Pattern.compile("(SOCKS4 Proxy deny the request) \\([^)]*\\)");
    private static final Pattern DATE = Pattern.compile("\\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]");
    private static final Pattern CLIENT = Pattern.compile("^(\\d+\\.\\d+\\.\\d+\\.\\d+|[0-9a-f:]+):\\d+ \\[");
    private static final Pattern CONNECT_FROM = Pattern.compile("^Connect from (\\S+):\\d+ to");
    /** After "[date] frontend backend/server ": the timers, 5 in httplog, 3 in tcplog. */
    /** "%ac/%fc/%bc/%sc/%rc": the first four count the connections open at that instant. */
    private static final Pattern CONNS = Pattern.compile(" \\d+/\\d+/\\d+/\\d+/(\\+?\\d+) (\\d+/\\d+)(?= |$)");
    /**
     * "option httplog clf": [%trg] with its zone, then after the empty referer and user agent the
     * client port and the milliseconds of the date, and after "%ft" "%b" "%s" the five timers and
     * the connection counts (%ac %fc %bc %sc) before %rc.
     */
    private static final Pattern CLF_DATE = Pattern.compile("\\[\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\]");
    private static final Pattern CLF_TAIL = Pattern.compile("(\"\" \"\" )\\d+ \\d+ (\"[^\"]*\" \"[^\"]*\" \"[^\"]*\" )"
            + "-?\\d+ -?\\d+ -?\\d+ -?\\d+ \\+?-?\\d+ (\\S+ )\\d+ \\d+ \\d+ \\d+ ");
    private static final Pattern TIMERS = Pattern.compile("(\\[DATE\\] \\S+ \\S+ )(\\+?-?\\d+(?:/\\+?-?\\d+){2,4})( )");

    /**
     * One line with the syslog header's date and pid (in each header format: rfc3164, local,
     * rfc5424, iso, timed; short, priority and raw have none), the accept date, the client's port and the timers replaced. */
    public static String normalise(String line) {
        String head = "";
        int end = 0;
        Matcher h;
        if ((h = HEADER.matcher(line)).find()) {
            head = h.group(1) + "DATE " + h.group(2) + "[PID]: ";
        } else if ((h = RFC5424.matcher(line)).find()) {
            head = h.group(1) + "ISODATE" + h.group(2) + "PID" + h.group(3);
        } else if ((h = ISO.matcher(line)).find()) {
            head = (h.group(1) == null ? "" : h.group(1)) + "ISODATE ";
        } else if ((h = PRIORITY.matcher(line)).find()) {
            head = h.group();
        }
        if (!head.isEmpty()) {
            end = h.end();
        }
        String msg = line.substring(end);
        msg = CHECK_DURATION.matcher(msg).replaceAll("check duration: Nms");
        msg = SOCKS4_ERRNO.matcher(msg).replaceAll("$1");
        msg = DATE.matcher(msg).replaceAll("[DATE]");
        msg = CLIENT.matcher(msg).replaceFirst("$1:CPORT [");
        msg = CONNECT_FROM.matcher(msg).replaceFirst("Connect from $1:CPORT to");
        // how many connections are open when a line is written depends on when the previous
        // client's close was processed, in haproxy as in jhaproxy: a timing, like the timers
        msg = CONNS.matcher(msg).replaceFirst(" N/N/N/N/$1 $2");
        msg = CLF_DATE.matcher(msg).replaceAll("[DATE]");
        msg = CLF_TAIL.matcher(msg).replaceFirst("$1CPORT MS $2N N N N N $3N N N N ");
        Matcher m = TIMERS.matcher(msg);
        if (m.find()) {
            String timers = m.group(2).replaceAll("(?<![-\\d])\\d+", "N");
            msg = msg.substring(0, m.start(2)) + timers + msg.substring(m.end(2));
        }
        return head + msg;
    }

    /**
     * The configuration with logging to ${LOG} added, unless the case sets up logging itself
     * (any "log", "log-format" or "option httplog|tcplog" line): a global target, and in every
     * frontend and listen section "log global" with "option httplog" in HTTP mode, "option
     * tcplog" in TCP mode, so that every case's log line is compared with haproxy's.
     */
    static String inject(String config) {
        if (Pattern.compile("(?m)^\\s*(log\\s|log-format|option\\s+(httplog|tcplog)|no\\s+log)").matcher(config).find()) {
            return config;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = config.split("\n", -1);
        String section = null;
        String defaultsMode = "tcp";
        String sectionMode = null;
        boolean sawGlobal = false;
        List<String> pending = new ArrayList<>();
        for (String line : lines) {
            String t = line.trim();
            boolean header = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !t.startsWith("#");
            if (header) {
                closeSection(out, section, sectionMode == null ? defaultsMode : sectionMode);
                section = t.split("\\s+")[0];
                sectionMode = null;
                out.append(line).append('\n');
                if (section.equals("global")) {
                    sawGlobal = true;
                    out.append("    log 127.0.0.1:${LOG} local0\n");
                }
                continue;
            }
            if (t.startsWith("mode ")) {
                String mode = t.substring(5).trim();
                if ("defaults".equals(section)) {
                    defaultsMode = mode;
                } else {
                    sectionMode = mode;
                }
            }
            out.append(line).append('\n');
        }
        closeSection(out, section, sectionMode == null ? defaultsMode : sectionMode);
        String result = out.toString();
        if (result.endsWith("\n") && !config.endsWith("\n")) {
            result = result.substring(0, result.length() - 1);
        }
        if (!sawGlobal) {
            result = "global\n    log 127.0.0.1:${LOG} local0\n" + result;
        }
        return result;
    }

    private static void closeSection(StringBuilder out, String section, String mode) {
        if (section == null || !(section.equals("frontend") || section.equals("listen"))) {
            return;
        }
        // the section's trailing blank lines stay after what is added
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n' && end > 1 && out.charAt(end - 2) == '\n') {
            end--;
        }
        String add = "    log global\n    option " + (mode.equals("http") ? "httplog" : "tcplog") + "\n";
        out.insert(end, add);
    }
}
