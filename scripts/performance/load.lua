-- wrk script for scripts/performance/load.sh: walks the public pages in turn (paths from LOAD_PATHS,
-- space-separated), says each request came through the TLS proxy (production's SECURE_PROXY_SSL_HEADER),
-- counts every answer that is not 2xx (wrk's own error count leaves out 3xx), and ends with one
-- machine-readable line.
local paths = {}
for path in string.gmatch(os.getenv("LOAD_PATHS") or "/th/", "%S+") do
  table.insert(paths, path)
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  counter = math.random(#paths)
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'LOAD {"requests": %d, "duration_s": %.2f, "requests_per_s": %.1f, "p50_ms": %.1f, "p90_ms": %.1f, '
      .. '"p99_ms": %.1f, "max_ms": %.1f, "socket_errors": {"connect": %d, "read": %d, "write": %d, '
      .. '"timeout": %d}, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, non2xx_total))
end
