"""Readers' image reports, automatic blocking, moderators' review and the audit trail."""
