"""The hand-written story evaluation set: events told in fr/ar/es/en, wire copies, distractors.

`python -m bench.storyset` writes `bench/data/stories/articles.jsonl` from these modules.
"""
