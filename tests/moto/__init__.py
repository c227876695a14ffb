"""The moto differential harness: realistic workloads driven through boto3 and through the
generated typed client against one ``moto_server`` (``tests/test_moto_sdk.py``)."""
