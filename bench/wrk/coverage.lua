-- The district's committee watching coverage while visits arrive: the district's coverage (its
-- sub-districts with their counts) once a second per connection (API token PLANNER).
dofile("bench/wrk/summary.lua")

function init(args)
  -- the round's coverage at the district, and at one of its sub-districts every other time
  paths = { "/api/screening/rounds/" .. os.getenv("ROUND") .. "/coverage",
            "/api/screening/rounds/" .. os.getenv("ROUND") .. "/coverage?unit=" .. os.getenv("DISTRICT") .. "005" }
  n = 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[n % 2 + 1], { ["Authorization"] = "Bearer " .. os.getenv("PLANNER") })
end

function delay()
  return 1000
end

function done(summary, latency, requests)
  io.write(summary_line("coverage", summary, latency))
end
