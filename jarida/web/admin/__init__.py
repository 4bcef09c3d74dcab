"""The admin area at /admin: login, moderation queue, articles, sources, crawl, audit, users."""
