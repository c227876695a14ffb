"""``codegen/render/awscli/customizations.py`` is what awscli does.

One awscli run (a subprocess, so awscli's own botocore stays out of this process) builds, from
the botocore model this project generates from (``AWS_DATA_PATH``), the main command table, the
command table of every covered service, every operation's and waiter's argument table (which
fires ``building-argument-table`` and so every customization), what each argument does with an
``https://`` value, and the reference-page events; it also dumps awscli's own tables. Here the
same model is read with botocore, the generic rules and the data are applied (``predict_table``
is the reference for how a generator applies them) and the results are compared exactly:
every argument's name, position, documented or not, required, type, group, parser settings and
documentation.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import attrs
import botocore
import botocore.exceptions
import botocore.loaders
import botocore.model
import pytest

from codegen.render.awscli import customizations as cz

BOTOCORE_DATA = Path(botocore.__file__).parent / "data"
COVERED = tuple(cz.service_command(s) for s in cz.COVERED_SERVICES)
# Services outside the covered set whose command tables carry a hidden command alias.
ALIASED = tuple(cz.HIDDEN_COMMAND_ALIASES)

# Runs under a Python that has awscli. argv[1]: JSON [covered service commands, alias services].
AWSCLI_FACTS = r'''
import argparse, ast, json, sys

import awscli
import botocore
from awscli.argprocess import ParamError, unpack_scalar_cli_arg
from awscli.arguments import CLIArgument
from awscli.clidocs import CLIDocumentEventHandler
from awscli.customizations.paginate import PageArgument
from awscli.botocore.utils import EVENT_ALIASES
from awscli.clidriver import ServiceOperation, create_clidriver
from awscli.customizations import argrename, removals
from awscli.customizations.ec2 import addcount
from awscli.customizations.ec2.paginate import EC2PageSizeInjector
from awscli.customizations.overridesslcommonname import SSL_COMMON_NAMES
from awscli.paramfile import LOCAL_PREFIX_MAP, PARAMFILE_DISABLED, URIArgumentHandler

covered, aliased = json.loads(sys.argv[1])
FETCHED = object()


class Parser:
    def __init__(self):
        self.calls = []

    def add_argument(self, *names, **kwargs):
        self.calls.append((names, kwargs))


def parser_of(arg):
    parser = Parser()
    arg.add_to_parser(parser)
    (names, kwargs), = parser.calls
    out = {'positional': not names[0].startswith('-')}
    for key in ('action', 'nargs', 'type', 'choices', 'const'):
        value = kwargs.get(key)
        if value is not None:
            out[key] = value.__name__ if isinstance(value, type) else value
    if kwargs.get('required'):
        out['required'] = True
    return out


def describe(key, arg):
    model = getattr(arg, 'argument_model', None)
    model_doc = getattr(model, 'documentation', None)
    return {
        'key': key,
        'cli_name': arg.cli_name,
        'documented': not getattr(arg, '_UNDOCUMENTED', False),
        'required': bool(arg.required),
        'doc_required': bool(getattr(arg, '_DOCUMENT_AS_REQUIRED', False)),
        'type': arg.cli_type_name,
        'group': arg.group_name,
        'serialized': arg._serialized_name if isinstance(arg, CLIArgument) else None,
        'members': list(model.members) if getattr(model, 'type_name', None) == 'structure' else None,
        'doc': None if arg.documentation == model_doc else arg.documentation,
        'parser': parser_of(arg),
    }


class Style:
    indentation = 0
    indent_width = 2

    def __init__(self, log):
        self._log = log

    def __getattr__(self, name):
        return lambda *args, **kwargs: self._log.append(['style.' + name])


class Doc:
    def __init__(self, last_write=None):
        self.last_write = last_write
        self.log = []
        self.style = Style(self.log)
        self.translation_map = {'Name': 'name'}

    def include_doc_string(self, text):
        self.log.append(['include_doc_string', text])

    def write(self, text):
        self.log.append(['write', text])

    def writeln(self, text):
        self.log.append(['write', text + '\n'])

    def pop_write(self):
        self.log.append(['pop_write'])
        return '======\nOutput\n======'

    def find_last_write(self, text):
        self.log.append(['find_last_write', text])
        return self.last_write

    def insert_write(self, index, text):
        self.log.append(['insert_write', index, text])


class Help:
    def __init__(self, session, event_class, name):
        self.doc, self.obj, self.session = Doc(), None, session
        self.event_class, self.name = event_class, name


def page_facts(session, event_class, name):
    facts = {}
    for section in ('title', 'description', 'output'):
        help_command = Help(session, event_class, name)
        session.emit(f'doc-{section}.{event_class}', help_command=help_command)
        log = help_command.doc.log
        if section == 'title':
            facts['translation_cleared'] = help_command.doc.translation_map == {}
        elif section == 'description':
            facts['notes'] = [entry[1] for entry in log if entry[0] == 'include_doc_string']
        else:
            popped = ['pop_write'] in log
            facts['output_writes'] = [e[1] for e in log if e[0] == 'write'] if popped else None
            facts['expires_checked'] = ['find_last_write', 'Expires -> (timestamp)'] in log
    return facts


def table(cmd):
    return [describe(key, arg) for key, arg in cmd.arg_table.items()]


source = open(botocore.__file__).read()
start = source.index('_xform_cache = {')
seed = ast.literal_eval(source[start + len('_xform_cache = '):source.index('\n}\n', start) + 2])
xform_seed = [[name, value] for (name, sep), value in seed.items() if sep == '-']

driver = create_clidriver()
session = driver.session
session.register('load-cli-arg', URIArgumentHandler(
    dict(LOCAL_PREFIX_MAP, **{p: (lambda prefix, uri: FETCHED, {}) for p in ('http://', 'https://')})))
parsed_globals = argparse.Namespace(v2_debug=False, paginate=True)
loader = session.get_component('data_loader')

main = driver._get_command_table()
out = {
    'awscli': awscli.__version__,
    'botocore': botocore.__version__,
    'botocore_data': botocore.__path__[0] + '/data',
    'main': {
        name: [type(cmd).__module__ + '.' + type(cmd).__qualname__,
               getattr(cmd, '_service_name', None),
               not getattr(cmd, '_UNDOCUMENTED', False)]
        for name, cmd in main.items()
    },
    'argument_renames': list(argrename.ARGUMENT_RENAMES.items()),
    'hidden_aliases': list(argrename.HIDDEN_ALIASES.items()),
    'paramfile_disabled': sorted(PARAMFILE_DISABLED),
    'event_aliases': list(EVENT_ALIASES.items()),
    'xform_seed': xform_seed,
    'run_instances_default_count': addcount.DEFAULT,
    'ec2_page_size': [EC2PageSizeInjector.DEFAULT_PAGE_SIZE,
                      {k: list(v) for k, v in EC2PageSizeInjector.TARGET_OPERATIONS.items()},
                      EC2PageSizeInjector.UNIVERSAL_WHITELIST],
    'services': {},
    'ssl_common_names': SSL_COMMON_NAMES,
}


class Removals:
    calls = []

    def register(self, event, handler):
        self.calls.append([event.split('.', 1)[1], list(handler.keywords['commands_to_remove'])])


removals.register_removals(Removals())
out['removals'] = Removals.calls
out['argparse_types'] = {k: v.__name__ for k, v in CLIArgument.TYPE_MAP.items()}
out['paging_types'] = {k: v.__name__ for k, v in PageArgument.type_map.items()}

# Page fragments awscli writes: the paging note (iam list-users), the s3 ExpiresString member
# (as if the page had an Expires member), the streaming-blob note and error.
paging_help = Help(session, 'iam.list-users', 'list-users')
paging_help.obj = session.get_service_model('iam').operation_model('ListUsers')
session.emit('doc-description.iam.list-users', help_command=paging_help)
out['paging_description'] = [e[1] for e in paging_help.doc.log if e[0] == 'write']
expires_help = Help(session, 's3api.head-object', 'head-object')
expires_help.doc = Doc(last_write=0)
session.emit('doc-output.s3api.head-object', help_command=expires_help)
out['expires_inserts'] = [e[2] for e in expires_help.doc.log if e[0] == 'insert_write']
blob_doc = Doc()
CLIDocumentEventHandler._add_streaming_blob_note(None, blob_doc)
out['streaming_blob_note'] = [e[1] for e in blob_doc.log if e[0] == 'write']
body = session.get_service_model('s3').operation_model('PutObject').input_shape.members['Body']
try:
    unpack_scalar_cli_arg(body, '/nonexistent/file', '--body')
except ParamError as error:
    out['streaming_blob_error'] = str(error)

protocols = {}
ec2_model = session.get_service_model('ec2')
for operation in ('CreateNetworkAclEntry', 'ReplaceNetworkAclEntry', 'CreateNetworkAcl'):
    for value in ('tcp', 'udp', 'icmp', 'all', '6', 'TCP'):
        params = {'Protocol': value}
        session.emit(f'before-parameter-build.ec2.{operation}', params=params,
                     model=ec2_model.operation_model(operation))
        if params['Protocol'] != value:
            protocols.setdefault(operation, {})[value] = params['Protocol']
out['protocols'] = protocols

for cli_name in covered + aliased:
    service = main[cli_name]
    model = service.service_model
    commands = []
    for name, cmd in service._get_command_table().items():
        entry = {'name': name, 'class': type(cmd).__module__ + '.' + type(cmd).__qualname__,
                 'documented': not getattr(cmd, '_UNDOCUMENTED', False)}
        if isinstance(cmd, ServiceOperation):
            entry['operation'] = cmd._operation_model.name
        if cli_name in aliased:
            commands.append(entry)
            continue
        if isinstance(cmd, ServiceOperation):
            entry['args'] = table(cmd)
            entry['not_fetched'] = [
                key for key, arg in cmd.arg_table.items()
                if cmd._unpack_arg(arg, 'https://example.invalid/x', parsed_globals) is not FETCHED
            ]
            entry['page'] = page_facts(session, f'{cli_name}.{name}', name)
        if name == 'wait' and not isinstance(cmd, ServiceOperation):
            entry['waiters'] = [
                {'name': waiter, 'operation': sub._operation_model.name, 'args': table(sub)}
                for waiter, sub in cmd.subcommand_table.items()
            ]
        commands.append(entry)
    for entry in commands:
        cmd = service._get_command_table()[entry['name']]
        if isinstance(cmd, ServiceOperation) and \
                type(cmd).create_help_command is not ServiceOperation.create_help_command:
            entry['help_output_shape_removed'] = cmd.create_help_command().obj.output_shape is None
    out['services'][cli_name] = {
        'service_name': model.service_name,
        'model_file': loader.load_data_with_path(
            f'{model.service_name}/{model.api_version}/service-2')[1],
        'commands': commands,
    }
json.dump(out, sys.stdout)
'''


def _awscli_python() -> str | None:
    """A Python that can import awscli: $AWSCLI_PYTHON, this one, or a python3 on PATH."""
    candidates = [os.environ.get("AWSCLI_PYTHON"), sys.executable, shutil.which("python3")]
    for python in dict.fromkeys(c for c in candidates if c):
        try:
            probe = subprocess.run([python, "-c", "import awscli.clidriver"], capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return python
    return None


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    python = _awscli_python()
    if python is None:
        pytest.skip("awscli is not installed (set AWSCLI_PYTHON to a Python that has it)")
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        HOME=str(home),
        AWS_DATA_PATH=str(BOTOCORE_DATA),
        AWS_CONFIG_FILE=str(home / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(home / "credentials"),
    )
    run = subprocess.run(
        [python, "-c", AWSCLI_FACTS, json.dumps([COVERED, ALIASED])],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


@pytest.fixture(scope="module")
def loader(facts: dict[str, Any]) -> botocore.loaders.Loader:
    """This botocore, reading what awscli reads: our botocore's data, then awscli's own."""
    return botocore.loaders.Loader(
        extra_search_paths=[str(BOTOCORE_DATA), facts["botocore_data"]],
        include_default_search_paths=False,
    )


# ---------------------------------------------------------------------------------------------
# The reference application of the data to the model


def xform_name(name: str, sep: str = "-") -> str:
    """awscli 1.46.3's ``xform_name(name, '-')``: its seeded names, else botocore's rules."""
    assert sep == "-"
    if "-" in name:
        return name
    if name in cz.AWSCLI_XFORM_NAMES:
        return cz.AWSCLI_XFORM_NAMES[name]
    special = botocore._special_case_transform.search(name)
    if special is not None:
        name = f"{name[: -len(special.group())]}-{special.group().lower()}"
    name = botocore._first_cap_regex.sub(r"\1-\2", name)
    return str(botocore._end_cap_regex.sub(r"\1-\2", name).lower())


@dataclass
class Arg:
    key: str
    kind: str  # scalar, list, bool+, bool-, pulled+, pulled-, page, added
    documented: bool = True
    required: bool = False
    doc_required: bool = False
    type: str = "string"
    group: str | None = None
    serialized: str | None = None
    members: list[str] | None = None
    doc: str | None = None  # None: the model member's own documentation
    added: cz.AddedArgument | None = None
    value_type: str | None = None  # of a page argument

    @property
    def positional(self) -> bool:
        return self.added is not None and self.added.positional

    def parser(self) -> dict[str, Any]:
        out: dict[str, Any] = {"positional": self.positional}
        if self.kind == "scalar":
            out["type"] = cz.ARGPARSE_VALUE_TYPES[self.type]
        elif self.kind == "list":
            out.update(nargs="*", type=cz.ARGPARSE_VALUE_TYPES["list"])
        elif self.kind in ("bool+", "bool-"):
            out["action"] = "store_true" if self.kind == "bool+" else "store_false"
        elif self.kind == "pulled+":
            out.update(action="store", nargs=cz.PullUpBooleans().positive_nargs)
        elif self.kind == "pulled-":
            out["action"] = cz.PullUpBooleans().negative_action
        elif self.kind == "page":
            out["type"] = self.value_type
        else:
            assert self.added is not None
            a = self.added
            for key, value in (("action", a.action), ("nargs", a.nargs), ("type", a.value_type),
                               ("choices", list(a.choices) or None), ("const", a.const)):
                if value is not None:
                    out[key] = value
        if self.required and self.kind in ("scalar", "list", "added") and not self.positional:
            out["required"] = True
        return out

    def record(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "cli_name": self.key if self.positional else f"--{self.key}",
            "documented": self.documented,
            "required": self.required,
            "doc_required": self.doc_required,
            "type": self.type,
            "group": self.group,
            "serialized": self.serialized,
            "members": self.members,
            "doc": self.doc,
            "parser": self.parser(),
        }


def _added(argument: cz.AddedArgument) -> Arg:
    return Arg(
        key=argument.name, kind="added", required=argument.required,
        doc_required=argument.document_as_required, type=argument.type_name,
        group=argument.group, doc=argument.documentation, added=argument,
    )


def _pulls_up(shape: botocore.model.Shape, member: str) -> bool:
    if not isinstance(shape, botocore.model.StructureShape):
        return False
    members = shape.members
    return list(members) == [member] and members[member].type_name == "boolean"


def predict_table(
    om: botocore.model.OperationModel, paginator: dict[str, Any] | None, changes: cz.ArgumentChanges
) -> dict[str, Arg]:
    """The argument table awscli builds, from the model, the generic rules and ``changes``."""
    table: dict[str, Arg] = {}
    shapes: dict[str, botocore.model.Shape] = {}
    inp = om.input_shape
    for member, shape in (inp.members.items() if inp is not None else ()):
        name = xform_name(member, "-")
        required = member in inp.required_members and not shape.metadata.get("idempotencyToken")
        common: dict[str, Any] = dict(type=shape.type_name, serialized=member,
                                      members=list(shape.members) if shape.type_name == "structure" else None)
        shapes[name] = shape
        if shape.type_name == "boolean":
            table[name] = Arg(name, "bool+", required=required, group=name, **common)
            table[f"no-{name}"] = Arg(f"no-{name}", "bool-", group=name, **common)
            shapes[f"no-{name}"] = shape
        else:
            kind = "list" if shape.type_name == "list" else "scalar"
            table[name] = Arg(name, kind, required=required, **common)
    # 1. building-argument-table.*
    if om.has_streaming_output:
        table[cz.OUTFILE_KEY] = _added(cz.STREAMING_OUTFILE)
    # 2. the service's customizations
    for edit in changes.edits:
        apply_edit(table, shapes, edit)
    # 3. building-argument-table
    if cz.OUTFILE_KEY not in table:
        table["cli-input-json"] = _added(cz.CLI_INPUT_JSON)
    if paginator is not None:
        tokens = paginator["input_token"]
        tokens = tokens if isinstance(tokens, list) else [tokens]
        if "limit_key" in paginator:
            tokens = tokens + [paginator["limit_key"]]
        for token in tokens:
            table[xform_name(token, "-")].documented = False
        type_name = "integer"
        if "limit_key" in paginator:
            type_name = inp.members[paginator["limit_key"]].type_name
        page_args = [(cz.STARTING_TOKEN, "string")]
        if "limit_key" in paginator:
            page_args.append((cz.PAGE_SIZE, type_name))
        page_args.append((cz.MAX_ITEMS, type_name))
        for spec, spec_type in page_args:
            table[spec.name] = Arg(spec.name, "page", type=spec_type, doc=spec.documentation,
                                   value_type=cz.PAGING_VALUE_TYPES[spec_type])
    if cz.OUTFILE_KEY not in table:
        table["generate-cli-skeleton"] = _added(cz.GENERATE_CLI_SKELETON)
    return table


def apply_edit(table: dict[str, Arg], shapes: dict[str, botocore.model.Shape], edit: cz.Edit) -> None:
    if isinstance(edit, cz.Rename):
        if edit.old in table:
            arg = table.pop(edit.old)
            arg.key = edit.new
            table[edit.new] = arg
    elif isinstance(edit, cz.HiddenAlias):
        if edit.existing in table:
            current = table[edit.existing]
            alias = replace(current, key=edit.alias, documented=False)
            table[edit.alias] = alias
            if current.required:
                alias.required = current.required = False
                current.doc_required = True
    elif isinstance(edit, cz.Undocument):
        table[edit.name].documented = False
    elif isinstance(edit, cz.Remove):
        del table[edit.name]
    elif isinstance(edit, cz.MakeOptional):
        table[edit.name].required = False
    elif isinstance(edit, cz.SetDocumentation):
        if edit.name in table:
            table[edit.name].doc = edit.documentation
    elif isinstance(edit, cz.Add):
        table[edit.argument.name] = _added(edit.argument)
    elif isinstance(edit, cz.DropMember):
        arg = table[edit.name]
        arg.required = False
        arg.members = [m for m in arg.members or () if m != edit.member]
    elif isinstance(edit, cz.PullUpBooleans):
        for arg in list(table.values()):
            shape = shapes.get(arg.key)
            if arg.kind == "scalar" and shape is not None and _pulls_up(shape, edit.member):
                table[arg.key] = replace(arg, kind="pulled+", required=False, group=arg.key)
                negative = f"no-{arg.key}"
                table[negative] = replace(arg, key=negative, kind="pulled-", required=False, group=arg.key)
    else:  # pragma: no cover
        raise AssertionError(edit)


# ---------------------------------------------------------------------------------------------
# Comparing


@dataclass
class Service:
    cli: str
    model: botocore.model.ServiceModel
    paginators: dict[str, Any]
    waiters: dict[str, Any]
    facts: dict[str, Any]
    commands: dict[str, dict[str, Any]] = field(default_factory=dict)


def load_service(loader: botocore.loaders.Loader, facts: dict[str, Any], cli: str) -> Service:
    name = cz.service_name(cli)
    version = loader.determine_latest_version(name, "service-2")
    model = botocore.model.ServiceModel(loader.load_service_model(name, "service-2", version), name)
    optional = {}
    for kind, key in (("paginators-1", "pagination"), ("waiters-2", "waiters")):
        try:
            optional[kind] = loader.load_service_model(name, kind, version)[key]
        except botocore.exceptions.DataNotFoundError:
            optional[kind] = {}
    service_facts = facts["services"][cli]
    return Service(cli, model, optional["paginators-1"], optional["waiters-2"], service_facts,
                   {c["name"]: c for c in service_facts["commands"]})


def table_mismatches(
    service: Service, edits_for: Any = cz.argument_changes
) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Operation command -> (predicted records, awscli's records), where they differ."""
    bad = {}
    for name, command in service.commands.items():
        if "args" not in command:
            continue
        om = service.model.operation_model(command["operation"])
        predicted = predict_table(om, service.paginators.get(om.name), edits_for(service.cli, name))
        records = [arg.record() for arg in predicted.values()]
        if records != command["args"]:
            bad[name] = (records, command["args"])
    return bad


def describe_mismatch(name: str, predicted: list[dict[str, Any]], actual: list[dict[str, Any]]) -> str:
    lines = [f"{name}:"]
    for documented in (True, False):
        label = "documented" if documented else "undocumented"
        keys_p = [r["cli_name"] for r in predicted if r["documented"] is documented]
        keys_a = [r["cli_name"] for r in actual if r["documented"] is documented]
        if keys_p != keys_a:
            lines.append(f"  {label} predicted {keys_p}\n  {label} awscli    {keys_a}")
    by_key = {r["key"]: r for r in actual}
    for record in predicted:
        other = by_key.get(record["key"])
        if other is not None and other != record:
            diff = {k: (record[k], other[k]) for k in record if record[k] != other[k]}
            lines.append(f"  {record['key']}: (predicted, awscli) {diff}")
    return "\n".join(lines)


def assert_no_mismatches(bad: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> None:
    assert not bad, f"{len(bad)} commands differ:\n" + "\n".join(
        describe_mismatch(name, *pair) for name, pair in list(bad.items())[:10]
    )


@pytest.fixture(scope="module")
def services(loader: botocore.loaders.Loader, facts: dict[str, Any]) -> dict[str, Service]:
    return {cli: load_service(loader, facts, cli) for cli in COVERED}


# ---------------------------------------------------------------------------------------------
# The tests


def test_the_data_was_read_from_this_awscli_and_its_model_is_ours(facts: dict[str, Any]) -> None:
    assert facts["awscli"] == cz.AWSCLI_VERSION
    assert facts["botocore"] == cz.AWSCLI_BOTOCORE_VERSION
    for cli, service in facts["services"].items():
        if cli in COVERED:
            assert Path(service["model_file"]).is_relative_to(BOTOCORE_DATA), (cli, service["model_file"])


def test_cross_service_tables_are_awscli_s(facts: dict[str, Any]) -> None:
    def split(key: str) -> tuple[str, str, str]:
        event, option = key.rsplit(".", 1)
        service, operation = event.split(".", 1)
        return service, operation, option

    assert list(cz.ARGUMENT_RENAMES) == [(*split(k), v) for k, v in facts["argument_renames"]]
    assert list(cz.HIDDEN_ALIASES) == [(*split(k), v) for k, v in facts["hidden_aliases"]]
    assert cz.PARAMFILE_DISABLED == {tuple(k.split(".")) for k in facts["paramfile_disabled"]}
    assert list(cz.EVENT_ALIASES.items()) == [tuple(pair) for pair in facts["event_aliases"]]
    assert list(cz.AWSCLI_XFORM_NAMES.items()) == [tuple(pair) for pair in facts["xform_seed"]]
    assert [[s, list(c)] for s, c in cz.REMOVED_COMMANDS.items()] == facts["removals"]
    assert cz.RUN_INSTANCES_DEFAULT_COUNT == facts["run_instances_default_count"]
    size, operations, always = facts["ec2_page_size"]
    assert cz.EC2_DEFAULT_PAGE_SIZE == size
    assert {k: list(v) for k, v in cz.EC2_DEFAULT_PAGE_SIZE_OPERATIONS.items()} == operations
    assert list(cz.EC2_PAGE_SIZE_ALWAYS_ALLOWED) == always
    assert {k: dict(v) for k, v in cz.LEGACY_ENDPOINTS.items()} == {
        k: v for k, v in facts["ssl_common_names"].items() if k != "health"
    }
    names = dict(cz.NETWORK_ACL_PROTOCOL_NAMES)
    assert facts["protocols"] == {op: names for op in cz.NETWORK_ACL_PROTOCOL_OPERATIONS}


def test_generic_texts_and_types_are_awscli_s(facts: dict[str, Any]) -> None:
    assert dict(cz.ARGPARSE_VALUE_TYPES) == facts["argparse_types"]
    assert dict(cz.PAGING_VALUE_TYPES) == facts["paging_types"]
    assert facts["paging_description"] == [
        cz.PAGINATED_DESCRIPTION % "list-users" + "\n", cz.PAGINATED_QUERY_NOTE % "``Users``" + "\n"
    ]
    inserted = "".join(facts["expires_inserts"])
    name, type_name, documentation = cz.S3_EXPIRES_STRING_MEMBER
    for text in (".. note::", cz.S3_EXPIRES_STRING_NOTE, f"{name} -> ({type_name})", documentation):
        assert text in inserted
    assert facts["streaming_blob_note"] == [cz.STREAMING_BLOB_NOTE + "\n"]
    assert facts["streaming_blob_error"].endswith(cz.STREAMING_BLOB_ERROR)


def test_main_command_table(facts: dict[str, Any], loader: botocore.loaders.Loader) -> None:
    expected: dict[str, list[Any]] = {}
    for name in loader.list_available_services("service-2"):
        command = cz.service_command(name)
        documented = command not in cz.UNDOCUMENTED_SERVICE_COMMANDS
        expected[command] = ["awscli.clidriver.ServiceCommand", name, documented]
    for command in cz.PREVIEW_SERVICE_COMMANDS:
        expected[command][0] = "awscli.customizations.preview.PreviewCommand"
    for alias, command in cz.HIDDEN_SERVICE_COMMAND_ALIASES.items():
        expected[alias] = [expected[command][0], expected[command][1], False]
    for command, implementation in cz.CUSTOM_TOP_LEVEL_COMMANDS.items():
        expected[command] = [implementation, None, True]
    assert facts["main"] == expected


def predict_commands(service: Service) -> list[dict[str, Any]]:
    table = {}
    for op in service.model.operation_names:
        table[xform_name(op, "-")] = {
            "class": "awscli.clidriver.ServiceOperation",
            "documented": not service.model.operation_model(op).deprecated, "operation": op,
        }
    changes = cz.command_changes(service.cli)
    for name in changes.removed:
        del table[name]
    for custom in changes.replaced:
        entry = {"class": custom.implementation, "documented": True}
        if custom.model_arguments:
            entry["operation"] = table[custom.name]["operation"]
            entry["documented"] = table[custom.name]["documented"]
        table[custom.name] = entry
    for existing, alias in changes.hidden_aliases:
        table[alias] = dict(table[existing], documented=False)
    for custom in changes.added:
        table[custom.name] = {"class": custom.implementation, "documented": True}
    if service.waiters:
        table[cz.WAIT_COMMAND.name] = {"class": cz.WAIT_COMMAND.implementation, "documented": True}
    return [dict(name=name, **entry) for name, entry in table.items()]


def _command_summary(command: dict[str, Any]) -> dict[str, Any]:
    return {k: command[k] for k in ("name", "class", "documented", "operation") if k in command}


@pytest.mark.parametrize("cli", COVERED + ALIASED)
def test_command_table(cli: str, facts: dict[str, Any], loader: botocore.loaders.Loader) -> None:
    service = load_service(loader, facts, cli)
    actual = [_command_summary(c) for c in service.facts["commands"]]
    assert predict_commands(service) == actual


@pytest.mark.parametrize("cli", COVERED)
def test_every_argument_table(cli: str, services: dict[str, Service]) -> None:
    service = services[cli]
    assert sum("args" in c for c in service.commands.values()) > 0
    assert_no_mismatches(table_mismatches(service))


@pytest.mark.parametrize("cli", COVERED)
def test_waiter_argument_tables_get_only_the_generic_rules(cli: str, services: dict[str, Service]) -> None:
    service = services[cli]
    wait = service.commands.get("wait")
    if not service.waiters:
        assert wait is None
        return
    assert wait is not None
    assert [w["name"] for w in wait["waiters"]] == [xform_name(w, "-") for w in sorted(service.waiters)]
    bad = {}
    for waiter in wait["waiters"]:
        om = service.model.operation_model(waiter["operation"])
        changes = cz.argument_changes("wait", waiter["name"])
        assert changes.edits == ()
        records = [a.record() for a in predict_table(om, service.paginators.get(om.name), changes).values()]
        if records != waiter["args"]:
            bad[waiter["name"]] = (records, waiter["args"])
    assert_no_mismatches(bad)


@pytest.mark.parametrize("cli", COVERED)
def test_url_values_are_fetched_except_for_the_no_fetch_options(
    cli: str, services: dict[str, Service]
) -> None:
    service = services[cli]
    prefix = service.model.endpoint_prefix
    for name, command in service.commands.items():
        if "args" not in command:
            continue
        keys = [a["key"] for a in command["args"]]
        predicted = [k for k in keys if cz.url_fetch_disabled(prefix, name, k)]
        assert predicted == command["not_fetched"], name
        for changes in (cz.argument_changes(cli, name, prefix), cz.argument_changes(cli, name)):
            assert [k for k in keys if k in changes.no_url_fetch] == predicted, name


@pytest.mark.parametrize("cli", COVERED)
def test_reference_page_changes(cli: str, services: dict[str, Service]) -> None:
    for name, command in services[cli].commands.items():
        if "page" not in command:
            continue
        changes = cz.page_changes(cli, name)
        expected_output = None
        if changes.output_text is not None:
            expected_output = ["======\nOutput\n======\n", changes.output_text]
        assert command["page"] == {
            "translation_cleared": not changes.translate_api_names,
            "notes": list(changes.description_notes),
            "output_writes": expected_output,
            "expires_checked": changes.expires_string_note,
        }, name
        assert command.get("help_output_shape_removed", False) == changes.no_output, name


def test_the_covered_commands_are_all_checked(services: dict[str, Service]) -> None:
    """Every command with data in the module is a command awscli has, so no entry is dead."""
    for service, operation, _ in cz.ARGUMENT_HANDLERS:
        if service in services and operation != "*":
            assert operation in services[service].commands, (service, operation)
    for service, operation in cz.PAGE_CHANGES:
        assert operation in services[service].commands, (service, operation)


def test_the_comparison_fails_without_the_data(services: dict[str, Service]) -> None:
    """Model-only tables differ from awscli's, and every edit in the data is needed: leaving it
    out makes some command differ (for an edit of one command, that command)."""

    def model_only(service_command: str, operation_command: str) -> cz.ArgumentChanges:
        return cz.ArgumentChanges(service_command, operation_command)

    assert {"run-instances", "create-image", "modify-instance-attribute"} <= set(
        table_mismatches(services["ec2"], model_only)
    )
    assert set(table_mismatches(services["sns"], model_only)) == {"subscribe"}

    for cli, operation, edits in cz.ARGUMENT_HANDLERS:
        if cli not in services:
            continue
        service = services[cli]
        if operation != "*":
            service = replace(service, commands={operation: service.commands[operation]})
        for edit in edits:

            def without_it(s: str, o: str, edit: cz.Edit = edit) -> cz.ArgumentChanges:
                full = cz.argument_changes(s, o)
                return attrs.evolve(full, edits=tuple(e for e in full.edits if e is not edit))

            assert table_mismatches(service, without_it), f"{cli} {operation}: {edit} is not needed"


def test_lookups() -> None:
    assert cz.service_command("s3") == "s3api" and cz.service_name("s3api") == "s3"
    assert cz.service_command("sagemaker") == "sagemaker"
    assert cz.renamed_option("sns", "subscribe", "endpoint") == "notification-endpoint"
    assert cz.renamed_option("ec2", "create-network-acl-entry", "no-egress") == "ingress"
    assert cz.renamed_option("sns", "publish", "endpoint") == "endpoint"
    assert cz.url_fetch_disabled("sqs", "send-message", "queue-url")
    assert cz.url_fetch_disabled("api.sagemaker", "create-notebook-instance", "default-code-repository")
    assert not cz.url_fetch_disabled("sqs", "send-message", "message-body")
    changes = cz.argument_changes("iam", "create-virtual-mfa-device")
    assert changes.has_named_outfile and [a.name for a in changes.added] == ["outfile", "bootstrap-method"]
    assert cz.argument_changes("ec2", "describe-instances").pulls_up_booleans
    assert cz.command_changes("lambda").removed == ("invoke-with-response-stream",)
    assert cz.page_changes("s3api", "get-object").expires_string_note


# ---------------------------------------------------------------------------------------------
# The generator's own command tables (codegen/render/awscli/commands.py), against awscli's


@pytest.fixture(scope="module")
def generator_services(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """service command -> the IR of the whole service, from this botocore (as generated)."""
    from codegen.pipeline import load_services
    from codegen.spec.source import ModelSource, all_operations
    from tests.helpers import sync_installed

    built: dict[str, Any] = {}

    def get(cli: str) -> Any:
        if cli not in built:
            name = cz.service_name(cli)
            spec_dir = sync_installed(
                tmp_path_factory.mktemp(f"spec-{name}"), name, *all_operations(ModelSource.installed(), name)
            )
            built[cli] = load_services(spec_dir, f"typed_{name.replace('-', '_')}")[0][1]
        return built[cli]

    return get


def _generated_record(argument: Any) -> dict[str, Any]:
    return {
        "cli_name": argument.cli_name,
        "documented": argument.documented,
        "required": argument.required,
        "doc_required": argument.document_as_required,
        "type": argument.type_name,
        "group": argument.group,
        "positional": argument.positional,
        "serialized": argument.member.wire_name if argument.member is not None else None,
    }


def _awscli_record(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "cli_name": record["cli_name"],
        "documented": record["documented"],
        "required": record["required"],
        "doc_required": record["doc_required"],
        "type": record["type"],
        "group": record["group"],
        "positional": record["parser"]["positional"],
        "serialized": record["serialized"],
    }


@pytest.mark.parametrize("cli", COVERED)
def test_the_generated_command_tables_are_awscli_s(
    cli: str, services: dict[str, Service], generator_services: Any
) -> None:
    """``commands.cli_commands`` over our IR gives awscli's commands (names included, so
    ``naming.cli_name`` is awscli's ``xform_name``) and, for each, awscli's argument table:
    names, order, documented, required, types, groups, where the value goes, and which
    options take ``file://`` and URL values as they are."""
    from codegen.render.awscli.commands import cli_commands

    service = services[cli]
    ours = {table.command: table for table in cli_commands(generator_services(cli))}
    theirs = {name: c for name, c in service.commands.items() if "args" in c}
    assert sorted(ours) == sorted(theirs)
    bad = {}
    for name, command in theirs.items():
        table = ours[name]
        assert table.operation.name == command["operation"], name
        predicted = [_generated_record(a) for a in table.arguments]
        actual = [_awscli_record(r) for r in command["args"]]
        if predicted != actual:
            bad[name] = (predicted, actual)
        fetched_as_is = [a.name for a in table.arguments if not a.paramfile]
        assert fetched_as_is == command["not_fetched"], name
    assert not bad, f"{len(bad)} of {len(theirs)} differ, e.g. " + "; ".join(
        f"{n}: {[r for r in p if r not in a]} vs {[r for r in a if r not in p]}" for n, (p, a) in list(bad.items())[:3]
    )
