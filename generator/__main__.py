"""`python -m generator` runs the command line."""

from generator.cli import run

if __name__ == "__main__":
    run()
