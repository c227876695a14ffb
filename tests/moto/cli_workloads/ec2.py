"""EC2 (ec2): the AWS CLI's own options (``run-instances --count`` and its network options,
the security-group scalars, ``--ingress``/``--egress``, pulled-up ``--flag``/``--no-flag``
booleans, network ACL protocol names), filters and tag specifications as shorthand, listings
in every format and page by page, dry runs and the service's errors."""

from __future__ import annotations

from tests.moto.cli import WHO, C, CliWorkload, S, W

AMI = "ami-12c6146b"  # one of moto's images
IDS = (r"\b(i|r|vpc|subnet|sg|acl|rtb|igw|vol|eni|eni-attach|key|snap|dopt|eipalloc|ami|sgr)-[0-9a-f]{8,17}\b",
       r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", r"ip-[\d-]+\.ec2\.internal",
       r"\b\d+\.\d+\.\d+\.\d+\b", r"[0-9a-f]{2}(:[0-9a-f]{2}){19}", r'"KeyMaterial": "[^"]+"',
       r"r-[0-9a-f]+", r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def tags(resource: str, name: str) -> str:
    return f"ResourceType={resource},Tags=[{{Key=Name,Value={name}}},{{Key=team,Value=cli}}]"


def named(kind: str, name: str, query: str) -> tuple[str, ...]:
    return (f"describe-{kind}", "--filters", f"Name=tag:Name,Values={name}", "--query", query)


WORKLOAD = CliWorkload("ec2", (
    S("run-instances", "--image-id", AMI, "--count", "3", "--instance-type", "t2.micro",
      "--tag-specifications", tags("instance", "cli-fleet")),
    *(S("run-instances", "--image-id", AMI, "--tag-specifications", tags("instance", f"mine-{who}"),
        save={f"i-{who}": "Instances[0].InstanceId"}) for who in WHO.values()),
    S("create-vpc", "--cidr-block", "10.9.0.0/16", "--tag-specifications", tags("vpc", "cli-vpc"),
      save={"vpc": "Vpc.VpcId"}),
    S("create-subnet", "--vpc-id", "<<vpc>>", "--cidr-block", "10.9.1.0/24", save={"subnet": "Subnet.SubnetId"}),
    # instances: --count, and the network options that build NetworkInterfaces[0]
    W("run-instances", "--image-id", AMI, "--count", "2", "--instance-type", "t3.nano",
      "--tag-specifications", tags("instance", "count-{w}"), "--query",
      "Instances[].[InstanceType, ImageId, State.Name, Tags[?Key=='Name'].Value]", mask=IDS,
      readback=(named("instances", "count-{w}", "Reservations[].Instances[].[InstanceType, State.Name]"),)),
    W("run-instances", "--image-id", AMI, "--count", "1:2", "--subnet-id", "<<subnet>>",
      "--associate-public-ip-address", "--secondary-private-ip-address-count", "1",
      "--tag-specifications", tags("instance", "net-{w}"), "--output", "text", "--query",
      "Instances[].[InstanceType, NetworkInterfaces[0].Association != null]", mask=IDS,
      readback=(named("instances", "net-{w}", "Reservations[].Instances[].[SubnetId, VpcId]"),)),
    C("run-instances", "--image-id", AMI, "--count", "two"),
    C("run-instances", "--image-id", AMI, "--network-interfaces", "DeviceIndex=0,SubnetId=subnet-1",
      "--associate-public-ip-address"),
    C("run-instances", "--image-id", AMI, "--min-count", "1"),
    C("run-instances", "--image-id", AMI, "--dry-run"),
    # pulled-up booleans: --flag, --no-flag, --flag Value=..., not both
    W("modify-instance-attribute", "--instance-id", "<<i-{w}>>", "--no-source-dest-check",
      readback=(("describe-instance-attribute", "--instance-id", "<<i-{w}>>", "--attribute", "sourceDestCheck",
                 "--query", "SourceDestCheck"),)),
    W("modify-instance-attribute", "--instance-id", "<<i-{w}>>", "--source-dest-check",
      readback=(("describe-instance-attribute", "--instance-id", "<<i-{w}>>", "--attribute", "sourceDestCheck",
                 "--query", "SourceDestCheck"),)),
    W("modify-instance-attribute", "--instance-id", "<<i-{w}>>", "--disable-api-termination", "Value=true",
      readback=(("describe-instance-attribute", "--instance-id", "<<i-{w}>>", "--attribute",
                 "disableApiTermination", "--output", "text", "--query", "DisableApiTermination.Value"),)),
    C("modify-instance-attribute", "--instance-id", "<<i-zqa>>", "--source-dest-check", "--no-source-dest-check"),
    # listings
    C("describe-instances", "--filters", "Name=tag:Name,Values=cli-fleet", "--query",
      "Reservations[].Instances[].[InstanceType, State.Name, ImageId]"),
    C("describe-instances", "--filters", "Name=tag:Name,Values=cli-fleet", "Name=instance-state-name,Values=running,stopped",
      "--query", "length(Reservations[].Instances[])"),
    C("describe-instances", "--filters", '[{"Name": "tag:Name", "Values": ["cli-fleet"]}]', "--output", "text",
      "--query", "Reservations[].Instances[].InstanceType"),
    C("describe-instances", "--filters", "Name=tag:Name,Values=cli-fleet", "--output", "table", "--query",
      "Reservations[].Instances[].{Type:InstanceType,Image:ImageId}"),
    C("describe-instances", "--filters", "Name=tag:Name,Values=cli-fleet", "--max-items", "1", "--query",
      "Reservations[].Instances[].InstanceType"),
    C("describe-instances", "--instance-ids", "i-00000000000000000"),
    C("describe-instances", "--filters", "Name=tag:Name,Values=cli-fleet,Foo"),
    C("describe-instances", "--filters", "Name=a,Values=b,"),
    C("describe-vpcs", "--filters", "Name=tag:Name,Values=cli-vpc", "--query", "Vpcs[].[CidrBlock, State, Tags]"),
    C("describe-subnets", "--filters", "Name=vpc-id,Values=<<vpc>>", "--query", "Subnets[].CidrBlock",
      "--output", "text"),
    C("describe-images", "--image-ids", AMI, "--query", "Images[].[ImageId, Name, Architecture]"),
    C("describe-regions", "--region-names", "us-east-1", "eu-west-1", "--query", "Regions[].RegionName"),
    C("describe-availability-zones", "--query", "AvailabilityZones[].ZoneName", "--output", "text"),
    C("describe-volumes", "--query", "length(Volumes)"),
    C("describe-security-groups", "--group-names", "default", "--query", "SecurityGroups[].GroupName"),
    # security groups: the scalar options build IpPermissions[0]
    W("create-security-group", "--group-name", "sg-{w}", "--description", "made by the cli", mask=IDS,
      readback=(("describe-security-groups", "--group-names", "sg-{w}", "--query",
                 "SecurityGroups[].[GroupName, Description]"),)),
    W("authorize-security-group-ingress", "--group-name", "sg-{w}", "--protocol", "tcp", "--port", "22-25",
      "--cidr", "10.0.0.0/8", mask=IDS,
      readback=(("describe-security-groups", "--group-names", "sg-{w}", "--query", "SecurityGroups[].IpPermissions"),)),
    W("authorize-security-group-ingress", "--group-name", "sg-{w}", "--ip-permissions",
      "IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=192.168.0.0/16,Description=dns}]", mask=IDS,
      readback=(("describe-security-groups", "--group-names", "sg-{w}", "--query",
                 "SecurityGroups[].IpPermissions[?IpProtocol=='udp']"),)),
    W("authorize-security-group-ingress", "--group-name", "sg-{w}", "--protocol", "all", "--cidr", "172.16.0.0/12",
      mask=IDS),
    C("authorize-security-group-ingress", "--group-name", "default", "--protocol", "tcp", "--ip-permissions",
      "IpProtocol=tcp,FromPort=1,ToPort=1"),
    C("authorize-security-group-ingress", "--group-name", "default", "--protocol", "tcp", "--port", "a-b"),
    C("authorize-security-group-ingress", "--group-name", "default", "--protocol", "http", "--port", "80"),
    # network ACLs: --ingress/--egress, protocol names
    *(S("create-network-acl", "--vpc-id", "<<vpc>>", "--tag-specifications", tags("network-acl", f"acl-{who}"),
        save={f"acl-{who}": "NetworkAcl.NetworkAclId"}) for who in WHO.values()),
    W("create-network-acl-entry", "--network-acl-id", "<<acl-{w}>>", "--rule-number", "100", "--protocol", "tcp",
      "--port-range", "From=80,To=80", "--rule-action", "allow", "--ingress", "--cidr-block", "0.0.0.0/0",
      readback=(("describe-network-acls", "--network-acl-ids", "<<acl-{w}>>", "--query",
                 "NetworkAcls[].Entries[?RuleNumber==`100`].[Protocol, Egress, RuleAction, PortRange]"),)),
    W("create-network-acl-entry", "--network-acl-id", "<<acl-{w}>>", "--rule-number", "200", "--protocol", "udp",
      "--rule-action", "deny", "--egress", "--cidr-block", "10.0.0.0/8",
      readback=(("describe-network-acls", "--network-acl-ids", "<<acl-{w}>>", "--query",
                 "NetworkAcls[].Entries[?RuleNumber==`200`].[Protocol, Egress, RuleAction]"),)),
    # tags and key pairs
    W("create-tags", "--resources", "<<i-{w}>>", "--tags", "Key=stage,Value=one", "Key=owner,Value={w}",
      readback=(("describe-tags", "--filters", "Name=resource-id,Values=<<i-{w}>>", "Name=key,Values=stage,owner",
                 "--query", "Tags[].[Key, Value]", "--output", "text"),)),
    W("create-key-pair", "--key-name", "key-{w}", mask=IDS,
      readback=(("describe-key-pairs", "--key-names", "key-{w}", "--query", "KeyPairs[].KeyName"),)),
    C("describe-key-pairs", "--key-names", "no-such-key"),
    C("get-password-data", "--instance-id", "<<i-zqa>>", "--priv-launch-key", "no-such-key.pem"),
    C("get-password-data", "--instance-id", "<<i-zqa>>", "--query", "InstanceId", mask=IDS),
    C("create-tags", "--resources", "<<i-zqa>>", "--tags", "Key=a,Value=b", "--dry-run"),
))
