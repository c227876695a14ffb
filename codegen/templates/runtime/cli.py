"""This package's command line, compatible with the AWS CLI v1.

``<distribution> <command> [options]`` (or ``python -m <package>``) takes what
``aws <service> <command>`` takes: the same options, ``--cli-input-json``,
``--generate-cli-skeleton``, paging options, ``file://`` values, global options, environment
variables and config files; and it prints the same bytes and exits with the same status.
``<distribution> help`` lists the differences. The implementation is in ``_cli``: the command
table (``table``, read from ``commands.json``), values (``values``, ``shorthand``), the AWS
CLI's code customizations (``custom``), the session (``session``), output (``display``,
``output``, ``outfile``) and dispatch (``main``).

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

from ._cli.main import main, run
from ._cli.table import commands

__all__ = ["main", "run", "commands"]
