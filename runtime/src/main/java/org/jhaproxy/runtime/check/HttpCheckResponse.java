package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What an HTTP check reads of its response: the status code and reason of the status line
 * the headers (name, value) and the body, complete once the headers ended and the body reached its content-length.
 */
record HttpCheckResponse(int status, String reason, String body, boolean complete, java.util.List<String[]> headers) {

    /** The response so far, or null when its head is not complete yet. */
    static HttpCheckResponse parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int eoh = text.indexOf("\r\n\r\n");
        int sep = 4;
        if (eoh < 0) {
            eoh = text.indexOf("\n\n");
            sep = 2;
        }
        if (eoh < 0) {
            return null;
        }
        String[] lines = text.substring(0, eoh).split("\r?\n");
        String[] sl = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(sl.length > 1 ? sl[1] : "");
        } catch (NumberFormatException e) {
            status = 0;
        }
        String reason = sl.length > 2 ? sl[2] : "";
        long length = -1;
        java.util.List<String[]> headers = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Long.parseLong(lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(eoh + sep);
        return new HttpCheckResponse(status, reason, body, length >= 0 && body.length() >= length,
                java.util.List.copyOf(headers));
    }
}
