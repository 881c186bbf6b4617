package org.jhaproxy.runtime.ssl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.Config;

/**
 * A "crt-list" file (manual section 5.1): one certificate a line, with the server names it
 * serves instead of its own ("&lt;crtfile&gt; [sni filter...]"). Per-line SSL options ("[...]")
 * and negative filters ("!name") are not executed: such a file refuses the start.
 */
final class CrtList {
    private CrtList() {
    }

    static void load(Path list, Config config, List<Path> certs, Map<Path, List<String>> filters) throws SslSetupException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SslSetupException("unable to open crt-list file '" + list + "'");
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            List<String> names = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                if (words[i].startsWith("[") || words[i].startsWith("!")) {
                    throw new SslSetupException("crt-list '" + list + "' line " + n + ": '" + words[i]
                            + "' (SSL options and negative filters) is not supported by jhaproxy yet");
                }
                names.add(words[i]);
            }
            for (Path p : BindSsl.certificateFiles(ServerSsl.file(config, "crt-base", words[0]))) {
                certs.add(p);
                filters.put(p, List.copyOf(names));
            }
        }
    }
}
