"""Sub-commands of `jarida`, one module per area; each is thin over the services."""
