package org.jhaproxy.config.model;

/** Where something was declared: the file and line HAProxy names in its messages. */
public record Position(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
