package org.jhaproxy.runtime.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jhaproxy.runtime.sink.Ring;
import org.jhaproxy.runtime.sink.Sink;

/**
 * "show events [&lt;sink&gt;] [-w] [-n]" (management.txt 9.3, cli_parse_show_events()): without
 * a sink, the sinks with their type, losses and description; with a ring, its events, oldest
 * first, one a line ("-n" starts after the last one, so shows none). Reading a ring needs the
 * operator level. The wait mode ("-w", streaming new events until a key is pressed) is not
 * executed yet.
 */
final class ShowEvents implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("show", "events");
    }

    @Override
    public String run(CliRequest r) {
        var sinks = r.engine().logging().sinks();
        if (r.arg(2).isEmpty()) {
            StringBuilder out = new StringBuilder("Supported events sinks are listed below. Add -w(wait), -n(new). Any key to stop\n");
            for (Sink s : sinks.all()) {
                out.append(String.format("    %-10s : type=%s, %d dropped, %s\n", s.name(),
                        s.type() == Sink.Type.FD ? "fd" : "buffer", s.dropped(), s.description()));
            }
            return out.toString();
        }
        if (!r.requires(CliLevel.OPERATOR)) {
            return CliRequest.PERMISSION_DENIED;
        }
        Sink sink = sinks.find(r.arg(2));
        if (sink == null) {
            return "No such event sink";
        }
        if (sink.type() != Sink.Type.BUFFER) {
            return "Nothing to report for this sink";
        }
        boolean seekNew = false;
        for (int i = 3; !r.arg(i).isEmpty(); i++) {
            switch (r.arg(i)) {
                case "-n" -> seekNew = true;
                case "-w", "-nw", "-wn" -> {
                    return "'show events -w' is not supported by jhaproxy yet.\n";
                }
                default -> {
                    return "unknown option";
                }
            }
        }
        Ring ring = sink.ring();
        StringBuilder out = new StringBuilder();
        for (byte[] e : ring.from(seekNew ? ring.end() : 0).events()) {
            out.append(new String(e, StandardCharsets.ISO_8859_1)).append('\n');
        }
        return out.toString();
    }
}
