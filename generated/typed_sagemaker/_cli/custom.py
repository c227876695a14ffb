"""What the AWS CLI v1 does in code for some commands, reproduced for the generated ones.

The command table (``commands.json``) names what is needed here: an argument the AWS CLI
adds names its function in ``ARGUMENTS`` (``handler``), a command names its ``HOOKS``. The
generator takes both names from its table of the AWS CLI's customizations
(``codegen/render/awscli/customizations.py``), which says which awscli module each one comes
from; this module is written from awscli 1.46.3's behaviour, not copied from it.

``ARGUMENTS[name](call, params, value, option)`` puts an added argument's value into the
parameters (or registers what happens after the call). A hook may act at the moments the AWS
CLI's events mark: ``parsed`` (the options are parsed, ``operation-args-parsed``), ``value``
(an option's value is loaded, ``process-cli-arg``), ``prepare`` (before any call, skeleton
output included: registers the client's events, ``Call.on``, as the AWS CLI registers them for
the whole session: ``before-parameter-build``, ``after-call``) and ``calling`` (the parameters
are built and the call is a real one, ``calling-command``). A message raised as
``ValueError`` is printed as the AWS CLI prints it, with exit status 255.

Copied into every package codegen generates; do not edit.
"""

from __future__ import annotations

import argparse
import os
import typing

from .outfile import body_chunks, write_file
from .table import Call, Option

Params = dict[str, typing.Any]


# --- arguments ---------------------------------------------------------------------------


def _streaming_outfile(call: Call, params: Params, value: str, option: Option) -> None:
    """streamingoutputarg.py: the output payload goes to the file, not to stdout."""
    payload = option.entry["payload"]

    def save(parsed: Params, **_: typing.Any) -> None:
        if payload not in parsed:
            return  # an error: the AWS CLI reports it
        write_file(value, body_chunks(parsed[payload]))
        del parsed[payload]

    call.on("after-call", save)


def _select_outfile(call: Call, params: Params, value: str, option: Option) -> None:
    """s3events.py: the ``Records`` payloads of the event stream go to the file."""
    payload = option.entry["payload"] or "Payload"

    def records(stream: typing.Iterable[Params]) -> typing.Iterator[bytes]:
        for event in stream:
            if "Records" in event:
                yield event["Records"]["Payload"]

    def save(parsed: Params, **_: typing.Any) -> None:
        if payload not in parsed:
            return
        write_file(value, records(parsed[payload]))
        del parsed[payload]

    call.on("after-call", save)


def _count(call: Call, params: Params, value: str | None, option: Option) -> None:
    """ec2/addcount.py: ``--count min[:max]``."""
    if value is None:
        return
    try:
        low, _, high = value.partition(":") if ":" in value else (value, "", value)
        if value.count(":") > 1:
            raise ValueError(value)
        params["MinCount"] = int(low)
        params["MaxCount"] = int(high)
    except ValueError:
        raise ValueError(
            "count parameter should be of form min[:max] (e.g. 1 or 1:10)"
        ) from None


def _ip_permission(params: Params, key: str, value: typing.Any) -> None:
    """ec2/secgroupsimplify.py: one rule, ``IpPermissions[0]``, built option by option."""
    rule = params.setdefault("IpPermissions", [{}])[0]
    if key in ("GroupId", "GroupName", "UserId"):
        rule.setdefault("UserIdGroupPairs", [{}])[0][key] = value
    else:
        rule[key] = value


def _sg_protocol(call: Call, params: Params, value: str | None, option: Option) -> None:
    if not value:
        return
    try:
        number = int(value)
    except ValueError:
        if value not in ("tcp", "udp", "icmp", "all"):
            raise ValueError(
                "protocol parameter should be one of: tcp|udp|icmp|all or any valid "
                "protocol number."
            ) from None
        if value == "all":
            value = "-1"
    else:
        if (number < 0 or number > 255) and number != -1:
            # (the AWS CLI raises this inside its own ``try``, which turns it into the
            # message above)
            raise ValueError(
                "protocol parameter should be one of: tcp|udp|icmp|all or any valid "
                "protocol number."
            )
    _ip_permission(params, "IpProtocol", value)


def _sg_port(call: Call, params: Params, value: str | None, option: Option) -> None:
    if not value:
        return
    try:
        if value in ("-1", "all"):
            low, high = "-1", "-1"
        elif "-" in value:
            low, high = value.split("-", 1)
        else:
            low, high = value, value
        _ip_permission(params, "FromPort", int(low))
        _ip_permission(params, "ToPort", int(high))
    except ValueError:
        raise ValueError(
            "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)"
        ) from None


def _sg_cidr(call: Call, params: Params, value: str | None, option: Option) -> None:
    if value:
        _ip_permission(params, "IpRanges", [{"CidrIp": value}])


def _sg_source_group(
    call: Call, params: Params, value: str | None, option: Option
) -> None:
    if value:
        _ip_permission(
            params, "GroupId" if value.startswith("sg-") else "GroupName", value
        )


def _sg_group_owner(
    call: Call, params: Params, value: str | None, option: Option
) -> None:
    if value:
        _ip_permission(params, "UserId", value)


def _bundle(storage_key: str) -> typing.Callable[..., None]:
    """ec2/bundleinstance.py: ``Storage.S3.<storage_key>``."""

    def handler(call: Call, params: Params, value: str | None, option: Option) -> None:
        if value:
            params.setdefault("Storage", {"S3": {}})["S3"][storage_key] = value

    return handler


def _network_interface(params: Params, key: str, value: typing.Any) -> None:
    """ec2/runinstances.py: ``NetworkInterfaces[0]``, built option by option."""
    interface = params.setdefault("NetworkInterfaces", [{"DeviceIndex": 0}])[0]
    if key == "PrivateIpAddresses":
        interface.setdefault(key, value)
    else:
        interface[key] = value


def _secondary_addresses(
    call: Call, params: Params, value: list[str] | None, option: Option
) -> None:
    if value:
        _network_interface(
            params,
            "PrivateIpAddresses",
            [{"PrivateIpAddress": address, "Primary": False} for address in value],
        )


def _secondary_address_count(
    call: Call, params: Params, value: int | None, option: Option
) -> None:
    if value:
        _network_interface(params, "SecondaryPrivateIpAddressCount", value)


def _public_ip(call: Call, params: Params, value: bool, option: Option) -> None:
    if value is True:
        _network_interface(params, "AssociatePublicIpAddress", True)


def _no_public_ip(call: Call, params: Params, value: bool, option: Option) -> None:
    if value is False:
        _network_interface(params, "AssociatePublicIpAddress", False)


def _priv_launch_key(
    call: Call, params: Params, value: str | None, option: Option
) -> None:
    """ec2/decryptpassword.py: ``PasswordData`` decrypted with the RSA key after the call."""
    if not value:
        return
    path = os.path.expanduser(os.path.expandvars(value))
    if not os.path.isfile(path):
        raise ValueError(
            "priv-launch-key should be a path to the local SSH private key file used to "
            "launch the instance."
        )

    def decrypt(parsed: Params, **_: typing.Any) -> None:
        import base64

        data = parsed.get("PasswordData")
        if not data:
            return
        try:
            import rsa  # type: ignore[import-not-found,import-untyped,unused-ignore]
        except ImportError:
            raise ValueError(
                "--priv-launch-key needs the rsa package (pip install rsa)"
            ) from None
        try:
            with open(path) as key_file:
                # rsa types the loaded key as its base class; decrypt takes a PrivateKey.
                key: typing.Any = rsa.PrivateKey.load_pkcs1(
                    key_file.read().encode("latin-1")
                )
            parsed["PasswordData"] = rsa.decrypt(base64.b64decode(data), key).decode(
                "utf-8"
            )
        except Exception:
            raise ValueError(
                "Unable to decrypt password data using provided private key file."
            ) from None

    call.on("after-call", decrypt)


_MFA_FIELDS = ("QRCodePNG", "Base32StringSeed")


def _mfa_outfile(call: Call, params: Params, value: str | None, option: Option) -> None:
    """iamvirtmfa.py: the chosen bootstrap field, decoded, goes to ``--outfile`` (mode 0600)
    and both fields leave the output."""
    if value is None:
        return
    path = os.path.expanduser(os.path.expandvars(value))
    if not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        raise ValueError("Unable to write to file: %s" % path)

    def save(parsed: Params, **_: typing.Any) -> None:
        import base64

        if "Error" in parsed or "VirtualMFADevice" not in parsed:
            return
        device = parsed["VirtualMFADevice"]
        method = call.state.get("bootstrap-method")
        if method in device:
            write_file(path, [base64.b64decode(device[method])], mode=0o600)
            os.chmod(path, 0o600)
            for field in _MFA_FIELDS:
                device.pop(field, None)

    call.on("after-call", save)


def _mfa_method(call: Call, params: Params, value: str | None, option: Option) -> None:
    call.state["bootstrap-method"] = value


def _zip_content(value: typing.Any) -> None:
    """awslambda.py: the value must be a zip archive."""
    import io
    import zipfile

    if not isinstance(value, bytes):
        value = str(value).encode("utf-8")
    try:
        with zipfile.ZipFile(io.BytesIO(value)) as archive:
            archive.infolist()
    except zipfile.BadZipFile:
        raise ValueError(
            "--zip-file must be a zip file with the fileb:// prefix.\n"
            "Example usage:  --zip-file fileb://path/to/file.zip"
        ) from None


def _zip_file(key: str) -> typing.Callable[..., None]:
    """awslambda.py: ``--zip-file`` is ``<key>.ZipFile``."""

    def handler(call: Call, params: Params, value: typing.Any, option: Option) -> None:
        if value is None:
            return
        _zip_content(value)
        if params.get(key):
            params[key].update({"ZipFile": value})
        else:
            params[key] = {"ZipFile": value}

    return handler


ARGUMENTS: dict[str, typing.Callable[..., None]] = {
    "streaming-outfile": _streaming_outfile,
    "s3-select-outfile": _select_outfile,
    "ec2-count": _count,
    "ec2-priv-launch-key": _priv_launch_key,
    "ec2-sg-protocol": _sg_protocol,
    "ec2-sg-port": _sg_port,
    "ec2-sg-cidr": _sg_cidr,
    "ec2-sg-source-group": _sg_source_group,
    "ec2-sg-group-owner": _sg_group_owner,
    "ec2-bundle-bucket": _bundle("Bucket"),
    "ec2-bundle-prefix": _bundle("Prefix"),
    "ec2-bundle-owner-akid": _bundle("AWSAccessKeyId"),
    "ec2-bundle-owner-sak": _bundle("_SAK"),
    "ec2-bundle-policy": _bundle("UploadPolicy"),
    "ec2-secondary-private-ip-addresses": _secondary_addresses,
    "ec2-secondary-private-ip-address-count": _secondary_address_count,
    "ec2-associate-public-ip-address": _public_ip,
    "ec2-no-associate-public-ip-address": _no_public_ip,
    "iam-mfa-outfile": _mfa_outfile,
    "iam-mfa-bootstrap-method": _mfa_method,
    "lambda-zip-file-code": _zip_file("Code"),
    "lambda-zip-file-content": _zip_file("Content"),
}


# --- command hooks -----------------------------------------------------------------------


class Hook:
    """What the AWS CLI does around one command's call; each moment does nothing unless a
    hook says otherwise."""

    def parsed(self, call: Call, parsed: argparse.Namespace) -> None:
        pass

    def value(self, call: Call, option: Option, value: typing.Any) -> None:
        """An option's value after ``file://`` loading (``process-cli-arg``)."""

    def prepare(self, call: Call) -> None:
        pass

    def calling(self, call: Call, params: Params) -> None:
        pass


def _given(parsed: argparse.Namespace, name: str) -> typing.Any:
    return getattr(parsed, name, None)


class _DefaultCount(Hook):
    """ec2/addcount.py set_default_count."""

    def prepare(self, call: Call) -> None:
        def defaults(params: Params, **_: typing.Any) -> None:
            params.setdefault("MaxCount", 1)
            params.setdefault("MinCount", 1)

        call.on("before-parameter-build", defaults)


class _NotMixed(Hook):
    """The scalar options of a command may not be mixed with the structure they build."""

    def __init__(self, structure: str, scalars: tuple[str, ...], message: str) -> None:
        self.structure, self.scalars, self.message = structure, scalars, message

    def parsed(self, call: Call, parsed: argparse.Namespace) -> None:
        if not _given(parsed, self.structure):
            return
        for name in self.scalars:
            if _given(parsed, name):
                raise ValueError(self.message.replace("{name}", name))


class _BundlePolicy(Hook):
    """ec2/bundleinstance.py _check_params: the upload policy (24 hours, for the bucket and
    prefix) and its signature, when not given."""

    def prepare(self, call: Call) -> None:
        call.on("before-parameter-build", _bundle_policy)


def _bundle_policy(params: Params, **_: typing.Any) -> None:
    import base64
    import datetime
    import hashlib
    import hmac

    storage = params["Storage"]["S3"]
    if "UploadPolicy" not in storage:
        expires = datetime.datetime.now(datetime.timezone.utc).replace(
            tzinfo=None
        ) + datetime.timedelta(hours=24)
        storage["UploadPolicy"] = (
            '{"expiration": "%s","conditions": [{"bucket": "%s"},'
            '{"acl": "ec2-bundle-read"},["starts-with", "$key", "%s"]]}'
            % (
                expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                storage["Bucket"],
                storage["Prefix"],
            )
        )
    if "UploadPolicySignature" not in storage:
        policy, secret = storage.get("UploadPolicy"), storage.get("_SAK")
        if policy and secret:
            encoded = base64.b64encode(policy.encode("latin-1"))
            digest = hmac.new(secret.encode("utf-8"), encoded, hashlib.sha1).digest()
            storage["UploadPolicySignature"] = (
                base64.encodebytes(digest).strip().decode("utf-8")
            )
            del storage["_SAK"]


class _RunInstancesNetwork(Hook):
    """ec2/runinstances.py _fix_args: with a network interface built from the scalar options,
    the subnet, groups, addresses and IPv6 options move into it."""

    MOVED = (
        ("SubnetId", "SubnetId"),
        ("SecurityGroupIds", "Groups"),
        ("Ipv6AddressCount", "Ipv6AddressCount"),
        ("Ipv6Addresses", "Ipv6Addresses"),
        ("EnablePrimaryIpv6", "PrimaryIpv6"),
    )

    def prepare(self, call: Call) -> None:
        call.on("before-parameter-build", self.fix)

    def fix(self, params: Params, **_: typing.Any) -> None:
        if "NetworkInterfaces" not in params:
            return
        interface = params["NetworkInterfaces"][0]
        if not any(
            key in interface
            for key in (
                "PrivateIpAddresses",
                "SecondaryPrivateIpAddressCount",
                "AssociatePublicIpAddress",
            )
        ):
            return
        for name, moved in self.MOVED[:2]:
            if name in params:
                interface[moved] = params.pop(name)
        if "PrivateIpAddress" in params:
            interface["PrivateIpAddresses"] = [
                {"PrivateIpAddress": params.pop("PrivateIpAddress"), "Primary": True}
            ]
        for name, moved in self.MOVED[2:]:
            if name in params:
                interface[moved] = params.pop(name)


class _NetworkAclProtocol(Hook):
    """ec2/protocolarg.py: ``--protocol tcp|udp|icmp|all`` as the protocol's number."""

    NUMBERS = {"tcp": "6", "udp": "17", "icmp": "1", "all": "-1"}

    def prepare(self, call: Call) -> None:
        def fix(params: Params, **_: typing.Any) -> None:
            if "Protocol" in params:
                params["Protocol"] = self.NUMBERS.get(
                    params["Protocol"], params["Protocol"]
                )

        call.on("before-parameter-build", fix)


class _LambdaZipCheck(Hook):
    """awslambda.py validate_is_zip_file: ``update-function-code --zip-file``."""

    def value(self, call: Call, option: Option, value: typing.Any) -> None:
        if option.name == "zip-file" and value is not None:
            _zip_content(value)


class _Ec2PageSize(Hook):
    """ec2/paginate.py EC2PageSizeInjector: pages of 1000 when nothing narrows the listing."""

    ALLOWED = {
        "DescribeVolumes": (),
        "DescribeSnapshots": ("OwnerIds", "RestorableByUserIds"),
    }

    def calling(self, call: Call, params: Params) -> None:
        allowed = self.ALLOWED.get(call.command.name)
        if not call.paginate or allowed is None:
            return
        config = params.get("PaginationConfig", {})
        if "PageSize" in config:
            return
        universal = ("NextToken", "DryRun", "PaginationConfig")
        if all(key in allowed or key in universal for key in params):
            config["PageSize"] = 1000
            params["PaginationConfig"] = config


class _S3ErrorMessage(Hook):
    """s3errormsg.py enhance_error_msg: the region and signature advice in S3's errors."""

    REGION = (
        "You can fix this issue by explicitly providing the correct region location using "
        "the --region argument, the AWS_DEFAULT_REGION environment variable, or the region "
        "variable in the AWS CLI configuration file.  You can get the bucket's location by "
        'running "aws s3api get-bucket-location --bucket BUCKET".'
    )

    def prepare(self, call: Call) -> None:
        call.on("after-call", self.enhance)

    def enhance(self, parsed: Params | None, **_: typing.Any) -> None:
        if parsed is None or "Error" not in parsed:
            return
        error = parsed["Error"]
        message = error.get("Message", "")
        if "Please use AWS4-HMAC-SHA256" in message:
            error["Message"] = (
                "You are attempting to operate on a bucket in a region that requires "
                "Signature Version 4.  " + self.REGION
            )
        elif error.get("Code", "") == "PermanentRedirect":
            error["Message"] = message[:-1] + ": %s\n" % error["Endpoint"] + self.REGION
        elif "AWS KMS managed keys require AWS Signature Version 4" in message:
            error["Message"] = (
                message + " You can enable AWS Signature Version 4 by running the "
                "command: \naws configure set s3.signature_version s3v4"
            )


class _DynamodbLastEvaluatedKey(Hook):
    """dynamodb.py: binary keys of ``LastEvaluatedKey`` decoded when paginating (the CLI
    leaves blobs in base64, and the next page's request would encode them again)."""

    def calling(self, call: Call, params: Params) -> None:
        if call.paginate:
            call.on("after-call", self.decode)

    def decode(self, parsed: Params, **_: typing.Any) -> None:
        import base64

        key = parsed.get("LastEvaluatedKey")
        if key is None:
            return
        for value in key.values():
            if "B" in value:
                value["B"] = base64.b64decode(value["B"])


HOOKS: dict[str, Hook] = {
    "ec2-default-count": _DefaultCount(),
    "ec2-security-group-check": _NotMixed(
        "ip_permissions",
        ("protocol", "port", "cidr", "source_group", "group_owner"),
        "The --{name} option is not compatible with the --ip-permissions option ",
    ),
    "ec2-bundle-check": _NotMixed(
        "storage",
        ("bucket", "prefix", "owner_akid", "owner_sak", "policy"),
        "Mixing the --storage option with the simple, scalar options is not recommended.",
    ),
    "ec2-bundle-policy": _BundlePolicy(),
    "ec2-run-instances-check": _NotMixed(
        "network_interfaces",
        (
            "secondary_private_ip_addresses",
            "secondary_private_ip_address_count",
            "associate_public_ip_address",
        ),
        "Mixing the --network-interfaces option with the simple, scalar options is not "
        "supported.",
    ),
    "ec2-run-instances-network": _RunInstancesNetwork(),
    "ec2-network-acl-protocol": _NetworkAclProtocol(),
    "lambda-zip-check": _LambdaZipCheck(),
    "ec2-page-size": _Ec2PageSize(),
    "s3-error-message": _S3ErrorMessage(),
    "dynamodb-last-evaluated-key": _DynamodbLastEvaluatedKey(),
}


def hooks(call: Call) -> list[Hook]:
    """The hooks of the command being called (an unknown name is a generator bug)."""
    return [HOOKS[name] for name in call.command.hooks]


__all__ = ["ARGUMENTS", "HOOKS", "Hook", "hooks"]
