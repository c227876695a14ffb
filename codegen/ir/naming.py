"""Every rule that turns a model name into a Python or CLI name, in one place.

Rules (applied in this order; each is deterministic and independent of the Python version,
because the keyword and builtin lists below are frozen here rather than read at run time):

Classes (structures, enums, exceptions) -- ``class_name``
    Characters outside ``[A-Za-z0-9_]`` become ``_``; leading underscores are dropped; the first
    letter is upper-cased; a leading digit gets the prefix ``Shape``. A name that is a keyword, a
    builtin, a name the generated modules import, a generated helper (``Client`` ...) or a
    module constant beside the classes (``ERRORS``, ``SERVICE_NAME``) gets a trailing ``_``.
    Names are claimed in sorted shape-name order after the helpers, and a later claimant of a
    taken name gets ``2``, ``3``, ... appended.

Fields and keyword arguments -- ``attr_names``
    ``botocore.xform_name`` (as boto3 does), then characters outside ``[a-z0-9_]`` become ``_``,
    leading and trailing underscores are dropped (attrs would drop leading ones from ``__init__``), an empty result is
    ``field`` and a leading digit gets the prefix ``f_``. Keywords, builtins, imported module names,
    the generated helper methods and the fields every structure has (``extra``,
    ``response_metadata``, a union's ``unknown_member``) get a trailing ``_`` (``Type`` -> ``type_``), so an
    annotation such as ``str | None`` always means the builtin. Within one structure, members
    are taken in model order; a later member whose name is taken gets ``_2``, ``_3``, ...

Enum members -- ``enum_member_names``
    ``xform_name`` of the value, characters outside ``[A-Za-z0-9]`` become ``_``, runs of ``_``
    collapse, upper-cased; empty is ``EMPTY``; a leading digit gets ``V_``. Duplicates (``a-b`` and
    ``a_b``) get ``_2``, ``_3``, ... in model order.

Operations -- ``method_name``, ``method_names``
    ``xform_name``; names of the client's own attributes get a trailing ``_``. Operations are
    claimed in sorted order (a later claimant of a taken name gets ``2``, ``3``, ...). The client
    also has ``paginate_<method>`` for each paginated operation, so an operation whose method
    would be such a name (``PaginateFoo`` beside a paginated ``Foo``) is claimed again, with a
    number.

Waiters -- ``waiter_python_names``, ``waiter_class_names``, ``waiter_option_names``
    A waiter's name (``TrainingJobCompletedOrStopped``; letters, digits and underscores,
    starting with a letter, as ``OPERATION_NAME``) gives what ``client.get_waiter`` takes:
    ``xform_name``, as boto3 does (``training_job_completed_or_stopped``); waiters are claimed
    in sorted order and a later claimant of a taken name gets ``_2``, ``_3``, .... Its classes
    are ``<Name>Waiter`` and ``<Name>WaiterError`` (``class_base_name`` of the name), claimed
    after every shape class and paginator class, with ``2``, ``3``, ... on a clash. ``wait``
    takes the operation's request fields and its own options ``delay`` and ``max_attempts``;
    an option whose name is a field of the request gets a trailing ``_`` (until it is free),
    so a request field keeps its name everywhere. The AWS CLI's command is ``cli_name``.

Operation names themselves -- ``OPERATION_NAME``
    Letters, digits and underscores, starting with a letter (every botocore model's operations
    are): they also name the CLI command and its reference page file.

CLI -- ``cli_name``
    ``xform_name(name, "-")`` exactly as the AWS CLI v1 does, without any collision handling
    (the AWS CLI has none either, and its option names are the compatibility contract). The
    AWS CLI uses its own bundled botocore's ``xform_name``, whose seeded names differ from a
    newer botocore's: the names it seeds come from ``customizations.AWSCLI_XFORM_NAMES``, every
    other name follows the rules written there (this botocore's seeds are not used).
"""

from __future__ import annotations

import re
from typing import Iterable

from botocore import xform_name

from codegen.render.awscli.customizations import AWSCLI_XFORM_NAMES

KEYWORDS = frozenset(
    """False None True and as assert async await break class continue def del elif else except
    finally for from global if import in is lambda nonlocal not or pass raise return try while
    with yield""".split()
)

# Builtins of CPython 3.10 to 3.14, frozen so the output does not depend on the Python used.
BUILTINS = frozenset(
    """ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
    DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
    ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning
    GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
    PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError
    RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
    SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
    Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes
    callable chr classmethod compile complex copyright credits delattr dict dir divmod
    enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help
    hex id input int isinstance issubclass iter len license list locals map max memoryview min
    next object oct open ord pow print property quit range repr reversed round set setattr
    slice sorted staticmethod str sum super tuple type vars zip""".split()
)

# Module names the generated code imports at module level.
IMPORTED_NAMES = frozenset({"annotations", "attrs", "botocore", "datetime", "enum", "typing", "re"})

# Classes and functions the templates generate next to the shapes' classes.
HELPER_CLASS_NAMES = (
    "Client",
    "Paginator",
    "PageIterator",
    "ServiceError",
    "ValidationError",
    "ResponseParseError",
    "MissingMemberError",
    "WaiterError",
    # the testing module's
    "Stubber",
    "StubbedError",
    "RequestMismatch",
    "UnexpectedCall",
    "OutOfOrderCall",
)

# Module-level constants of the modules that hold or import the shapes' classes (``errors.ERRORS``,
# ``client.SERVICE_NAME``): a class of the same name would replace or be replaced by them.
MODULE_CONSTANTS = ("ERRORS", "SERVICE_NAME")

# Methods the templates put on every generated structure, and the parameters that client and
# paginator methods take beside a request's members.
HELPER_METHOD_NAMES = frozenset(
    {
        "to_botocore",
        "from_botocore",
        "self",
        "cls",
        "request",
        "max_items",
        "page_size",
        "starting_token",
        # fields every generated structure has (the runtime's ``Shape``), and a union's
        "extra",
        "response_metadata",
        "unknown_member",
        "is_unknown",
    }
)

# Attributes and methods of the generated Client other than the operations.
CLIENT_RESERVED = frozenset(
    {
        "get_paginator",
        "can_paginate",
        "get_waiter",
        "waiter_names",
        "close",
        "exceptions",
        "meta",
        "botocore_client",
    }
)

_RESERVED = KEYWORDS | BUILTINS | IMPORTED_NAMES


class NameClaims:
    """A namespace in which each name is handed out once; a later claimant gets a suffix."""

    def __init__(self, taken: Iterable[str] = (), separator: str = "") -> None:
        self._taken = set(taken)
        self._separator = separator

    def claim(self, name: str) -> str:
        candidate, number = name, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{name}{self._separator}{number}"
        self._taken.add(candidate)
        return candidate


def class_base_name(shape_name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", shape_name).lstrip("_")
    if not name:
        name = "Shape"
    elif name[0].isdigit():
        name = "Shape" + name
    name = name[0].upper() + name[1:]
    reserved = name in _RESERVED or name in HELPER_CLASS_NAMES or name in MODULE_CONSTANTS
    return name + "_" if reserved else name


def class_names(shape_names: Iterable[str], extra_reserved: Iterable[str] = ()) -> dict[str, str]:
    """Shape name -> class name, for every shape that becomes a class."""
    claims = NameClaims((*HELPER_CLASS_NAMES, *MODULE_CONSTANTS, *extra_reserved))
    return {name: claims.claim(class_base_name(name)) for name in sorted(shape_names)}


def attr_base_name(member_name: str) -> str:
    name = re.sub(r"[^a-z0-9_]", "_", xform_name(member_name).lower()).strip("_")
    if not name:
        name = "field"
    elif name[0].isdigit():
        name = "f_" + name
    if name in _RESERVED or name in HELPER_METHOD_NAMES:
        name += "_"
    return name


def attr_names(member_names: Iterable[str]) -> dict[str, str]:
    """Member name -> attribute name, for one structure's members in model order."""
    claims = NameClaims(separator="_")
    return {name: claims.claim(attr_base_name(name)) for name in member_names}


def enum_member_base_name(value: str) -> str:
    name = re.sub(r"[^A-Za-z0-9]+", "_", xform_name(value)).strip("_").upper()
    if not name:
        return "EMPTY"
    return "V_" + name if name[0].isdigit() else name


def enum_member_names(values: Iterable[str]) -> dict[str, str]:
    """Enum value -> member name, in model order (duplicate values are the caller's concern)."""
    claims = NameClaims(separator="_")
    return {value: claims.claim(enum_member_base_name(value)) for value in values}


def method_name(operation_name: str) -> str:
    name = attr_base_name(operation_name)
    return name + "_" if name in CLIENT_RESERVED else name


def method_names(operation_names: Iterable[str], paginated: Iterable[str] = ()) -> dict[str, str]:
    """Operation name -> client method name, for every operation of one client."""
    operations = sorted(operation_names)
    paginated = set(paginated)
    claims = NameClaims()
    methods = {name: claims.claim(method_name(name)) for name in operations}
    # Each pass renames the methods that equal a ``paginate_<method>`` name; a renamed method is
    # a fresh claim, so the passes end (at most one per operation).
    for _ in range(len(operations) + 1):
        reserved = {PAGINATE_PREFIX + methods[name] for name in operations if name in paginated}
        clashing = [name for name in operations if methods[name] in reserved]
        if not clashing:
            return methods
        for name in clashing:
            methods[name] = claims.claim(methods[name])
    raise AssertionError("method names did not settle")  # pragma: no cover


PAGINATE_PREFIX = "paginate_"

OPERATION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


_SPECIAL_SUFFIX = re.compile(r"[A-Z]{2,}s$")
_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
_END_CAP = re.compile(r"([a-z0-9])([A-Z])")


def cli_name(name: str) -> str:
    """awscli 1.46.3's ``xform_name(name, "-")``: its seeded names, else its rules."""
    if "-" in name:
        return name
    seeded = AWSCLI_XFORM_NAMES.get(name)
    if seeded is not None:
        return seeded
    suffix = _SPECIAL_SUFFIX.search(name)
    if suffix is not None:
        name = f"{name[: -len(suffix.group())]}-{suffix.group().lower()}"
    return _END_CAP.sub(r"\1-\2", _FIRST_CAP.sub(r"\1-\2", name)).lower()


def paginator_class_names(operation_names: Iterable[str], taken: Iterable[str]) -> dict[str, str]:
    """Operation name -> class name of its typed paginator (``<Operation>Paginator``), claimed
    after every shape class so a shape keeps its own name."""
    claims = NameClaims((*HELPER_CLASS_NAMES, *MODULE_CONSTANTS, *taken))
    return {name: claims.claim(class_base_name(name) + "Paginator") for name in sorted(operation_names)}


def waiter_python_names(waiter_names: Iterable[str]) -> dict[str, str]:
    """Waiter name -> the name ``client.get_waiter`` takes (boto3's: ``xform_name``)."""
    claims = NameClaims(separator="_")
    return {name: claims.claim(xform_name(name)) for name in sorted(waiter_names)}


def waiter_class_names(waiter_names: Iterable[str], taken: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Waiter name -> (its waiter class, its WaiterError subclass), claimed after ``taken``
    (every shape and paginator class)."""
    claims = NameClaims((*HELPER_CLASS_NAMES, *MODULE_CONSTANTS, *taken))
    names = {}
    for name in sorted(waiter_names):
        base = class_base_name(name).rstrip("_")
        names[name] = (claims.claim(base + "Waiter"), claims.claim(base + "WaiterError"))
    return names


WAITER_OPTIONS = ("delay", "max_attempts")


def waiter_option_names(request_fields: Iterable[str]) -> dict[str, str]:
    """``wait``'s own options (``delay``, ``max_attempts``) -> their parameter names beside the
    request's fields: the option yields, with a trailing ``_``, to a field of the same name."""
    fields = set(request_fields)
    names = {}
    for option in WAITER_OPTIONS:
        name = option
        while name in fields:
            name += "_"
        names[option] = name
    return names


def package_name(service_name: str) -> str:
    """The import name of a service's package when a spec directory holds several:
    ``typed_<service>`` (``typed_sagemaker_runtime`` for ``sagemaker-runtime``)."""
    return "typed_" + re.sub(r"[^a-z0-9_]", "_", service_name.lower())


def botocore_method_name(operation_name: str) -> str:
    """The method botocore's own client has for the operation (no collision handling: botocore
    has none)."""
    return xform_name(operation_name)
