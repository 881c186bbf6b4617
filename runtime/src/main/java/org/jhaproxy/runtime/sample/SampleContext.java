package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetSocketAddress;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * What fetches read and actions change for one stream (HAProxy's session + stream + http_txn as
 * seen from sample.c): the connection's addresses, the frontend and the backend chosen so far,
 * the request head (and the response head once it arrived), and the variables.
 */
public final class SampleContext {
    private InetSocketAddress src;
    private InetSocketAddress dst;
    /** Where "tcp-request connection set-src|set-dst..." writes too (the session's addresses), else null. */
    private org.jhaproxy.runtime.stream.SessionAddresses session;
    private final Proxy frontend;
    private final Vars sess;
    private Proxy backend;
    private org.jhaproxy.runtime.ssl.ClientTls tls;
    private HttpRequest request;
    private HttpResponse response;
    private Vars txn;
    private Vars req;
    private Vars res;
    private boolean responseDirection;
    private boolean requestComplete = true;
    private org.jhaproxy.runtime.log.StreamLog log;
    private org.jhaproxy.runtime.log.Captures captures;
    private String uniqueId;
    private org.jhaproxy.runtime.stick.StickCounters stickSession;
    private org.jhaproxy.runtime.stick.StickCounters stickStream;
    private org.jhaproxy.runtime.stick.Sticking.Stores stickStores;

    public SampleContext(InetSocketAddress src, InetSocketAddress dst, Proxy frontend, Vars sess) {
        this.src = src;
        this.dst = dst;
        this.frontend = frontend;
        this.sess = sess;
    }

    /** The client connection's TLS, null on a plain connection. */
    public org.jhaproxy.runtime.ssl.ClientTls tls() {
        return tls;
    }

    public SampleContext tls(org.jhaproxy.runtime.ssl.ClientTls t) {
        this.tls = t;
        return this;
    }

    public InetSocketAddress src() {
        return src;
    }

    public InetSocketAddress dst() {
        return dst;
    }

    /**
     * A stream's copy of the session's addresses (s->scf->src), read by every fetch and log
     * variable: "http-request set-src" and the like change this copy only.
     */
    public SampleContext session(org.jhaproxy.runtime.stream.SessionAddresses a) {
        this.session = a;
        return this;
    }

    /** The session's addresses when the rules run at the connection level, else null. */
    public org.jhaproxy.runtime.stream.SessionAddresses session() {
        return session;
    }

    /** "set-src"/"set-src-port": the stream's source from now on. */
    public void src(InetSocketAddress a) {
        this.src = a;
    }

    /** "set-dst"/"set-dst-port": the stream's destination, which a server without an address connects to. */
    public void dst(InetSocketAddress a) {
        this.dst = a;
    }

    public Proxy frontend() {
        return frontend;
    }

    /** The backend, once switching rules chose it (the frontend before, as haproxy's s->be). */
    public Proxy backend() {
        return backend != null ? backend : frontend;
    }

    public boolean backendAssigned() {
        return backend != null;
    }

    public void backend(Proxy b) {
        this.backend = b;
    }

    public HttpRequest request() {
        return request;
    }

    public SampleContext request(HttpRequest r) {
        this.request = r;
        return this;
    }

    public HttpResponse response() {
        return response;
    }

    public void response(HttpResponse r) {
        this.response = r;
    }

    /** True while http-response rules run: "hdr" then reads the response (smp_fetch_chn_hdr). */
    public boolean responseDirection() {
        return responseDirection;
    }

    public void responseDirection(boolean r) {
        this.responseDirection = r;
    }

    /** The whole request was received (a reply may then keep the connection alive). */
    public boolean requestComplete() {
        return requestComplete;
    }

    public void requestComplete(boolean done) {
        this.requestComplete = done;
    }

    private BufferedBody requestBody;

    /** What the request buffer holds of the body (req.body...), null outside an HTTP stream. */
    public BufferedBody requestBody() {
        return requestBody;
    }

    public SampleContext requestBody(BufferedBody b) {
        this.requestBody = b;
        return this;
    }

    /** The stream's log record (timers, status, termination state), null outside a stream. */
    public org.jhaproxy.runtime.log.StreamLog log() {
        return log;
    }

    public SampleContext log(org.jhaproxy.runtime.log.StreamLog l) {
        this.log = l;
        return this;
    }

    /**
     * The stream's capture slots ("capture request header", "declare capture"...), allocated
     * on first use; null when the frontend declares none.
     */
    public org.jhaproxy.runtime.log.Captures captures() {
        if (captures == null && frontend.log() != null) {
            captures = frontend.log().captureSlots().newCaptures();
        }
        return captures;
    }

    /** The stream's unique id once built (s->unique_id), else null: see log.UniqueId. */
    public String uniqueId() {
        return uniqueId;
    }

    public void uniqueId(String id) {
        this.uniqueId = id;
    }

    /** The variables of a scope; null for a transaction scope never written (reads see nothing). */
    public Vars vars(Vars.Scope scope, boolean create) {
        return switch (scope) {
            case PROC -> Vars.proc();
            case SESS -> sess;
            case TXN -> txn != null || !create ? txn : (txn = new Vars());
            case REQ -> req != null || !create ? req : (req = new Vars());
            case RES -> res != null || !create ? res : (res = new Vars());
            case CHECK -> check;
        };
    }

    /** The "check" variables of a health check's run (set-var(check.x)), null outside a check. */
    private Vars check;

    public SampleContext checkVars(Vars v) {
        this.check = v;
        return this;
    }

    /** The session's tracked counters (tcp-request connection track-sc*), null outside a client connection. */
    public org.jhaproxy.runtime.stick.StickCounters stickSession() {
        return stickSession;
    }

    public SampleContext stickSession(org.jhaproxy.runtime.stick.StickCounters s) {
        this.stickSession = s;
        return this;
    }

    /** The stream's own tracked counters (tcp-request content, http-request track-sc*), created on first use. */
    public org.jhaproxy.runtime.stick.StickCounters stickStream(boolean create) {
        if (stickStream == null && create) {
            stickStream = org.jhaproxy.runtime.stick.StickCounters.stream();
        }
        return stickStream;
    }

    /** The keys the stream's stick rules noted, stored when the server answers; created on first use. */
    public org.jhaproxy.runtime.stick.Sticking.Stores stickStores(boolean create) {
        if (stickStores == null && create) {
            stickStores = new org.jhaproxy.runtime.stick.Sticking.Stores();
        }
        return stickStores;
    }

    /** A TCP stream's request buffer (what the payload fetches read), null elsewhere. */
    private org.jhaproxy.runtime.payload.RequestBuffer requestBuffer;
    /** Rules are evaluated before their inspection is over (not SMP_OPT_FINAL). */
    private boolean partial;
    /** A fetch said more data may change its answer (SMP_F_MAY_CHANGE). */
    private boolean mayChange;

    public org.jhaproxy.runtime.payload.RequestBuffer requestBuffer() {
        return requestBuffer;
    }

    public SampleContext requestBuffer(org.jhaproxy.runtime.payload.RequestBuffer b) {
        this.requestBuffer = b;
        return this;
    }

    /** True while "tcp-request content" rules may still wait for more data. */
    public boolean partial() {
        return partial;
    }

    public void partial(boolean p) {
        this.partial = p;
    }

    /** Called by a fetch whose answer may change once more data is there. */
    public void sampleMayChange() {
        mayChange = true;
    }

    /** Whether a fetch said so since the last call, which forgets it. */
    public boolean takeMayChange() {
        boolean m = mayChange;
        mayChange = false;
        return m;
    }

    private org.jhaproxy.runtime.cache.CacheTxn cacheTxn;

    /** What the cache knows of this transaction (cache-use, cache-store), null until a cache rule ran. */
    public org.jhaproxy.runtime.cache.CacheTxn cacheTxn() {
        return cacheTxn;
    }

    public void cacheTxn(org.jhaproxy.runtime.cache.CacheTxn t) {
        cacheTxn = t;
    }

    private org.jhaproxy.runtime.comp.Compression.CompTxn compTxn;

    /** What the compression filter knows of this transaction, null when no proxy compresses. */
    public org.jhaproxy.runtime.comp.Compression.CompTxn compTxn() {
        return compTxn;
    }

    public void compTxn(org.jhaproxy.runtime.comp.Compression.CompTxn t) {
        compTxn = t;
    }
}
