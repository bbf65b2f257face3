-- wrk script for `make bench`: every request says it came through the TLS proxy (as production's
-- SECURE_PROXY_SSL_HEADER expects), and the run ends with one machine-readable line.
wrk.headers["X-Forwarded-Proto"] = "https"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d, "bad_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
