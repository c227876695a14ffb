"""The AWS CLI's global options, as data: what the page every reference page sends readers to
("See 'aws help' for descriptions of global parameters") documents.

From awscli 1.46.3, ``awscli/data/cli.json`` (``description``, ``synopsis``, ``options``): the
name, the type the AWS CLI's help shows, the choices, and the help text (HTML, converted like
the model's documentation). ``tests/test_site.py`` checks them against the installed awscli.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class GlobalOption:
    name: str  # without ``--``
    type_name: str  # as the AWS CLI's help shows it: boolean for a flag, else string or integer
    help: str  # HTML
    choices: tuple[str, ...] = ()


DESCRIPTION = "The AWS Command Line Interface is a unified tool to manage your AWS services."
SYNOPSIS = "aws [options] <command> <subcommand> [parameters]"

GLOBAL_OPTIONS = (
    GlobalOption("debug", "boolean", "<p>Turn on debug logging.</p>"),
    GlobalOption("endpoint-url", "string", "<p>Override command's default URL with the given URL.</p>"),
    GlobalOption(
        "no-verify-ssl",
        "boolean",
        "<p>By default, the AWS CLI uses SSL when communicating with AWS services.  For each SSL "
        "connection, the AWS CLI will verify SSL certificates.  This option overrides the default "
        "behavior of verifying SSL certificates.</p>",
    ),
    GlobalOption(
        "no-paginate",
        "boolean",
        "<p>Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only "
        "make one call, for the first page of results.</p>",
    ),
    GlobalOption("output", "string", "<p>The formatting style for command output.</p>", ("json", "text", "table")),
    GlobalOption("query", "string", "<p>A JMESPath query to use in filtering the response data.</p>"),
    GlobalOption("profile", "string", "<p>Use a specific profile from your credential file.</p>"),
    GlobalOption("region", "string", "<p>The region to use.  Overrides config/env settings.</p>"),
    GlobalOption("version", "string", "<p>Display the version of this tool.</p>"),
    GlobalOption("color", "string", "<p>Turn on/off color output.</p>", ("on", "off", "auto")),
    GlobalOption(
        "no-sign-request",
        "boolean",
        "<p>Do not sign requests.  Credentials will not be loaded if this argument is provided.</p>",
    ),
    GlobalOption(
        "ca-bundle",
        "string",
        "<p>The CA certificate bundle to use when verifying SSL certificates. Overrides config/env "
        "settings.</p>",
    ),
    GlobalOption(
        "cli-read-timeout",
        "int",
        "<p>The maximum socket read time in seconds. If the value is set to 0, the socket read will "
        "be blocking and not timeout. The default value is 60 seconds.</p>",
    ),
    GlobalOption(
        "cli-connect-timeout",
        "int",
        "<p>The maximum socket connect time in seconds. If the value is set to 0, the socket connect "
        "will be blocking and not timeout. The default value is 60 seconds.</p>",
    ),
    GlobalOption(
        "v2-debug",
        "boolean",
        "<p>Enable AWS CLI v2 migration assistance. Prints warnings if the command would face a "
        "breaking change after swapping AWS CLI v1 for AWS CLI v2 in the current environment. Prints "
        "one warning for each breaking change detected.</p>",
    ),
)
