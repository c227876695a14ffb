"""The naming rules of codegen.ir.naming, collision by collision."""

from __future__ import annotations

from codegen.ir import naming


def test_members_become_snake_case_like_boto3() -> None:
    assert naming.attr_names(["HyperParameterTuningJobName", "MaxResults"]) == {
        "HyperParameterTuningJobName": "hyper_parameter_tuning_job_name",
        "MaxResults": "max_results",
    }


def test_keywords_builtins_imports_and_helpers_get_a_trailing_underscore() -> None:
    names = naming.attr_names(["Type", "Id", "Class", "Lambda", "Datetime", "ToBotocore", "Self"])
    assert list(names.values()) == ["type_", "id_", "class_", "lambda_", "datetime_", "to_botocore_", "self_"]


def test_names_that_collide_after_conversion_are_numbered_in_model_order() -> None:
    names = naming.attr_names(["FooBar", "foo_bar", "Foo_Bar"])
    assert list(names.values()) == ["foo_bar", "foo_bar_2", "foo_bar_3"]


def test_unusable_characters_and_leading_digits() -> None:
    names = naming.attr_names(["_Hidden", "3d", "with-dash", "ünï", ""])
    assert list(names.values()) == ["hidden", "f_3d", "with_dash", "n", "field"]


def test_class_names_avoid_builtins_and_helpers_and_stay_unique() -> None:
    names = naming.class_names(["Exception", "Client", "__string", "List", "a.b", "a_b", "9Lives"])
    assert names == {
        "9Lives": "Shape9Lives",
        "Client": "Client_",
        "Exception": "Exception_",
        "List": "List",
        "__string": "String",
        "a.b": "A_b",
        "a_b": "A_b2",
    }


def test_enum_members_are_upper_snake_and_unique() -> None:
    names = naming.enum_member_names(["InProgress", "ml.m4.xlarge", "1a", "", "a-b", "a_b", "NAME"])
    assert list(names.values()) == ["IN_PROGRESS", "ML_M4_XLARGE", "V_1A", "EMPTY", "A_B", "A_B_2", "NAME"]


def test_operations_and_cli_names() -> None:
    assert naming.method_name("ListTrainingJobsForHyperParameterTuningJob") == (
        "list_training_jobs_for_hyper_parameter_tuning_job"
    )
    assert naming.method_name("GetPaginator") == "get_paginator_"
    assert naming.cli_name("HyperParameterTuningJobName") == "hyper-parameter-tuning-job-name"


def test_waiters_are_named_as_boto3_and_the_aws_cli_name_them() -> None:
    from botocore import xform_name

    names = ["TrainingJobCompletedOrStopped", "TableNotExists", "Items_Listed"]
    python = naming.waiter_python_names(names)
    assert python == {name: xform_name(name) for name in names}  # boto3's get_waiter keys
    assert python["TrainingJobCompletedOrStopped"] == "training_job_completed_or_stopped"
    assert naming.cli_name("TrainingJobCompletedOrStopped") == "training-job-completed-or-stopped"


def test_waiter_names_that_collide_are_numbered_in_sorted_order() -> None:
    assert naming.waiter_python_names(["ItemsLISTED", "ItemsListed"]) == {
        "ItemsLISTED": "items_listed",
        "ItemsListed": "items_listed_2",
    }


def test_waiter_classes_yield_to_shape_and_paginator_classes() -> None:
    names = naming.waiter_class_names(["TableExists", "Client", "Exists"], taken=["TableExistsWaiter", "ExistsWaiterError"])
    assert names == {
        "Client": ("ClientWaiter", "ClientWaiterError"),
        "Exists": ("ExistsWaiter", "ExistsWaiterError2"),
        "TableExists": ("TableExistsWaiter2", "TableExistsWaiterError"),
    }


def test_wait_options_yield_to_request_fields() -> None:
    assert naming.waiter_option_names(["table_name"]) == {"delay": "delay", "max_attempts": "max_attempts"}
    assert naming.waiter_option_names(["delay", "delay_", "max_attempts"]) == {
        "delay": "delay__",
        "max_attempts": "max_attempts_",
    }


def test_the_client_s_waiter_methods_are_reserved() -> None:
    assert naming.method_name("GetWaiter") == "get_waiter_"
    assert naming.method_name("WaiterNames") == "waiter_names_"
    assert naming.class_names(["WaiterError"]) == {"WaiterError": "WaiterError_"}


def test_the_testing_module_s_names_are_reserved() -> None:
    names = naming.class_names(["Stubber", "StubbedError", "RequestMismatch"])
    assert names == {"RequestMismatch": "RequestMismatch_", "StubbedError": "StubbedError_", "Stubber": "Stubber_"}


def test_cli_names_are_the_aws_clis() -> None:
    """``cli_name`` is awscli 1.46.3's ``xform_name(name, "-")`` (its bundled botocore's, whose
    seeded names differ from this botocore's: ``CreateWhatsAppDataset``) for every operation
    and input member name of the covered services and of those with seeded names (every
    service took 30 s here, and agreed on all 30,284 names); awscli answers in a subprocess
    (importing it makes ``import botocore`` its own copy)."""
    import json
    import subprocess
    import sys

    import botocore.session
    import pytest

    pytest.importorskip("awscli", reason="the AWS CLI v1 is the oracle")
    session = botocore.session.get_session()
    names: set[str] = set()
    from codegen.render.awscli.customizations import COVERED_SERVICES

    seeded = ("cloudwatch", "mturk", "quicksight", "signin", "socialmessaging", "storagegateway")
    for service in (*COVERED_SERVICES, *seeded):
        model = session.get_service_model(service)
        for operation in model.operation_names:
            names.add(operation)
            shape = model.operation_model(operation).input_shape
            names.update(shape.members if shape is not None else ())
    script = (
        "import json, sys\nimport awscli, botocore\nassert 'awscli' in botocore.__file__\n"
        "print(json.dumps({n: botocore.xform_name(n, '-') for n in json.load(sys.stdin)}))"
    )
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(sorted(names)),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    theirs = json.loads(done.stdout)
    differ = {n: (naming.cli_name(n), theirs[n]) for n in sorted(names) if naming.cli_name(n) != theirs[n]}
    assert not differ, list(differ.items())[:10]
    assert len(names) > 5000
    assert naming.cli_name("CreateWhatsAppDataset") == "create-whats-app-dataset" != botocore.xform_name(
        "CreateWhatsAppDataset", "-"
    )
