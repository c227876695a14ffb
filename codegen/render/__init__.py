"""Stage 3: IR -> source text, through Jinja2 templates."""
