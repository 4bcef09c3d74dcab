"""Per-outlet HTML templates: each outlet has its own page shell and article markup."""
