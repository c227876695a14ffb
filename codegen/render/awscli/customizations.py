"""The AWS CLI v1's customizations of its command lines, as data.

Read from awscli 1.46.3 (``AWSCLI_VERSION``; it bundles botocore 1.43.62, whose event aliases
are used below). Every table names the awscli module and variable or function it comes from.
``tests/test_awscli_customizations.py`` builds every command of the services in
``COVERED_SERVICES`` with the installed awscli and checks that these tables, applied to the
botocore model as described here, give exactly awscli's argument tables, command tables,
URL-fetching behaviour and reference-page changes.

How awscli builds an operation's argument table, and so how to apply this data
-----------------------------------------------------------------------------

``ServiceOperation._create_argument_table`` (awscli/clidriver.py) puts one argument per input
member, in model order, named ``xform_name(member, '-')`` (awscli's copy of botocore: see
``AWSCLI_XFORM_NAMES``): a ``boolean`` member gives ``--name`` and ``--no-name``
(``BooleanArgument.add_to_arg_table``; ``store_true``/``store_false``, never enforced by
argparse), a ``list`` member takes several words (``ListArgument``, ``nargs='*'``), every other
type one word (``CLIArgument``, argparse type ``ARGPARSE_VALUE_TYPES``). A member is required
when the model says so and it is not an idempotency token. Then the event
``building-argument-table.<service command>.<operation command>`` runs its handlers; botocore's
hierarchical emitter calls the more specific registrations first, so the order is:

1. ``building-argument-table.*``: ``STREAMING_OUTFILE`` is added when the operation has a blob
   payload in its output (``OperationModel.has_streaming_output``; awscli/customizations/
   streamingoutputarg.py).
2. ``building-argument-table.<service>.*``, then ``building-argument-table.<service>.<op>``:
   the service's own customizations, which ``argument_changes`` returns, in that order, as
   ``ArgumentChanges.edits``.
3. ``building-argument-table`` (every operation), in registration order:
   ``CLI_INPUT_JSON`` unless the table has an ``outfile`` entry (cliinputjson.py); for a
   paginated operation the paginator's input tokens and limit key become undocumented and
   ``STARTING_TOKEN``, ``PAGE_SIZE`` (only with a limit key) and ``MAX_ITEMS`` are set
   (paginate.py ``unify_paging_params``; setting an existing name replaces that entry in
   place, so a model ``MaxItems`` member is shadowed where it stands); then
   ``GENERATE_CLI_SKELETON`` unless the table has an ``outfile`` entry.

The table is an ordered dict: setting an existing name keeps its position, a new name goes to
the end, and a rename (``customizations/utils.py`` ``rename_argument``) deletes the old entry and
appends the new one. The edits below say which of these each one does.

Waiter commands (``aws <service> wait <waiter>``) are built the same way from their operation,
but under the event ``building-argument-table.wait.<waiter>``, so step 2 never applies to them:
``aws ec2 wait ...`` has no ec2 renames and no ``--no-`` booleans of ``PullUpBooleans``.

Not represented as data
-----------------------

These customizations are code in awscli; the tables here only say that they exist (the names
and the help of the options they add are data above), because what they do is to transform
values, call services or write files, and a table would be the code again. The generated
command line reproduces the first four items in its runtime (``_cli/custom.py``, named by
``AddedArgument.handler`` and ``RUNTIME_HOOKS``; the streamed outputs ``_cli/outfile.py``),
and of the fifth the dynamodb keys, the s3 error messages and the timestamps (the session's
parsers), and ``cli_follow_urlparam``; not the sigv2 warnings, ``ssm start-session``'s plugin,
the hand-written commands, the examples, aliases, plugins or ``[preview]``:

* What the added ec2 options do with their values: ``--count`` parses ``min[:max]`` into
  ``MinCount``/``MaxCount`` and both default to ``RUN_INSTANCES_DEFAULT_COUNT``
  (ec2/addcount.py); ``run-instances``' secondary-IP and public-IP options build
  ``NetworkInterfaces[0]`` and move ``SubnetId``, ``SecurityGroupIds``, ``PrivateIpAddress``,
  ``Ipv6*`` and ``EnablePrimaryIpv6`` into it (ec2/runinstances.py ``_fix_args``); the security
  group options build ``IpPermissions[0]`` (``--protocol all`` is ``-1``, ``--port`` takes
  ``from-to``, ``all`` or ``-1``, ``--source-group`` starting ``sg-`` is a group id) and reject
  mixing with ``--ip-permissions`` (ec2/secgroupsimplify.py); ``bundle-instance`` builds
  ``Storage.S3`` and generates the upload policy and its HMAC-SHA1 signature
  (ec2/bundleinstance.py); ``get-password-data --priv-launch-key`` decrypts ``PasswordData``
  with the RSA key after the call (ec2/decryptpassword.py); the ``--flag``/``--no-flag`` pairs of
  ``PullUpBooleans`` may not be given together and a bare ``--flag`` sends ``{"Value": true}``
  (toplevelbool.py).
* ``iam create-virtual-mfa-device`` writes the chosen bootstrap field, base64-decoded, to
  ``--outfile`` with mode 0600 and removes both fields from the output (iamvirtmfa.py).
* ``lambda``: ``--zip-file`` must hold zip content and goes to ``Code.ZipFile`` /
  ``Content.ZipFile``; ``--code``/``--content`` refuse a ``ZipFile`` key; ``update-function-code
  --zip-file`` is checked to be a zip file (``process-cli-arg``) (awslambda.py).
* Writing streamed output to ``outfile`` (streamingoutputarg.py, s3events.py
  ``S3SelectStreamOutputArgument``: the event stream's ``Records.Payload`` chunks).
* Runtime behaviour that is not about arguments: dynamodb decodes binary keys in
  ``LastEvaluatedKey`` when paginating (dynamodb.py); s3 error messages are enhanced
  (s3errormsg.py); sigv2 warnings (globalargs.py); timestamps are printed as on the wire
  (scalarparse.py); ``ssm start-session`` hands the session to ``session-manager-plugin``
  (sessionmanager.py ``StartSessionCaller``).
* Hand-written commands, whose options are their own code: ``cloudformation package`` and
  ``deploy`` (customizations/cloudformation/), ``logs start-live-tail``
  (customizations/logs/startlivetail.py), the ``wait`` command's per-waiter descriptions
  (waiters.py ``WaiterStateDocBuilder``, built from the waiter config), and the top-level
  ``s3``, ``configure`` and ``history`` commands.
* Authored examples: the "Examples" section of a reference page is the file
  ``awscli/examples/<service command>/<operation command>.rst`` when it exists
  (addexamples.py); it is content, thousands of files, not a customization table.
* Customizations of services outside ``COVERED_SERVICES`` other than the cross-service tables
  below (``ARGUMENT_RENAMES``, ``HIDDEN_ALIASES``, ``PARAMFILE_DISABLED``,
  ``REMOVED_COMMANDS``, ``HIDDEN_COMMAND_ALIASES``, the main command table): for example
  cloudfront, cloudsearch, cloudtrail, codecommit, codeartifact, configservice, datapipeline,
  deploy, dlm, ecr, ecs, eks, emr, emr-containers, gamelift, iot, kinesis, quicksight, rds,
  rekognition, route53, servicecatalog, ses, translate and cloudwatch ``put-metric-data``
  (the modules of those names under awscli/customizations/) add or replace arguments and
  commands that ``argument_changes`` does not return.
* User configuration that changes the command line: ``~/.aws/cli/alias`` (alias.py), plugins,
  ``[preview]`` (preview.py), ``cli_follow_urlparam = false`` (paramfile.py: then no URL is
  fetched at all) and ``api_versions``.

Quirks of awscli 1.46.3 that the data keeps, because it is what awscli does:

* ``iam create-virtual-mfa-device`` adds a *named* ``--outfile``, so it has neither
  ``--cli-input-json`` nor ``--generate-cli-skeleton``.
* ``ec2 revoke-security-group-egress`` gets no description note: awscli registers it for the
  misspelt command ``revoke-security-groupdoc-ingress``.
* ``lambda update-function-code --zip-file`` is documented with the unformatted template
  (``{param_type}`` appears literally).
* A required boolean member is documented as required but argparse does not enforce it.
* ``http://``/``https://`` values are fetched for every argument that is not listed as a
  no-fetch option, including ``outfile``, ``--starting-token`` and ``--cli-input-json``.
* An option listed in ``PARAMFILE_DISABLED`` loads no prefix at all: ``file://`` and
  ``fileb://`` values are sent as they are too (``URIArgumentHandler.__call__`` returns before
  looking at the prefix).

What the generated command line does with this data
---------------------------------------------------

``codegen/render/awscli/commands.py`` applies the edits to the model's argument table and
writes the result to ``commands.json``; the code customizations above are reproduced by the
generated CLI's runtime (``codegen/templates/runtime/_cli/custom.py``), which the table names:
an added argument by its ``AddedArgument.handler``, a command by ``RUNTIME_HOOKS``. A handler
the runtime does not reproduce is refused when the option is used, never ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

import attrs

AWSCLI_VERSION: Final = "1.46.3"
# awscli 1.46 ships its own botocore (awscli/botocore); EVENT_ALIASES below is that copy's.
AWSCLI_BOTOCORE_VERSION: Final = "1.43.62"

# The services whose every operation the tests check against awscli, by botocore service name.
COVERED_SERVICES: Final = (
    "ec2",
    "s3",
    "sqs",
    "sns",
    "iam",
    "sts",
    "dynamodb",
    "ssm",
    "sagemaker",
    "lambda",
    "cloudformation",
    "kms",
    "logs",
    "secretsmanager",
)


# =============================================================================================
# Data classes


@attrs.frozen
class AddedArgument:
    """An argument awscli adds to an argument table (not a model member).

    ``name`` is the table key; the option is ``--name``, or ``name`` itself when ``positional``.
    The parser fields are what the argument passes to argparse's ``add_argument``: ``None``
    and ``()`` mean "not passed" (a plain string option).
    """

    name: str
    type_name: str  # what the reference page shows: "``--name`` (type_name)"
    documentation: str  # HTML or reStructuredText, as awscli has it
    required: bool = False  # argparse enforces it, and the page shows it unbracketed
    document_as_required: bool = False  # shown as required although argparse does not enforce it
    positional: bool = False
    action: Literal["store_true", "store_false"] | None = None
    nargs: Literal["?", "*", "+"] | None = None
    value_type: Literal["str", "int"] | None = None  # argparse ``type=``
    choices: tuple[str, ...] = ()
    const: str | None = None
    group: str | None = None  # arguments sharing a group are documented together: --a | --no-a
    target: str = ""  # where the value goes, in words (documentation only)
    # What the generated CLI does with the value: the name of the function of its runtime
    # (``_cli/custom.py``, ``ARGUMENTS``) that reproduces the awscli code named above; "" for
    # the generic arguments the runtime knows by their kind.
    handler: str = ""

    @property
    def cli_name(self) -> str:
        return self.name if self.positional else f"--{self.name}"


@attrs.frozen
class Rename:
    """The option ``old`` is called ``new``; the entry moves to the end of the table.

    Applied only when ``old`` is in the table (argrename.py ``rename_arg``). A renamed boolean
    keeps its group, so ``--egress``/``--ingress`` are documented together."""

    old: str
    new: str


@attrs.frozen
class HiddenAlias:
    """``alias`` is an undocumented copy of ``existing``, appended at the end (utils.py
    ``make_hidden_alias``). When ``existing`` is required, neither is required any more and
    ``existing`` is documented as required. Applied only when ``existing`` is in the table."""

    existing: str
    alias: str


@attrs.frozen
class Undocument:
    """The option stays accepted but is left out of the reference page (``_UNDOCUMENTED``)."""

    name: str


@attrs.frozen
class Remove:
    """The option is deleted from the table."""

    name: str


@attrs.frozen
class MakeOptional:
    """The option is no longer required."""

    name: str


@attrs.frozen
class SetDocumentation:
    """The option's documentation is replaced, in place; applied only when the option is in
    the table (awslambda.py ``_modify_zipfile_docstring``)."""

    name: str
    documentation: str


@attrs.frozen
class Add:
    """``argument`` is set in the table: in place when its name exists, else appended."""

    argument: AddedArgument


@attrs.frozen
class DropMember:
    """The structure option ``name`` no longer accepts the member ``member`` (it moved to an
    added option) and is no longer required; it stays in place."""

    name: str
    member: str


@attrs.frozen
class PullUpBooleans:
    """Every option (at this point of the table) whose shape is a structure with exactly one
    member, ``member``, of type boolean becomes ``--name [value]`` (``nargs='?'``, a bare
    ``--name`` sends ``{"Value": true}``, documented type still ``structure``, not required) in
    place, and ``--no-name`` (``store_true``, sends ``{"Value": false}``) is appended, both in
    group ``name`` (toplevelbool.py ``pull_up_bool``)."""

    member: str = "Value"
    positive_nargs: Literal["?"] = "?"
    negative_action: Literal["store_true"] = "store_true"


Edit = (
    Rename
    | HiddenAlias
    | Undocument
    | Remove
    | MakeOptional
    | SetDocumentation
    | Add
    | DropMember
    | PullUpBooleans
)


@attrs.frozen
class ArgumentChanges:
    """What awscli does to one operation's model-derived argument table (step 2 of the module
    docstring), and which of its options take ``http(s)://`` values verbatim."""

    service_command: str
    operation_command: str
    edits: tuple[Edit, ...] = ()  # in the order awscli applies them
    no_url_fetch: frozenset[str] = frozenset()  # option names (after renames)

    @property
    def renames(self) -> tuple[Rename, ...]:
        return tuple(e for e in self.edits if isinstance(e, Rename))

    @property
    def hidden_aliases(self) -> tuple[HiddenAlias, ...]:
        return tuple(e for e in self.edits if isinstance(e, HiddenAlias))

    @property
    def undocumented(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.edits if isinstance(e, Undocument))

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.edits if isinstance(e, Remove))

    @property
    def added(self) -> tuple[AddedArgument, ...]:
        return tuple(e.argument for e in self.edits if isinstance(e, Add))

    @property
    def pulls_up_booleans(self) -> bool:
        return any(isinstance(e, PullUpBooleans) for e in self.edits)

    @property
    def has_named_outfile(self) -> bool:
        """An added argument named ``outfile``: then awscli adds neither ``--cli-input-json``
        nor ``--generate-cli-skeleton``."""
        return any(a.name == OUTFILE_KEY for a in self.added)


@attrs.frozen
class CustomCommand:
    """A command awscli adds to, or puts in place of a model operation in, a service's command
    table; ``implementation`` is the awscli class."""

    name: str
    implementation: str
    model_arguments: bool  # its arguments are the model operation's (a ServiceOperation)
    note: str = ""


@attrs.frozen
class CommandChanges:
    """What awscli does to a service's command table (one command per operation,
    ``xform_name(operation, '-')`` with ``AWSCLI_XFORM_NAMES``, in model order; deprecated
    operations are undocumented).

    Applied in this order: ``removed`` are deleted; ``replaced`` take the place of the
    operation of the same name; ``hidden_aliases`` (existing, alias) append an undocumented copy;
    ``added`` are appended; last, ``WAIT_COMMAND`` is appended when the service has waiters."""

    service_command: str
    removed: tuple[str, ...] = ()
    replaced: tuple[CustomCommand, ...] = ()
    hidden_aliases: tuple[tuple[str, str], ...] = ()
    added: tuple[CustomCommand, ...] = ()


@attrs.frozen
class PageChanges:
    """What awscli changes on an operation's reference page, besides the argument table."""

    service_command: str
    operation_command: str
    description_notes: tuple[str, ...] = ()  # HTML, each in a ``.. note::`` after the description
    translate_api_names: bool = True  # False: operation names in the text stay API names
    output_text: str | None = None  # replaces the whole Output section
    no_output: bool = False  # the Output section says None (the command prints nothing)
    expires_string_note: bool = False  # see S3_EXPIRES_STRING_NOTE


# =============================================================================================
# Service commands (the main command table)

# awscli/customizations/s3/s3.py add_s3, configservice/rename_cmd.py change_name,
# codedeploy/codedeploy.py change_name (utils.rename_command; awscli 1.46.3): botocore service
# name -> the CLI's service command. Every other service's command is its botocore name.
SERVICE_COMMAND_RENAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"s3": "s3api", "config": "configservice", "codedeploy": "deploy"}
)

# awscli/customizations/sms_voice.py hide_sms_voice (awscli 1.46.3): service commands that
# exist but are left out of ``aws help``.
UNDOCUMENTED_SERVICE_COMMANDS: Final = frozenset({"sms-voice"})

# awscli/customizations/sagemaker.py alias_sagemaker_runtime_command (make_hidden_command_alias;
# awscli 1.46.3): undocumented extra service command -> the service command it copies.
HIDDEN_SERVICE_COMMAND_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {"runtime.sagemaker": "sagemaker-runtime"}
)

# awscli/customizations/preview.py PREVIEW_SERVICES (awscli 1.46.3): service commands that only
# print an opt-in message unless ``[preview] <name> = true`` is configured.
PREVIEW_SERVICE_COMMANDS: Final = ("sdb",)

# Top-level commands that are not services (awscli 1.46.3): awscli/customizations/s3/s3.py
# add_s3 (``s3``, after ``s3`` the service became ``s3api``), configure/configure.py
# register_configure_cmd (``configure``), history/__init__.py add_history_commands (``history``).
CUSTOM_TOP_LEVEL_COMMANDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "s3": "awscli.customizations.s3.s3.S3",
        "configure": "awscli.customizations.configure.configure.ConfigureCommand",
        "history": "awscli.customizations.history.HistoryCommand",
    }
)


# awscli/botocore/__init__.py _xform_cache (botocore 1.43.62 as bundled in awscli 1.46.3; the
# seeded entries for ``sep='-'``): names that awscli's ``xform_name(name, '-')`` does not derive
# by its rules. Any other operation, member or waiter name follows the rules: a trailing
# ``[A-Z]{2,}s`` becomes ``-<lower>``, then ``(.)([A-Z][a-z]+)`` -> ``\1-\2`` and
# ``([a-z0-9])([A-Z])`` -> ``\1-\2``, lower-cased (a name with ``-`` is kept). Newer botocore
# seeds more names (1.44: ``CreateWhatsAppDataset`` -> ``create-whatsapp-dataset``), but
# awscli 1.46.3 uses its own copy and says ``create-whats-app-dataset``, so a generator on a
# newer botocore must use this table, not its botocore's ``xform_name``, for the CLI's names.
AWSCLI_XFORM_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "CreateCachediSCSIVolume": "create-cached-iscsi-volume",
        "DescribeCachediSCSIVolumes": "describe-cached-iscsi-volumes",
        "DescribeStorediSCSIVolumes": "describe-stored-iscsi-volumes",
        "CreateStorediSCSIVolume": "create-stored-iscsi-volume",
        "ListHITsForQualificationType": "list-hits-for-qualification-type",
        "ExecutePartiQLStatement": "execute-partiql-statement",
        "ExecutePartiQLTransaction": "execute-partiql-transaction",
        "ExecutePartiQLBatch": "execute-partiql-batch",
        "CreateOAuth2Token": "create-oauth2-token",
        "CreateOAuth2TokenWithIAM": "create-oauth2-token-with-iam",
        "IntrospectOAuth2TokenWithIAM": "introspect-oauth2-token-with-iam",
        "RevokeOAuth2TokenWithIAM": "revoke-oauth2-token-with-iam",
        "AssociateWhatsAppBusinessAccount": "associate-whatsapp-business-account",
        "CreateWhatsAppFlow": "create-whatsapp-flow",
        "CreateWhatsAppMessageTemplate": "create-whatsapp-message-template",
        "CreateWhatsAppMessageTemplateFromLibrary": "create-whatsapp-message-template-from-library",
        "CreateWhatsAppMessageTemplateMedia": "create-whatsapp-message-template-media",
        "DeleteWhatsAppFlow": "delete-whatsapp-flow",
        "DeleteWhatsAppMessageMedia": "delete-whatsapp-message-media",
        "DeleteWhatsAppMessageTemplate": "delete-whatsapp-message-template",
        "DeprecateWhatsAppFlow": "deprecate-whatsapp-flow",
        "DisassociateWhatsAppBusinessAccount": "disassociate-whatsapp-business-account",
        "GetLinkedWhatsAppBusinessAccount": "get-linked-whatsapp-business-account",
        "GetLinkedWhatsAppBusinessAccountPhoneNumber": "get-linked-whatsapp-business-account-phone-number",
        "GetOTelEnrichment": "get-otel-enrichment",
        "GetWhatsAppFlow": "get-whatsapp-flow",
        "GetWhatsAppFlowPreview": "get-whatsapp-flow-preview",
        "GetWhatsAppMessageMedia": "get-whatsapp-message-media",
        "GetWhatsAppMessageTemplate": "get-whatsapp-message-template",
        "ListLinkedWhatsAppBusinessAccounts": "list-linked-whatsapp-business-accounts",
        "ListWhatsAppFlowAssets": "list-whatsapp-flow-assets",
        "ListWhatsAppFlows": "list-whatsapp-flows",
        "ListWhatsAppMessageTemplates": "list-whatsapp-message-templates",
        "ListWhatsAppTemplateLibrary": "list-whatsapp-template-library",
        "PostWhatsAppMessageMedia": "post-whatsapp-message-media",
        "PublishWhatsAppFlow": "publish-whatsapp-flow",
        "PutWhatsAppBusinessAccountEventDestinations": "put-whatsapp-business-account-event-destinations",
        "SendWhatsAppMessage": "send-whatsapp-message",
        "StartOTelEnrichment": "start-otel-enrichment",
        "StopOTelEnrichment": "stop-otel-enrichment",
        "UpdateWhatsAppFlow": "update-whatsapp-flow",
        "UpdateWhatsAppFlowAssets": "update-whatsapp-flow-assets",
        "UpdateWhatsAppMessageTemplate": "update-whatsapp-message-template",
    }
)


# =============================================================================================
# What every operation gets (generic, model-driven rules)

# awscli/customizations/streamingoutputarg.py (add_streaming_output_arg, StreamingOutputArgument;
# awscli 1.46.3): for an operation whose output payload is a blob, the positional ``outfile``.
OUTFILE_KEY: Final = "outfile"
STREAMING_OUTFILE: Final = AddedArgument(
    name="outfile",
    handler="streaming-outfile",
    type_name="string",
    documentation="Filename where the content will be saved",
    required=True,
    positional=True,
    target="the output payload is written to this file and removed from the printed output",
)

# awscli/customizations/cliinputjson.py CliInputJSONArgument.ARG_DATA (awscli 1.46.3); not added
# when the table has an ``outfile`` entry (add_cli_input_json).
CLI_INPUT_JSON: Final = AddedArgument(
    name="cli-input-json",
    type_name="string",
    documentation=(
        "Performs service operation based on the JSON string provided. The JSON string follows"
        " the format provided by ``--generate-cli-skeleton``. If other arguments are provided"
        " on the command line, the CLI values will override the JSON-provided values. It is not"
        " possible to pass arbitrary binary values using a JSON-provided value as the string"
        " will be taken literally."
    ),
    target="top-level keys of the JSON object not given on the command line",
)

# awscli/customizations/generatecliskeleton.py GenerateCliSkeletonArgument.ARG_DATA
# (awscli 1.46.3); not added when the table has an ``outfile`` entry (add_generate_skeleton).
GENERATE_CLI_SKELETON: Final = AddedArgument(
    name="generate-cli-skeleton",
    type_name="string",
    documentation=(
        "Prints a JSON skeleton to standard output without sending an API request. If provided"
        " with no value or the value ``input``, prints a sample input JSON that can be used as"
        " an argument for ``--cli-input-json``. If provided with the value ``output``, it"
        " validates the command inputs and returns a sample output JSON for that command."
    ),
    nargs="?",
    const="input",
    choices=("input", "output"),
)

# awscli/customizations/paginate.py STARTING_TOKEN_HELP, PAGE_SIZE_HELP, MAX_ITEMS_HELP and
# unify_paging_params (awscli 1.46.3). ``PAGE_SIZE`` and ``MAX_ITEMS`` take the type of the
# paginator's limit key (``PAGING_VALUE_TYPES``; ``integer`` without a limit key); the values
# go to the paginator's ``PaginationConfig``.
_PAGINATION_GUIDE = """<p>For usage examples, see <a
href="https://docs.aws.amazon.com/cli/latest/userguide/pagination.html"
>Pagination</a> in the <i>AWS Command Line Interface User
Guide</i>.</p>
"""
STARTING_TOKEN: Final = AddedArgument(
    name="starting-token",
    type_name="string",
    documentation="""
<p>A token to specify where to start paginating.  This is the
<code>NextToken</code> from a previously truncated response.</p>
""" + _PAGINATION_GUIDE,
    value_type="str",
    target="PaginationConfig.StartingToken",
)
PAGE_SIZE: Final = AddedArgument(
    name="page-size",
    type_name="integer",
    documentation="""
<p>The size of each page to get in the AWS service call.  This
does not affect the number of items returned in the command's
output.  Setting a smaller page size results in more calls to
the AWS service, retrieving fewer items in each call.  This can
help prevent the AWS service calls from timing out.</p>
""" + _PAGINATION_GUIDE,
    value_type="int",
    target="PaginationConfig.PageSize",
)
MAX_ITEMS: Final = AddedArgument(
    name="max-items",
    type_name="integer",
    documentation="""
<p>The total number of items to return in the command's output.
If the total number of items available is more than the value
specified, a <code>NextToken</code> is provided in the command's
output.  To resume pagination, provide the
<code>NextToken</code> value in the <code>starting-token</code>
argument of a subsequent command.  <b>Do not</b> use the
<code>NextToken</code> response element directly outside of the
AWS CLI.</p>
""" + _PAGINATION_GUIDE,
    value_type="int",
    target="PaginationConfig.MaxItems",
)
# paginate.py PageArgument.type_map (awscli 1.46.3): limit key type -> argparse type of
# --page-size/--max-items; any other type is a TypeError when the table is built.
PAGING_VALUE_TYPES: Final[Mapping[str, Literal["str", "int"]]] = MappingProxyType(
    {"string": "str", "integer": "int", "long": "int"}
)

# awscli/arguments.py CLIArgument.TYPE_MAP (awscli 1.46.3): the argparse ``type=`` of a model
# option by its shape type. ``integer`` is parsed as a string and converted by ``int()`` after
# parsing (argprocess.py unpack_scalar_cli_arg), so a bad integer is exit 255, a bad ``long``
# an argparse error (exit 2). Booleans use ``store_true``/``store_false`` instead.
ARGPARSE_VALUE_TYPES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "structure": "str",
        "map": "str",
        "timestamp": "str",
        "list": "str",
        "string": "str",
        "float": "float",
        "integer": "str",
        "long": "int",
        "boolean": "bool",
        "double": "float",
        "blob": "str",
    }
)

# A streaming blob input member (argprocess.py unpack_scalar_cli_arg, clidocs.py
# _get_argument_type_name / _add_streaming_blob_note; awscli 1.46.3): the value is a file path
# (``~`` and ``$VARS`` expanded), opened in binary mode; not a file is this error.
STREAMING_BLOB_TYPE_NAME: Final = "streaming blob"
STREAMING_BLOB_NOTE: Final = (
    "This argument is of type: streaming blob. Its value must be the path to a file "
    "(e.g. ``path/to/file``) and must **not** be prefixed with ``file://`` or ``fileb://``"
)
STREAMING_BLOB_ERROR: Final = "Blob values must be a path to a file."

# awscli/customizations/waiters.py add_waiters (awscli 1.46.3): appended to the command table of
# every service with waiters; one subcommand per waiter, ``xform_name(waiter, '-')``, in sorted
# waiter-name order (botocore WaiterModel.waiter_names), with the waiter operation's arguments
# (generic rules only).
WAIT_COMMAND: Final = CustomCommand(
    name="wait",
    implementation="awscli.customizations.waiters.WaitCommand",
    model_arguments=False,
    note="subcommands are the waiters; each takes its operation's arguments",
)

# awscli/customizations/paginate.py add_paging_description (awscli 1.46.3): after the
# description of a paginated operation (``%s`` is the operation command, then the result keys
# as ````Key````, comma-joined; the second sentence only when the paginator has result keys).
PAGINATED_DESCRIPTION: Final = (
    "``%s`` is a paginated operation. Multiple API calls may be issued in order to retrieve the "
    "entire data set of results. You can disable pagination by providing the "
    "``--no-paginate`` argument."
)
PAGINATED_QUERY_NOTE: Final = (
    "When using ``--output text`` and the ``--query`` argument on a paginated response, the "
    "``--query`` argument must extract data from the results of the following query "
    "expressions: %s"
)


# =============================================================================================
# Argument renames and hidden aliases (every service)

# awscli/customizations/argrename.py ARGUMENT_RENAMES (awscli 1.46.3), in its order, as
# (service command, operation command or "*", option, new name). Registered on
# ``building-argument-table.<service>.<operation>``; "*" is every operation of the service.
ARGUMENT_RENAMES: Final[tuple[tuple[str, str, str, str], ...]] = (
    ("ec2", "create-image", "no-no-reboot", "reboot"),
    ("ec2", "*", "no-egress", "ingress"),
    ("ec2", "*", "no-disable-api-termination", "enable-api-termination"),
    ("swf", "register-activity-type", "version", "activity-version"),
    ("swf", "register-workflow-type", "version", "workflow-version"),
    ("datapipeline", "*", "query", "objects-query"),
    ("datapipeline", "get-pipeline-definition", "version", "pipeline-version"),
    ("emr", "*", "job-flow-ids", "cluster-ids"),
    ("emr", "*", "job-flow-id", "cluster-id"),
    ("cloudsearchdomain", "search", "query", "search-query"),
    ("cloudsearchdomain", "suggest", "query", "suggest-query"),
    ("sns", "subscribe", "endpoint", "notification-endpoint"),
    ("deploy", "*", "s-3-location", "s3-location"),
    ("deploy", "*", "ec-2-tag-filters", "ec2-tag-filters"),
    ("codepipeline", "get-pipeline", "version", "pipeline-version"),
    ("codepipeline", "create-custom-action-type", "version", "action-version"),
    ("codepipeline", "delete-custom-action-type", "version", "action-version"),
    ("kinesisanalytics", "add-application-output", "output", "application-output"),
    ("kinesisanalyticsv2", "add-application-output", "output", "application-output"),
    ("route53", "delete-traffic-policy", "version", "traffic-policy-version"),
    ("route53", "get-traffic-policy", "version", "traffic-policy-version"),
    ("route53", "update-traffic-policy-comment", "version", "traffic-policy-version"),
    ("gamelift", "create-build", "version", "build-version"),
    ("gamelift", "update-build", "version", "build-version"),
    ("gamelift", "create-script", "version", "script-version"),
    ("gamelift", "update-script", "version", "script-version"),
    ("route53domains", "view-billing", "start", "start-time"),
    ("route53domains", "view-billing", "end", "end-time"),
    ("apigateway", "create-rest-api", "version", "api-version"),
    ("apigatewayv2", "create-api", "version", "api-version"),
    ("apigatewayv2", "update-api", "version", "api-version"),
    ("pinpoint", "get-campaign-version", "version", "campaign-version"),
    ("pinpoint", "get-segment-version", "version", "segment-version"),
    ("pinpoint", "delete-email-template", "version", "template-version"),
    ("pinpoint", "delete-in-app-template", "version", "template-version"),
    ("pinpoint", "delete-push-template", "version", "template-version"),
    ("pinpoint", "delete-sms-template", "version", "template-version"),
    ("pinpoint", "delete-voice-template", "version", "template-version"),
    ("pinpoint", "get-email-template", "version", "template-version"),
    ("pinpoint", "get-in-app-template", "version", "template-version"),
    ("pinpoint", "get-push-template", "version", "template-version"),
    ("pinpoint", "get-sms-template", "version", "template-version"),
    ("pinpoint", "get-voice-template", "version", "template-version"),
    ("pinpoint", "update-email-template", "version", "template-version"),
    ("pinpoint", "update-in-app-template", "version", "template-version"),
    ("pinpoint", "update-push-template", "version", "template-version"),
    ("pinpoint", "update-sms-template", "version", "template-version"),
    ("pinpoint", "update-voice-template", "version", "template-version"),
    ("stepfunctions", "send-task-success", "output", "task-output"),
    ("clouddirectory", "publish-schema", "version", "schema-version"),
    ("mturk", "list-qualification-types", "query", "types-query"),
    ("workdocs", "create-notification-subscription", "endpoint", "notification-endpoint"),
    ("workdocs", "describe-users", "query", "user-query"),
    ("lex-models", "delete-bot", "version", "bot-version"),
    ("lex-models", "delete-intent", "version", "intent-version"),
    ("lex-models", "delete-slot-type", "version", "slot-type-version"),
    ("lex-models", "get-intent", "version", "intent-version"),
    ("lex-models", "get-slot-type", "version", "slot-type-version"),
    ("lex-models", "delete-bot-version", "version", "bot-version"),
    ("lex-models", "delete-intent-version", "version", "intent-version"),
    ("lex-models", "delete-slot-type-version", "version", "slot-type-version"),
    ("lex-models", "get-export", "version", "resource-version"),
    ("license-manager", "get-grant", "version", "grant-version"),
    ("license-manager", "delete-grant", "version", "grant-version"),
    ("license-manager", "get-license", "version", "license-version"),
    ("rekognition", "create-stream-processor", "output", "stream-processor-output"),
    ("eks", "create-cluster", "version", "kubernetes-version"),
    ("eks", "update-cluster-version", "version", "kubernetes-version"),
    ("eks", "create-nodegroup", "version", "kubernetes-version"),
    ("eks", "update-nodegroup-version", "version", "kubernetes-version"),
    ("eks", "update-cluster-components-version", "version", "kubernetes-version"),
    ("schemas", "*", "version", "schema-version"),
    ("sagemaker", "delete-image-version", "version", "version-number"),
    ("sagemaker", "describe-image-version", "version", "version-number"),
    ("sagemaker", "list-aliases", "version", "version-number"),
    ("sagemaker", "update-image-version", "version", "version-number"),
    ("iotwireless", "*", "lo-ra-wan", "lorawan"),
    ("codepipeline", "get-action-type", "version", "action-version"),
    ("ecs", "*", "no-enable-execute-command", "disable-execute-command"),
    ("ecs", "execute-command", "no-interactive", "non-interactive"),
    ("controltower", "create-landing-zone", "version", "landing-zone-version"),
    ("controltower", "update-landing-zone", "version", "landing-zone-version"),
    ("glue", "get-unfiltered-partition-metadata", "region", "resource-region"),
    ("glue", "get-unfiltered-partitions-metadata", "region", "resource-region"),
    ("glue", "get-unfiltered-table-metadata", "region", "resource-region"),
)

# awscli/customizations/argrename.py HIDDEN_ALIASES (awscli 1.46.3), in its order, as
# (service command, operation command or "*", option, undocumented alias). Registered after
# every rename (register_arg_renames).
HIDDEN_ALIASES: Final[tuple[tuple[str, str, str, str], ...]] = (
    (
        "cognito-identity",
        "create-identity-pool",
        "open-id-connect-provider-arns",
        "open-id-connect-provider-ar-ns",
    ),
    ("storagegateway", "describe-tapes", "tape-arns", "tape-ar-ns"),
    ("storagegateway", "describe-tape-archives", "tape-arns", "tape-ar-ns"),
    ("storagegateway", "describe-vtl-devices", "vtl-device-arns", "vtl-device-ar-ns"),
    ("storagegateway", "describe-cached-iscsi-volumes", "volume-arns", "volume-ar-ns"),
    ("storagegateway", "describe-stored-iscsi-volumes", "volume-arns", "volume-ar-ns"),
    ("route53domains", "view-billing", "start-time", "start"),
    ("deploy", "create-deployment-group", "ec2-tag-set", "ec-2-tag-set"),
    ("deploy", "list-application-revisions", "s3-bucket", "s-3-bucket"),
    ("deploy", "list-application-revisions", "s3-key-prefix", "s-3-key-prefix"),
    ("deploy", "update-deployment-group", "ec2-tag-set", "ec-2-tag-set"),
    ("iam", "enable-mfa-device", "authentication-code1", "authentication-code-1"),
    ("iam", "enable-mfa-device", "authentication-code2", "authentication-code-2"),
    ("iam", "resync-mfa-device", "authentication-code1", "authentication-code-1"),
    ("iam", "resync-mfa-device", "authentication-code2", "authentication-code-2"),
    ("importexport", "get-shipping-label", "street1", "street-1"),
    ("importexport", "get-shipping-label", "street2", "street-2"),
    ("importexport", "get-shipping-label", "street3", "street-3"),
    ("lambda", "publish-version", "code-sha256", "code-sha-256"),
    ("lightsail", "import-key-pair", "public-key-base64", "public-key-base-64"),
    (
        "mgn",
        "*",
        "replication-servers-security-groups-ids",
        "replication-servers-security-groups-i-ds",
    ),
    ("mgn", "*", "source-server-ids", "source-server-i-ds"),
    (
        "mgn",
        "*",
        "replication-configuration-template-ids",
        "replication-configuration-template-i-ds",
    ),
    (
        "elasticache",
        "create-replication-group",
        "preferred-cache-cluster-azs",
        "preferred-cache-cluster-a-zs",
    ),
)


# =============================================================================================
# Options that take http:// and https:// values verbatim (every service)

# awscli/paramfile.py PARAMFILE_DISABLED (awscli 1.46.3), as (event service id, operation
# command, option). Every other option of a service operation whose value starts with
# ``http://`` or ``https://`` is replaced by the body of a GET of that URL (``file://`` and
# ``fileb://`` are read for all options, these included). The event service id is the
# operation's endpoint prefix through ``EVENT_ALIASES`` (the event awscli matches is
# ``load-cli-arg.<endpoint prefix>.<operation command>.<option>``); ``custom`` entries are the
# hand-written ``s3 cp/mv/sync`` and ``cloudformation package/deploy`` commands.
PARAMFILE_DISABLED: Final = frozenset(
    {
        ("api-gateway", "create-api", "target"),
        ("api-gateway", "create-integration", "integration-uri"),
        ("api-gateway", "put-integration", "uri"),
        ("api-gateway", "update-api", "target"),
        ("api-gateway", "update-integration", "integration-uri"),
        ("appstream", "create-stack", "feedback-url"),
        ("appstream", "create-stack", "redirect-url"),
        ("appstream", "update-stack", "feedback-url"),
        ("appstream", "update-stack", "redirect-url"),
        ("cloudformation", "create-change-set", "template-url"),
        ("cloudformation", "create-stack-set", "template-url"),
        ("cloudformation", "create-stack", "stack-policy-url"),
        ("cloudformation", "create-stack", "template-url"),
        ("cloudformation", "estimate-template-cost", "template-url"),
        ("cloudformation", "get-template-summary", "template-url"),
        ("cloudformation", "register-type", "schema-handler-package"),
        ("cloudformation", "set-stack-policy", "stack-policy-url"),
        ("cloudformation", "update-stack-set", "template-url"),
        ("cloudformation", "update-stack", "stack-policy-during-update-url"),
        ("cloudformation", "update-stack", "stack-policy-url"),
        ("cloudformation", "update-stack", "template-url"),
        ("cloudformation", "validate-template", "template-url"),
        ("comprehend", "batch-detect-dominant-language", "text-list"),
        ("comprehend", "batch-detect-entities", "text-list"),
        ("comprehend", "batch-detect-key-phrases", "text-list"),
        ("comprehend", "batch-detect-sentiment", "text-list"),
        ("comprehend", "detect-dominant-language", "text"),
        ("comprehend", "detect-entities", "text"),
        ("comprehend", "detect-key-phrases", "text"),
        ("comprehend", "detect-sentiment", "text"),
        ("custom", "cp", "website-redirect"),
        ("custom", "deploy", "template-file"),
        ("custom", "mv", "website-redirect"),
        ("custom", "package", "template-file"),
        ("custom", "sync", "website-redirect"),
        ("emr", "create-studio", "idp-auth-url"),
        ("guardduty", "create-ip-set", "location"),
        ("guardduty", "create-threat-intel-set", "location"),
        ("guardduty", "update-ip-set", "location"),
        ("guardduty", "update-threat-intel-set", "location"),
        ("iam", "create-open-id-connect-provider", "url"),
        ("iot", "create-job", "document-source"),
        ("machine-learning", "predict", "predict-endpoint"),
        ("mediatailor", "put-playback-configuration", "ad-decision-server-url"),
        ("mediatailor", "put-playback-configuration", "slate-ad-url"),
        ("mediatailor", "put-playback-configuration", "video-content-source-url"),
        ("rds", "copy-db-cluster-snapshot", "pre-signed-url"),
        ("rds", "copy-db-snapshot", "pre-signed-url"),
        ("rds", "create-db-cluster", "pre-signed-url"),
        ("rds", "create-db-instance-read-replica", "pre-signed-url"),
        ("s3", "copy-object", "website-redirect-location"),
        ("s3", "create-multipart-upload", "website-redirect-location"),
        ("s3", "put-object", "website-redirect-location"),
        ("sagemaker", "create-notebook-instance", "additional-code-repositories"),
        ("sagemaker", "create-notebook-instance", "default-code-repository"),
        ("sagemaker", "update-notebook-instance", "additional-code-repositories"),
        ("sagemaker", "update-notebook-instance", "default-code-repository"),
        ("serverlessapplicationrepository", "create-application-version", "source-code-url"),
        ("serverlessapplicationrepository", "create-application-version", "template-url"),
        ("serverlessapplicationrepository", "create-application", "home-page-url"),
        ("serverlessapplicationrepository", "create-application", "license-url"),
        ("serverlessapplicationrepository", "create-application", "readme-url"),
        ("serverlessapplicationrepository", "create-application", "source-code-url"),
        ("serverlessapplicationrepository", "create-application", "template-url"),
        ("serverlessapplicationrepository", "update-application", "home-page-url"),
        ("serverlessapplicationrepository", "update-application", "readme-url"),
        ("service-catalog", "create-product", "support-url"),
        ("service-catalog", "update-product", "support-url"),
        ("ses", "create-custom-verification-email-template", "failure-redirection-url"),
        ("ses", "create-custom-verification-email-template", "success-redirection-url"),
        ("ses", "put-account-details", "website-url"),
        ("ses", "update-custom-verification-email-template", "failure-redirection-url"),
        ("ses", "update-custom-verification-email-template", "success-redirection-url"),
        ("sns", "subscribe", "notification-endpoint"),
        ("sqs", "add-permission", "queue-url"),
        ("sqs", "change-message-visibility-batch", "queue-url"),
        ("sqs", "change-message-visibility", "queue-url"),
        ("sqs", "delete-message-batch", "queue-url"),
        ("sqs", "delete-message", "queue-url"),
        ("sqs", "delete-queue", "queue-url"),
        ("sqs", "get-queue-attributes", "queue-url"),
        ("sqs", "list-dead-letter-source-queues", "queue-url"),
        ("sqs", "list-queue-tags", "queue-url"),
        ("sqs", "purge-queue", "queue-url"),
        ("sqs", "receive-message", "queue-url"),
        ("sqs", "remove-permission", "queue-url"),
        ("sqs", "send-message-batch", "queue-url"),
        ("sqs", "send-message", "queue-url"),
        ("sqs", "set-queue-attributes", "queue-url"),
        ("sqs", "tag-queue", "queue-url"),
        ("sqs", "untag-queue", "queue-url"),
        ("translate", "translate-text", "text"),
        ("workdocs", "create-notification-subscription", "notification-endpoint"),
    }
)

# awscli/botocore/utils.py EVENT_ALIASES (botocore 1.43.62 as bundled in awscli 1.46.3; the
# event emitter renames these event-name parts, so they are how events spell a service).
EVENT_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "api.mediatailor": "mediatailor",
        "api.pricing": "pricing",
        "api.sagemaker": "sagemaker",
        "apigateway": "api-gateway",
        "application-autoscaling": "application-auto-scaling",
        "appstream2": "appstream",
        "autoscaling": "auto-scaling",
        "autoscaling-plans": "auto-scaling-plans",
        "ce": "cost-explorer",
        "cloudhsmv2": "cloudhsm-v2",
        "cloudsearchdomain": "cloudsearch-domain",
        "cognito-idp": "cognito-identity-provider",
        "config": "config-service",
        "cur": "cost-and-usage-report-service",
        "data.iot": "iot-data-plane",
        "data.jobs.iot": "iot-jobs-data-plane",
        "data.mediastore": "mediastore-data",
        "datapipeline": "data-pipeline",
        "devicefarm": "device-farm",
        "directconnect": "direct-connect",
        "discovery": "application-discovery-service",
        "dms": "database-migration-service",
        "ds": "directory-service",
        "dynamodbstreams": "dynamodb-streams",
        "elasticbeanstalk": "elastic-beanstalk",
        "elasticfilesystem": "efs",
        "elasticloadbalancing": "elastic-load-balancing",
        "elasticmapreduce": "emr",
        "elb": "elastic-load-balancing",
        "elbv2": "elastic-load-balancing-v2",
        "email": "ses",
        "entitlement.marketplace": "marketplace-entitlement-service",
        "es": "elasticsearch-service",
        "events": "eventbridge",
        "cloudwatch-events": "eventbridge",
        "iot-data": "iot-data-plane",
        "iot-jobs-data": "iot-jobs-data-plane",
        "kinesisanalytics": "kinesis-analytics",
        "kinesisvideo": "kinesis-video",
        "lex-models": "lex-model-building-service",
        "lex-runtime": "lex-runtime-service",
        "logs": "cloudwatch-logs",
        "machinelearning": "machine-learning",
        "marketplace-entitlement": "marketplace-entitlement-service",
        "marketplacecommerceanalytics": "marketplace-commerce-analytics",
        "metering.marketplace": "marketplace-metering",
        "meteringmarketplace": "marketplace-metering",
        "mgh": "migration-hub",
        "models.lex": "lex-model-building-service",
        "monitoring": "cloudwatch",
        "mturk-requester": "mturk",
        "resourcegroupstaggingapi": "resource-groups-tagging-api",
        "route53": "route-53",
        "route53domains": "route-53-domains",
        "runtime.lex": "lex-runtime-service",
        "runtime.sagemaker": "sagemaker-runtime",
        "sdb": "simpledb",
        "secretsmanager": "secrets-manager",
        "serverlessrepo": "serverlessapplicationrepository",
        "servicecatalog": "service-catalog",
        "states": "sfn",
        "stepfunctions": "sfn",
        "storagegateway": "storage-gateway",
        "streams.dynamodb": "dynamodb-streams",
        "tagging": "resource-groups-tagging-api",
    }
)


# awscli/customizations/overridesslcommonname.py SSL_COMMON_NAMES (awscli 1.46.3): service
# command -> region -> the host (https) awscli sends requests to when ``--endpoint-url`` is not
# given (update_endpoint_url, on ``before-building-argument-table-parser``: as it sets the
# endpoint URL itself, it also wins over ``AWS_ENDPOINT_URL`` and the config's
# ``endpoint_url``). ``health`` is left out: awscli also changes its region
# (_override_health_region), which is not represented.
LEGACY_ENDPOINTS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "sqs": MappingProxyType(
            {
                "af-south-1": "af-south-1.queue.amazonaws.com",
                "ap-east-1": "ap-east-1.queue.amazonaws.com",
                "ap-northeast-1": "ap-northeast-1.queue.amazonaws.com",
                "ap-northeast-2": "ap-northeast-2.queue.amazonaws.com",
                "ap-northeast-3": "ap-northeast-3.queue.amazonaws.com",
                "ap-south-1": "ap-south-1.queue.amazonaws.com",
                "ap-southeast-1": "ap-southeast-1.queue.amazonaws.com",
                "ap-southeast-2": "ap-southeast-2.queue.amazonaws.com",
                "ap-southeast-3": "ap-southeast-3.queue.amazonaws.com",
                "ca-central-1": "ca-central-1.queue.amazonaws.com",
                "eu-central-1": "eu-central-1.queue.amazonaws.com",
                "eu-north-1": "eu-north-1.queue.amazonaws.com",
                "eu-south-1": "eu-south-1.queue.amazonaws.com",
                "eu-west-1": "eu-west-1.queue.amazonaws.com",
                "eu-west-2": "eu-west-2.queue.amazonaws.com",
                "eu-west-3": "eu-west-3.queue.amazonaws.com",
                "me-south-1": "me-south-1.queue.amazonaws.com",
                "sa-east-1": "sa-east-1.queue.amazonaws.com",
                "us-east-1": "queue.amazonaws.com",
                "us-east-2": "us-east-2.queue.amazonaws.com",
                "us-west-1": "us-west-1.queue.amazonaws.com",
                "us-west-2": "us-west-2.queue.amazonaws.com",
                "cn-north-1": "cn-north-1.queue.amazonaws.com.cn",
                "cn-northwest-1": "cn-northwest-1.queue.amazonaws.com.cn",
                "us-gov-west-1": "us-gov-west-1.queue.amazonaws.com",
                "us-isob-east-1": "us-isob-east-1.queue.sc2s.sgov.gov",
            }
        ),
        "emr": MappingProxyType(
            {
                "af-south-1": "af-south-1.elasticmapreduce.amazonaws.com",
                "ap-east-1": "ap-east-1.elasticmapreduce.amazonaws.com",
                "ap-northeast-1": "ap-northeast-1.elasticmapreduce.amazonaws.com",
                "ap-northeast-2": "ap-northeast-2.elasticmapreduce.amazonaws.com",
                "ap-northeast-3": "ap-northeast-3.elasticmapreduce.amazonaws.com",
                "ap-south-1": "ap-south-1.elasticmapreduce.amazonaws.com",
                "ap-southeast-1": "ap-southeast-1.elasticmapreduce.amazonaws.com",
                "ap-southeast-2": "ap-southeast-2.elasticmapreduce.amazonaws.com",
                "ap-southeast-3": "ap-southeast-3.elasticmapreduce.amazonaws.com",
                "ca-central-1": "ca-central-1.elasticmapreduce.amazonaws.com",
                "eu-north-1": "eu-north-1.elasticmapreduce.amazonaws.com",
                "eu-south-1": "eu-south-1.elasticmapreduce.amazonaws.com",
                "eu-west-1": "eu-west-1.elasticmapreduce.amazonaws.com",
                "eu-west-2": "eu-west-2.elasticmapreduce.amazonaws.com",
                "eu-west-3": "eu-west-3.elasticmapreduce.amazonaws.com",
                "me-south-1": "me-south-1.elasticmapreduce.amazonaws.com",
                "sa-east-1": "sa-east-1.elasticmapreduce.amazonaws.com",
                "us-east-2": "us-east-2.elasticmapreduce.amazonaws.com",
                "us-west-1": "us-west-1.elasticmapreduce.amazonaws.com",
                "us-west-2": "us-west-2.elasticmapreduce.amazonaws.com",
            }
        ),
        "rds": MappingProxyType(
            {
                "us-east-1": "rds.amazonaws.com",
            }
        ),
        "docdb": MappingProxyType(
            {
                "us-east-1": "rds.amazonaws.com",
            }
        ),
        "neptune": MappingProxyType(
            {
                "us-east-1": "rds.amazonaws.com",
            }
        ),
    }
)


# =============================================================================================
# Commands removed, replaced, aliased and added

# awscli/customizations/removals.py register_removals (awscli 1.46.3), in its order: service
# command -> operation commands deleted from its command table.
REMOVED_COMMANDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "ses": (
            "delete-verified-email-address",
            "list-verified-email-addresses",
            "verify-email-address",
        ),
        "ec2": ("import-instance", "import-volume"),
        "emr": (
            "run-job-flow",
            "describe-job-flows",
            "add-job-flow-steps",
            "terminate-job-flows",
            "list-bootstrap-actions",
            "list-instance-groups",
            "set-termination-protection",
            "set-keep-job-flow-alive-when-no-steps",
            "set-visible-to-all-users",
            "set-unhealthy-node-replacement",
        ),
        "kinesis": ("subscribe-to-shard",),
        "lexv2-runtime": ("start-conversation",),
        "lambda": ("invoke-with-response-stream",),
        "sagemaker-runtime": ("invoke-endpoint-with-response-stream",),
        "bedrock-runtime": (
            "invoke-model-with-response-stream",
            "invoke-model-with-bidirectional-stream",
            "converse-stream",
        ),
        "bedrock-agent-runtime": (
            "agentic-retrieve-stream",
            "invoke-agent",
            "invoke-flow",
            "invoke-inline-agent",
            "optimize-prompt",
            "retrieve-and-generate-stream",
        ),
        "bedrock-agentcore": (
            "invoke-code-interpreter",
            "invoke-agent-runtime-command",
            "invoke-harness",
        ),
        "qbusiness": ("chat",),
        "iotsitewise": ("invoke-assistant",),
        "logs": ("get-log-object",),
        "connecthealth": ("start-medical-scribe-listening-session",),
        "polly": ("start-speech-synthesis-stream",),
        "devops-agent": ("send-message",),
    }
)

# awscli 1.46.3: customizations/mturk.py alias_mturk_command, signin.py alias_signin_command,
# socialmessaging.py alias_socialmessaging_command, cloudwatch.py alias_otel_commands
# (make_hidden_command_alias): service command -> (existing command, undocumented alias).
HIDDEN_COMMAND_ALIASES: Final[Mapping[str, tuple[tuple[str, str], ...]]] = MappingProxyType(
    {
        "mturk": (("list-hits-for-qualification-type", "list-hi-ts-for-qualification-type"),),
        "signin": (("create-oauth2-token", "create-o-auth2-token"),),
        "socialmessaging": (("delete-whatsapp-message-media", "delete-whatsapp-media-message"),),
        "cloudwatch": (
            ("get-otel-enrichment", "get-o-tel-enrichment"),
            ("start-otel-enrichment", "start-o-tel-enrichment"),
            ("stop-otel-enrichment", "stop-o-tel-enrichment"),
        ),
    }
)

# Commands of the covered services that awscli puts in place of the model operation's command
# (awscli 1.46.3): customizations/sessionmanager.py add_custom_start_session,
# customizations/logs/__init__.py inject_start_live_tail_command.
REPLACED_COMMANDS: Final[Mapping[str, tuple[CustomCommand, ...]]] = MappingProxyType(
    {
        "ssm": (
            CustomCommand(
                name="start-session",
                implementation="awscli.customizations.sessionmanager.StartSessionCommand",
                model_arguments=True,
                note="runs session-manager-plugin; the reference page has no Output",
            ),
        ),
        "logs": (
            CustomCommand(
                name="start-live-tail",
                implementation="awscli.customizations.logs.startlivetail.StartLiveTailCommand",
                model_arguments=False,
                note="hand-written: prints the live tail's events",
            ),
        ),
    }
)

# Commands of the covered services that awscli adds, in order, before ``wait`` (awscli 1.46.3):
# customizations/cloudformation/__init__.py inject_commands.
ADDED_COMMANDS: Final[Mapping[str, tuple[CustomCommand, ...]]] = MappingProxyType(
    {
        "cloudformation": (
            CustomCommand(
                name="package",
                implementation="awscli.customizations.cloudformation.package.PackageCommand",
                model_arguments=False,
            ),
            CustomCommand(
                name="deploy",
                implementation="awscli.customizations.cloudformation.deploy.DeployCommand",
                model_arguments=False,
            ),
        ),
    }
)


# =============================================================================================
# Argument customizations of the covered services

# awscli/customizations/ec2/addcount.py (HELP, CountArgument, ec2_add_count; awscli 1.46.3).
RUN_INSTANCES_DEFAULT_COUNT: Final = 1
_EC2_COUNT = AddedArgument(
    name="count",
    handler="ec2-count",
    type_name="string",
    documentation="""
<p>Number of instances to launch. If a single number is provided, it
is assumed to be the minimum to launch (defaults to 1).  If a range is
provided in the form <code>min:max</code> then the first number is
interpreted as the minimum number of instances to launch and the second
is interpreted as the maximum number of instances to launch.</p>""",
    target="MinCount and MaxCount (min[:max]); both default to 1",
)

# awscli/customizations/ec2/decryptpassword.py (HELP, ec2_add_priv_launch_key; awscli 1.46.3).
_EC2_PRIV_LAUNCH_KEY = AddedArgument(
    name="priv-launch-key",
    handler="ec2-priv-launch-key",
    type_name="string",
    documentation="""<p>The file that contains the private key used to launch
the instance (e.g. windows-keypair.pem).  If this is supplied, the
password data sent from EC2 will be decrypted before display.</p>""",
    target="not sent: the RSA private key file that decrypts PasswordData",
)

# awscli/customizations/ec2/secgroupsimplify.py (_add_params and the *_DOCS strings;
# awscli 1.46.3): for authorize/revoke-security-group-ingress/egress.
_SECURITY_GROUP_EDITS: tuple[Edit, ...] = (
    Add(
        AddedArgument(
            name="protocol",
            handler="ec2-sg-protocol",
            type_name="string",
            documentation=(
                "<p>The IP protocol: <code>tcp</code> | <code>udp</code> | <code>icmp</code></p>"
                " <p>(VPC only) Use <code>all</code> to specify all protocols.</p><p>If this"
                " argument is provided without also providing the <code>port</code> argument,"
                " then it will be applied to all ports for the specified protocol.</p>"
            ),
            target="IpPermissions[0].IpProtocol (all: -1)",
        )
    ),
    Undocument("ip-protocol"),
    Add(
        AddedArgument(
            name="port",
            handler="ec2-sg-port",
            type_name="string",
            documentation=(
                "<p>For TCP or UDP: The range of ports to allow.  A single integer or a range"
                " (<code>min-max</code>).</p><p>For ICMP: A single integer or a range"
                " (<code>type-code</code>) representing the ICMP type number and the ICMP code"
                " number respectively. A value of -1 indicates all ICMP codes for all ICMP types."
                " A value of -1 just for <code>type</code> indicates all ICMP codes for the"
                " specified ICMP type.</p>"
            ),
            target="IpPermissions[0].FromPort and ToPort",
        )
    ),
    Undocument("from-port"),
    Undocument("to-port"),
    Add(
        AddedArgument(
            name="cidr",
            handler="ec2-sg-cidr",
            type_name="string",
            documentation="<p>The IPv4 address range, in CIDR format.</p>",
            target="IpPermissions[0].IpRanges",
        )
    ),
    Undocument("cidr-ip"),
    Add(
        AddedArgument(
            name="source-group",
            handler="ec2-sg-source-group",
            type_name="string",
            documentation="<p>The name or ID of the source security group.</p>",
            target="IpPermissions[0].UserIdGroupPairs[0].GroupId (sg-...) or GroupName",
        )
    ),
    Undocument("source-security-group-name"),
    Add(
        AddedArgument(
            name="group-owner",
            handler="ec2-sg-group-owner",
            type_name="string",
            documentation=(
                "<p>The AWS account ID that owns the source security group. Cannot be used when"
                " specifying a CIDR IP address.</p>"
            ),
            target="IpPermissions[0].UserIdGroupPairs[0].UserId",
        )
    ),
    Undocument("source-security-group-owner-id"),
)

# awscli/customizations/ec2/bundleinstance.py (_add_params and the *_DOCS strings;
# awscli 1.46.3).
_BUNDLE_INSTANCE_EDITS: tuple[Edit, ...] = (
    MakeOptional("storage"),
    Add(
        AddedArgument(
            name="bucket",
            handler="ec2-bundle-bucket",
            type_name="string",
            documentation=(
                "The bucket in which to store the AMI.  You can specify a bucket that you already"
                " own or a new bucket that Amazon EC2 creates on your behalf.  If you specify a"
                " bucket that belongs to someone else, Amazon EC2 returns an error."
            ),
            target="Storage.S3.Bucket",
        )
    ),
    Add(
        AddedArgument(
            name="prefix",
            handler="ec2-bundle-prefix",
            type_name="string",
            documentation="The prefix for the image component names being stored in Amazon S3.",
            target="Storage.S3.Prefix",
        )
    ),
    Add(
        AddedArgument(
            name="owner-akid",
            handler="ec2-bundle-owner-akid",
            type_name="string",
            documentation="The access key ID of the owner of the Amazon S3 bucket.",
            target="Storage.S3.AWSAccessKeyId",
        )
    ),
    Add(
        AddedArgument(
            name="owner-sak",
            handler="ec2-bundle-owner-sak",
            type_name="string",
            documentation=(
                "The AWS secret access key for the owner of the Amazon S3 bucket specified in the"
                " --bucket parameter. This parameter is required so that a signature can be"
                " computed for the policy."
            ),
            target="not sent: signs the upload policy (Storage.S3.UploadPolicySignature)",
        )
    ),
    Add(
        AddedArgument(
            name="policy",
            handler="ec2-bundle-policy",
            type_name="string",
            documentation=(
                "An Amazon S3 upload policy that gives Amazon EC2 permission to upload items into"
                " Amazon S3 on the user's behalf. If you provide this parameter, you must also"
                " provide your secret access key, so we can create a policy signature for you"
                " (the secret access key is not passed to Amazon EC2). If you do not provide this"
                " parameter, we generate an upload policy for you automatically. For more"
                " information about upload policies see the sections about policy construction"
                ' and signatures in the <a href="http://docs.aws.amazon.com/AmazonS3/latest/dev'
                '/HTTPPOSTForms.html">Amazon Simple Storage Service Developer Guide</a>.'
            ),
            target="Storage.S3.UploadPolicy (generated when absent)",
        )
    ),
)

# awscli/customizations/ec2/runinstances.py (_add_params and the *_DOCS strings;
# awscli 1.46.3).
_ASSOCIATE_PUBLIC_IP_DOCS = (
    "[EC2-VPC] If specified a public IP address will be assigned to the new instance in a VPC."
)
_RUN_INSTANCES_EDITS: tuple[Edit, ...] = (
    Add(
        AddedArgument(
            name="secondary-private-ip-addresses",
            handler="ec2-secondary-private-ip-addresses",
            type_name="string",
            documentation=(
                "[EC2-VPC] A secondary private IP address for the network interface or instance."
                " You can specify this multiple times to assign multiple secondary IP addresses."
                "  If you want additional private IP addresses but do not need a specific"
                " address, use the --secondary-private-ip-address-count option."
            ),
            nargs="*",
            target="NetworkInterfaces[0].PrivateIpAddresses (Primary false)",
        )
    ),
    Add(
        AddedArgument(
            name="secondary-private-ip-address-count",
            handler="ec2-secondary-private-ip-address-count",
            type_name="string",
            documentation=(
                "[EC2-VPC] The number of secondary IP addresses to assign to the network"
                " interface or instance."
            ),
            value_type="int",
            target="NetworkInterfaces[0].SecondaryPrivateIpAddressCount",
        )
    ),
    Add(
        AddedArgument(
            name="associate-public-ip-address",
            handler="ec2-associate-public-ip-address",
            type_name="boolean",
            documentation=_ASSOCIATE_PUBLIC_IP_DOCS,
            action="store_true",
            group="associate_public_ip",
            target="NetworkInterfaces[0].AssociatePublicIpAddress = true",
        )
    ),
    Add(
        AddedArgument(
            name="no-associate-public-ip-address",
            handler="ec2-no-associate-public-ip-address",
            type_name="boolean",
            documentation=_ASSOCIATE_PUBLIC_IP_DOCS,
            action="store_false",
            group="associate_public_ip",
            target="NetworkInterfaces[0].AssociatePublicIpAddress = false",
        )
    ),
)

# awscli/customizations/iamvirtmfa.py (IAMVMFAWrapper, OUTPUT_HELP, BOOTSTRAP_HELP, CHOICES;
# awscli 1.46.3). A *named* ``--outfile``: its ``outfile`` key also stops awscli from adding
# --cli-input-json and --generate-cli-skeleton.
_IAM_VIRTUAL_MFA_EDITS: tuple[Edit, ...] = (
    Add(
        AddedArgument(
            name="outfile",
            handler="iam-mfa-outfile",
            type_name="string",
            documentation=(
                "The output path and file name where the bootstrap information will be stored."
            ),
            required=True,
            target="not sent: the bootstrap data is written to this file (mode 0600)",
        )
    ),
    Add(
        AddedArgument(
            name="bootstrap-method",
            handler="iam-mfa-bootstrap-method",
            type_name="string",
            documentation=(
                "Method to use to seed the virtual MFA.  Valid values are: QRCodePNG |"
                " Base32StringSeed"
            ),
            required=True,
            choices=("QRCodePNG", "Base32StringSeed"),
            target="not sent: which VirtualMFADevice field is written to --outfile",
        )
    ),
)

# awscli/customizations/awslambda.py (ZIP_DOCSTRING, ZipFileArgumentHoister,
# _modify_zipfile_docstring; awscli 1.46.3).
_ZIP_DOCSTRING = (
    "<p>The path to the zip file of the {param_type} you are uploading. Specify --zip-file or"
    " --{param_type}, but not both. Example: fileb://{param_type}.zip</p>"
)


_LAMBDA_CREATE_FUNCTION_EDITS: tuple[Edit, ...] = (
    Add(
        AddedArgument(
            name="zip-file",
            handler="lambda-zip-file-code",
            type_name="blob",
            documentation=_ZIP_DOCSTRING.format(param_type="code"),
            target="Code.ZipFile (must be zip content; use fileb://)",
        )
    ),
    DropMember("code", "ZipFile"),
)
_LAMBDA_PUBLISH_LAYER_VERSION_EDITS: tuple[Edit, ...] = (
    Add(
        AddedArgument(
            name="zip-file",
            handler="lambda-zip-file-content",
            type_name="blob",
            documentation=_ZIP_DOCSTRING.format(param_type="content"),
            target="Content.ZipFile (must be zip content; use fileb://)",
        )
    ),
    DropMember("content", "ZipFile"),
)
# update-function-code has a model --zip-file; awscli replaces its documentation with the
# template itself, unformatted.
_LAMBDA_UPDATE_FUNCTION_CODE_EDITS: tuple[Edit, ...] = (
    SetDocumentation("zip-file", _ZIP_DOCSTRING),
)


# awscli/customizations/s3events.py (add_event_stream_output_arg, STREAM_HELP_TEXT;
# awscli 1.46.3): the event-stream output of select-object-content.
_S3_SELECT_OUTFILE = AddedArgument(
    name="outfile",
    handler="s3-select-outfile",
    type_name="string",
    documentation="Filename where the records will be saved",
    document_as_required=True,
    positional=True,
    target="not sent: the Records payloads of the event stream are written to this file",
)

# The handlers of ``building-argument-table.<service>.<operation or *>`` for which there is
# data, in the order awscli 1.46.3 registers them (awscli/handlers.py awscli_initialize):
# register_count_events, ec2_add_priv_launch_key, register_secgroup, register_bundleinstance,
# register_runinstances, IAMVMFAWrapper, register_arg_renames (ARGUMENT_RENAMES, then
# HIDDEN_ALIASES), register_bool_params, register_lambda_create_function,
# register_event_stream_arg. Handlers of one event run in registration order, and those of
# ``<service>.*`` before those of ``<service>.<operation>``.
_BEFORE_RENAMES: tuple[tuple[str, str, tuple[Edit, ...]], ...] = (
    ("ec2", "run-instances", (Add(_EC2_COUNT), Remove("min-count"), Remove("max-count"))),
    ("ec2", "get-password-data", (Add(_EC2_PRIV_LAUNCH_KEY),)),
    ("ec2", "authorize-security-group-ingress", _SECURITY_GROUP_EDITS),
    ("ec2", "authorize-security-group-egress", _SECURITY_GROUP_EDITS),
    ("ec2", "revoke-security-group-ingress", _SECURITY_GROUP_EDITS),
    ("ec2", "revoke-security-group-egress", _SECURITY_GROUP_EDITS),
    ("ec2", "bundle-instance", _BUNDLE_INSTANCE_EDITS),
    ("ec2", "run-instances", _RUN_INSTANCES_EDITS),
    ("iam", "create-virtual-mfa-device", _IAM_VIRTUAL_MFA_EDITS),
)
_AFTER_RENAMES: tuple[tuple[str, str, tuple[Edit, ...]], ...] = (
    ("ec2", "*", (PullUpBooleans(),)),
    ("lambda", "create-function", _LAMBDA_CREATE_FUNCTION_EDITS),
    ("lambda", "publish-layer-version", _LAMBDA_PUBLISH_LAYER_VERSION_EDITS),
    ("lambda", "update-function-code", _LAMBDA_UPDATE_FUNCTION_CODE_EDITS),
    ("s3api", "select-object-content", (Add(_S3_SELECT_OUTFILE),)),
)
ARGUMENT_HANDLERS: Final[tuple[tuple[str, str, tuple[Edit, ...]], ...]] = (
    _BEFORE_RENAMES
    + tuple((s, o, (Rename(old, new),)) for s, o, old, new in ARGUMENT_RENAMES)
    + tuple((s, o, (HiddenAlias(old, alias),)) for s, o, old, alias in HIDDEN_ALIASES)
    + _AFTER_RENAMES
)


# =============================================================================================
# Code customizations the generated CLI's runtime reproduces, by command

# (service command, operation command or "*") -> the runtime hooks (``_cli/custom.py``, ``HOOKS``)
# that do what these awscli 1.46.3 handlers do; in awscli's registration order:
# - ``ec2-default-count``: ec2/addcount.py set_default_count (before-parameter-build:
#   MinCount and MaxCount default to RUN_INSTANCES_DEFAULT_COUNT);
# - ``ec2-security-group-check``: ec2/secgroupsimplify.py _check_args (operation-args-parsed:
#   the scalar options may not be mixed with --ip-permissions);
# - ``ec2-bundle-check`` and ``ec2-bundle-policy``: ec2/bundleinstance.py _check_args and
#   _check_params (the upload policy and its HMAC-SHA1 signature, made when not given);
# - ``ec2-run-instances-check`` and ``ec2-run-instances-network``: ec2/runinstances.py
#   _check_args and _fix_args (the scalar network options build NetworkInterfaces[0]);
# - ``ec2-network-acl-protocol``: ec2/protocolarg.py _fix_args (NETWORK_ACL_PROTOCOL_NAMES);
# - ``lambda-zip-check``: awslambda.py validate_is_zip_file (process-cli-arg of --zip-file);
# - ``ec2-page-size``: ec2/paginate.py EC2PageSizeInjector (EC2_DEFAULT_PAGE_SIZE_OPERATIONS);
# - ``s3-error-message``: s3errormsg.py enhance_error_msg (after-call.s3);
# - ``dynamodb-last-evaluated-key``: dynamodb.py parse_last_evaluated_key_binary (after-call
#   when paginating).
# The ``--flag``/``--no-flag`` pairs of ``PullUpBooleans`` are checked by the runtime wherever
# the table has them (toplevelbool.py validate_boolean_mutex_groups).
RUNTIME_HOOKS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("ec2", "run-instances", ("ec2-default-count",)),
    ("ec2", "authorize-security-group-ingress", ("ec2-security-group-check",)),
    ("ec2", "authorize-security-group-egress", ("ec2-security-group-check",)),
    ("ec2", "revoke-security-group-ingress", ("ec2-security-group-check",)),
    ("ec2", "revoke-security-group-egress", ("ec2-security-group-check",)),
    ("ec2", "bundle-instance", ("ec2-bundle-check", "ec2-bundle-policy")),
    ("ec2", "run-instances", ("ec2-run-instances-check", "ec2-run-instances-network")),
    ("ec2", "create-network-acl-entry", ("ec2-network-acl-protocol",)),
    ("ec2", "replace-network-acl-entry", ("ec2-network-acl-protocol",)),
    ("lambda", "update-function-code", ("lambda-zip-check",)),
    ("ec2", "describe-volumes", ("ec2-page-size",)),
    ("ec2", "describe-snapshots", ("ec2-page-size",)),
    ("s3api", "*", ("s3-error-message",)),
    ("dynamodb", "*", ("dynamodb-last-evaluated-key",)),
)


# The hooks above that reach ``aws <service> wait <waiter>`` too (awscli 1.46.3): a waiter's
# events are ``*.wait.<waiter>`` (waiters.py builds a ServiceOperation with parent ``wait``), so
# only what awscli registers on every client of the service applies: s3errormsg.py's
# ``after-call.s3``. dynamodb.py's ``calling-command.dynamodb.*`` does not (nor does a waiter
# paginate).
WAITER_RUNTIME_HOOKS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"s3api": ("s3-error-message",)}
)


def runtime_hooks(service_command: str, operation_command: str) -> tuple[str, ...]:
    """The runtime hooks of ``aws <service_command> <operation_command>``, in order."""
    return tuple(
        hook
        for service, operation, hooks in RUNTIME_HOOKS
        if service == service_command and operation in ("*", operation_command)
        for hook in hooks
    )


def waiter_runtime_hooks(service_command: str) -> tuple[str, ...]:
    """The runtime hooks of every ``aws <service_command> wait <waiter>``."""
    return WAITER_RUNTIME_HOOKS.get(service_command, ())


# =============================================================================================
# Reference-page changes of the covered services

# awscli/customizations/ec2/secgroupsimplify.py _add_docs and EVENTS (awscli 1.46.3). The fourth
# registration is for the misspelt ``revoke-security-groupdoc-ingress``, so
# revoke-security-group-egress gets no note.
SECURITY_GROUP_NOTE: Final = (
    "To specify multiple rules in a single command use the <code>--ip-permissions</code> option"
)
# awscli/customizations/s3events.py replace_event_stream_docs (awscli 1.46.3): the Output section
# of s3api select-object-content (after the "Output" heading).
S3_SELECT_OUTPUT_TEXT: Final = (
    "This command generates no output.  The selected object content is written to the "
    "specified outfile.\n"
)
# awscli/customizations/s3events.py document_expires_string (awscli 1.46.3), on every s3api
# page: after the last ``Expires -> (timestamp)`` member of the Output section, a note and one
# more member, at that member's indentation.
S3_EXPIRES_STRING_NOTE: Final = (
    "This member has been deprecated. Please use `ExpiresString` instead."
)
S3_EXPIRES_STRING_MEMBER: Final = (
    "ExpiresString",
    "string",
    "The raw, unparsed value of the ``Expires`` field.",
)
EXPIRES_STRING_SERVICE_COMMANDS: Final = frozenset({"s3api"})

PAGE_CHANGES: Final[Mapping[tuple[str, str], PageChanges]] = MappingProxyType(
    {
        key: PageChanges(*key, description_notes=(SECURITY_GROUP_NOTE,))
        for key in (
            ("ec2", "authorize-security-group-ingress"),
            ("ec2", "authorize-security-group-egress"),
            ("ec2", "revoke-security-group-ingress"),
        )
    }
    | {
        # awscli/customizations/kms.py remove_translation_map (awscli 1.46.3).
        ("kms", "create-grant"): PageChanges("kms", "create-grant", translate_api_names=False),
        ("s3api", "select-object-content"): PageChanges(
            "s3api", "select-object-content", output_text=S3_SELECT_OUTPUT_TEXT
        ),
        # awscli/customizations/sessionmanager.py StartSessionCommand.create_help_command.
        ("ssm", "start-session"): PageChanges("ssm", "start-session", no_output=True),
    }
)


# =============================================================================================
# Value rewriting that is a table in awscli

# awscli/customizations/ec2/protocolarg.py _fix_args (awscli 1.46.3): the ``Protocol`` value of
# these ec2 operations (API names) is rewritten before the call.
NETWORK_ACL_PROTOCOL_OPERATIONS: Final = ("CreateNetworkAclEntry", "ReplaceNetworkAclEntry")
NETWORK_ACL_PROTOCOL_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {"tcp": "6", "udp": "17", "icmp": "1", "all": "-1"}
)

# awscli/customizations/ec2/paginate.py EC2PageSizeInjector (awscli 1.46.3): when paginating
# these ec2 commands without --page-size and with only the listed parameters (plus
# EC2_PAGE_SIZE_ALWAYS_ALLOWED), the page size is EC2_DEFAULT_PAGE_SIZE.
EC2_DEFAULT_PAGE_SIZE: Final = 1000
EC2_DEFAULT_PAGE_SIZE_OPERATIONS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"describe-volumes": (), "describe-snapshots": ("OwnerIds", "RestorableByUserIds")}
)
EC2_PAGE_SIZE_ALWAYS_ALLOWED: Final = ("NextToken", "DryRun", "PaginationConfig")


# =============================================================================================
# Lookups

_SERVICE_NAMES = {command: name for name, command in SERVICE_COMMAND_RENAMES.items()}
# PARAMFILE_DISABLED by (event service id, operation command).
_NO_URL_FETCH: Mapping[tuple[str, str], frozenset[str]] = {
    (service, operation): frozenset(
        option for s, o, option in PARAMFILE_DISABLED if (s, o) == (service, operation)
    )
    for service, operation, _ in PARAMFILE_DISABLED
}


def service_command(service_name: str) -> str:
    """The CLI's service command for a botocore service name (``s3`` -> ``s3api``)."""
    return SERVICE_COMMAND_RENAMES.get(service_name, service_name)


def service_name(service_command: str) -> str:
    """The botocore service name of a CLI service command (``s3api`` -> ``s3``)."""
    return _SERVICE_NAMES.get(service_command, service_command)


def event_service_id(endpoint_prefix: str) -> str:
    """How awscli's events spell a service whose endpoint prefix is given
    (``api.sagemaker`` -> ``sagemaker``, ``logs`` -> ``cloudwatch-logs``)."""
    return EVENT_ALIASES.get(endpoint_prefix, endpoint_prefix)


def url_fetch_disabled(endpoint_prefix: str, operation_command: str, option: str) -> bool:
    """True when awscli passes an ``http(s)://`` value of this option verbatim instead of
    fetching it (``option`` is the table name after renames, without ``--``)."""
    return option in _NO_URL_FETCH.get((event_service_id(endpoint_prefix), operation_command), ())


def argument_changes(
    service_command: str, operation_command: str, endpoint_prefix: str | None = None
) -> ArgumentChanges:
    """awscli's changes to the argument table of ``aws <service_command> <operation_command>``.

    ``endpoint_prefix`` is the model's ``metadata.endpointPrefix``; it only decides
    ``no_url_fetch``, and defaults to the botocore service name, which gives the same answer
    for every covered service. ``no_url_fetch`` may name options the operation does not have
    (awscli's list has stale entries); they never match anything."""
    edits = tuple(
        edit
        for specific in (False, True)
        for service, operation, handler_edits in ARGUMENT_HANDLERS
        if service == service_command
        and (operation == operation_command if specific else operation == "*")
        for edit in handler_edits
    )
    prefix = service_name(service_command) if endpoint_prefix is None else endpoint_prefix
    return ArgumentChanges(
        service_command=service_command,
        operation_command=operation_command,
        edits=edits,
        no_url_fetch=_NO_URL_FETCH.get((event_service_id(prefix), operation_command), frozenset()),
    )


def renamed_option(service_command: str, operation_command: str, option: str) -> str:
    """The name awscli gives the model-derived option ``option`` (``xform_name(member, '-')``,
    or ``no-`` + that for a boolean's negative), after its renames."""
    for rename in argument_changes(service_command, operation_command).renames:
        if rename.old == option:
            option = rename.new
    return option


def command_changes(service_command: str) -> CommandChanges:
    """awscli's changes to the command table of ``aws <service_command>`` (``WAIT_COMMAND``
    comes on top for a service with waiters)."""
    return CommandChanges(
        service_command=service_command,
        removed=REMOVED_COMMANDS.get(service_command, ()),
        replaced=REPLACED_COMMANDS.get(service_command, ()),
        hidden_aliases=HIDDEN_COMMAND_ALIASES.get(service_command, ()),
        added=ADDED_COMMANDS.get(service_command, ()),
    )


def page_changes(service_command: str, operation_command: str) -> PageChanges:
    """awscli's changes to the reference page of ``aws <service_command> <operation_command>``
    other than its argument table (the paging note and examples are generic)."""
    changes = PAGE_CHANGES.get(
        (service_command, operation_command), PageChanges(service_command, operation_command)
    )
    if service_command in EXPIRES_STRING_SERVICE_COMMANDS:
        changes = attrs.evolve(changes, expires_string_note=True)
    return changes
