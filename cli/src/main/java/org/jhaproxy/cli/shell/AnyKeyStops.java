package org.jhaproxy.cli.shell;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal while a command runs until a key is pressed (watch, "show events -w"): raw mode
 * with ctrl-c read as a key rather than a signal, so that it ends the command and not the shell.
 * Closing puts the terminal back as it was.
 */
final class AnyKeyStops implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;
    private final NonBlockingReader keys;

    AnyKeyStops(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        Attributes noSignals = new Attributes(terminal.getAttributes());
        noSignals.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(noSignals);
        this.keys = terminal.reader();
    }

    /** Whether a key came within {@code ms} milliseconds (the key is consumed). */
    boolean pressedWithin(long ms) throws IOException {
        return keys.read(ms) != NonBlockingReader.READ_EXPIRED;
    }

    @Override
    public void close() {
        terminal.setAttributes(saved);
    }
}
