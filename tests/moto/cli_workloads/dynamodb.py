"""DynamoDB (json): tables made with shorthand, items as JSON and as shorthand (recursive
``AttributeValue`` maps), binary attributes, expressions, batch files, scans and queries in
every format and page by page, and the service's errors."""

from __future__ import annotations

import json

from tests.moto.cli import C, CliWorkload, S, W

T = "cli-table"
KEYS = ("--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
        "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE")
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
EPOCH = r"\d{10}\.\d+"
BATCH = json.dumps({"table-{w}": [
    {"PutRequest": {"Item": {"pk": {"S": f"batch-{i}"}, "sk": {"N": str(i)}, "n": {"N": str(i * 10)}}}}
    for i in range(4)
]}).encode()


def item(pk: str, sk: int, **extra: object) -> str:
    return json.dumps({"pk": {"S": pk}, "sk": {"N": str(sk)}, **extra})


WORKLOAD = CliWorkload("dynamodb", (
    S("create-table", "--table-name", T, *KEYS, "--billing-mode", "PAY_PER_REQUEST"),
    *(S("put-item", "--table-name", T, "--item", item("user", i, name={"S": f"name-{i}"}, age={"N": str(20 + i)}))
      for i in range(6)),
    S("put-item", "--table-name", T, "--item", item("other", 1, tags={"SS": ["a", "b"]})),
    # a binary key: paging re-sends LastEvaluatedKey (dynamodb.py decodes it)
    S("create-table", "--table-name", "cli-binary", "--attribute-definitions", "AttributeName=id,AttributeType=B",
      "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST"),
    *(S("put-item", "--table-name", "cli-binary", "--item", json.dumps({"id": {"B": blob}}))
      for blob in ("AAE=", "AgM=", "BAU=")),
    # tables
    W("create-table", "--table-name", "table-{w}", *KEYS, "--billing-mode", "PAY_PER_REQUEST",
      "--tags", "Key=team,Value=cli", mask=(UUID, EPOCH),
      readback=(("describe-table", "--table-name", "table-{w}", "--query",
                 "Table.[TableName, KeySchema, AttributeDefinitions, BillingModeSummary.BillingMode]"),)),
    C("describe-table", "--table-name", T, mask=(UUID, EPOCH)),
    C("describe-table", "--table-name", T, "--output", "text", "--query", "Table.[TableName,ItemCount,TableStatus]"),
    C("describe-table", "--table-name", "no-such-table"),
    C("list-tables"),
    C("list-tables", "--output", "text"),
    C("list-tables", "--max-items", "1"),
    C("list-tables", "--output", "table"),
    # items: JSON, shorthand, nested maps and lists, binary
    W("put-item", "--table-name", "table-{w}", "--item",
      item("a", 1, data={"M": {"x": {"L": [{"S": "y"}, {"N": "2"}, {"BOOL": True}, {"NULL": True}]}}}),
      "--return-consumed-capacity", "TOTAL",
      readback=(("get-item", "--table-name", "table-{w}", "--key", item("a", 1)),)),
    W("put-item", "--table-name", "table-{w}", "--item", "pk={S=b},sk={N=2},flag={BOOL=true},names={SS=[x,y]}",
      readback=(("get-item", "--table-name", "table-{w}", "--key", "pk={S=b},sk={N=2}"),)),
    W("put-item", "--table-name", "table-{w}", "--item", item("bin", 3, blob={"B": "aGVsbG8="}),
      readback=(("get-item", "--table-name", "table-{w}", "--key", item("bin", 3)),)),
    W("put-item", "--table-name", "table-{w}", "--item", "file://item.json",
      files={"item.json": item("file", 4, note={"S": "from a file"}).encode() + b"\n"},
      readback=(("get-item", "--table-name", "table-{w}", "--key", item("file", 4), "--output", "text"),)),
    W("update-item", "--table-name", "table-{w}", "--key", item("a", 1), "--update-expression", "SET #n = :v",
      "--expression-attribute-names", '{"#n": "note"}', "--expression-attribute-values", '{":v": {"S": "hi"}}',
      "--return-values", "ALL_NEW",
      readback=(("get-item", "--table-name", "table-{w}", "--key", item("a", 1), "--projection-expression", "note"),)),
    W("batch-write-item", "--request-items", "file://batch.json", files={"batch.json": BATCH},
      readback=(("scan", "--table-name", "table-{w}", "--query", "Items[?starts_with(pk.S, 'batch')].n.N"),)),
    W("delete-item", "--table-name", "table-{w}", "--key", item("b", 2), "--return-values", "ALL_OLD",
      readback=(("get-item", "--table-name", "table-{w}", "--key", item("b", 2)),)),
    C("put-item", "--table-name", T, "--item", "pk={S=a,sk={N=1}"),
    C("put-item", "--table-name", T, "--item", '{"pk": {"S": "a"}'),
    C("put-item", "--table-name", T),
    C("put-item", "--table-name", "no-such-table", "--item", item("x", 1)),
    C("get-item", "--table-name", T, "--key", item("user", 2)),
    C("get-item", "--table-name", T, "--key", item("user", 2), "--output", "table"),
    C("get-item", "--table-name", T, "--key", item("none", 0)),
    C("batch-get-item", "--request-items", json.dumps({T: {"Keys": [json.loads(item("user", 1)), json.loads(item("user", 4))]}}),
      "--query", "Responses.*[].name.S"),
    # scans and queries, page by page
    C("scan", "--table-name", T),
    C("scan", "--table-name", T, "--output", "text"),
    C("scan", "--table-name", T, "--output", "table", "--query", "Items[].{pk:pk.S,sk:sk.N}"),
    C("scan", "--table-name", T, "--max-items", "2"),
    C("scan", "--table-name", T, "--page-size", "2", "--query", "Items[].sk.N"),
    C("scan", "--table-name", T, "--page-size", "3", "--max-items", "4", "--output", "text", "--query", "Items[].sk.N"),
    C("scan", "--table-name", T, "--select", "COUNT"),
    C("scan", "--table-name", "cli-binary", "--page-size", "1"),
    C("scan", "--table-name", "cli-binary", "--max-items", "2", "--page-size", "1", "--query", "Items"),
    C("scan", "--table-name", T, "--filter-expression", "age > :a", "--expression-attribute-values",
      '{":a": {"N": "22"}}', "--query", "Items[].name.S"),
    C("query", "--table-name", T, "--key-condition-expression", "pk = :p AND sk BETWEEN :lo AND :hi",
      "--expression-attribute-values", '{":p": {"S": "user"}, ":lo": {"N": "1"}, ":hi": {"N": "3"}}'),
    C("query", "--table-name", T, "--key-condition-expression", "pk = :p", "--expression-attribute-values",
      "file://values.json", "--no-scan-index-forward", "--query", "Items[].sk.N", "--output", "text",
      files={"values.json": b'{":p": {"S": "user"}}'}),
    C("query", "--cli-input-json", json.dumps({"TableName": T, "KeyConditionExpression": "pk = :p",
                                               "ExpressionAttributeValues": {":p": {"S": "other"}}})),
    C("query", "--table-name", T, "--key-condition-expression", "pk = :p"),
    C("scan", "--table-name", T, "--generate-cli-skeleton", "output"),
))
