"""Helper processes exit when the process that started them dies.

A SIGKILLed crawl cannot tell its extraction workers to stop, and a worker waiting on
its task pipe would wait forever (it holds both ends). So each helper process (the
fork server and every worker) watches its own parent: when the parent dies the
kernel gives the orphan a new parent, `getppid()` changes, and the helper exits.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.5


def exit_with_parent() -> None:
    """Start a daemon thread that ends this process once its parent has died."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="jarida-exit-with-parent", daemon=True).start()
