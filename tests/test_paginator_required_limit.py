"""A paginated operation whose limit key the model requires (EC2 ``DescribeByoipCidrs``, Cognito
``ListUserPools``/``ListIdentityPools``, FMS ``ListAppsLists`` ...: ``MaxResults`` is required).

Found by the catalog smoke check (``tests/test_catalog.py``): the typed paginator treats the limit
key as set by botocore's ``PageSize`` and drops it from the request, so without ``page_size``
botocore refused every call ("Missing required parameter in input: MaxResults"). Now a required
member is neither hidden nor dropped (``codegen/render/operations.py``, ``_paginator_view``).
"""

from __future__ import annotations

from pathlib import Path

import botocore.stub

from tests.helpers import demo_model, generate, imported, write_spec


def _model() -> tuple[dict, dict]:
    model = demo_model({
        "Input": {"type": "structure", "required": ["MaxResults"], "members": {
            "MaxResults": {"shape": "Limit"}, "NextToken": {"shape": "Token"}}},
        "Output": {"type": "structure", "members": {
            "Items": {"shape": "Items"}, "NextToken": {"shape": "Token"}}},
        "Limit": {"type": "integer", "min": 1, "max": 100},
        "Token": {"type": "string"},
        "Items": {"type": "list", "member": {"shape": "Token"}},
    })
    paginators = {"pagination": {"DoIt": {
        "input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults",
        "result_key": "Items"}}}
    return model, paginators


def test_a_required_limit_key_is_sent_by_the_paginator(tmp_path: Path) -> None:
    model, paginators = _model()
    generate(write_spec(tmp_path / "specs", model, paginators), tmp_path / "out", "required_limit")
    with imported(tmp_path / "out", "required_limit") as module:
        client = module.Client(region_name="us-east-1", endpoint_url="https://demo.invalid",
                               aws_access_key_id="AKID", aws_secret_access_key="secret")
        with botocore.stub.Stubber(client.botocore_client) as stubber:
            stubber.add_response("do_it", {"Items": ["a", "b"]}, {"MaxResults": 5})
            pages = list(client.paginate_do_it(module.Input(max_results=5)))
            stubber.assert_no_pending_responses()
        assert [page.items for page in pages] == [["a", "b"]]
        with botocore.stub.Stubber(client.botocore_client) as stubber:  # page_size still wins
            stubber.add_response("do_it", {"Items": ["c"]}, {"MaxResults": 2})
            pages = list(client.paginate_do_it(module.Input(max_results=5), page_size=2))
            stubber.assert_no_pending_responses()
        assert [page.items for page in pages] == [["c"]]
