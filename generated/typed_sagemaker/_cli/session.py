"""One invocation's botocore session, from the global options and the config files, as the
AWS CLI v1 sets it up: query, endpoint, signing, TLS, timeouts, profile, region, the
``cli_timestamp_format`` and ``cli_follow_urlparam`` settings, and ``--debug`` logging that
never shows credentials.

Nothing here outlives the invocation: the session is its own, and the debug log's handlers are
removed when it ends (``Invocation`` is a context manager).

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import typing

from .._about import PROG, VERSION

if typing.TYPE_CHECKING:
    import botocore.client
    import botocore.session

PACKAGE = __name__.split(".")[0]
# The loggers ``--debug`` turns on (the AWS CLI's: botocore's, urllib3's and its own).
DEBUG_LOGGERS = ("botocore", "urllib3", PACKAGE)


def session_variables() -> dict[str, tuple[str, str, typing.Any, None]]:
    """Configuration variables the AWS CLI v1 adds to botocore's, or whose default it
    changes (name -> config file key, environment variable, default, conversion).

    - ``output``: the output format (awscli/clidriver.py);
    - ``retry_mode``: awscli 1.46 runs on its own copy of botocore (1.43), whose default is
      ``legacy`` (5 attempts: "reached max retries: 4"); botocore 1.44 made ``standard`` (3
      attempts) the default. ``AWS_RETRY_MODE`` and ``retry_mode`` in the config file still
      win, and ``AWS_NEW_RETRIES_2026=true`` makes ``standard`` the AWS CLI's default too
      (awscli/botocore/configprovider.py ``_resolve_new_retries``).

    The timeouts need nothing here: the AWS CLI's default for ``--cli-read-timeout`` and
    ``--cli-connect-timeout`` is 60 seconds, botocore's, set in ``handle_globals``.
    """
    new_retries = os.environ.get("AWS_NEW_RETRIES_2026", "").lower() == "true"
    return {
        "output": ("output", "AWS_DEFAULT_OUTPUT", "json", None),
        "retry_mode": (
            "retry_mode",
            "AWS_RETRY_MODE",
            "standard" if new_retries else "legacy",
            None,
        ),
    }


class Invocation:
    """The globals of one command line, the botocore session they configure, and its
    clients."""

    def __init__(self, globals_: argparse.Namespace) -> None:
        self.globals = globals_
        self.query: typing.Any = None
        self.session: botocore.session.Session | None = None
        self.follow_urls = True
        self.timestamp_format = "wire"
        self.config_kwargs: dict[str, typing.Any] = {}
        self.redactor: Redactor | None = None
        self._log_state: list[tuple[logging.Logger, int, logging.Handler]] = []

    def __enter__(self) -> Invocation:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for logger, level, handler in self._log_state:
            logger.removeHandler(handler)
            logger.setLevel(level)
        self._log_state.clear()

    # top-level arguments, in the AWS CLI's order

    def handle_globals(self) -> None:
        g = self.globals
        if g.query is not None:
            import jmespath

            try:
                self.query = jmespath.compile(g.query)
            except Exception as error:
                raise ValueError(f"Bad value for --query {g.query}: {error}") from None
        if g.endpoint_url is not None:
            from urllib.parse import urlparse

            if not urlparse(g.endpoint_url).scheme:
                raise ValueError(
                    'Bad value for --endpoint-url "%s": scheme is missing.  Must be of the form '
                    "http://<hostname>/ or https://<hostname>/" % g.endpoint_url
                )
        if not g.sign_request:
            from botocore import UNSIGNED

            self.config_kwargs["signature_version"] = UNSIGNED
        g.verify_ssl = False if not g.verify_ssl else g.ca_bundle
        for name in ("read_timeout", "connect_timeout"):
            value = getattr(g, name)
            seconds = int(60 if value is None else value)
            setattr(g, name, seconds or None)
            self.config_kwargs[name] = seconds or None
        session = self.botocore_session()
        if g.profile:
            session.set_config_variable("profile", g.profile)
        if g.region:
            session.set_config_variable("region", g.region)
        if g.debug:
            self._debug_logging()
        self._read_cli_config(session)

    def botocore_session(self) -> botocore.session.Session:
        if self.session is None:
            from .._runtime.session import botocore_session

            self.session = botocore_session(session_vars=session_variables())
        return self.session

    def _read_cli_config(self, session: botocore.session.Session) -> None:
        """What the AWS CLI reads from the profile when the session starts."""
        from botocore.exceptions import ProfileNotFound

        try:
            scoped = session.get_scoped_config()
            self.timestamp_format = scoped.get("cli_timestamp_format", None) or "wire"
            self.follow_urls = scoped.get("cli_follow_urlparam", "true") == "true"
        except ProfileNotFound:
            pass
        if self.timestamp_format not in ("wire", "none", "iso8601"):
            raise ValueError(
                'Unknown cli_timestamp_format value: %s, valid values are "none", "wire" or '
                '"iso8601"' % self.timestamp_format
            )
        factory = session.get_component("response_parser_factory")
        if self.timestamp_format == "iso8601":
            from botocore.utils import parse_timestamp

            def iso8601(value: typing.Any) -> str:
                return str(parse_timestamp(value).isoformat())

            factory.set_parser_defaults(blob_parser=_identity, timestamp_parser=iso8601)
        else:
            factory.set_parser_defaults(
                blob_parser=_identity, timestamp_parser=_identity
            )

    def _debug_logging(self) -> None:
        self.redactor = Redactor()
        handler = logging.StreamHandler()
        handler.setFormatter(self.redactor)
        for name in DEBUG_LOGGERS:
            logger = logging.getLogger(name)
            self._log_state.append((logger, logger.level, handler))
            logger.setLevel(logging.DEBUG)
            logger.addHandler(handler)
        log = logging.getLogger(PACKAGE)
        log.debug("CLI version: %s/%s", PROG, VERSION)
        log.debug("Arguments entered to CLI: %s", sys.argv[1:])

    def client(self) -> botocore.client.BaseClient:
        import botocore.config

        g = self.globals
        client = self.botocore_session().create_client(
            _service_name(),
            region_name=g.region,
            endpoint_url=g.endpoint_url,
            verify=g.verify_ssl,
            config=botocore.config.Config(**self.config_kwargs),
        )
        if (
            self.redactor is not None and g.sign_request
        ):  # (unsigned: no credentials to hide)
            self.redactor.learn(self.botocore_session())
        return client

    def stubbed_call(
        self,
        name: str,
        method: str,
        params: dict[str, typing.Any],
        prepare: typing.Callable[[typing.Any], None],
    ) -> typing.Any:
        """``--generate-cli-skeleton output``: the call, validated, answered by a stub;
        ``prepare`` registers the call's event handlers on the client."""
        from botocore.stub import Stubber
        from botocore.utils import ArgumentGenerator

        client = self.client()
        prepare(client)
        model = client.meta.service_model.operation_model(name)
        fake: typing.Any = {}
        if model.output_shape is not None:
            fake = ArgumentGenerator(use_member_names=True).generate_skeleton(
                model.output_shape
            )
        with Stubber(client) as stubber:
            stubber.add_response(method, fake)
            return getattr(client, method)(**params)


def _service_name() -> str:
    from .._about import SERVICE_NAME

    return SERVICE_NAME


def _identity(value: typing.Any) -> typing.Any:
    return value


class Redactor(logging.Formatter):
    """The debug log's formatter: credentials never reach the log."""

    def __init__(self) -> None:
        import re

        super().__init__(
            "%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s"
        )
        self._secrets = {
            os.environ[name]
            for name in (
                "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN",
            )
            if os.environ.get(name)
        }
        self._patterns = [
            re.compile(r"(Credential=)[^/,\s'\"]+"),
            re.compile(
                r"((?:X-Amz-Security-Token|x-amz-security-token)['\"]?\s*[:=]\s*b?['\"]?)[^'\",\s]+"
            ),
        ]

    def learn(self, session: botocore.session.Session) -> None:
        credentials = session.get_credentials()
        if credentials is not None:
            frozen = credentials.get_frozen_credentials()
            self._secrets.update(
                s for s in (frozen.access_key, frozen.secret_key, frozen.token) if s
            )

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "<redacted>")
        for pattern in self._patterns:
            text = pattern.sub(r"\1<redacted>", text)
        return text


__all__ = ["Invocation", "Redactor"]
