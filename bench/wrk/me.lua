-- The floor of an API call on this stack: GET /api/me with an API token (the token read, the account
-- read, JSON out), nothing else; from the first line of ACKS ("token<TAB>compound"), all connections alike.
dofile("bench/wrk/summary.lua")
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
  io.write(summary_line("floor", summary, latency))
end
