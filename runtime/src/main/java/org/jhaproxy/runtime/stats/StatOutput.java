package org.jhaproxy.runtime.stats;

import java.util.List;

/**
 * The three forms of the statistics (management.txt 9.3 "show stat"): CSV with its "# pxname,..."
 * header, "typed" (one "F.iid.sid.pos.name.pid:tags:type:value" line per field) and JSON.
 */
public final class StatOutput {
    private StatOutput() {
    }

    /** The CSV header: every field name, a "-" before the modules' fields, each followed by a comma. */
    public static String csvHeader() {
        StringBuilder sb = new StringBuilder("# ");
        for (StatFields.StatField f : StatFields.ALL) {
            if (f.pos() == StatFields.MODULES_START) {
                sb.append("-,");
            }
            sb.append(f.name()).append(',');
        }
        return sb.append('\n').toString();
    }

    public static String csv(List<StatRow> rows) {
        StringBuilder sb = new StringBuilder(csvHeader());
        for (StatRow r : rows) {
            for (int i = 0; i < StatFields.ALL.size(); i++) {
                if (i == StatFields.MODULES_START) {
                    sb.append("-,");
                }
                StatRow.Value v = r.get(i);
                if (v != null) {
                    sb.append(csvText(v));
                }
                sb.append(',');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** csv_enc(): a string with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String csvText(StatRow.Value v) {
        String t = v.text();
        if (!"str".equals(v.type()) || t.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n')) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }

    private static char objLetter(StatRow r) {
        return switch (r.type()) {
            case StatRow.FRONTEND -> 'F';
            case StatRow.BACKEND -> 'B';
            case StatRow.SERVER -> 'S';
            default -> 'L';
        };
    }

    /** "show stat typed" [desc]: each non-empty field of each line. */
    public static String typed(List<StatRow> rows, boolean desc) {
        StringBuilder sb = new StringBuilder();
        for (StatRow r : rows) {
            for (StatFields.StatField f : StatFields.ALL) {
                StatRow.Value v = r.get(f.pos());
                if (v == null) {
                    continue;
                }
                sb.append(objLetter(r)).append('.').append(r.iid()).append('.').append(r.sid()).append('.')
                        .append(f.pos()).append('.').append(f.name()).append(".1:").append(v.tags()).append(':')
                        .append(v.type()).append(':').append(v.text());
                if (desc) {
                    sb.append(":\"").append(f.desc()).append('"');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** "show stat json": an array of lines, each an array of its non-empty fields. */
    public static String json(List<StatRow> rows) {
        StringBuilder sb = new StringBuilder("[");
        boolean firstRow = true;
        for (StatRow r : rows) {
            sb.append(firstRow ? "[" : ",[");
            firstRow = false;
            boolean first = true;
            for (StatFields.StatField f : StatFields.ALL) {
                StatRow.Value v = r.get(f.pos());
                if (v == null) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append("{\"objType\":\"").append(objType(r)).append("\",\"proxyId\":").append(r.iid())
                        .append(",\"id\":").append(r.sid()).append(",\"field\":{\"pos\":").append(f.pos())
                        .append(",\"name\":\"").append(f.name()).append("\"},\"processNum\":1,");
                tags(sb, v.tags());
                jsonValue(sb, v);
                sb.append('}');
            }
            sb.append(']');
        }
        return sb.append("]\n").toString();
    }

    private static String objType(StatRow r) {
        return switch (r.type()) {
            case StatRow.FRONTEND -> "Frontend";
            case StatRow.BACKEND -> "Backend";
            case StatRow.SERVER -> "Server";
            default -> "Listener";
        };
    }

    /** stats_emit_json_data_field(): the value and its type, a string quoted as it is. */
    static void jsonValue(StringBuilder sb, StatRow.Value v) {
        boolean str = "str".equals(v.type());
        sb.append(",\"value\":{\"type\":\"").append(v.type()).append("\",\"value\":")
                .append(str ? "\"" : "").append(v.text()).append(str ? "\"" : "").append('}');
    }

    /** stats_emit_json_field_tags(): the letters of the typed form, spelled out. */
    static void tags(StringBuilder sb, String t) {
        String origin = switch (t.charAt(0)) {
            case 'M' -> "Metric";
            case 'S' -> "Status";
            case 'K' -> "Key";
            case 'C' -> "Config";
            case 'P' -> "Product";
            default -> "Unknown";
        };
        String nature = switch (t.charAt(1)) {
            case 'G' -> "Gauge";
            case 'L' -> "Limit";
            case 'm' -> "Min";
            case 'M' -> "Max";
            case 'R' -> "Rate";
            case 'C' -> "Counter";
            case 'D' -> "Duration";
            case 'A' -> "Age";
            case 'T' -> "Time";
            case 'N' -> "Name";
            case 'O' -> "Output";
            case 'a' -> "Avg";
            default -> "Unknown";
        };
        String scope = switch (t.charAt(2)) {
            case 'P' -> "Process";
            case 'S' -> "Service";
            case 's' -> "System";
            case 'C' -> "Cluster";
            default -> "Unknown";
        };
        sb.append("\"tags\":{\"origin\":\"").append(origin).append("\",\"nature\":\"").append(nature)
                .append("\",\"scope\":\"").append(scope).append("\"}");
    }
}
