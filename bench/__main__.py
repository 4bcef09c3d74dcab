"""`make bench`: every benchmark, each side by side with its peer, results into docs/."""

from __future__ import annotations

import subprocess
import sys

BENCHES = [["-m", "bench.extraction"], ["-m", "bench.ingest", "--pages", "2000"],
           ["-m", "bench.web"],  # needs wrk and nginx (apt-get install wrk nginx)
           ["-m", "bench.freshness", "--write"],
           ["-m", "bench.crawl_hosts"],  # nginx
           ["-m", "bench.images"],  # wrk and nginx too
           ["-m", "bench.tone", "--write"]]  # NewsMTSC part needs ../shared

for args in BENCHES:
    print(f"== python {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, *args], check=True)
