"""Sample articles bundled with the package for ``communique demo`` (written for communique)."""
