"""Wiring of the stages: poll feeds, pick new entries, fetch, extract, store.

`crawler.Crawler` runs them inline in one process (the embedded default); the
queue runner hands the same stage functions to Dramatiq workers.
"""
