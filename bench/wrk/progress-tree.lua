-- The city's command centre watching a directive's progress while it is acknowledged: the city's
-- tree (its 20 districts with their counts) once a second per connection, as the city (API token CITY_TOKEN).
function init(args)
  path = "/api/emergency/directives/" .. os.getenv("DIRECTIVE") .. "/tree"
end

function request()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("CITY_TOKEN") })
end

function delay()
  return 1000
end

function done(summary, latency, requests)
  io.write(string.format("progress tree: %d requests, non-2xx %d; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
