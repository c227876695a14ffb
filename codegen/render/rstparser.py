"""docutils' reStructuredText parser, keeping its state machine from one document to the next.

A whole service checks some 6k documentation strings with docutils (``site.text``) and renders
a few hundred reference pages through it (``awscli.helptext``). For short strings most of
docutils' time is not parsing but building the parser's state machine: ``Parser.parse`` makes a
new ``RSTStateMachine`` for every document, and its fifteen states each compile their
transitions. docutils already shares the nested state machines between documents (the class
attribute ``RSTState.nested_sm_cache``); ``ReusingParser`` keeps the top-level one too.

``RSTStateMachine.run`` sets up everything a document needs afresh (``runtime_init`` of each
state, the memo, the document, the line offsets), so reusing it gives the same tree. What a run
leaves that a next one could see would be the document's observer, but ``StateMachine.run``
clears its observers when it ends; after a run that raised (a severe message stopping the parse), whatever state it stopped in:
that machine is dropped and the next document gets a new one. The reuse applies only to the
docutils release it was read against (``READ_AGAINST``, pinned in pyproject.toml); any other
runs docutils' own ``parse``. ``tests/test_rstparser.py`` compares both over hostile input.
"""

from __future__ import annotations

from typing import Any

import docutils
import docutils.statemachine
from docutils.parsers import rst
from docutils.parsers.rst import roles, states

READ_AGAINST = "0.19"


class ReusingParser(rst.Parser):  # type: ignore[misc]
    """``docutils.parsers.rst.Parser`` whose ``parse`` reuses one ``RSTStateMachine``."""

    def __init__(self, rfc2822: bool = False, inliner: Any = None) -> None:
        super().__init__(rfc2822, inliner)
        self._machines: dict[Any, Any] = {}  # debug flag -> machine

    def parse(self, inputstring: str, document: Any) -> None:
        if docutils.__version__ != READ_AGAINST:  # pragma: no cover - docutils is pinned
            super().parse(inputstring, document)
            return
        # As docutils 0.19's Parser.parse, with the state machine kept.
        self.setup_parse(inputstring, document)
        self.document.settings.setdefault("tab_width", 8)
        self.document.settings.setdefault("syntax_highlight", "long")
        debug = document.reporter.debug_flag
        machine = self._machines.pop(debug, None)
        if machine is None:
            machine = states.RSTStateMachine(
                state_classes=self.state_classes, initial_state=self.initial_state, debug=debug
            )
        self.statemachine = machine
        inputlines = docutils.statemachine.string2lines(
            inputstring, tab_width=document.settings.tab_width, convert_whitespace=True
        )
        for i, line in enumerate(inputlines):
            if len(line) > self.document.settings.line_length_limit:
                error = self.document.reporter.error("Line %d exceeds the line-length-limit." % (i + 1))
                self.document.append(error)
                break
        else:
            machine.run(inputlines, document, inliner=self.inliner)  # raises: machine dropped
        self._machines[debug] = machine
        # restore the "default" default role after parsing a document
        if "" in roles._roles:
            del roles._roles[""]
        self.finish_parse()
