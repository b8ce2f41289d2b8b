-- The floor of an API call on this stack: GET /api/me with an API token (the token read, the account
-- read, JSON out), nothing else; from the first line of ACKS ("token<TAB>compound"), all connections alike.
function init(args)
  for line in io.lines(os.getenv("ACKS")) do
    token = line:match("([^\t]+)\t")
    break
  end
end

function request()
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  io.write(string.format("floor: %d requests in %.1f s, %.0f/s, errors %d (non-2xx %d); latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
