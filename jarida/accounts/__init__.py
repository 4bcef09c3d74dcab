"""Accounts of the admin area and the API: users with roles, sessions, API tokens."""
