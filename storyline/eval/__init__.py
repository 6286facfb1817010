"""Evaluation against shared gold sets (read from ../shared; never packaged)."""
