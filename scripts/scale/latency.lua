-- wrk script for scripts/scale.sh: after the run, one line with throughput and latency percentiles
-- (microseconds), so p95 is exact instead of read off wrk's 50/75/90/99 table.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f p50=%.0f p95=%.0f p99=%.0f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
