package org.jhaproxy.config.source;

/**
 * Where "$NAME" and "${NAME}" in double quotes take their value: the process environment, plus
 * HAProxy's pseudo-variables .LINE, .FILE and .SECTION that describe the line being read.
 */
public interface Variables {
    /** The value of an environment variable, or null when it is not set. */
    String env(String name);

    String currentFile();

    int currentLine();

    /** The name of the current section (its first argument, else its keyword); null before any. */
    String currentSection();
}
