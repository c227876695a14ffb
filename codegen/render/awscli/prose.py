"""The AWS CLI v1's words on its reference pages that are not about one argument, as data.

Read from awscli 1.46.3's ``clidocs.py`` (``OperationDocumentEventHandler``) and
``argprocess.py`` (``ParamShorthandDocGen``); the help of the arguments the AWS CLI adds is in
``customizations``.
"""

from __future__ import annotations

# clidocs.py _add_tagged_union_note: after an option or member of a union structure.
TAGGED_UNION_NOTE = (
    "This is a Tagged Union structure. Only one of the following top level keys can be set: {}."
)
# clidocs.py _doc_member / argprocess.py _shorthand_docs: where a recursive shape is cut.
RECURSIVE_MEMBER = "( ... recursive ... )"
RECURSIVE_JSON = "{ ... recursive ... }"
# argprocess.py ParamShorthandDocGen._MAX_STACK: shorthand documented this many shapes deep.
MAX_SHORTHAND_DEPTH = 3
# Options whose list of one-member structures the CLI takes as bare words (--records Data1 Data2),
# by (service id, hyphenated as in event names; operation command; option): argprocess.py
# keeps these for backward compatibility and documents them that way.
OLD_LIST_CASES = frozenset(
    {
        ("firehose", "put-record-batch", "records"),
        ("workspaces", "reboot-workspaces", "reboot-workspace-requests"),
        ("workspaces", "rebuild-workspaces", "rebuild-workspace-requests"),
        ("workspaces", "terminate-workspaces", "terminate-workspace-requests"),
        ("elastic-load-balancing", "remove-tags", "tags"),
        ("elastic-load-balancing", "describe-instance-health", "instances"),
        ("elastic-load-balancing", "deregister-instances-from-load-balancer", "instances"),
        ("elastic-load-balancing", "register-instances-with-load-balancer", "instances"),
    }
)

# customizations/waiters.py (awscli 1.46.3): the ``wait`` command's description
# (``WaitCommand.DESCRIPTION``) and each waiter's (``WaiterStateDocBuilder``: the model's
# description, or "Wait until" + the first success acceptor + the operation; then the polling).
WAIT_DESCRIPTION = (
    "Wait until a particular condition is satisfied. Each subcommand polls an API until the "
    "listed requirement is met."
)
WAITER_SUCCESS = {
    "error": "%s is thrown ",
    "path": "%s ",
    "pathAll": "%s for all elements ",
    "pathAny": "%s for any element ",
    "status": "%s response is received ",
}
WAITER_PATH = "JMESPath query %s returns "
WAITER_OPERATION = "when polling with ``%s``."
WAITER_POLLING = (
    " It will poll every %s seconds until a successful state has been reached. This will exit "
    "with a return code of 255 after %s failed checks."
)
