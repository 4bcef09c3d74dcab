"""WebSub (W3C Recommendation, 2018): push of feed updates by the outlet's hub.

A feed naming a hub is subscribed to when `JARIDA_PUBLIC_URL` is set (`link.py`,
`maintenance.py`, `hub_client.py`); the hub verifies our intent and pushes signed feed
bodies to `/websub/{token}` (`callback.py`, served by `jarida.web.websub_routes`); pushed
bodies wait in an inbox until the crawler parses them like a polled feed (`inbox.py`).
Polling goes on, slower, as a safety net (`jarida.pipeline.schedule`).
"""
