"""The ``codegen`` command line, a module per command.

``sync`` pins a model slice into ``specs/``; ``generate`` renders ``generated/`` from it;
``update`` does both from the installed botocore and reports what changed; ``diff`` reports
the changes between two spec directories; ``cache`` shows or empties the generator's cache;
``docs`` builds the HTML documentation site.

Bad input (``CodegenError``) and failures of the environment (``OSError``: permissions, a
read-only or full disk, missing files) exit 2 with one line; anything else is a bug in codegen:
exit 1 with a one-line summary, or the traceback when ``CODEGEN_DEBUG`` is set.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from typing import Callable, NoReturn, Sequence

from codegen.errors import CodegenError, one_line

EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 1
EXIT_INTERRUPTED = 130  # (``codegen._script`` exits with it too while the command starts)
DEBUG_VARIABLE = "CODEGEN_DEBUG"  # set (to anything) to see an internal error's traceback

Command = tuple[
    Callable[[argparse.ArgumentParser], None],  # adds the command's arguments
    Callable[[argparse.Namespace], int],  # runs it: the exit status
    str,  # its help
]
# name -> (module of codegen.commands, its function adding the arguments, its function running
# the command, help). A command's module is imported only when that command runs: importing
# them all (botocore, black, Jinja, docutils) would cost more than a run with nothing to do.
_TABLE: dict[str, tuple[str, str, str, str]] = {
    "sync": ("sync", "add_arguments", "run", "pin a slice of the botocore model into the spec directory"),
    "generate": ("generate", "add_arguments", "run", "render the package from the spec directory"),
    "diff": ("changes", "add_diff_arguments", "run_diff", "report the API changes between two spec directories"),
    "update": (
        "changes",
        "add_update_arguments",
        "run_update",
        "re-pin specs/ from botocore, regenerate, report the changes, add a CHANGELOG entry",
    ),
    "cache": ("cache", "add_arguments", "run", "show or empty the generator's cache"),
    "docs": ("docs", "add_arguments", "run", "build the HTML documentation site from generated/docs"),
}


def command(name: str) -> Command:
    """The command ``name``: its module is imported now."""
    module_name, add_name, run_name, help_text = _TABLE[name]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, add_name), getattr(module, run_name), help_text


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser; only the command ``argv`` names (its first word that is a command) gets
    its arguments, so only that command's module is imported."""
    chosen = next((word for word in argv if word in _TABLE), None)
    parser = argparse.ArgumentParser(
        prog="codegen", description="Generate a typed SDK from botocore's service model."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (_, _, _, help_text) in _TABLE.items():
        subparser = commands.add_parser(name, help=help_text)
        if name == chosen:
            command(name)[0](subparser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; report a failure on one line of stderr, never as a traceback."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = _parser(words).parse_args(words)
    try:
        return command(args.command)[1](args)
    except CodegenError as exc:
        print(f"codegen: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # the environment: permissions, read-only, full disk, missing files
        print(f"codegen: error: {environment_error(exc).one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("codegen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug in codegen, not the user's input
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(_internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def console(interruptible: bool = False) -> NoReturn:
    """The ``codegen`` script (and ``python -m codegen``, both through ``codegen._script``):
    ``main``, then the process ends without tearing the interpreter down. ``interruptible``:
    Python's handler of Ctrl-C is put back first (``_script`` held interrupts while the
    command's modules were imported).

    Freeing a whole service's model, views and texts object by object, which nothing reads
    again, took some 0.1 s of a whole-SageMaker update (1.8 s); mypy ends the same way, for
    the same reason. Everything a command writes is written and closed before ``main``
    returns; its worker processes have ended (any left are ended here, as
    ``multiprocessing`` would at exit); the output streams are flushed. An interrupt in
    what was the teardown can no longer kill a finished run (exit status -2, no word said).
    """
    try:
        if interruptible:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        status = main()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run is over: nothing to interrupt
    except KeyboardInterrupt:  # between main's return and the line above
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("codegen: interrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    multiprocessing = sys.modules.get("multiprocessing")  # (only if a command used it)
    if multiprocessing is not None:
        for child in multiprocessing.active_children():
            if child.daemon:
                child.terminate()
            child.join()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a stream already closed
            pass
    os._exit(status)


def environment_error(exc: OSError) -> CodegenError:
    """An error of the environment as bad input: the path (or paths) and the system's reason."""
    where = exc.filename if exc.filename is not None else "codegen"
    if exc.filename2 is not None:
        where = f"{exc.filename} -> {exc.filename2}"
    return CodegenError(str(where), exc.strerror or str(exc))


def _internal_error(exc: BaseException) -> str:
    detail = one_line(f"{type(exc).__name__}: {exc}")
    if len(detail) > 300:
        detail = detail[:297] + "..."
    return (
        f"codegen: internal error ({detail}); this is a bug in codegen, not in the input; "
        f"rerun with {DEBUG_VARIABLE}=1 for the traceback"
    )
