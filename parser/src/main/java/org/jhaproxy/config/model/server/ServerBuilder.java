package org.jhaproxy.config.model.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.model.Position;

/**
 * A "server" line (or the proxy's "default-server" settings, or a "server-template") while it is
 * parsed: HAProxy's struct server. A server starts as a copy of its proxy's default-server
 * settings (srv_settings_cpy()), then its own options apply in order.
 */
public final class ServerBuilder {
    private String name;
    private Position at;
    private SocketAddress address;
    private String addressText;
    private int templateLow;
    private int templateHigh;
    private boolean template;

    private final Map<String, String> options = new LinkedHashMap<>();
    private List<InitAddrMethod> initAddr = new ArrayList<>();
    private String initAddrIp;
    private String resolvers;
    private String track;
    private String crt;
    private boolean check;
    private boolean agentCheck;
    private int agentPort;
    private boolean ssl;
    private int checkSsl;
    private boolean defaultServerSsl;
    private boolean backup;
    private boolean disabled;
    private boolean sourceSet;
    private int id;

    public ServerBuilder() {
    }

    /** srv_settings_cpy(): a new server takes the default-server settings. */
    public ServerBuilder(ServerBuilder defaults) {
        this.options.putAll(defaults.options);
        this.initAddr = new ArrayList<>(defaults.initAddr);
        this.initAddrIp = defaults.initAddrIp;
        this.resolvers = defaults.resolvers;
        this.track = defaults.track;
        this.crt = defaults.crt;
        this.check = defaults.check;
        this.agentCheck = defaults.agentCheck;
        this.agentPort = defaults.agentPort;
        this.ssl = defaults.ssl;
        this.checkSsl = defaults.checkSsl;
        // SRV_F_DEFSRV_USE_SSL: the SSL context is prepared even if the server says "no-ssl"
        this.defaultServerSsl = defaults.ssl;
        this.backup = defaults.backup;
        this.disabled = defaults.disabled;
        this.sourceSet = defaults.sourceSet;
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    public Position at() {
        return at;
    }

    public void at(Position at) {
        this.at = at;
    }

    /** The parsed address; null for default-server. */
    public SocketAddress address() {
        return address;
    }

    public void address(SocketAddress address, String text) {
        this.address = address;
        this.addressText = text;
    }

    public String addressText() {
        return addressText;
    }

    /** The FQDN to resolve at startup, or null when the address is numeric. */
    public String fqdn() {
        return address == null ? null : address.fqdn();
    }

    public boolean isTemplate() {
        return template;
    }

    public void template(int low, int high) {
        this.template = true;
        this.templateLow = low;
        this.templateHigh = high;
    }

    public int templateLow() {
        return templateLow;
    }

    public int templateHigh() {
        return templateHigh;
    }

    /** Each option's last value as written ("" for flags), for the runtime and later checks. */
    public Map<String, String> options() {
        return options;
    }

    public List<InitAddrMethod> initAddr() {
        return initAddr;
    }

    public void initAddr(List<InitAddrMethod> methods, String ip) {
        this.initAddr = new ArrayList<>(methods);
        this.initAddrIp = ip;
    }

    public String initAddrIp() {
        return initAddrIp;
    }

    public String resolvers() {
        return resolvers;
    }

    public void resolvers(String resolvers) {
        this.resolvers = resolvers;
    }

    public String track() {
        return track;
    }

    public void track(String track) {
        this.track = track;
    }

    /** The client certificate path (crt-base applied); checked when the SSL contexts are prepared. */
    public String crt() {
        return crt;
    }

    public void crt(String crt) {
        this.crt = crt;
    }

    public boolean check() {
        return check;
    }

    public void check(boolean check) {
        this.check = check;
    }

    public boolean agentCheck() {
        return agentCheck;
    }

    public void agentCheck(boolean agentCheck) {
        this.agentCheck = agentCheck;
    }

    public int agentPort() {
        return agentPort;
    }

    public void agentPort(int agentPort) {
        this.agentPort = agentPort;
    }

    public boolean ssl() {
        return ssl;
    }

    public void ssl(boolean ssl) {
        this.ssl = ssl;
    }

    /** "check-ssl" 1, "no-check-ssl" -1, unset 0 (HAProxy's check.use_ssl). */
    public int checkSsl() {
        return checkSsl;
    }

    public void checkSsl(int checkSsl) {
        this.checkSsl = checkSsl;
    }

    /** The default-server settings it was copied from had "ssl". */
    public boolean defaultServerSsl() {
        return defaultServerSsl;
    }

    public boolean backup() {
        return backup;
    }

    public void backup(boolean backup) {
        this.backup = backup;
    }

    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean disabled) {
        this.disabled = disabled;
    }

    public boolean sourceSet() {
        return sourceSet;
    }

    public void sourceSet(boolean sourceSet) {
        this.sourceSet = sourceSet;
    }

    /** The forced numeric id ("id" option), 0 when automatic. */
    public int id() {
        return id;
    }

    public void id(int id) {
        this.id = id;
    }
}
