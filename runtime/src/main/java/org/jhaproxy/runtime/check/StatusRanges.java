package org.jhaproxy.runtime.check;

/** "http-check expect status 200,300-399": a comma-separated list of codes and ranges. */
final class StatusRanges {
    private StatusRanges() {
    }

    static boolean matches(String ranges, int status) {
        for (String r : ranges.split(",")) {
            int dash = r.indexOf('-');
            int low = Integer.parseInt(dash < 0 ? r.trim() : r.substring(0, dash).trim());
            int high = dash < 0 ? low : Integer.parseInt(r.substring(dash + 1).trim());
            if (status >= low && status <= high) {
                return true;
            }
        }
        return false;
    }
}
