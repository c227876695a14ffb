"""The vocabulary of the workloads: each step names a botocore operation (``"PutObject"``)
and its parameters in botocore's wire form (``{"Bucket": ..., "Key": ...}``), written once and
driven through both clients by ``tests.moto.runner``.

- :class:`Setup`: prepares state through boto3; not compared.
- :class:`Read`: boto3 and ours on the same state; ``typed.to_botocore()`` must equal boto3's
  response without ``ResponseMetadata``.
- :class:`Write`: ours only (our serialization is what is tested); its typed response must
  convert back to what botocore parsed from that same HTTP response, and each
  :class:`Expect` then reads the effect back through boto3.
- :class:`Twin`: the same operation through each client on distinct resources (a write whose
  own response matters, or a read that changes state); compared after ``ignore`` and ``swap``.
- :class:`Error`: both must fail with the modeled error; ours as its generated class.
- :class:`Paginate`: boto3's paginator and ours for each :class:`Page` configuration.

Values produced on the way (ids, URLs) are kept with ``save={"name": "jmespath"}`` and used
later as ``Ref("name")``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Union

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Ref:
    """A value saved by an earlier step (``save=``); ``template`` formats it into a string
    (``{}`` or, to use it more than once, ``{0}``)."""

    name: str
    template: str = "{}"


@dataclass(frozen=True)
class Setup:
    operation: str
    params: Params = field(default_factory=dict)
    save: Mapping[str, str] = field(default_factory=dict)
    service: str | None = None  # another service's boto3 client (an SQS queue for SNS)


@dataclass(frozen=True)
class Read:
    operation: str
    params: Params = field(default_factory=dict)
    ignore: tuple[str, ...] = ()  # places that legitimately differ between two calls
    name: str = ""


@dataclass(frozen=True)
class Expect:
    """After a write: ``operation`` through boto3 must give a response holding ``subset``
    (with ``exact``, equal to it, ``ResponseMetadata`` aside)."""

    operation: str
    params: Params
    subset: Any
    exact: bool = False
    service: str | None = None  # read back through another service (a message SNS delivered)


@dataclass(frozen=True)
class Write:
    operation: str
    params: Params = field(default_factory=dict)
    then: tuple[Expect, ...] = ()
    save: Mapping[str, str] = field(default_factory=dict)
    name: str = ""


@dataclass(frozen=True)
class Twin:
    operation: str
    boto3_params: Params
    typed_params: Params
    ignore: tuple[str, ...] = ()
    swap: tuple[tuple[str, str], ...] = ()  # (text in boto3's response, text in ours)
    name: str = ""


@dataclass(frozen=True)
class Error:
    """Both clients fail with the modeled error ``error`` (its shape name), ours raising its
    generated class; or, for an error the model does not list (``error=None``), with the
    error ``code``, ours raising a plain ``ClientError``."""

    operation: str
    params: Params
    error: str | None
    code: str | None = None
    name: str = ""


class _Resume:
    def __repr__(self) -> str:
        return "RESUME"


#: As a ``starting_token``: the resume token the previous configuration of the step left.
RESUME = _Resume()


@dataclass(frozen=True)
class Page:
    max_items: int | None = None
    page_size: int | None = None
    starting_token: Union[str, _Resume, None] = None

    def __str__(self) -> str:
        parts = [f"{name}={value!r}" for name, value in vars(self).items() if value is not None]
        return ", ".join(parts) or "no config"


@dataclass(frozen=True)
class Paginate:
    operation: str
    params: Params = field(default_factory=dict)
    configs: tuple[Page, ...] = (Page(),)
    name: str = ""


Step = Union[Setup, Read, Write, Twin, Error, Paginate]


@dataclass(frozen=True)
class Workload:
    service: str
    name: str
    steps: tuple[Step, ...]

    @property
    def id(self) -> str:
        return f"{self.service}-{self.name}"
