"""S3 (rest-xml, the ``s3api`` command): buckets, streamed uploads and downloads to files,
listings in every format and page by page, shorthand structures, a URL that is not fetched,
parameter files, and S3's errors."""

from __future__ import annotations

import json

from tests.moto.cli import C, CliWorkload, S, W

B = "cli-bucket"
PAYLOAD = bytes(range(256)) * 40  # binary, 10 KB
POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": f"arn:aws:s3:::{B}/*"}],
}).encode()
# what differs between two calls: modification times
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TIMES = (r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)")

WORKLOAD = CliWorkload("s3", (
    S("create-bucket", "--bucket", B),
    *(S("put-object", "--bucket", B, "--key", f"docs/{i:02d}.txt", "--body", "f.txt",
        files={"f.txt": f"document {i}\n".encode()}) for i in range(7)),
    S("put-object", "--bucket", B, "--key", "top.txt", "--body", "f.txt", files={"f.txt": b"top\n"}),
    S("put-object", "--bucket", B, "--key", "data.csv", "--body", "f.csv", files={"f.csv": b"a,b\n1,2\n3,4\n"}),
    # buckets
    W("create-bucket", "--bucket", "bucket-{w}", readback=(("get-bucket-location", "--bucket", "bucket-{w}"),)),
    C("list-buckets", "--query", "Buckets[].Name"),
    C("list-buckets", "--query", "Buckets[].Name", "--output", "text"),
    C("head-bucket", "--bucket", B),
    C("head-bucket", "--bucket", "no-such-bucket"),
    C("get-bucket-location", "--bucket", B, "--output", "table"),
    # a streamed upload reads the file, whatever it holds
    W("put-object", "--bucket", "bucket-{w}", "--key", "payload.bin", "--body", "payload.bin",
      files={"payload.bin": PAYLOAD},
      readback=(("head-object", "--bucket", "bucket-{w}", "--key", "payload.bin", "--query", "[ContentLength, ETag]"),)),
    W("put-object", "--bucket", "bucket-{w}", "--key", "meta.txt", "--body", "f.txt",
      "--metadata", "owner=me,kind=note", "--content-type", "text/plain", "--tagging", "a=1&b=2",
      "--website-redirect-location", "http://127.0.0.1:9/never-fetched",
      files={"f.txt": b"with metadata\n"},
      readback=(("head-object", "--bucket", "bucket-{w}", "--key", "meta.txt", "--query",
                 "[Metadata, ContentType, WebsiteRedirectLocation]"),
                ("get-object-tagging", "--bucket", "bucket-{w}", "--key", "meta.txt"))),
    C("put-object", "--bucket", B, "--key", "x", "--body", "no-such-file.bin"),
    C("put-object", "--bucket", B, "--key", "x", "--body", "fileb://f.txt", files={"f.txt": b"x"}),
    # a streamed download goes to the positional outfile; the metadata is printed
    C("get-object", "--bucket", B, "--key", "top.txt", "out.txt", outputs=("out.txt",), mask=TIMES),
    C("get-object", "--bucket", B, "--key", "docs/03.txt", "--range", "bytes=0-3", "part.txt",
      outputs=("part.txt",), mask=TIMES),
    C("get-object", "--bucket", B, "--key", "top.txt", "out.txt", "--output", "text", outputs=("out.txt",), mask=TIMES),
    C("get-object", "--bucket", B, "--key", "top.txt", "out.txt", "--query", "ContentLength", outputs=("out.txt",)),
    C("get-object", "--bucket", B, "--key", "top.txt", "out.txt",
      files={"out.txt": b"old content, longer than the new\n"}, outputs=("out.txt",), mask=TIMES),
    C("get-object", "--bucket", B, "--key", "no-such-key", "out.txt", outputs=("out.txt",)),
    C("get-object", "--bucket", B, "--key", "top.txt"),
    C("get-object", "--bucket", B, "--key", "top.txt", "no-such-dir/out.txt"),
    # an event stream's records go to the outfile (s3events.py); the command prints nothing
    C("select-object-content", "--bucket", B, "--key", "data.csv", "--expression", "select * from s3object",
      "--expression-type", "SQL", "--input-serialization", "CSV={FileHeaderInfo=USE}",
      "--output-serialization", "JSON={}", "records.json", outputs=("records.json",)),
    C("select-object-content", "--bucket", B, "--key", "data.csv", "--expression", "select * from s3object",
      "--expression-type", "SQL", "--input-serialization", "CSV={}", "--output-serialization", "CSV={}"),
    C("head-object", "--bucket", B, "--key", "top.txt", mask=TIMES),
    C("head-object", "--bucket", B, "--key", "missing.txt"),
    # listings
    C("list-objects-v2", "--bucket", B, mask=TIMES),
    C("list-objects-v2", "--bucket", B, "--output", "text", mask=TIMES),
    C("list-objects-v2", "--bucket", B, "--output", "table", "--query", "Contents[].{Key:Key,Size:Size}"),
    C("list-objects-v2", "--bucket", B, "--query", "Contents[].Key", "--output", "text"),
    C("list-objects-v2", "--bucket", B, "--prefix", "docs/", "--query", "Contents[].Key"),
    C("list-objects-v2", "--bucket", B, "--delimiter", "/", "--query", "CommonPrefixes"),
    C("list-objects-v2", "--bucket", B, "--max-items", "3", "--query", "[Contents[].Key, NextToken]"),
    C("list-objects-v2", "--bucket", B, "--page-size", "2", "--query", "Contents[].Key"),
    C("list-objects-v2", "--bucket", B, "--page-size", "2", "--max-items", "3", "--output", "text",
      "--query", "Contents[].Key"),
    C("list-objects-v2", "--bucket", B, "--no-paginate", "--max-keys", "2", "--query", "[KeyCount, IsTruncated]"),
    C("list-objects-v2", "--bucket", B, "--starting-token", "docs/04.txt", "--query", "Contents[].Key"),
    C("list-objects", "--bucket", B, "--query", "Contents[].Key", "--output", "text"),
    C("list-objects-v2", "--bucket", "no-such-bucket"),
    # shorthand and parameter files
    W("put-bucket-tagging", "--bucket", "bucket-{w}", "--tagging", "TagSet=[{Key=team,Value=cli},{Key=env,Value=test}]",
      readback=(("get-bucket-tagging", "--bucket", "bucket-{w}"),)),
    W("put-bucket-versioning", "--bucket", "bucket-{w}", "--versioning-configuration", "Status=Enabled",
      readback=(("get-bucket-versioning", "--bucket", "bucket-{w}"),)),
    W("put-bucket-policy", "--bucket", "bucket-{w}", "--policy", "file://policy.json",
      files={"policy.json": POLICY.replace(B.encode(), b"bucket-{w}")},
      readback=(("get-bucket-policy", "--bucket", "bucket-{w}", "--query", "Policy", "--output", "text"),)),
    W("delete-objects", "--bucket", "bucket-{w}", "--delete", "Objects=[{Key=payload.bin},{Key=never-there}],Quiet=false", mask=(UUID,),
      readback=(("list-objects-v2", "--bucket", "bucket-{w}", "--query", "Contents[].Key"),)),
    C("put-bucket-tagging", "--bucket", B, "--tagging", "TagSet=[{Key=a,Value=b}"),
    C("get-bucket-tagging", "--bucket", B),
    C("copy-object", "--bucket", B, "--key", "copy.txt", "--generate-cli-skeleton", "output"),
))
