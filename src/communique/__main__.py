"""``python -m communique`` runs the command-line program."""

from communique.cli import main

if __name__ == "__main__":
    main()
