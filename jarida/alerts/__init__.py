"""Monitoring alerts: rules over mentions and articles, subscriptions, and their delivery.

The rules (`rules.py`, with the statistics in `spike.py`) turn stored mentions into
alerts; `enqueue.py` records each alert once with one delivery row per subscriber (the
outbox); `dispatch.py` sends pending deliveries by webhook (`webhook.py`) or e-mail
(`email.py`) and records the outcome; `service.py` is the one call made after a crawl pass
or on a timer.
"""
