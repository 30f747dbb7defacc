"""Calling one's members of Congress: the ZIP lookup letters use, then a card per legislator with
a filled-in script and phone numbers, and each call's outcome counted once (docs/calls.md)."""
