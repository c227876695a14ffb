"""What the model marks sensitive stays out of reprs also when the mark is not on the member's own
shape: on the items of a list or map, or on the structure as a whole (found by the catalog smoke
check: STS's ``TrustedIdentityPropagationContext``, Lambda's ``ErrorObject.StackTrace``,
Bedrock Runtime's ``GuardrailImageSource``)."""

from __future__ import annotations

from pathlib import Path

from codegen.ir.nodes import Structure
from tests.helpers import demo_model, generate, imported, write_spec


def test_sensitive_items_and_sensitive_structures_are_hidden_from_repr(tmp_path: Path) -> None:
    model = demo_model({
        "Input": {"type": "structure", "members": {
            "Trace": {"shape": "Lines"}, "Claims": {"shape": "Claims"}, "Nested": {"shape": "Nested"},
            "Context": {"shape": "Context"}, "Name": {"shape": "Plain"}}},
        "Output": {"type": "structure", "members": {}},
        "Secret": {"type": "string", "sensitive": True},
        "Plain": {"type": "string"},
        "Lines": {"type": "list", "member": {"shape": "Secret"}},
        "Claims": {"type": "map", "key": {"shape": "Plain"}, "value": {"shape": "Secret"}},
        "Nested": {"type": "list", "member": {"shape": "Claims"}},
        "Context": {"type": "structure", "sensitive": True, "members": {
            "Issuer": {"shape": "Plain"}, "Extra": {"shape": "Inner"}}},
        "Inner": {"type": "structure", "members": {"Value": {"shape": "Plain"}}},
    })
    service = generate(write_spec(tmp_path / "specs", model), tmp_path / "out", "sensitive_items")
    request, context_shape, inner = (service.shape(n) for n in ("Input", "Context", "Inner"))
    assert isinstance(request, Structure) and isinstance(context_shape, Structure) and isinstance(inner, Structure)
    flags = {m.wire_name: m.sensitive for m in request.members}
    assert flags == {"Trace": True, "Claims": True, "Nested": True, "Context": True, "Name": False}
    assert all(m.sensitive for m in context_shape.members)
    assert not any(m.sensitive for m in inner.members)
    with imported(tmp_path / "out", "sensitive_items") as module:
        # (a member named Extra is extra_: every structure has its own "extra" field)
        context = module.Context(issuer="issuer-x", extra_=module.Inner(value="inner-x"))
        value = module.Input(
            trace=["line-x"], claims={"k": "claim-x"}, nested=[{"k": "nested-x"}],
            context=context, name="alice",
        )
        for text in (repr(value), repr(context)):
            assert not any(s in text for s in ("line-x", "claim-x", "nested-x", "issuer-x", "inner-x")), text
        assert "alice" in repr(value) and "<redacted>" in repr(context)
        assert module.Input.from_botocore(value.to_botocore()) == value  # still sent and parsed
        assert value.to_botocore()["Trace"] == ["line-x"]
