-- Requests cycling through a file of paths (one per line), each with a throwaway
-- parameter `b=<n>` so that no request is answered from the page cache.
-- Arguments after `--`: path file, number of wrk threads.
function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  threads = tonumber(args[2])
  i = 0
end

function request()
  local path = paths[(i * threads + tid) % #paths + 1]
  i = i + 1
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. sep .. "b=" .. tid .. "-" .. i)
end
