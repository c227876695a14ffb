"""The command line's errors and exit statuses, as the AWS CLI v1's.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

EXIT_ERROR = 255  # every runtime error, as the AWS CLI v1 (it has no 254)
EXIT_USAGE = 2  # argparse's errors
EXIT_INTERRUPTED = 130


class UnknownArgumentError(Exception):
    pass


class ParamError(Exception):
    def __init__(self, cli_name: str, message: str) -> None:
        super().__init__(f"Error parsing parameter '{cli_name}': {message}")


class ResourceLoadingError(Exception):
    pass


class StartingTokenError(Exception):
    pass
