"""The layout generated code is formatted to, shared by the templates' helpers
(``codegen.render.pytypes``) and the formatters (``codegen.format``)."""

LINE_LENGTH = 88
