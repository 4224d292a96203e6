"""Maintenance commands for editors and scheduled workflows; not part of the site or the rules."""
