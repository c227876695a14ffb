"""The command line's implementation, one job a module: ``table`` (the command table and its
options), ``values`` (command-line values as parameters), ``shorthand`` (the AWS CLI's
shorthand syntax), ``session`` (the botocore session of an invocation), ``display`` and
``output`` (the response on stdout), ``errors``, and ``main`` (dispatch).

Copied into every package codegen generates; do not edit.
"""
