-- Search requests cycling through a file of URL-encoded queries, one per line, spread over
-- the threads so each query is asked once before any repeats.
-- Arguments after `--`: query file, path prefix (e.g. /search?q=), number of wrk threads.
function init(args)
  queries = {}
  for line in io.lines(args[1]) do
    queries[#queries + 1] = line
  end
  prefix = args[2]
  threads = tonumber(args[3])
  i = 0
end

function request()
  local q = queries[(i * threads + tid) % #queries + 1]
  i = i + 1
  return wrk.format("GET", prefix .. q)
end
