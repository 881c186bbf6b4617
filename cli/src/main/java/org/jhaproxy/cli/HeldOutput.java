package org.jhaproxy.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The start-up messages of a process that may turn out to be the parent of a daemon ("daemon"
 * in the global section): they are held while the configuration is read, then either written
 * (the process runs itself) or dropped (the daemon child reads the configuration again and its
 * messages are the ones passed on), so that no message is printed twice.
 */
final class HeldOutput extends OutputStream {
    private final OutputStream target;
    /** null: the output goes straight through */
    private ByteArrayOutputStream held;

    HeldOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (held != null) {
            held.write(b);
        } else {
            target.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (held != null) {
            held.write(b, off, len);
        } else {
            target.write(b, off, len);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (held == null) {
            target.flush();
        }
    }

    /** From now on the output is held. */
    synchronized void hold() {
        held = new ByteArrayOutputStream();
    }

    /** Writes what was held; later output goes straight through. */
    synchronized void release() throws IOException {
        if (held != null) {
            held.writeTo(target);
            held = null;
            target.flush();
        }
    }

    /** Forgets what was held; later output goes straight through. */
    synchronized void drop() {
        held = null;
    }
}
