package org.jhaproxy.config.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;

/** Loads one configuration text like "haproxy -c" and keeps the messages, for the proxy tests. */
final class ProxyConfigRun {
    final int exitCode;
    final List<Diagnostics.Message> messages;

    private ProxyConfigRun(int exitCode, List<Diagnostics.Message> messages) {
        this.exitCode = exitCode;
        this.messages = messages;
    }

    static ProxyConfigRun of(Path dir, String cfg) throws IOException {
        Path file = dir.resolve("t.cfg");
        Files.writeString(file, cfg);
        Diagnostics diag = Diagnostics.silent();
        ConfigLoader loader = ConfigLoader.standard(diag, new Environment(Map.of(), dir));
        ConfigLoader.Outcome out = loader.load(List.of("t.cfg"));
        return new ProxyConfigRun(out.exitCode(), diag.messages());
    }

    /** The first message, as text. */
    String first() {
        return messages.isEmpty() ? "" : messages.get(0).text();
    }

    List<String> texts() {
        return messages.stream().map(Diagnostics.Message::text).toList();
    }

    boolean has(String text) {
        return texts().contains(text);
    }
}
