"""The generated package's Python modules: views of the IR for the templates, annotations
that know their imports, docstrings, member tables and the usage example."""
