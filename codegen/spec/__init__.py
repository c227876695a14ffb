"""Stage 1: pinned model snapshots (``specs/``) sliced from botocore's data."""
