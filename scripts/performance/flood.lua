-- wrk script for scripts/performance/load.sh: one address floods the Ask form with posts while the public pages
-- are under load. Each thread first fetches the form (for its CSRF cookie and token and its signed start time),
-- then posts it again and again; the form's guards must refuse the flood (429 once the address is over its
-- limit, 400 for a form sent too fast), never with a server error. Counts answers by status; ends with one
-- machine-readable line. FLOOD_PATH (/th/questions/) and FLOOD_ORIGIN (https://127.0.0.1:PORT) from the script.
local path = os.getenv("FLOOD_PATH") or "/th/questions/"
local origin = os.getenv("FLOOD_ORIGIN") or "https://127.0.0.1"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local function encode(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  counts = { s2xx = 0, s3xx = 0, s400 = 0, s403 = 0, s429 = 0, other4xx = 0, s5xx = 0 }
  cookie, body = nil, nil
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
  if body == nil then
    return wrk.format("GET", path)
  end
  -- A headers table replaces wrk.headers: the proxy's header is given again.
  return wrk.format("POST", path, {
    ["X-Forwarded-Proto"] = "https",
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. cookie,
    ["Origin"] = origin,
    ["Referer"] = origin .. path,
  }, body)
end

function response(status, headers, response_body)
  if body == nil and status == 200 then
    local set_cookie = headers["Set-Cookie"] or headers["set-cookie"] or ""
    local token = string.match(response_body, 'name="csrfmiddlewaretoken" value="([^"]+)"')
    local started = string.match(response_body, 'name="started" value="([^"]+)"')
    cookie = string.match(set_cookie, "csrftoken=([^;]+)")
    if token and started and cookie then
      body = "csrfmiddlewaretoken=" .. encode(token) .. "&started=" .. encode(started)
        .. "&name=Flood&email=flood%40example.org&topic=1&website="
        .. "&question=" .. encode("The same message, again and again, from one address.")
    end
    return
  end
  if status >= 500 then counts.s5xx = counts.s5xx + 1
  elseif status == 429 then counts.s429 = counts.s429 + 1
  elseif status == 403 then counts.s403 = counts.s403 + 1
  elseif status == 400 then counts.s400 = counts.s400 + 1
  elseif status >= 400 then counts.other4xx = counts.other4xx + 1
  elseif status >= 300 then counts.s3xx = counts.s3xx + 1
  else counts.s2xx = counts.s2xx + 1 end
end

function done(summary, latency, requests)
  local total = { s2xx = 0, s3xx = 0, s400 = 0, s403 = 0, s429 = 0, other4xx = 0, s5xx = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for key, value in pairs(c) do total[key] = total[key] + value end
  end
  local e = summary.errors
  io.write(string.format(
    'FLOOD {"requests": %d, "requests_per_s": %.1f, "p50_ms": %.1f, "p99_ms": %.1f, "2xx": %d, "3xx": %d, '
      .. '"400": %d, "403": %d, "429": %d, "other_4xx": %d, "5xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total.s2xx, total.s3xx, total.s400, total.s403, total.s429, total.other4xx,
    total.s5xx, e.connect + e.read + e.write + e.timeout))
end
