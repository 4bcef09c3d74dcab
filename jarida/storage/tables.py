"""SQLAlchemy Core tables: the one description of the schema the queries use.

Migrations under `migrations/versions/` create these; a test checks that the
migrated database matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    false,
)

from jarida.storage.types import UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("homepage", Text),
    Column("languages", String(100), nullable=False, default=""),  # comma-separated ISO 639-1
    Column("country", String(2)),
    Column("section", String(120)),
    Column("mode", String(10), nullable=False, default="full"),
    Column("timezone", String(64)),
    Column("verified", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    # Last change of the registration (0005): the site's data version reads its maximum.
    Column("updated_at", UTCDateTime),
    Index("ix_sources_updated_at", "updated_at"),
)

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("section", String(120)),
    Column("listing_pattern", Text),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("poll_interval", Integer, nullable=False),
    Column("next_poll_at", UTCDateTime),
    Column("last_polled_at", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("status", String(10), nullable=False, default="active"),
    # The address first registered, once autodiscovery or a 301/308 moved `url` (0002).
    Column("registered_url", Text),
    # The crawler process holding this feed's claim (0007): "host:pid:nonce".
    Column("claimed_by", String(120)),
    # The feed's publication rhythm for the adaptive schedule, JSON (0008_fresh).
    Column("schedule_state", Text),
    Index(None, "next_poll_at"),
    Index(None, "source_id"),
    Index("ix_feeds_registered_url", "registered_url"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("guid", Text),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("excerpt", Text, nullable=False),
    Column("author", Text),
    Column("published_at", UTCDateTime),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # The one key lists sort and paginate on: published_at when the article was first
    # stored, else its first fetch time. Set on insert, never moved by an update (so a
    # cursor never skips or repeats an article; storage.articles.list_articles).
    Column("sort_at", UTCDateTime, nullable=False),
    Column("language", String(8)),
    Column("section", String(120)),
    Column("image_url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("status", String(10), nullable=False, default="ok"),
    # Set when a moderator hides the article (0010): gone from every page, list and feed.
    Column("hidden_at", UTCDateTime),
    Column("hidden_reason", Text),
    # "full" or "fallback" (no article text on the page: feed entry / page metadata) (0013)
    Column("extraction", String(10), nullable=False, default="full", server_default="full"),
    Index(None, "sort_at", "id"),
    Index(None, "source_id", "sort_at", "id"),
    Index(None, "feed_id", "guid"),
    Index(None, "content_hash"),
    Index(None, "language", "sort_at", "id"),
    Index(None, "section", "sort_at", "id"),
    Index("ix_articles_updated_at", "updated_at"),  # the site's data version (0003)
)

images = Table(
    "images",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    # pending (not fetched yet), ok (stored in the media store), failed, blocked (0010)
    Column("status", String(10), nullable=False, default="pending"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sha256", String(64)),  # the stored picture (media.sha256)
    Column("error", Text),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("checked_at", UTCDateTime),
    Column("blocked_reason", String(20)),  # reports, moderator, banned, copy
    Column("blocked_at", UTCDateTime),
    Column("review", String(10)),  # queued, confirmed, restored
    UniqueConstraint("article_id", "url"),
    Index("ix_images_status", "status"),
    Index("ix_images_sha256", "sha256"),
    Index("ix_images_review", "review"),
)

media = Table(
    "media",
    metadata,
    Column("sha256", String(64), primary_key=True),  # of the picture as fetched
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("widths", String(100), nullable=False),  # stored rendition widths, "320,640"
    Column("formats", String(20), nullable=False),  # "webp" or "webp,jpg"
    Column("phash", String(16), nullable=False),  # 64-bit perceptual hash, hex
    # The hash's four 16-bit bands: two hashes within 3 bits share at least one band.
    Column("ph0", Integer, nullable=False),
    Column("ph1", Integer, nullable=False),
    Column("ph2", Integer, nullable=False),
    Column("ph3", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_media_ph0", "ph0"),
    Index("ix_media_ph1", "ph1"),
    Index("ix_media_ph2", "ph2"),
    Index("ix_media_ph3", "ph3"),
)

banned_hashes = Table(
    "banned_hashes",
    metadata,
    Column("phash", String(16), primary_key=True),
    Column("sha256", String(64)),
    Column("image_id", Integer),
    Column("banned_at", UTCDateTime, nullable=False),
    Column("banned_by", String(100)),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("image_id", Integer, ForeignKey("images.id", ondelete="CASCADE"), nullable=False),
    Column("reporter", String(64), nullable=False),  # HMAC of the reader's cookie id
    Column("network", String(64), nullable=False),  # HMAC of the /24 or /48 network
    Column("epoch", Integer, nullable=False),  # which report key made both hashes
    Column("reason", String(20), nullable=False),
    Column("comment", Text),
    Column("weight", Float, nullable=False, server_default="1"),
    Column("status", String(10), nullable=False, server_default="open"),  # open, dismissed, upheld
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_reports_image_id", "image_id"),
    Index("ix_reports_network_created_at", "network", "created_at"),
    Index("ix_reports_reporter_created_at", "reporter", "created_at"),
)

report_keys = Table(
    "report_keys",
    metadata,
    Column("epoch", Integer, primary_key=True),
    Column("secret", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

network_standing = Table(
    "network_standing",
    metadata,
    Column("network", String(64), primary_key=True),
    Column("dismissed", Integer, nullable=False, server_default="0"),
    Column("upheld", Integer, nullable=False, server_default="0"),
)

change_marks = Table(
    "change_marks",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("counter", Integer, nullable=False, server_default="0"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(200), nullable=False),
    Column("reason", Text),
    Index("ix_audit_log_at", "at"),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("url", Text, nullable=False),
    Column("status", Integer),
    Column("outcome", String(20), nullable=False),
    Column("error", Text),
    Column("bytes", Integer, nullable=False, default=0),
    Column("elapsed_ms", Integer, nullable=False, default=0),
    Column("fetched_at", UTCDateTime, nullable=False),
    Index(None, "fetched_at"),
    Index(None, "feed_id"),
)

# One row per crawl pass (0005): health of `jarida run`, `jarida stats`, the admin's status.
crawl_passes = Table(
    "crawl_passes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("runner", String(120), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("error", Text),
    Column("feeds", Integer, nullable=False, server_default="0"),
    Column("pages", Integer, nullable=False, server_default="0"),
    Column("stored", Integer, nullable=False, server_default="0"),
    Column("failed", Integer, nullable=False, server_default="0"),
    Index("ix_crawl_passes_finished_at", "finished_at"),
)

# A feed entry whose page failed (not live yet, no article text...): retried on later
# crawls with back-off even when the feed is unchanged (0005; storage/entry_failures.py).
entry_failures = Table(
    "entry_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("first_failed_at", UTCDateTime, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=False),
    Column("next_retry_at", UTCDateTime),  # None: given up after MAX_ENTRY_ATTEMPTS
    UniqueConstraint("feed_id", "url"),
    Index(None, "feed_id", "next_retry_at"),
)

# Which crawler process owns a host for now (0007): two crawlers on one database never
# fetch from one outlet at once (storage/host_leases.py).
host_leases = Table(
    "host_leases",
    metadata,
    Column("host", String(255), primary_key=True),
    Column("owner", String(120), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

# WebSub (0009_fresh): a subscription outlives its feed (feed_id NULL) until unsubscribed.
websub_subscriptions = Table(
    "websub_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("hub", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("token", String(64), nullable=False, unique=True),  # the callback's path
    Column("secret", String(64), nullable=False),  # HMAC key of X-Hub-Signature
    Column("state", String(10), nullable=False, default="inactive"),  # inactive, active
    Column("pending", String(12)),  # subscribe or unsubscribe: asked, not verified yet
    Column("lease_seconds", Integer),
    Column("expires_at", UTCDateTime),
    Column("due_at", UTCDateTime),  # when maintenance next acts on it
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "feed_id"),
    Index(None, "due_at"),
)

websub_inbox = Table(
    "websub_inbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("content_type", Text),
    Column("received_at", UTCDateTime, nullable=False),
    Index(None, "feed_id"),
)

# An article's lead image: its row in `images` for the article's image_url (0010).
LEAD_IMAGE = and_(images.c.article_id == articles.c.id, images.c.url == articles.c.image_url)
IMAGE_COLUMNS = (
    images.c.id.label("image_id"),
    images.c.status.label("image_status"),
    media.c.widths.label("image_widths"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),  # admin, moderator, analyst
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("disabled", Boolean, nullable=False, server_default=false()),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_login_at", UTCDateTime),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the cookie's token
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index("ix_sessions_user_id", "user_id"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(100), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
    Column("last_used_at", UTCDateTime),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("network", String(64), nullable=False),  # keyed hash of the /24 or /48
    Column("at", UTCDateTime, nullable=False),
    Index("ix_login_failures_network_at", "network", "at"),
)

# --- room "copies": syndicated copies (near-duplicates) (0014_copies) -----------------------

# The MinHash signature of each article long enough to be compared (jarida.dedup.minhash).
copy_signatures = Table(
    "copy_signatures",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("signature", LargeBinary, nullable=False),  # NUM_PERM little-endian uint32
)

# One row per LSH band of each signature: articles sharing a band key are candidates.
copy_bands = Table(
    "copy_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Index("ix_copy_bands_article_id", "article_id"),
)

# A copy and the original it republishes (the earliest; never itself a copy).
article_copies = Table(
    "article_copies",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("original_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("similarity", Float, nullable=False),
    Column("linked_at", UTCDateTime, nullable=False),
    Index("ix_article_copies_original_id", "original_id"),
)


# ---------------------------------------------------------------------------------------
# Room `watch` (issue 14): monitored subjects, their terms, comparison sets and mentions
# (0015_watch; storage/watch_subjects.py, storage/watch_mentions.py).
# ---------------------------------------------------------------------------------------

watch_subjects = Table(
    "watch_subjects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(12), nullable=False),  # brand, institution, person, topic
    Column("query", Text),  # optional boolean query (AND OR NOT "phrase" NEAR/n)
    Column("languages", String(100), nullable=False, server_default=""),  # comma-separated
    Column("sources", Text, nullable=False, server_default=""),  # comma-separated slugs
    # Bumped on every edit; the backfill redoes a subject whose backfill_version differs.
    Column("version", Integer, nullable=False, server_default="1"),
    Column("backfill_version", Integer),
    Column("backfill_through", Integer),  # last article id the backfill has matched
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# An alias (a name that designates the subject) or an exclusion (a context that means
# the alias is something else: a namesake, the common word an acronym spells).
watch_terms = Table(
    "watch_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject_id", Integer, ForeignKey("watch_subjects.id", ondelete="CASCADE"),
           nullable=False),
    Column("role", String(8), nullable=False),  # alias, exclude
    Column("text", Text, nullable=False),
    Column("language", String(8), nullable=False, server_default=""),  # "" = any
    Column("case_sensitive", Boolean, nullable=False, server_default=false()),
    Index(None, "subject_id"),
)

watch_sets = Table(
    "watch_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
)

watch_set_members = Table(
    "watch_set_members",
    metadata,
    Column("set_id", Integer, ForeignKey("watch_sets.id", ondelete="CASCADE"),
           primary_key=True),
    Column("subject_id", Integer, ForeignKey("watch_subjects.id", ondelete="CASCADE"),
           primary_key=True),
    Index(None, "subject_id"),
)

# One row per (subject, article): a backfill or a re-crawl upserts on that key, so a
# mention is never doubled. `where` is the most prominent place (title, lead, body),
# `count` all occurrences; published_at is the article's sort_at, copied for timelines.
watch_mentions = Table(
    "watch_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject_id", Integer, ForeignKey("watch_subjects.id", ondelete="CASCADE"),
           nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("where", String(5), nullable=False),  # title, lead, body
    Column("count", Integer, nullable=False),
    Column("snippet", Text, nullable=False),  # the sentence(s) naming the subject
    Column("target_start", Integer, nullable=False),  # the first name within the snippet
    Column("target_end", Integer, nullable=False),
    Column("published_at", UTCDateTime, nullable=False),
    Column("tone", String(8)),  # negative, neutral, positive (None: not scored yet)
    Column("tone_score", Float),
    Column("tone_corrected", Boolean, nullable=False, server_default=false()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("subject_id", "article_id"),
    Index(None, "subject_id", "published_at", "id"),
    Index(None, "article_id"),
    Index(None, "published_at"),
)

# ---- room alerts: monitoring alerts, subscriptions and the delivery outbox (0016_alerts) ----

alert_queries = Table(
    "alert_queries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("query", Text, nullable=False),  # the site's search syntax (words, "phrases")
    Column("language", String(8)),
    Column("created_at", UTCDateTime, nullable=False),  # articles before it never match
)

alert_subscriptions = Table(
    "alert_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(10), nullable=False),  # webhook, email
    Column("target", Text, nullable=False),  # the webhook URL or the e-mail address
    Column("secret", String(64), nullable=False),  # HMAC-SHA256 key of the webhook body
    Column("rules", String(100), nullable=False),  # comma-separated: spike,negative,...
    Column("subject_id", Integer,
           ForeignKey("watch_subjects.id", ondelete="CASCADE")),  # None: every subject
    Column("query_id", Integer, ForeignKey("alert_queries.id", ondelete="CASCADE")),
    Column("mode", String(10), nullable=False),  # immediate, digest
    Column("language", String(8), nullable=False),  # of e-mail subject lines: fr ar es en
    Column("active", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dedup_key", String(200), nullable=False, unique=True),  # one alert per event
    Column("rule", String(20), nullable=False),  # spike, negative, new_outlet, query, test
    Column("subject_id", Integer),
    Column("query_id", Integer),
    Column("article_id", Integer),
    Column("source_id", Integer),
    Column("window_start", UTCDateTime),
    Column("window_end", UTCDateTime),
    Column("observed", Integer),
    Column("expected", Float),
    Column("score", Float),  # the rule's tail probability
    Column("details", Text, nullable=False),  # JSON: names, titles, links for the message
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "created_at"),
)

alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscription_id", Integer,
           ForeignKey("alert_subscriptions.id", ondelete="CASCADE"), nullable=False),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE")),  # immediate
    Column("digest_day", String(10)),  # YYYY-MM-DD of a daily digest
    Column("idempotency_key", String(64), nullable=False, unique=True),
    Column("payload", Text, nullable=False),  # the exact JSON body, fixed before sending
    Column("state", String(10), nullable=False),  # pending, sent, failed
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("claimed_until", UTCDateTime),  # a sender holds it until then
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    UniqueConstraint("subscription_id", "alert_id"),
    UniqueConstraint("subscription_id", "digest_day"),
    Index(None, "state", "next_attempt_at"),
)

# ---- room "stories" (issue 13): stories, within and across languages (0017_stories) ----

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False),
    Column("article_count", Integer, nullable=False, default=1),
    Column("source_count", Integer, nullable=False, default=1),
    Column("languages", String(100), nullable=False, default=""),  # comma-separated, sorted
    # JSON {"t:fr": {term: weight}, "x:fr": {key: weight}, "n:fr": members}: each language's
    # summed term and cross-key vectors, trimmed (jarida.stories.profile)
    Column("profile", Text, nullable=False),
    # Ranking key: coverage (outlets, languages) and velocity, plus recency (stories.rank)
    Column("heat", Float, nullable=False, default=0.0),
    Index(None, "last_seen"),
    Index(None, "article_count", "heat", "id"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("source_id", Integer, nullable=False),
    Column("language", String(8), nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("fit", Float, nullable=False),  # likeness to its language's centroid when placed
    Index(None, "story_id", "seen_at"),
)

# The window's inverted index: a story is a candidate for a new article when they share a key.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("last_seen", UTCDateTime, nullable=False),
    Index(None, "last_seen"),
    Index(None, "key", "last_seen"),  # a key's most recent stories, without scanning them all
)
