"""Language analysis: the pinned spaCy pipeline, loaded once per process."""
