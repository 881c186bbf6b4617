package org.jhaproxy.config.source;

/**
 * A kind of configuration section ("global", "frontend", "peers"...), registered by name like
 * HAProxy's REGISTER_CONFIG_SECTION. The reader hands it every line of its sections, the header
 * line included, and returns the ErrCode bits its parser reports.
 */
public interface Section {
    String name();

    int parse(ParseContext ctx, Line line);

    /** Called when the section ends (another starts, or the file ends). */
    default int postParse(ParseContext ctx) {
        return 0;
    }
}
