package org.jhaproxy.runtime.cli;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import org.jhaproxy.runtime.stream.LiveStream;
import org.jhaproxy.runtime.stream.Streams;

/**
 * "show sess [id|all]" (stream.c, cli_io_handler_dump_sess()): one line per stream created
 * before the command, oldest first, in haproxy 2.6's field order; with an id, that stream's
 * detailed dump. jhaproxy has no haproxy channel flags nor tasks: the flags are those haproxy
 * shows for a stream in the same state, the timers come from the configured timeouts.
 */
final class ShowSess implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("show", "sess");
    }

    @Override
    public String run(CliRequest r) {
        if (!r.requires(CliLevel.OPERATOR)) {
            return CliRequest.PERMISSION_DENIED;
        }
        Streams streams = r.engine().streams();
        String arg = r.arg(2);
        boolean all = arg.equals("all");
        long target = all ? -1 : Strtol.unsignedPrefix(arg);
        int epoch = streams.beginDump(r.session().stream());
        StringBuilder out = new StringBuilder();
        for (LiveStream s : streams.all()) {
            if (s.epoch() - epoch > 0) {
                continue; // created after the dump began
            }
            if (all || (target != 0 && s.pointer() == target)) {
                SessDump.full(out, s, r.engine());
                if (!all) {
                    return out.toString();
                }
            } else if (target == 0) {
                line(out, s);
            }
        }
        if (!all && target != 0) {
            out.append("Session not found.\n");
        }
        return out.toString();
    }

    /** One stream's line. */
    private static void line(StringBuilder out, LiveStream s) {
        out.append(SessDump.pointer(s.pointer())).append(": proto=").append(SessDump.proto(s.client()));
        InetSocketAddress src = org.jhaproxy.runtime.stream.SessionAddresses.of(s.client()).src();
        if (src != null) {
            out.append(" src=").append(SessDump.ip(src)).append(':').append(src.getPort());
        } else {
            out.append(" src=unix:").append(SessDump.listenerId(s));
        }
        out.append(" fe=").append(SessDump.frontendName(s)).append(" be=").append(SessDump.backendName(s))
                .append(" srv=").append(s.server() == null ? "<none>" : s.server().name());
        out.append(" ts=00 epoch=").append(SessDump.hex(s.epoch())).append(" age=").append(humanTime(s.ageSeconds()))
                .append(" calls=").append(calls(s)).append(" rate=0 cpu=0 lat=0");
        Channel server = s.serverChannel();
        long age = s.ageSeconds() * 1000;
        switch (s.kind()) {
            case CLI -> out.append(" rq[f=c08000h,i=0,an=00h,rx=,wx=,ax=] rp[f=80008000h,i=0,an=00h,rx=,wx=,ax=]")
                    .append(" scf=[8,200h,fd=").append(SessDump.fd(s.client())).append("] scb=[8,1h,fd=-1] exp= rc=0 c_exp=");
            case TCP -> {
                long client = timer(s.frontend().timeouts().client(), age);
                long srv = s.backend() == null ? 0 : timer(s.backend().timeouts().server(), age);
                out.append(" rq[f=848000h,i=0,an=00h,rx=").append(timerText(client)).append(",wx=,ax=]")
                        .append(" rp[f=80048202h,i=0,an=00h,rx=").append(timerText(srv)).append(",wx=,ax=]");
                scs(out, s, server, "0h", "1h");
                out.append(" exp=").append(timerText(Math.min(pos(client), pos(srv)))).append(" rc=0 c_exp=");
            }
            case HTTP -> {
                long srv = s.backend() == null ? 0 : timer(s.backend().timeouts().server(), age);
                out.append(" rq[f=49c40080h,i=0,an=8000h,rx=,wx=,ax=]")
                        .append(" rp[f=80400000h,i=0,an=1400000h,rx=").append(timerText(srv)).append(",wx=,ax=]");
                scs(out, s, server, "80h", "11h");
                out.append(" exp=").append(timerText(srv)).append(" rc=0 c_exp=");
            }
        }
        out.append('\n');
    }

    /** The stream connectors: established (8) on both sides once the server is connected, else connecting (5). */
    private static void scs(StringBuilder out, LiveStream s, Channel server, String front, String back) {
        out.append(" scf=[8,").append(front).append(",fd=").append(SessDump.fd(s.client())).append(']')
                .append(" scb=[").append(server == null ? 5 : 8).append(',').append(back).append(",fd=")
                .append(server == null ? -1 : SessDump.fd(server)).append(']');
    }

    /** What a stream's task was woken for so far: at least its creation and one I/O event. */
    private static int calls(LiveStream s) {
        return s.kind() == LiveStream.Kind.CLI ? 1 : 2;
    }

    /** A timeout's remaining milliseconds (0: not set). */
    private static long timer(long timeout, long elapsed) {
        return timeout <= 0 ? 0 : Math.max(1, timeout - elapsed);
    }

    private static long pos(long t) {
        return t <= 0 ? Long.MAX_VALUE : t;
    }

    private static String timerText(long ms) {
        return ms <= 0 || ms == Long.MAX_VALUE ? "" : humanTime(ms / 1000);
    }

    /** human_time(): at most two units among d, h, m, s; "0s" for zero. */
    static String humanTime(long t) {
        if (t < 0) {
            return "?";
        }
        StringBuilder b = new StringBuilder();
        int cnt = 2;
        if (t >= 86400) {
            b.append(t / 86400).append('d');
            cnt--;
        }
        if (cnt > 0 && t % 86400 / 3600 != 0) {
            b.append(t % 86400 / 3600).append('h');
            cnt--;
        }
        if (cnt > 0 && t % 3600 / 60 != 0) {
            b.append(t % 3600 / 60).append('m');
            cnt--;
        }
        if ((cnt > 0 && t % 60 != 0) || t == 0) {
            b.append(t % 60).append('s');
        }
        return b.toString();
    }
}
