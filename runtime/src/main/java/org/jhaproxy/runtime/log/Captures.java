package org.jhaproxy.runtime.log;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * One stream's captured values (s->req_cap, s->res_cap), a slot per declaration of its
 * frontend's {@link CaptureSlots}; null for a slot nothing filled.
 */
public final class Captures {
    private final CaptureSlots slots;
    private final String[] request;
    private final String[] response;

    Captures(CaptureSlots slots) {
        this.slots = slots;
        this.request = new String[slots.request().size()];
        this.response = new String[slots.response().size()];
    }

    /**
     * http_capture_headers(): each header named by a slot is kept, cut to the slot's length; for
     * a header that comes several times, the last one wins.
     */
    public void headers(HttpHeaders headers, boolean isResponse) {
        List<CaptureSlots.Slot> decl = isResponse ? slots.response() : slots.request();
        String[] into = isResponse ? response : request;
        for (Map.Entry<String, String> h : headers) {
            for (int i = 0; i < into.length; i++) {
                String name = decl.get(i).header();
                if (name != null && name.equalsIgnoreCase(h.getKey())) {
                    into[i] = cut(h.getValue(), decl.get(i).len());
                }
            }
        }
    }

    /** A rule's capture into slot {@code index}; an index past the declared slots is ignored. */
    public void set(boolean isResponse, int index, String value) {
        String[] into = isResponse ? response : request;
        if (index < 0 || index >= into.length) {
            return;
        }
        List<CaptureSlots.Slot> decl = isResponse ? slots.response() : slots.request();
        into[index] = cut(value, decl.get(index).len());
    }

    /** How many slots the frontend declares for requests or responses. */
    public int count(boolean isResponse) {
        return (isResponse ? response : request).length;
    }

    /** The value of slot {@code index}, null when empty or not declared. */
    public String get(boolean isResponse, int index) {
        String[] from = isResponse ? response : request;
        return index < 0 || index >= from.length ? null : from[index];
    }

    /** The request slots for %hr/%hrl, null when the frontend declares none (nothing is written). */
    String[] request() {
        return request.length == 0 ? null : request;
    }

    String[] response() {
        return response.length == 0 ? null : response;
    }

    private static String cut(String v, int len) {
        return v.length() > len ? v.substring(0, len) : v;
    }
}
