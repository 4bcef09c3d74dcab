"""`python -m jarida` is the `jarida` command."""

from jarida.cli import run

run()
