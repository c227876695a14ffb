"""S3 (rest-xml): buckets, objects with metadata and an ``Expires`` header, ranges, tagging,
copies, listing v1/v2 with pagination (also ``MaxKeys`` given as a request field), versions,
multipart uploads, S3 Select (an event stream), deletes and the errors of missing keys."""

from __future__ import annotations

import datetime

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Twin, Workload, Write

BUCKET = "photos"
CSV = b"name,age\nann,3\nbob,5\n"
EXPIRES = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
LOG_KEYS = [f"logs/2024/{month:02}.txt" for month in range(1, 8)] + ["logs/2025/01.txt", "logs/2025/02.txt"]

objects = Workload("s3", "objects", (
    Write("CreateBucket", {"Bucket": BUCKET},
          then=(Expect("HeadBucket", {"Bucket": BUCKET}, {}),)),
    Write("CreateBucket", {"Bucket": "archive-eu", "CreateBucketConfiguration": {"LocationConstraint": "eu-west-1"}},
          then=(Expect("GetBucketLocation", {"Bucket": "archive-eu"}, {"LocationConstraint": "eu-west-1"}),)),
    Read("ListBuckets"),
    Read("HeadBucket", {"Bucket": BUCKET}),
    Read("GetBucketLocation", {"Bucket": "archive-eu"}),
    Write("PutObject", {"Bucket": BUCKET, "Key": "people.csv", "Body": CSV, "ContentType": "text/csv",
                        "Metadata": {"owner": "ann", "purpose": "test"}, "Expires": EXPIRES,
                        "CacheControl": "max-age=60"},
          then=(Expect("HeadObject", {"Bucket": BUCKET, "Key": "people.csv"},
                       {"ContentType": "text/csv", "ContentLength": len(CSV), "CacheControl": "max-age=60",
                        "Metadata": {"owner": "ann", "purpose": "test"}, "Expires": EXPIRES}),)),
    Write("PutObject", {"Bucket": BUCKET, "Key": "notes/hello.txt", "Body": b"hello world",
                        "Tagging": "kind=note&lang=en", "StorageClass": "STANDARD_IA"},
          then=(Expect("GetObjectTagging", {"Bucket": BUCKET, "Key": "notes/hello.txt"},
                       {"TagSet": [{"Key": "kind", "Value": "note"}, {"Key": "lang", "Value": "en"}]}),
                Expect("GetObject", {"Bucket": BUCKET, "Key": "notes/hello.txt"},
                       {"Body": b"hello world", "StorageClass": "STANDARD_IA"}))),
    Read("HeadObject", {"Bucket": BUCKET, "Key": "people.csv"}, name="HeadObject with an Expires header"),
    Read("GetObject", {"Bucket": BUCKET, "Key": "people.csv"}, name="GetObject with an Expires header"),
    Read("GetObject", {"Bucket": BUCKET, "Key": "notes/hello.txt", "Range": "bytes=0-4"}, name="GetObject of a range"),
    Read("GetObjectAttributes", {"Bucket": BUCKET, "Key": "people.csv",
                                 "ObjectAttributes": ["ETag", "ObjectSize", "StorageClass"]}),
    Read("SelectObjectContent", {"Bucket": BUCKET, "Key": "people.csv", "Expression": "select * from s3object s",
                                 "ExpressionType": "SQL", "InputSerialization": {"CSV": {"FileHeaderInfo": "USE"}},
                                 "OutputSerialization": {"JSON": {}}},
         name="SelectObjectContent (an event stream)"),
    Error("GetObject", {"Bucket": BUCKET, "Key": "missing.txt"}, "NoSuchKey"),
    Error("HeadObject", {"Bucket": BUCKET, "Key": "missing.txt"}, None, code="404",
          name="HeadObject of a missing key (no body, so no modeled error)"),
    Error("ListObjectsV2", {"Bucket": "no-such-bucket"}, "NoSuchBucket"),
    Error("GetBucketTagging", {"Bucket": BUCKET}, None, code="NoSuchTagSet"),
    Write("PutObjectTagging", {"Bucket": BUCKET, "Key": "people.csv",
                               "Tagging": {"TagSet": [{"Key": "team", "Value": "data"}]}},
          then=(Expect("GetObjectTagging", {"Bucket": BUCKET, "Key": "people.csv"},
                       {"TagSet": [{"Key": "team", "Value": "data"}]}),)),
    Read("GetObjectTagging", {"Bucket": BUCKET, "Key": "people.csv"}),
    Write("PutBucketTagging", {"Bucket": BUCKET, "Tagging": {"TagSet": [{"Key": "project", "Value": "harness"}]}},
          then=(Expect("GetBucketTagging", {"Bucket": BUCKET}, {"TagSet": [{"Key": "project", "Value": "harness"}]}),)),
    Read("GetBucketTagging", {"Bucket": BUCKET}),
    Write("CopyObject", {"Bucket": BUCKET, "Key": "copies/people.csv", "CopySource": f"{BUCKET}/people.csv"},
          then=(Expect("GetObject", {"Bucket": BUCKET, "Key": "copies/people.csv"},
                       {"Body": CSV, "ContentType": "text/csv", "Metadata": {"owner": "ann", "purpose": "test"}}),)),
    Twin("CopyObject",
         {"Bucket": BUCKET, "Key": "copies/boto3.txt", "CopySource": f"{BUCKET}/notes/hello.txt",
          "MetadataDirective": "REPLACE", "Metadata": {"copied": "yes"}},
         {"Bucket": BUCKET, "Key": "copies/ours.txt", "CopySource": f"{BUCKET}/notes/hello.txt",
          "MetadataDirective": "REPLACE", "Metadata": {"copied": "yes"}},
         ignore=("CopyObjectResult.LastModified",), name="CopyObject replacing the metadata"),
    Write("PutBucketPolicy", {"Bucket": BUCKET, "Policy": '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", '
                                                         '"Principal": "*", "Action": "s3:GetObject", '
                                                         '"Resource": "arn:aws:s3:::photos/*"}]}'}),
    Read("GetBucketPolicy", {"Bucket": BUCKET}),
    Read("GetBucketAcl", {"Bucket": BUCKET}),
    Write("DeleteObjects", {"Bucket": BUCKET, "Delete": {"Objects": [{"Key": "copies/people.csv"},
                                                                     {"Key": "copies/boto3.txt"},
                                                                     {"Key": "copies/never-there.txt"}]}},
          then=(Expect("ListObjectsV2", {"Bucket": BUCKET, "Prefix": "copies/"},
                       {"KeyCount": 1, "Contents": [{"Key": "copies/ours.txt"}]}),)),
    Write("DeleteObject", {"Bucket": BUCKET, "Key": "copies/ours.txt"},
          then=(Expect("ListObjectsV2", {"Bucket": BUCKET, "Prefix": "copies/"}, {"KeyCount": 0}),)),
))

listing = Workload("s3", "listing", (
    Setup("CreateBucket", {"Bucket": BUCKET}),
    *(Setup("PutObject", {"Bucket": BUCKET, "Key": key, "Body": key.encode()}) for key in LOG_KEYS),
    Setup("PutObject", {"Bucket": BUCKET, "Key": "readme.md", "Body": b"# logs"}),
    Read("ListObjectsV2", {"Bucket": BUCKET}),
    Read("ListObjectsV2", {"Bucket": BUCKET, "Prefix": "logs/", "Delimiter": "/"}, name="ListObjectsV2 by prefix and delimiter"),
    Read("ListObjectsV2", {"Bucket": BUCKET, "MaxKeys": 3, "FetchOwner": True}, name="ListObjectsV2 one page of 3"),
    Read("ListObjects", {"Bucket": BUCKET, "Prefix": "logs/2024/", "MaxKeys": 2}, name="ListObjects (v1), one page"),
    Paginate("ListObjectsV2", {"Bucket": BUCKET, "Prefix": "logs/"}, (
        Page(), Page(page_size=3), Page(max_items=4, page_size=3), Page(max_items=2, starting_token=RESUME),
        Page(page_size=4, starting_token=RESUME))),
    Paginate("ListObjectsV2", {"Bucket": BUCKET, "MaxKeys": 2}, name="ListObjectsV2, MaxKeys as a request field"),
    Paginate("ListObjectsV2", {"Bucket": BUCKET, "Prefix": "logs/", "Delimiter": "/"}, (Page(), Page(page_size=1)),
             name="ListObjectsV2 with a delimiter (CommonPrefixes)"),
    Paginate("ListObjects", {"Bucket": BUCKET, "Prefix": "logs/2024/"}, (Page(page_size=3), Page(max_items=5, page_size=2))),
    Write("PutBucketVersioning", {"Bucket": BUCKET, "VersioningConfiguration": {"Status": "Enabled"}},
          then=(Expect("GetBucketVersioning", {"Bucket": BUCKET}, {"Status": "Enabled"}),)),
    *(Setup("PutObject", {"Bucket": BUCKET, "Key": "versioned.txt", "Body": f"v{n}".encode()}) for n in range(4)),
    Read("GetBucketVersioning", {"Bucket": BUCKET}),
    Paginate("ListObjectVersions", {"Bucket": BUCKET, "Prefix": "versioned"}, (Page(), Page(page_size=2), Page(max_items=3))),
))

multipart = Workload("s3", "multipart", (
    Setup("CreateBucket", {"Bucket": BUCKET}),
    Write("CreateMultipartUpload", {"Bucket": BUCKET, "Key": "big.bin", "ContentType": "application/octet-stream"},
          save={"upload": "UploadId"},
          then=(Expect("ListMultipartUploads", {"Bucket": BUCKET}, {"Uploads": [{"Key": "big.bin", "UploadId": Ref("upload")}]}),)),
    Write("UploadPart", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": Ref("upload"), "PartNumber": 1,
                         "Body": b"a" * (5 * 1024 * 1024)}, save={"etag1": "ETag"}),
    Write("UploadPart", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": Ref("upload"), "PartNumber": 2,
                         "Body": b"tail"}, save={"etag2": "ETag"}),
    Read("ListParts", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": Ref("upload")}),
    Paginate("ListParts", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": Ref("upload")}, (Page(), Page(page_size=1))),
    Read("ListMultipartUploads", {"Bucket": BUCKET}),
    Write("CompleteMultipartUpload", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": Ref("upload"),
                                      "MultipartUpload": {"Parts": [{"PartNumber": 1, "ETag": Ref("etag1")},
                                                                    {"PartNumber": 2, "ETag": Ref("etag2")}]}},
          then=(Expect("HeadObject", {"Bucket": BUCKET, "Key": "big.bin"}, {"ContentLength": 5 * 1024 * 1024 + 4}),)),
    Error("ListParts", {"Bucket": BUCKET, "Key": "big.bin", "UploadId": "no-such-upload"}, "NoSuchUpload"),
))

SITE = "site-assets"
LOCKED = "records"

configuration = Workload("s3", "configuration", (
    Setup("CreateBucket", {"Bucket": SITE}),
    Write("PutBucketEncryption", {"Bucket": SITE, "ServerSideEncryptionConfiguration": {"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": False}]}}),
    Read("GetBucketEncryption", {"Bucket": SITE}),
    Write("PutBucketLifecycleConfiguration", {"Bucket": SITE, "LifecycleConfiguration": {"Rules": [
        {"ID": "expire-logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 30}},
        {"ID": "archive", "Status": "Enabled", "Filter": {"And": {"Prefix": "old/", "Tags": [{"Key": "cold", "Value": "yes"}]}},
         "Transitions": [{"Days": 90, "StorageClass": "GLACIER"}]}]}}),
    Read("GetBucketLifecycleConfiguration", {"Bucket": SITE}),
    Write("PutBucketCors", {"Bucket": SITE, "CORSConfiguration": {"CORSRules": [
        {"AllowedMethods": ["GET", "HEAD"], "AllowedOrigins": ["https://example.com"], "AllowedHeaders": ["*"],
         "ExposeHeaders": ["ETag"], "MaxAgeSeconds": 300}]}}),
    Read("GetBucketCors", {"Bucket": SITE}),
    Write("PutPublicAccessBlock", {"Bucket": SITE, "PublicAccessBlockConfiguration": {
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False, "RestrictPublicBuckets": False}}),
    Read("GetPublicAccessBlock", {"Bucket": SITE}),
    Write("PutBucketWebsite", {"Bucket": SITE, "WebsiteConfiguration": {
        "IndexDocument": {"Suffix": "index.html"}, "ErrorDocument": {"Key": "error.html"}}}),
    Read("GetBucketWebsite", {"Bucket": SITE}),
    Read("GetBucketNotificationConfiguration", {"Bucket": SITE}),
    Read("GetBucketLogging", {"Bucket": SITE}),
    Read("GetBucketRequestPayment", {"Bucket": SITE}),
    Read("GetBucketAccelerateConfiguration", {"Bucket": SITE}),
    Error("GetBucketOwnershipControls", {"Bucket": SITE}, None, code="OwnershipControlsNotFoundError"),
    Error("GetBucketPolicyStatus", {"Bucket": SITE}, None, code="NoSuchBucketPolicy"),
    Write("PutObject", {"Bucket": SITE, "Key": "index.html", "Body": b"<html></html>", "ContentType": "text/html",
                        "ChecksumAlgorithm": "SHA256"}),
    Read("GetObject", {"Bucket": SITE, "Key": "index.html", "ChecksumMode": "ENABLED"}, name="GetObject with its checksum"),
    Read("GetObject", {"Bucket": SITE, "Key": "index.html", "ResponseContentType": "text/plain",
                       "ResponseCacheControl": "no-cache"}, name="GetObject overriding response headers"),
    Write("PutObjectAcl", {"Bucket": SITE, "Key": "index.html", "ACL": "public-read"}),
    Read("GetObjectAcl", {"Bucket": SITE, "Key": "index.html"}),
    Write("PutObject", {"Bucket": SITE, "Key": "cold/archive.bin", "Body": b"old", "StorageClass": "GLACIER"}),
    Write("RestoreObject", {"Bucket": SITE, "Key": "cold/archive.bin", "RestoreRequest": {"Days": 1}}),
    Read("HeadObject", {"Bucket": SITE, "Key": "cold/archive.bin"}, name="HeadObject of a restored object"),
    Write("DeleteBucketCors", {"Bucket": SITE}),
    Error("GetBucketCors", {"Bucket": SITE}, None, code="NoSuchCORSConfiguration", name="GetBucketCors after deleting it"),
    Setup("CreateBucket", {"Bucket": LOCKED, "ObjectLockEnabledForBucket": True}),
    Read("GetObjectLockConfiguration", {"Bucket": LOCKED}),
    Write("PutObject", {"Bucket": LOCKED, "Key": "contract.pdf", "Body": b"%PDF", "ObjectLockMode": "GOVERNANCE",
                        "ObjectLockRetainUntilDate": EXPIRES, "ObjectLockLegalHoldStatus": "ON"}),
    Read("HeadObject", {"Bucket": LOCKED, "Key": "contract.pdf"}, name="HeadObject of a locked object"),
    Read("GetObjectLegalHold", {"Bucket": LOCKED, "Key": "contract.pdf"}),
    Read("ListDirectoryBuckets"),
))

WORKLOADS = [objects, listing, multipart, configuration]
