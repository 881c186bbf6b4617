package org.jhaproxy.config.model;

/**
 * The "email-alert" settings of a proxy section (HAProxy's proxy->email_alert), copied whole
 * from its defaults section.
 */
public final class EmailAlert {
    /** Any "email-alert" line was seen: then from, mailers and to are all required. */
    private boolean configured;
    private String from;
    private String to;
    private String mailers;

    void inheritFrom(EmailAlert def) {
        configured = def.configured;
        from = def.from;
        to = def.to;
        mailers = def.mailers;
    }

    /** Some "email-alert" line was seen but from, mailers or to is missing: the alerts are ignored. */
    public boolean incomplete() {
        return configured && (mailers == null || from == null || to == null);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The name of the mailers section, resolved after parsing. */
    public String mailers() {
        return mailers;
    }

    /** One "email-alert &lt;what&gt; &lt;value&gt;" line ("level" and "myhostname" are only noted). */
    public void set(String what, String value) {
        configured = true;
        switch (what) {
            case "from" -> from = value;
            case "to" -> to = value;
            case "mailers" -> mailers = value;
            default -> {
            }
        }
    }
}
