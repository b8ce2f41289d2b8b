-- The case loop's HTTP mix, as a sub-district's people use it: one request in five reports a
-- case (a grid worker's POST /api/cases), the others read: the dispatcher's queue (GET
-- /api/cases), one case (GET /api/cases/{id}) and its timeline (GET /api/cases/{id}/steps).
-- Tokens, the place and the ids of cases to read come from the environment (bench/casework-http.sh).
local grid = "Bearer " .. os.getenv("GRID_TOKEN")
local dispatcher = "Bearer " .. os.getenv("DISPATCHER_TOKEN")
local place = os.getenv("PLACE")
local ids = {}
for id in string.gmatch(os.getenv("CASE_IDS"), "[0-9]+") do ids[#ids + 1] = id end
local categories = {"E0101", "E0102", "E0201", "C0101"}
local n = 0

request = function()
  n = n + 1
  local pick = n % 5
  if pick == 0 then
    local body = string.format('{"category":"%s","description":"bench %d","place":"%s","address":"1栋"}',
        categories[(n % #categories) + 1], n, place)
    return wrk.format("POST", "/api/cases", {["Authorization"] = grid, ["Content-Type"] = "application/json"}, body)
  elseif pick == 1 or pick == 3 then
    return wrk.format("GET", "/api/cases?size=20", {["Authorization"] = dispatcher})
  elseif pick == 2 then
    return wrk.format("GET", "/api/cases/" .. ids[math.random(#ids)], {["Authorization"] = dispatcher})
  else
    return wrk.format("GET", "/api/cases/" .. ids[math.random(#ids)] .. "/steps", {["Authorization"] = dispatcher})
  end
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n", summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
