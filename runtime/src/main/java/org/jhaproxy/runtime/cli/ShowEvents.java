package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.sink.Sink;

/**
 * "show events [&lt;sink&gt;] [-w] [-n]" (management.txt 9.3, cli_parse_show_events()): without
 * a sink, the sinks with their type, losses and description; with a ring, its events, oldest
 * first, one a line ("-n" starts after the last one, so shows none). Reading a ring needs the
 * operator level. With "-w" the session then follows the ring ({@link CliSession#follow}):
 * each new event is sent as it is written, until the client closes its side or sends something.
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
        boolean waits = false;
        for (int i = 3; !r.arg(i).isEmpty(); i++) {
            switch (r.arg(i)) {
                case "-n" -> seekNew = true;
                case "-w" -> waits = true;
                case "-nw", "-wn" -> {
                    seekNew = true;
                    waits = true;
                }
                default -> {
                    return "unknown option";
                }
            }
        }
        RingReader reader = new RingReader(sink.ring(), seekNew, waits);
        if (waits) {
            r.session().follow(reader);
        }
        return reader.read();
    }
}
