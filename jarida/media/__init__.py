"""Article images: checked, re-encoded and stored at crawl time; served by id only."""
