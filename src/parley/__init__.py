"""Parley: turn the news about a diplomatic negotiation into a structured, sourced record."""

__version__ = "0.1.0"
