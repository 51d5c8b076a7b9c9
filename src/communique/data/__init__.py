"""Package data files; each file's header names its sources."""
