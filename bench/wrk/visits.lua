-- Phones sending visits: each request a batch of 50 visits of round ROUND, each with a key of its own
-- (thread, connection-independent counter, random), a household picked at random from HOUSEHOLDS,
-- 2 in 100 with a fever; as a community worker of the district (API token VISITOR).
dofile("bench/wrk/summary.lua")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  households = {}
  for line in io.lines(os.getenv("HOUSEHOLDS")) do
    table.insert(households, line)
  end
  math.randomseed(os.time() * 100 + id)
  path = "/api/screening/rounds/" .. os.getenv("ROUND") .. "/visits"
  headers = { ["Authorization"] = "Bearer " .. os.getenv("VISITOR"), ["Content-Type"] = "application/json" }
  at = os.getenv("VISITED_AT")
  prefix = string.format("b%d-%d-", id, math.random(1e9))
  sent = 0
end

function request()
  local items = {}
  for i = 1, 50 do
    sent = sent + 1
    local temperature = math.random(100) <= 2 and "38.2" or "36.6"
    items[i] = string.format('{"key":"%s%d","household":%s,"outcome":"VISITED","visitedAt":"%s","answers":{"people":3,"temperature":%s,"symptoms":false}}',
      prefix, sent, households[math.random(#households)], at, temperature)
  end
  return wrk.format("POST", path, headers, '{"visits":[' .. table.concat(items, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(summary_line("visit batches", summary, latency))
end
