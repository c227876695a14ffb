"""EC2 (the ec2 protocol): a VPC with subnets, security groups, gateways and routes, tags,
instances, key pairs, volumes and launch templates; describing with filters and pagination
(also ``MaxResults`` given as a request field); the errors of missing ids and dependencies.
EC2's model lists no errors, so each is a plain ``ClientError`` with the code moto gives."""

from __future__ import annotations

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Twin, Workload, Write

VPC = Ref("vpc")
MISSING_VPC = "vpc-0000000000000000f"


def tags(resource: str, **values: str) -> list[dict[str, object]]:
    return [{"ResourceType": resource, "Tags": [{"Key": k, "Value": v} for k, v in values.items()]}]


def by_vpc(vpc: object = VPC) -> list[dict[str, object]]:
    return [{"Name": "vpc-id", "Values": [vpc]}]


network = Workload("ec2", "network", (
    Write("CreateVpc", {"CidrBlock": "10.0.0.0/16", "TagSpecifications": tags("vpc", Name="main", env="test")},
          save={"vpc": "Vpc.VpcId"},
          then=(Expect("DescribeVpcs", {"VpcIds": [VPC]},
                       {"Vpcs": [{"CidrBlock": "10.0.0.0/16", "State": "available", "IsDefault": False}]}),)),
    Twin("CreateVpc", {"CidrBlock": "10.1.0.0/16"}, {"CidrBlock": "10.1.0.0/16"},
         ignore=("Vpc.VpcId", "Vpc.CidrBlockAssociationSet[*].AssociationId"), name="CreateVpc (two alike)"),
    Read("DescribeVpcs", {"VpcIds": [VPC]}),
    Read("DescribeVpcs", {"Filters": [{"Name": "tag:Name", "Values": ["main"]}]}, name="DescribeVpcs by tag"),
    Read("DescribeVpcs", {"Filters": [{"Name": "is-default", "Values": ["true"]}]}, name="DescribeVpcs, the default VPC"),
    Paginate("DescribeVpcs", {}, (Page(), Page(max_items=2), Page(starting_token=RESUME))),
    Error("DescribeVpcs", {"VpcIds": [MISSING_VPC]}, None, code="InvalidVpcID.NotFound"),
    Write("ModifyVpcAttribute", {"VpcId": VPC, "EnableDnsHostnames": {"Value": True}},
          then=(Expect("DescribeVpcAttribute", {"VpcId": VPC, "Attribute": "enableDnsHostnames"},
                       {"EnableDnsHostnames": {"Value": True}}),)),
    Read("DescribeVpcAttribute", {"VpcId": VPC, "Attribute": "enableDnsSupport"}),
    Write("CreateSubnet", {"VpcId": VPC, "CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a",
                           "TagSpecifications": tags("subnet", Name="public")},
          save={"subnet": "Subnet.SubnetId"},
          then=(Expect("DescribeSubnets", {"SubnetIds": [Ref("subnet")]},
                       {"Subnets": [{"CidrBlock": "10.0.0.0/24", "AvailabilityZone": "us-east-1a", "VpcId": VPC}]}),)),
    *(Setup("CreateSubnet", {"VpcId": VPC, "CidrBlock": f"10.0.{n}.0/24"}) for n in range(1, 7)),
    Read("DescribeSubnets", {"Filters": by_vpc()}, name="DescribeSubnets of the VPC"),
    Read("DescribeSubnets", {"Filters": [*by_vpc(), {"Name": "availability-zone", "Values": ["us-east-1a"]}]},
         name="DescribeSubnets by two filters"),
    Paginate("DescribeSubnets", {"Filters": by_vpc()}, (Page(), Page(max_items=3), Page(starting_token=RESUME))),
    Error("DescribeSubnets", {"SubnetIds": ["subnet-0000000000000000f"]}, None, code="InvalidSubnetID.NotFound"),
    Write("CreateSecurityGroup", {"GroupName": "web", "Description": "web servers", "VpcId": VPC,
                                  "TagSpecifications": tags("security-group", tier="web")},
          save={"sg": "GroupId"},
          then=(Expect("DescribeSecurityGroups", {"GroupIds": [Ref("sg")]},
                       {"SecurityGroups": [{"GroupName": "web", "Description": "web servers", "VpcId": VPC}]}),)),
    Write("AuthorizeSecurityGroupIngress", {"GroupId": Ref("sg"), "IpPermissions": [
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"}]},
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]},
          then=(Expect("DescribeSecurityGroupRules", {"Filters": [{"Name": "group-id", "Values": [Ref("sg")]}]},
                       {"SecurityGroupRules": [{"IsEgress": True},
                                               {"IsEgress": False, "FromPort": 443, "CidrIpv4": "0.0.0.0/0"},
                                               {"IsEgress": False, "FromPort": 22, "CidrIpv4": "10.0.0.0/8"}]}),)),
    Read("DescribeSecurityGroups", {"GroupIds": [Ref("sg")]}),
    Read("DescribeSecurityGroups", {"Filters": by_vpc()}, name="DescribeSecurityGroups of the VPC"),
    Read("DescribeSecurityGroupRules", {"Filters": [{"Name": "group-id", "Values": [Ref("sg")]}]}),
    Error("AuthorizeSecurityGroupIngress", {"GroupId": Ref("sg"), "IpPermissions": [
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]},
          None, code="InvalidPermission.Duplicate", name="AuthorizeSecurityGroupIngress twice"),
    Write("CreateInternetGateway", {"TagSpecifications": tags("internet-gateway", Name="gw")},
          save={"igw": "InternetGateway.InternetGatewayId"}),
    Write("AttachInternetGateway", {"InternetGatewayId": Ref("igw"), "VpcId": VPC},
          then=(Expect("DescribeInternetGateways", {"InternetGatewayIds": [Ref("igw")]},
                       {"InternetGateways": [{"Attachments": [{"VpcId": VPC, "State": "available"}]}]}),)),
    Read("DescribeInternetGateways", {"InternetGatewayIds": [Ref("igw")]}),
    Write("CreateRouteTable", {"VpcId": VPC}, save={"rtb": "RouteTable.RouteTableId"}),
    Write("CreateRoute", {"RouteTableId": Ref("rtb"), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": Ref("igw")}),
    Write("AssociateRouteTable", {"RouteTableId": Ref("rtb"), "SubnetId": Ref("subnet")},
          then=(Expect("DescribeRouteTables", {"RouteTableIds": [Ref("rtb")]},
                       {"RouteTables": [{"Associations": [{"SubnetId": Ref("subnet"), "Main": False}]}]}),)),
    Read("DescribeRouteTables", {"RouteTableIds": [Ref("rtb")]}),
    Write("CreateTags", {"Resources": [VPC, Ref("subnet")], "Tags": [{"Key": "cost", "Value": "42"}]},
          then=(Expect("DescribeTags", {"Filters": [{"Name": "key", "Values": ["cost"]}]},
                       {"Tags": [{"Key": "cost", "Value": "42", "ResourceType": "vpc"},
                                 {"Key": "cost", "Value": "42", "ResourceType": "subnet"}]}),)),
    Read("DescribeTags", {"Filters": [{"Name": "resource-id", "Values": [VPC]}]}, name="DescribeTags of the VPC"),
    Paginate("DescribeTags", {}, (Page(), Page(max_items=3), Page(max_items=2, starting_token=RESUME))),
    Write("DeleteTags", {"Resources": [Ref("subnet")], "Tags": [{"Key": "cost"}]},
          then=(Expect("DescribeTags", {"Filters": [{"Name": "key", "Values": ["cost"]}]},
                       {"Tags": [{"Key": "cost", "ResourceType": "vpc"}]}),)),
    Error("DeleteVpc", {"VpcId": VPC}, None, code="DependencyViolation", name="DeleteVpc with subnets in it"),
    Read("DescribeAvailabilityZones"),
    Read("DescribeRegions", {"RegionNames": ["us-east-1", "eu-west-1"]}),
    Read("DescribeAccountAttributes"),
))

instances = Workload("ec2", "instances", (
    Setup("DescribeImages", {"Owners": ["amazon"], "Filters": [{"Name": "architecture", "Values": ["x86_64"]}]},
          save={"ami": "Images[0].ImageId"}),
    Read("DescribeImages", {"ImageIds": [Ref("ami")]}),
    Write("CreateKeyPair", {"KeyName": "deploy", "TagSpecifications": tags("key-pair", team="ops")},
          then=(Expect("DescribeKeyPairs", {"KeyNames": ["deploy"]}, {"KeyPairs": [{"KeyName": "deploy"}]}),)),
    Read("DescribeKeyPairs", {"KeyNames": ["deploy"]}),
    Error("DescribeKeyPairs", {"KeyNames": ["missing"]}, None, code="InvalidKeyPair.NotFound"),
    Write("RunInstances", {"ImageId": Ref("ami"), "MinCount": 1, "MaxCount": 1, "InstanceType": "t3.micro",
                           "KeyName": "deploy", "TagSpecifications": tags("instance", Name="web-1"),
                           "BlockDeviceMappings": [{"DeviceName": "/dev/sda1", "Ebs": {"VolumeSize": 20}}]},
          save={"instance": "Instances[0].InstanceId"},
          then=(Expect("DescribeInstances", {"InstanceIds": [Ref("instance")]},
                       {"Reservations": [{"Instances": [{"InstanceType": "t3.micro", "KeyName": "deploy",
                                                         "State": {"Name": "running"}}]}]}),)),
    *(Setup("RunInstances", {"ImageId": Ref("ami"), "MinCount": 1, "MaxCount": 2, "InstanceType": "t3.small"})
      for _ in range(6)),
    Read("DescribeInstances", {"InstanceIds": [Ref("instance")]}),
    Read("DescribeInstances", {"Filters": [{"Name": "instance-type", "Values": ["t3.small"]}]},
         name="DescribeInstances by type"),
    Paginate("DescribeInstances", {}, (Page(), Page(page_size=2), Page(max_items=3, page_size=2),
                                       Page(page_size=3, starting_token=RESUME))),
    Paginate("DescribeInstances", {"MaxResults": 3}, name="DescribeInstances, MaxResults as a request field"),
    Read("DescribeInstanceAttribute", {"InstanceId": Ref("instance"), "Attribute": "instanceType"}),
    Read("DescribeInstanceStatus", {"InstanceIds": [Ref("instance")]}),
    Read("DescribeInstanceTypes", {"InstanceTypes": ["t3.micro"]}),
    Error("DescribeInstances", {"InstanceIds": ["i-0000000000000000f"]}, None, code="InvalidInstanceID.NotFound"),
    Write("StopInstances", {"InstanceIds": [Ref("instance")]},
          then=(Expect("DescribeInstances", {"InstanceIds": [Ref("instance")]},
                       {"Reservations": [{"Instances": [{"State": {"Name": "stopped"}}]}]}),)),
    Write("CreateVolume", {"AvailabilityZone": "us-east-1a", "Size": 8, "VolumeType": "gp3",
                           "TagSpecifications": tags("volume", Name="data")},
          save={"volume": "VolumeId"},
          then=(Expect("DescribeVolumes", {"VolumeIds": [Ref("volume")]},
                       {"Volumes": [{"Size": 8, "VolumeType": "gp3", "State": "available"}]}),)),
    Read("DescribeVolumes", {"VolumeIds": [Ref("volume")]}),
    Write("TerminateInstances", {"InstanceIds": [Ref("instance")]},
          then=(Expect("DescribeInstances", {"InstanceIds": [Ref("instance")]},
                       {"Reservations": [{"Instances": [{"State": {"Name": "terminated"}}]}]}),)),
))

launch_templates = Workload("ec2", "launch-templates", (
    Write("CreateLaunchTemplate", {"LaunchTemplateName": "web", "VersionDescription": "first",
                                   "LaunchTemplateData": {
                                       "InstanceType": "t3.micro",
                                       "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True}],
                                       "TagSpecifications": [{"ResourceType": "instance",
                                                              "Tags": [{"Key": "app", "Value": "web"}]}]}},
          then=(Expect("DescribeLaunchTemplateVersions", {"LaunchTemplateName": "web"},
                       {"LaunchTemplateVersions": [{"VersionNumber": 1, "LaunchTemplateData": {"InstanceType": "t3.micro"}}]}),)),
    Write("CreateLaunchTemplateVersion", {"LaunchTemplateName": "web", "SourceVersion": "1",
                                          "LaunchTemplateData": {"InstanceType": "t3.large"}}),
    *(Setup("CreateLaunchTemplate", {"LaunchTemplateName": f"extra-{n}", "LaunchTemplateData": {"InstanceType": "t3.nano"}})
      for n in range(5)),
    Read("DescribeLaunchTemplates", {"LaunchTemplateNames": ["web"]}),
    Read("DescribeLaunchTemplateVersions", {"LaunchTemplateName": "web"}),
    # moto cuts DescribeLaunchTemplates at MaxResults without a NextToken: only max_items pages here.
    Paginate("DescribeLaunchTemplates", {}, (Page(), Page(max_items=3), Page(starting_token=RESUME))),
))

SUBNET = Ref("subnet")

addressing = Workload("ec2", "addressing-and-storage", (
    Setup("CreateVpc", {"CidrBlock": "10.8.0.0/16"}, save={"vpc": "Vpc.VpcId"}),
    Setup("CreateSubnet", {"VpcId": VPC, "CidrBlock": "10.8.1.0/24", "AvailabilityZone": "us-east-1a"},
          save={"subnet": "Subnet.SubnetId"}),
    Write("CreateNetworkInterface", {"SubnetId": SUBNET, "Description": "service eni", "PrivateIpAddress": "10.8.1.10",
                                     "TagSpecifications": tags("network-interface", role="service")},
          save={"eni": "NetworkInterface.NetworkInterfaceId"},
          then=(Expect("DescribeNetworkInterfaces", {"NetworkInterfaceIds": [Ref("eni")]},
                       {"NetworkInterfaces": [{"Description": "service eni", "PrivateIpAddress": "10.8.1.10"}]}),)),
    Read("DescribeNetworkInterfaces", {"NetworkInterfaceIds": [Ref("eni")]}),
    Write("AllocateAddress", {"Domain": "vpc", "TagSpecifications": tags("elastic-ip", Name="nat")},
          save={"eip": "AllocationId"}),
    Read("DescribeAddresses", {"AllocationIds": [Ref("eip")]}),
    Write("CreateNatGateway", {"SubnetId": SUBNET, "AllocationId": Ref("eip")}, save={"nat": "NatGateway.NatGatewayId"},
          then=(Expect("DescribeNatGateways", {"NatGatewayIds": [Ref("nat")]},
                       {"NatGateways": [{"SubnetId": SUBNET, "VpcId": VPC}]}),)),
    Read("DescribeNatGateways", {"NatGatewayIds": [Ref("nat")]}),
    Write("CreateVpcEndpoint", {"VpcId": VPC, "ServiceName": "com.amazonaws.us-east-1.s3", "VpcEndpointType": "Gateway"},
          save={"endpoint": "VpcEndpoint.VpcEndpointId"}),
    Read("DescribeVpcEndpoints", {"VpcEndpointIds": [Ref("endpoint")]}),
    Read("DescribePrefixLists"),
    Write("CreateDhcpOptions", {"DhcpConfigurations": [{"Key": "domain-name", "Values": ["example.internal"]},
                                                       {"Key": "domain-name-servers", "Values": ["10.8.0.2"]}]},
          save={"dhcp": "DhcpOptions.DhcpOptionsId"}),
    Read("DescribeDhcpOptions", {"DhcpOptionsIds": [Ref("dhcp")]}),
    Write("CreateManagedPrefixList", {"PrefixListName": "offices", "MaxEntries": 5, "AddressFamily": "IPv4",
                                      "Entries": [{"Cidr": "192.0.2.0/24", "Description": "hq"},
                                                  {"Cidr": "198.51.100.0/24", "Description": "branch"}]},
          save={"prefix_list": "PrefixList.PrefixListId"}),
    Read("GetManagedPrefixListEntries", {"PrefixListId": Ref("prefix_list")}),
    Read("DescribeManagedPrefixLists", {"PrefixListIds": [Ref("prefix_list")]}),
    Write("CreateEgressOnlyInternetGateway", {"VpcId": VPC}),
    Read("DescribeEgressOnlyInternetGateways"),
    Write("CreateNetworkAcl", {"VpcId": VPC}, save={"acl": "NetworkAcl.NetworkAclId"}),
    Write("CreateNetworkAclEntry", {"NetworkAclId": Ref("acl"), "RuleNumber": 100, "Protocol": "6", "RuleAction": "allow",
                                    "Egress": False, "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 443, "To": 443}}),
    Read("DescribeNetworkAcls", {"NetworkAclIds": [Ref("acl")]}),
    Write("CreateVolume", {"AvailabilityZone": "us-east-1a", "Size": 4, "Encrypted": True}, save={"volume": "VolumeId"}),
    Write("CreateSnapshot", {"VolumeId": Ref("volume"), "Description": "nightly",
                             "TagSpecifications": tags("snapshot", schedule="nightly")},
          save={"snapshot": "SnapshotId"},
          then=(Expect("DescribeSnapshots", {"SnapshotIds": [Ref("snapshot")]},
                       {"Snapshots": [{"VolumeId": Ref("volume"), "Description": "nightly"}]}),)),
    Read("DescribeSnapshots", {"SnapshotIds": [Ref("snapshot")]}),
    Read("DescribeSpotPriceHistory", {"InstanceTypes": ["t3.micro"], "MaxResults": 5}),
    Read("DescribeInstanceTypeOfferings", {"LocationType": "availability-zone",
                                           "Filters": [{"Name": "instance-type", "Values": ["t3.micro"]}]}),
    Error("DescribeSecurityGroups", {"GroupNames": ["missing"]}, None, code="InvalidGroup.NotFound"),
    Error("DescribeVolumes", {"VolumeIds": ["vol-00000000000000000"]}, None, code="InvalidVolume.NotFound"),
    Error("DescribeImages", {"ImageIds": ["ami-00000000"]}, None, code="InvalidAMIID.NotFound"),
    Error("ReleaseAddress", {"AllocationId": "eipalloc-00000000"}, None, code="InvalidAllocationID.NotFound"),
))

WORKLOADS = [network, instances, launch_templates, addressing]
