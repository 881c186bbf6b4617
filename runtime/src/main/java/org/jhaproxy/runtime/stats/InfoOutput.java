package org.jhaproxy.runtime.stats;

/**
 * The three forms of "show info" (management.txt 9.3): "Name: value" lines, "typed"
 * ("POS.Name.PROCESS:tags:type:value" lines) and JSON, each field followed by its quoted
 * description with "desc" except in JSON, which has no place for it. A field without a value
 * (null) is left out of every form, its position skipped: the typed and JSON positions are
 * those of {@link InfoFields#ALL} whatever is missing before them.
 */
public final class InfoOutput {
    private InfoOutput() {
    }

    /** stats_dump_info_fields(): a string is CSV-encoded here, as in the CSV of "show stat". */
    public static String plain(StatRow.Value[] info, boolean desc) {
        StringBuilder sb = new StringBuilder();
        for (InfoFields.InfoField f : InfoFields.ALL) {
            StatRow.Value v = info[f.pos()];
            if (v == null) {
                continue;
            }
            sb.append(f.name()).append(": ").append(StatOutput.csvText(v));
            description(sb, f, desc);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** stats_dump_typed_info_fields(); the process number is always 1, jhaproxy having one worker. */
    public static String typed(StatRow.Value[] info, boolean desc) {
        StringBuilder sb = new StringBuilder();
        for (InfoFields.InfoField f : InfoFields.ALL) {
            StatRow.Value v = info[f.pos()];
            if (v == null) {
                continue;
            }
            sb.append(f.pos()).append('.').append(f.name()).append(".1:").append(v.tags()).append(':')
                    .append(v.type()).append(':').append(v.text());
            description(sb, f, desc);
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * stats_dump_json_info_fields(): one array of objects on one line, then a line break. As in
     * haproxy, a string value is written as it is, without JSON escapes.
     */
    public static String json(StatRow.Value[] info) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (InfoFields.InfoField f : InfoFields.ALL) {
            StatRow.Value v = info[f.pos()];
            if (v == null) {
                continue;
            }
            sb.append(first ? "" : ",").append("{\"field\":{\"pos\":").append(f.pos()).append(",\"name\":\"")
                    .append(f.name()).append("\"},\"processNum\":1,");
            first = false;
            StatOutput.tags(sb, v.tags());
            StatOutput.jsonValue(sb, v);
            sb.append('}');
        }
        return sb.append("]\n").toString();
    }

    private static void description(StringBuilder sb, InfoFields.InfoField f, boolean desc) {
        if (desc) {
            sb.append(":\"").append(f.desc()).append('"');
        }
    }
}
