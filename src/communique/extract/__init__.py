"""Extraction stages: mentions, actors, quotes and events, each registered by name."""
