package org.jhaproxy.runtime.stats;

/**
 * One line of "show stat": a frontend, a server or a backend, with a value per field of
 * {@link StatFields#ALL} (null where haproxy leaves the field empty for this object).
 */
public final class StatRow {
    /** STATS_TYPE_*: the "type" field's values. */
    public static final int FRONTEND = 0;
    public static final int BACKEND = 1;
    public static final int SERVER = 2;

    /** A value with its tags (origin, nature, scope letters) and type (u32, u64, s32, flt, str). */
    public record Value(String tags, String type, Object value) {
        /** The value as every form prints it; a "flt" as printf's "%f" without its trailing zeros (flt_trim()). */
        public String text() {
            if (!"flt".equals(type)) {
                return String.valueOf(value);
            }
            String f = String.format(java.util.Locale.ROOT, "%f", ((Number) value).doubleValue());
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            return f.substring(0, f.charAt(end - 1) == '.' ? end - 1 : end);
        }
    }

    private final Value[] values = new Value[StatFields.ALL.size()];

    public Value get(int pos) {
        return values[pos];
    }

    public Value get(String name) {
        return values[StatFields.pos(name)];
    }

    /** The value of a field in its usual tags and type. */
    StatRow set(String name, Object v) {
        StatFields.StatField f = StatFields.ALL.get(StatFields.pos(name));
        values[f.pos()] = new Value(f.tags(), f.type(), v);
        return this;
    }

    /** The value of a field whose tags differ for this object. */
    StatRow set(String name, String tags, Object v) {
        StatFields.StatField f = StatFields.ALL.get(StatFields.pos(name));
        values[f.pos()] = new Value(tags, f.type(), v);
        return this;
    }

    public int type() {
        return ((Number) get("type").value()).intValue();
    }

    public long iid() {
        return ((Number) get("iid").value()).longValue();
    }

    public long sid() {
        return ((Number) get("sid").value()).longValue();
    }

    public String pxname() {
        return get("pxname").text();
    }

    public String svname() {
        return get("svname").text();
    }
}
