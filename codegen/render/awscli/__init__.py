"""The AWS CLI v1 (awscli): what its command lines and reference pages are made of."""
