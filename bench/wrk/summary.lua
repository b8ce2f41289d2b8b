-- One line of what a wrk run measured, shared by the scripts that report requests a second and latency:
-- label: N requests in S s, R/s, errors E (non-2xx F); latency p50, p95, p99, max in ms.
function summary_line(label, summary, latency)
  return string.format("%s: %d requests in %.1f s, %.0f/s, errors %d (non-2xx %d); latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    label, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000)
end
