"""Distributed crawling on Dramatiq: a scheduler enqueues due feeds, workers on many
machines poll them and fetch, extract and store their articles into PostgreSQL, with
per-host politeness shared through Redis. Off unless `JARIDA_BROKER_URL` is set."""
