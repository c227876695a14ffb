"""Stage 2: an immutable intermediate representation built from botocore's model classes."""
