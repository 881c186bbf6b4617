package org.jhaproxy.runtime.promex;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.stats.StatFields;

/**
 * The metric tables of haproxy 2.6's exporter (addons/promex): which "show info" and "show stat"
 * fields are exported, under which name and type, in the fields' order. The help text is the
 * field's description, except where the exporter gives its own.
 */
final class PromexMetrics {
    /** The process metrics: "show info" name, metric name, type (c counter, g gauge), help. */
    static final List<PromexMetric> PROCESS = parse("""
            Nbthread	nbthread	g	Number of started threads (global.nbthread)
            Nbproc	nbproc	g	Number of started worker processes (historical, always 1)
            Process_num	relative_process_id	g	Relative worker process number (1)
            Uptime_sec	uptime_seconds	g	How long ago this worker process was started (seconds)
            PoolFailed	pool_failures_total	c	Number of failed pool allocations since this worker was started
            Ulimit-n	max_fds	g	Hard limit on the number of per-process file descriptors
            Maxsock	max_sockets	g	Hard limit on the number of per-process sockets
            Maxconn	max_connections	g	Hard limit on the number of per-process connections (configured or imposed by Ulimit-n)
            Hard_maxconn	hard_max_connections	g	Hard limit on the number of per-process connections (imposed by Memmax_MB or Ulimit-n)
            CurrConns	current_connections	g	Current number of connections on this worker process
            CumConns	connections_total	c	Total number of connections on this worker process since started
            CumReq	requests_total	c	Total number of requests on this worker process since started
            MaxSslConns	max_ssl_connections	g	Hard limit on the number of per-process SSL endpoints (front+back), 0=unlimited
            CurrSslConns	current_ssl_connections	g	Current number of SSL endpoints on this worker process (front+back)
            CumSslConns	ssl_connections_total	c	Total number of SSL endpoints on this worker process since started (front+back)
            Maxpipes	max_pipes	g	Hard limit on the number of pipes for splicing, 0=unlimited
            PipesUsed	pipes_used_total	c	Current number of pipes in use in this worker process
            PipesFree	pipes_free_total	c	Current number of allocated and available pipes in this worker process
            ConnRate	current_connection_rate	g	Number of front connections created on this worker process over the last second
            ConnRateLimit	limit_connection_rate	g	Hard limit for ConnRate (global.maxconnrate)
            MaxConnRate	max_connection_rate	g	Highest ConnRate reached on this worker process since started (in connections per second)
            SessRate	current_session_rate	g	Number of sessions created on this worker process over the last second
            SessRateLimit	limit_session_rate	g	Hard limit for SessRate (global.maxsessrate)
            MaxSessRate	max_session_rate	g	Highest SessRate reached on this worker process since started (in sessions per second)
            SslRate	current_ssl_rate	g	Number of SSL connections created on this worker process over the last second
            SslRateLimit	limit_ssl_rate	g	Hard limit for SslRate (global.maxsslrate)
            MaxSslRate	max_ssl_rate	g	Highest SslRate reached on this worker process since started (in connections per second)
            SslFrontendKeyRate	current_frontend_ssl_key_rate	g	Number of SSL keys created on frontends in this worker process over the last second
            SslFrontendMaxKeyRate	max_frontend_ssl_key_rate	g	Highest SslFrontendKeyRate reached on this worker process since started (in SSL keys per second)
            SslFrontendSessionReuse_pct	frontend_ssl_reuse	g	Percent of frontend SSL connections which did not require a new key
            SslBackendKeyRate	current_backend_ssl_key_rate	g	Number of SSL keys created on backends in this worker process over the last second
            SslBackendMaxKeyRate	max_backend_ssl_key_rate	g	Highest SslBackendKeyRate reached on this worker process since started (in SSL keys per second)
            SslCacheLookups	ssl_cache_lookups_total	c	Total number of SSL session ID lookups in the SSL session cache on this worker since started
            SslCacheMisses	ssl_cache_misses_total	c	Total number of SSL session ID lookups that didn't find a session in the SSL session cache on this worker since started
            CompressBpsIn	http_comp_bytes_in_total	c	Number of bytes submitted to the HTTP compressor in this worker process over the last second
            CompressBpsOut	http_comp_bytes_out_total	c	Number of bytes emitted by the HTTP compressor in this worker process over the last second
            CompressBpsRateLim	limit_http_comp	g	Limit of CompressBpsOut beyond which HTTP compression is automatically disabled
            ZlibMemUsage	current_zlib_memory	g	Amount of memory currently used by HTTP compression on the current worker process (in bytes)
            MaxZlibMemUsage	max_zlib_memory	g	Limit on the amount of memory used by HTTP compression above which it is automatically disabled (in bytes, see global.maxzlibmem)
            Tasks	current_tasks	g	Total number of tasks in the current worker process (active + sleeping)
            Run_queue	current_run_queue	g	Total number of active tasks+tasklets in the current worker process
            Idle_pct	idle_time_percent	g	Percentage of last second spent waiting in the current worker thread
            Stopping	stopping	g	1 if the worker process is currently stopping, otherwise zero
            Jobs	jobs	g	Current number of active jobs on the current worker process (frontend connections, master connections, listeners)
            Unstoppable Jobs	unstoppable_jobs	g	Current number of unstoppable jobs on the current worker process (master connections)
            Listeners	listeners	g	Current number of active listeners on the current worker process
            ActivePeers	active_peers	g	Current number of verified active peers connections on the current worker process
            ConnectedPeers	connected_peers	g	Current number of peers having passed the connection step on the current worker process
            DroppedLogs	dropped_logs_total	c	Total number of dropped logs for current worker process since started
            BusyPolling	busy_polling_enabled	g	1 if busy-polling is currently in use on the worker process, otherwise zero (config.busy-polling)
            FailedResolutions	failed_resolutions	c	Total number of failed DNS resolutions in current worker process since started
            TotalBytesOut	bytes_out_total	c	Total number of bytes emitted by current worker process since started
            TotalSplicdedBytesOut	spliced_bytes_out_total	c	Total number of bytes emitted by current worker process through a kernel pipe since started
            BytesOutRate	bytes_out_rate	g	Number of bytes emitted by current worker process over the last second
            CumRecvLogs	recv_logs_total	c	Total number of log messages received by log-forwarding listeners on this worker process since started
            Build info	build_info	g	Build info
            Memmax_bytes	max_memory_bytes	g	Worker process's hard limit on memory usage in byes (-m on command line)
            PoolAlloc_bytes	pool_allocated_bytes	g	Amount of memory allocated in pools (in bytes)
            PoolUsed_bytes	pool_used_bytes	g	Amount of pool memory currently used (in bytes)
            Start_time_sec	start_time_seconds	g	Start time in seconds
            """, true);

    /**
     * The proxy metrics: stat field, metric name, type, objects, and the exporter's own help
     * where it replaces the field's description.
     */
    static final List<PromexMetric> PROXY = parse("""
            qcur	current_queue	g	BS
            qmax	max_queue	g	BS
            scur	current_sessions	g	FLBS
            smax	max_sessions	g	FLBS
            slim	limit_sessions	g	FLBS
            stot	sessions_total	c	FLBS
            bin	bytes_in_total	c	FLBS
            bout	bytes_out_total	c	FLBS
            dreq	requests_denied_total	c	FLB
            dresp	responses_denied_total	c	FLBS
            ereq	request_errors_total	c	FL
            econ	connection_errors_total	c	BS
            eresp	response_errors_total	c	BS
            wretr	retry_warnings_total	c	BS
            wredis	redispatch_warnings_total	c	BS
            status	status	g	FLBS	Current status of the service, per state label value.
            weight	weight	g	BS
            act	active_servers	g	B
            bck	backup_servers	g	B
            chkfail	check_failures_total	c	S
            chkdown	check_up_down_total	c	BS
            lastchg	check_last_change_seconds	g	BS
            downtime	downtime_seconds_total	c	BS
            qlimit	queue_limit	g	S
            throttle	current_throttle	g	S
            lbtot	loadbalanced_total	c	BS
            rate_lim	limit_session_rate	g	F
            rate_max	max_session_rate	g	FBS
            check_status	check_status	g	S	Status of last health check, per state label value.
            check_code	check_code	g	S	layer5-7 code, if available of the last health check.
            check_duration	check_duration_seconds	g	S	Total duration of the latest server health check, in seconds.
            hrsp_1xx	http_responses_total	c	FBS
            hrsp_2xx	http_responses_total	c	FBS
            hrsp_3xx	http_responses_total	c	FBS
            hrsp_4xx	http_responses_total	c	FBS
            hrsp_5xx	http_responses_total	c	FBS
            hrsp_other	http_responses_total	c	FBS
            req_rate_max	http_requests_rate_max	g	F
            req_tot	http_requests_total	c	FB
            cli_abrt	client_aborts_total	c	BS
            srv_abrt	server_aborts_total	c	BS
            comp_in	http_comp_bytes_in_total	c	FB
            comp_out	http_comp_bytes_out_total	c	FB
            comp_byp	http_comp_bytes_bypassed_total	c	FB
            comp_rsp	http_comp_responses_total	c	FB
            lastsess	last_session_seconds	g	BS
            qtime	queue_time_average_seconds	g	BS	Avg. queue time for last 1024 successful connections.
            ctime	connect_time_average_seconds	g	BS	Avg. connect time for last 1024 successful connections.
            rtime	response_time_average_seconds	g	BS	Avg. response time for last 1024 successful connections.
            ttime	total_time_average_seconds	g	BS	Avg. total time for last 1024 successful connections.
            conn_rate_max	connections_rate_max	g	F
            conn_tot	connections_total	c	F
            intercepted	intercepted_requests_total	c	F
            dcon	denied_connections_total	c	FL
            dses	denied_sessions_total	c	FL
            wrew	failed_header_rewriting_total	c	FLBS
            connect	connection_attempts_total	c	BS
            reuse	connection_reuses_total	c	BS
            cache_lookups	http_cache_lookups_total	c	FB
            cache_hits	http_cache_hits_total	c	FB
            srv_icur	idle_connections_current	g	S
            src_ilim	idle_connections_limit	g	S
            qtime_max	max_queue_time_seconds	g	BS	Maximum observed time spent in the queue
            ctime_max	max_connect_time_seconds	g	BS	Maximum observed time spent waiting for a connection to complete
            rtime_max	max_response_time_seconds	g	BS	Maximum observed time spent waiting for a server response
            ttime_max	max_total_time_seconds	g	BS	Maximum observed total request+response time (request+queue+connect+response+processing)
            eint	internal_errors_total	c	FLBS
            idle_conn_cur	unsafe_idle_connections_current	g	S
            safe_conn_cur	safe_idle_connections_current	g	S
            used_conn_cur	used_connections_current	g	S
            need_conn_est	need_connections_current	g	S
            uweight	uweight	g	BS
            agg_server_status	agg_server_status	g	B
            agg_server_check_status	agg_server_check_status	g	B
            agg_check_status	agg_check_status	g	B
            """, false);

    private PromexMetrics() {
    }

    private static List<PromexMetric> parse(String table, boolean process) {
        List<PromexMetric> out = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] p = line.strip().split("\t");
            if (p.length < 3) {
                continue;
            }
            boolean counter = p[2].equals("c");
            if (process) {
                out.add(new PromexMetric(p[0], p[1], counter, "", p[3]));
            } else {
                String help = p.length > 4 ? p[4] : StatFields.ALL.get(StatFields.pos(p[0])).desc();
                out.add(new PromexMetric(p[0], p[1], counter, p[3], help));
            }
        }
        return List.copyOf(out);
    }
}
