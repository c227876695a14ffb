"""Generate a typed Python SDK, CLI and docs from botocore's service model.

The pipeline, one stage per sub-package:

``spec``    botocore data  -> pinned, sliced snapshot in ``specs/``     (``codegen sync``)
``ir``      snapshot       -> immutable intermediate representation      (pure functions)
``render``  IR             -> source text through Jinja2 templates
``format``  source text    -> black-formatted text
``write``   files          -> ``generated/``, atomically, or a diff      (``codegen generate``)
"""
