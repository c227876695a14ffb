"""DynamoDB (JSON protocol): tables, items of every attribute type (the ``AttributeValue``
union), conditional writes and their errors, query and scan with pagination (also ``Limit``
given as a request field), batch writes and reads, transactions and their cancellation."""

from __future__ import annotations

from tests.moto.steps import RESUME, Error, Expect, Page, Paginate, Read, Ref, Setup, Twin, Workload, Write

TABLE = "Music"
KEY = {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Feeling Good"}}
#: One attribute of every type DynamoDB has.
EVERY_TYPE = {
    **KEY,
    "Year": {"N": "1965"},
    "Cover": {"B": b"\x89PNG"},
    "Genres": {"SS": ["jazz", "soul"]},
    "Charts": {"NS": ["1", "12"]},
    "Masters": {"BS": [b"\x00", b"\x01"]},
    "Label": {"M": {"Name": {"S": "Philips"}, "Founded": {"N": "1891"}}},
    "Takes": {"L": [{"S": "first"}, {"N": "2"}, {"BOOL": False}]},
    "Live": {"BOOL": True},
    "Remix": {"NULL": True},
}
SONGS = [("Nina", f"Song {n:02}", n) for n in range(1, 8)] + [("Ella", f"Tune {n}", n) for n in range(1, 4)]


def song(artist: str, title: str, plays: int) -> dict[str, dict[str, str]]:
    return {"Artist": {"S": artist}, "SongTitle": {"S": title}, "Plays": {"N": str(plays)}}


def table(name: str) -> dict[str, object]:
    return {
        "TableName": name,
        "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"},
                                 {"AttributeName": "SongTitle", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"},
                      {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
        "BillingMode": "PAY_PER_REQUEST",
    }


NINA = {"TableName": TABLE, "KeyConditionExpression": "Artist = :a", "ExpressionAttributeValues": {":a": {"S": "Nina"}}}
#: moto stamps each table with its creation time and a fresh id.
PER_TABLE = ("TableDescription.CreationDateTime", "TableDescription.TableId")

tables = Workload("dynamodb", "tables", (
    Write("CreateTable", {**table(TABLE), "Tags": [{"Key": "env", "Value": "test"}],
                          "GlobalSecondaryIndexes": [{
                              "IndexName": "ByTitle",
                              "KeySchema": [{"AttributeName": "SongTitle", "KeyType": "HASH"}],
                              "Projection": {"ProjectionType": "KEYS_ONLY"}}]},
          then=(Expect("DescribeTable", {"TableName": TABLE},
                       {"Table": {"TableName": TABLE, "TableStatus": "ACTIVE",
                                  "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"}}}),)),
    Twin("CreateTable", table("TwinBoto3"), table("TwinOurs"), ignore=PER_TABLE, swap=(("TwinBoto3", "TwinOurs"),)),
    Read("DescribeTable", {"TableName": TABLE}),
    Error("DescribeTable", {"TableName": "NoSuchTable"}, "ResourceNotFoundException"),
    Error("CreateTable", table(TABLE), "ResourceInUseException", name="CreateTable of an existing table"),
    *(Setup("CreateTable", table(f"Extra{n}")) for n in range(5)),
    Read("ListTables"),
    Read("ListTables", {"Limit": 2, "ExclusiveStartTableName": "Extra1"}, name="ListTables, one page of 2"),
    Paginate("ListTables", {}, (Page(), Page(page_size=2), Page(max_items=3, page_size=2),
                                Page(page_size=3, starting_token=RESUME))),
    Paginate("ListTables", {"Limit": 3}, name="ListTables, Limit as a request field"),
    Setup("DescribeTable", {"TableName": TABLE}, save={"arn": "Table.TableArn"}),
    Write("UpdateTimeToLive", {"TableName": TABLE, "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "ttl"}},
          then=(Expect("DescribeTimeToLive", {"TableName": TABLE},
                       {"TimeToLiveDescription": {"TimeToLiveStatus": "ENABLED", "AttributeName": "ttl"}}),)),
    Read("DescribeTimeToLive", {"TableName": TABLE}),
    Read("ListTagsOfResource", {"ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music"}),
    Write("TagResource", {"ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
                          "Tags": [{"Key": "team", "Value": "audio"}]},
          then=(Expect("ListTagsOfResource", {"ResourceArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music"},
                       {"Tags": [{"Key": "env", "Value": "test"}, {"Key": "team", "Value": "audio"}]}),)),
    Write("DeleteTable", {"TableName": "Extra4"},
          then=(Expect("ListTables", {}, {"TableNames": ["Music", "TwinBoto3", "TwinOurs", "Extra0", "Extra1",
                                                         "Extra2", "Extra3"]}, exact=True),)),
))

items = Workload("dynamodb", "items", (
    Setup("CreateTable", table(TABLE)),
    Write("PutItem", {"TableName": TABLE, "Item": EVERY_TYPE}, name="PutItem with every attribute type",
          then=(Expect("GetItem", {"TableName": TABLE, "Key": KEY}, {"Item": EVERY_TYPE}, exact=True),)),
    Read("GetItem", {"TableName": TABLE, "Key": KEY}, name="GetItem of every attribute type"),
    Read("GetItem", {"TableName": TABLE, "Key": KEY, "ProjectionExpression": "#y, Label.#n",
                     "ExpressionAttributeNames": {"#y": "Year", "#n": "Name"}, "ConsistentRead": True,
                     "ReturnConsumedCapacity": "TOTAL"}, name="GetItem with a projection"),
    Read("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nobody"}, "SongTitle": {"S": "None"}}},
         name="GetItem of a missing item"),
    Error("PutItem", {"TableName": TABLE, "Item": KEY, "ConditionExpression": "attribute_not_exists(Artist)",
                      "ReturnValuesOnConditionCheckFailure": "ALL_OLD"},
          "ConditionalCheckFailedException", name="PutItem over an existing item (the old item in the error)"),
    Write("UpdateItem", {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET Plays = :p ADD Genres :g REMOVE Remix",
                         "ExpressionAttributeValues": {":p": {"N": "10"}, ":g": {"SS": ["vocal"]}},
                         "ReturnValues": "ALL_NEW"},
          then=(Expect("GetItem", {"TableName": TABLE, "Key": KEY, "ProjectionExpression": "Plays, Remix"},
                       {"Item": {"Plays": {"N": "10"}}}, exact=True),)),
    Write("UpdateItem", {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET Plays = Plays + :one",
                         "ConditionExpression": "Plays < :max",
                         "ExpressionAttributeValues": {":one": {"N": "1"}, ":max": {"N": "100"}},
                         "ReturnValues": "UPDATED_OLD"}, name="UpdateItem with a condition, the old values back"),
    Error("UpdateItem", {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET Plays = :p",
                         "ConditionExpression": "Plays > :p", "ExpressionAttributeValues": {":p": {"N": "1000"}}},
          "ConditionalCheckFailedException"),
    Error("GetItem", {"TableName": "Missing", "Key": KEY}, "ResourceNotFoundException", name="GetItem of a missing table"),
    Write("BatchWriteItem", {"RequestItems": {TABLE: [{"PutRequest": {"Item": song(*s)}} for s in SONGS]}},
          then=(Expect("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Ella"}, "SongTitle": {"S": "Tune 2"}}},
                       {"Item": song("Ella", "Tune 2", 2)}, exact=True),)),
    Read("BatchGetItem", {"RequestItems": {TABLE: {"Keys": [KEY, {"Artist": {"S": "Ella"}, "SongTitle": {"S": "Tune 1"}}],
                                                   "ProjectionExpression": "Artist, SongTitle, Plays"}}}),
    Read("Query", NINA, name="Query by artist"),
    Read("Query", {**NINA, "KeyConditionExpression": "Artist = :a AND begins_with(SongTitle, :s)",
                   "ExpressionAttributeValues": {":a": {"S": "Nina"}, ":s": {"S": "Song"}},
                   "ScanIndexForward": False, "Limit": 3}, name="Query backwards, one page of 3"),
    Read("Query", {**NINA, "Select": "COUNT"}, name="Query counting"),
    Paginate("Query", NINA, (Page(), Page(page_size=3), Page(max_items=4, page_size=3), Page(page_size=2, starting_token=RESUME))),
    Paginate("Query", {**NINA, "Limit": 2}, name="Query, Limit as a request field"),
    Paginate("Query", {**NINA, "ExclusiveStartKey": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Song 04"}}},
             name="Query, ExclusiveStartKey as a request field"),
    Read("Scan", {"TableName": TABLE, "FilterExpression": "Plays >= :n", "ExpressionAttributeValues": {":n": {"N": "5"}}},
         name="Scan with a filter"),
    Paginate("Scan", {"TableName": TABLE}, (Page(page_size=4), Page(max_items=5), Page(starting_token=RESUME))),
    Paginate("Scan", {"TableName": TABLE, "Limit": 4}, name="Scan, Limit as a request field"),
    Write("BatchWriteItem", {"RequestItems": {TABLE: [
        {"DeleteRequest": {"Key": {"Artist": {"S": "Ella"}, "SongTitle": {"S": f"Tune {n}"}}}} for n in (1, 2)]}},
          name="BatchWriteItem deleting",
          then=(Expect("Query", {**NINA, "ExpressionAttributeValues": {":a": {"S": "Ella"}}, "Select": "COUNT"},
                       {"Count": 1}),)),
    Write("DeleteItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Song 07"}},
                         "ReturnValues": "ALL_OLD"},
          then=(Expect("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Song 07"}}},
                       {}, exact=True),)),
))

transactions = Workload("dynamodb", "transactions", (
    Setup("CreateTable", table(TABLE)),
    Setup("PutItem", {"TableName": TABLE, "Item": song("Nina", "Sinnerman", 5)}),
    Write("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": TABLE, "Item": song("Nina", "Lilac Wine", 1)}},
        {"Update": {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Sinnerman"}},
                    "UpdateExpression": "SET Plays = Plays + :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}]},
          then=(Expect("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Sinnerman"}}},
                       {"Item": song("Nina", "Sinnerman", 6)}),
                Expect("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Lilac Wine"}}},
                       {"Item": song("Nina", "Lilac Wine", 1)}))),
    Read("TransactGetItems", {"TransactItems": [
        {"Get": {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Sinnerman"}}}},
        {"Get": {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Lilac Wine"}}}}]}),
    Error("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": TABLE, "Item": song("Nina", "Sinnerman", 0),
                 "ConditionExpression": "attribute_not_exists(Artist)"}},
        {"ConditionCheck": {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Lilac Wine"}},
                            "ConditionExpression": "Plays = :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}]},
          "TransactionCanceledException", name="TransactWriteItems cancelled (reasons in the error)"),
    Read("GetItem", {"TableName": TABLE, "Key": {"Artist": {"S": "Nina"}, "SongTitle": {"S": "Sinnerman"}}},
         name="GetItem after the cancelled transaction"),
))

STREAMED = "Events"
EVENT_KEY = {"Id": {"S": "e1"}}

operations = Workload("dynamodb", "operations", (
    Write("CreateTable", {"TableName": STREAMED, "AttributeDefinitions": [{"AttributeName": "Id", "AttributeType": "S"}],
                          "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}],
                          "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2},
                          "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
                          "SSESpecification": {"Enabled": True, "SSEType": "KMS"}},
          then=(Expect("DescribeTable", {"TableName": STREAMED},
                       {"Table": {"StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
                                  "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}}}),)),
    Read("DescribeTable", {"TableName": STREAMED}, name="DescribeTable with a stream and encryption"),
    Write("UpdateTable", {"TableName": STREAMED, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 4}},
          then=(Expect("DescribeTable", {"TableName": STREAMED},
                       {"Table": {"ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 4}}}),)),
    Read("DescribeContinuousBackups", {"TableName": STREAMED}),
    Write("UpdateContinuousBackups", {"TableName": STREAMED,
                                      "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}},
          then=(Expect("DescribeContinuousBackups", {"TableName": STREAMED},
                       {"ContinuousBackupsDescription": {"PointInTimeRecoveryDescription": {
                           "PointInTimeRecoveryStatus": "ENABLED"}}}),)),
    Read("DescribeLimits"),
    Read("DescribeEndpoints"),
    Write("CreateBackup", {"TableName": STREAMED, "BackupName": "nightly"}, save={"backup": "BackupDetails.BackupArn"},
          then=(Expect("ListBackups", {"TableName": STREAMED}, {"BackupSummaries": [{"BackupName": "nightly"}]}),)),
    Read("DescribeBackup", {"BackupArn": Ref("backup")}),
    Read("ListBackups", {"TableName": STREAMED}),
    Write("ExecuteStatement", {"Statement": f"INSERT INTO {STREAMED} VALUE {{'Id': 'e1', 'Kind': 'click', 'N': 3}}"},
          then=(Expect("GetItem", {"TableName": STREAMED, "Key": EVENT_KEY},
                       {"Item": {"Id": {"S": "e1"}, "Kind": {"S": "click"}, "N": {"N": "3"}}}, exact=True),)),
    Read("ExecuteStatement", {"Statement": f"SELECT * FROM {STREAMED} WHERE Id = ?", "Parameters": [{"S": "e1"}]},
         name="ExecuteStatement, a parameterized SELECT"),
    Read("BatchExecuteStatement", {"Statements": [{"Statement": f"SELECT * FROM {STREAMED} WHERE Id = 'e1'"}]}),
    Error("GetResourcePolicy", {"ResourceArn": f"arn:aws:dynamodb:us-east-1:123456789012:table/{STREAMED}"},
          "PolicyNotFoundException"),
    Error("BatchGetItem", {"RequestItems": {"Missing": {"Keys": [EVENT_KEY]}}}, "ResourceNotFoundException",
          name="BatchGetItem of a missing table"),
    Write("DeleteBackup", {"BackupArn": Ref("backup")},
          then=(Expect("ListBackups", {"TableName": STREAMED}, {"BackupSummaries": []}, exact=True),)),
))

WORKLOADS = [tables, items, transactions, operations]
