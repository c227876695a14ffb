"""SSM (json): parameters of every type, paths and filters as shorthand, tags, paging over
``describe-parameters`` and ``get-parameters-by-path``, and the service's errors."""

from __future__ import annotations

from tests.moto.cli import C, CliWorkload, S, W

DATES = (r"\d{10}\.\d+", r"\d{4}-\d\d-\d\dT[\d:.]+")

WORKLOAD = CliWorkload("ssm", (
    *(S("put-parameter", "--name", f"/cli/app/p{i}", "--value", f"value-{i}", "--type", "String")
      for i in range(5)),
    S("put-parameter", "--name", "/cli/secret", "--value", "s3cr3t", "--type", "SecureString"),
    S("put-parameter", "--name", "/cli/list", "--value", "a,b,c", "--type", "StringList"),
    W("put-parameter", "--name", "/{w}/plain", "--value", "hello world", "--type", "String",
      "--description", "made by the cli", "--tags", "Key=team,Value=cli", "Key=env,Value=test",
      readback=(("get-parameter", "--name", "/{w}/plain", "--query", "Parameter.[Name, Type, Value, Version]"),
                ("list-tags-for-resource", "--resource-type", "Parameter", "--resource-id", "/{w}/plain"))),
    # a URL value is fetched (a closed port here: the fetch fails as the AWS CLI's does)
    C("put-parameter", "--name", "/cli/url", "--value", "http://127.0.0.1:9/x", "--type", "String"),
    W("put-parameter", "--name", "/{w}/file", "--value", "file://value.txt", "--type", "String",
      files={"value.txt": b"from a file\n"},
      readback=(("get-parameter", "--name", "/{w}/file", "--query", "Parameter.Value"),)),
    W("put-parameter", "--name", "/{w}/plain", "--value", "again", "--type", "String", "--overwrite",
      readback=(("get-parameter", "--name", "/{w}/plain", "--query", "Parameter.[Value, Version]"),)),
    W("add-tags-to-resource", "--resource-type", "Parameter", "--resource-id", "/{w}/file",
      "--tags", '[{"Key": "a", "Value": "1"}]',
      readback=(("list-tags-for-resource", "--resource-type", "Parameter", "--resource-id", "/{w}/file",
                 "--output", "text"),)),
    W("delete-parameter", "--name", "/{w}/file",
      readback=(("get-parameters", "--names", "/{w}/file", "--query", "InvalidParameters"),)),
    C("put-parameter", "--name", "/cli/app/p1", "--value", "x", "--type", "String"),
    C("put-parameter", "--name", "/cli/bad", "--value", "x", "--type", "Strange"),
    C("get-parameter", "--name", "/cli/app/p1", mask=DATES),
    C("get-parameter", "--name", "/cli/secret", "--with-decryption", "--query", "Parameter.Value"),
    C("get-parameter", "--name", "/cli/secret", "--query", "Parameter.Value"),
    C("get-parameter", "--name", "/cli/list", "--output", "text", "--query", "Parameter.[Name,Type,Value]"),
    C("get-parameter", "--name", "/cli/none"),
    C("get-parameters", "--names", "/cli/app/p0", "/cli/app/p2", "/cli/none", "--query",
      "[Parameters[].Name, InvalidParameters]"),
    C("get-parameters-by-path", "--path", "/cli/app", "--query", "Parameters[].Name"),
    C("get-parameters-by-path", "--path", "/cli", "--recursive", "--output", "text", "--query", "Parameters[].Name"),
    C("get-parameters-by-path", "--path", "/cli/app", "--max-items", "2", "--query", "Parameters[].Name"),
    C("get-parameters-by-path", "--path", "/cli/app", "--page-size", "2", "--output", "table",
      "--query", "Parameters[].{N:Name,V:Value}"),
    C("get-parameters-by-path", "--path", "/cli", "--recursive", "--parameter-filters",
      "Key=Type,Values=SecureString", "--query", "Parameters[].Name"),
    C("describe-parameters", "--query", "Parameters[].Name"),
    C("describe-parameters", "--parameter-filters", "Key=Name,Option=BeginsWith,Values=/cli/app/p1",
      "--query", "Parameters[].[Name,Type]", "--output", "text"),
    C("describe-parameters", "--filters", "Key=Type,Values=StringList", "--query", "Parameters[].Name"),
    C("describe-parameters", "--parameter-filters", "Key=Name,Option=Bogus,Values=x"),
    C("describe-parameters", "--max-items", "3", "--page-size", "2", "--query", "Parameters[].Name"),
    C("get-parameter-history", "--name", "/cli/app/p3", "--query", "Parameters[].[Name,Value,Version]"),
))
