-- Every compound acknowledges a directive once: each request acknowledges one compound as the
-- committee of its district (API token), from the file ACKS ("token<TAB>compound" per line), split
-- between wrk's threads. DIRECTIVE is the directive's id; bench/emergency-http.sh stops wrk once every compound has answered.
dofile("bench/wrk/summary.lua")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local total = tonumber(os.getenv("THREADS") or "2")
  lines = {}
  local n = 0
  for line in io.lines(os.getenv("ACKS")) do
    n = n + 1
    if n % total == id - 1 then
      local token, unit = line:match("([^\t]+)\t([^\t]+)")
      table.insert(lines, { token = token, unit = unit })
    end
  end
  next_line = 1
  path = "/api/emergency/directives/" .. os.getenv("DIRECTIVE") .. "/acknowledgements"
  failures = 0
end

function request()
  local item = lines[next_line]
  if item == nil then
    -- this thread's share is sent: until the script stops wrk, retries of its own (idempotent, answered 0)
    item = lines[math.random(#lines)]
  end
  next_line = next_line + 1
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. item.token, ["Content-Type"] = "application/json" },
    '{"units":["' .. item.unit .. '"]}')
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(summary_line("acknowledgements", summary, latency))
end
