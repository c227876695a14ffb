"""The documentation site: a Sphinx project under ``docs/`` in the generated tree."""
