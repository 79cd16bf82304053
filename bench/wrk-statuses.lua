-- Shared by the wrk scripts of bench/: numbers each wrk thread (global `id`) and names each run of
-- wrk (global `run`, its start time in seconds), for object names that no other thread or run
-- uses (the gateway's duplicate guard answers 409 to an identical call still in flight, such as
-- one a previous run left behind); counts the answers' statuses per thread, printed summed at the
-- end as one "status <code> <count>" line each. A script loads it with dofile() and defines request().
run = os.time()
local all = {}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
  table.insert(all, thread)
end
statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local total = {}
  for _, t in ipairs(all) do
    for code, count in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + count end
  end
  for code, count in pairs(total) do io.write(string.format("status %d %d\n", code, count)) end
end
