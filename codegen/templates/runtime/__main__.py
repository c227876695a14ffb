"""``python -m <package> <command> [options]``: the command line (see ``cli``).

Copied into every package codegen generates; do not edit.
"""

from .cli import main

main()
