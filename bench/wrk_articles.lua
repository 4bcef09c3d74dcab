-- A different article page on every request: ids start, start+1, ... spread over the
-- threads, so no id repeats before all N have been asked for (the page cache misses).
-- Arguments after `--`: N (ids are 1..N), first id offset, number of wrk threads.
-- `tid`, the thread number, comes from wrk_report.lua.
function init(args)
  n = tonumber(args[1])
  start = tonumber(args[2])
  threads = tonumber(args[3])
  i = 0
end

function request()
  local id = (start + i * threads + tid) % n + 1
  i = i + 1
  return wrk.format("GET", "/articles/" .. id)
end
