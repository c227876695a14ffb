"""The documentation site: builds with `sphinx-build -W`, documents every field of every class,
and its example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.pipeline import load_services
from codegen.render.site import rst
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB
from tests.helpers import GENERATED, SPECS

DOCS = GENERATED / "docs"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(out)],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def test_site_builds_with_warnings_as_errors(built_site: Path) -> None:
    assert (built_site / "index.html").exists()
    assert (built_site / "reference" / "sagemaker" /
            "list-training-jobs-for-hyper-parameter-tuning-job.html").exists()


def test_api_reference_shows_every_field_of_every_class_and_every_enum_value(built_site: Path) -> None:
    ((_, service),) = load_services(SPECS, "typed_sagemaker")
    html = (built_site / "api.html").read_text(encoding="utf-8")
    package = service.package
    for structure in service.structures:
        for member in structure.members:
            assert f'id="{package}.{structure.class_name}.{member.attr_name}"' in html, member
    for enum in service.enums:
        for value in enum.values:
            assert f'id="{package}.{enum.class_name}.{value.member_name}"' in html, value
    for exception in service.exceptions:
        assert f'id="{package}.{exception.class_name}"' in html
    for operation in service.operations:
        assert f'id="{package}.Client.{operation.method_name}"' in html


def test_api_reference_example_runs(aws_env, sagemaker_server, monkeypatch, capsys) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", sagemaker_server.endpoint_url)
    sagemaker_server.dataset["example"] = sagemaker_server.dataset[DEFAULT_TUNING_JOB]
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    block = re.search(r"\.\. code-block:: python\n\n((?:   .*\n|\n)+)", text).group(1)
    example = "\n".join(line[3:] for line in block.splitlines())
    exec(compile(example, "docs/api.rst", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ListTrainingJobsForHyperParameterTuningJobResponse"
    assert len(out) == 1 + len(sagemaker_server.dataset["example"])


@pytest.mark.parametrize(
    ("value", "shown"),
    [("Completed", "``Completed``"), ("a``b", "``a\\x60\\x60b``"), (" padded ", "``' padded '``"),
     ("", "``''``"), ("line\nbreak", "``line\\nbreak``"), ("[a-z\\-]*", "``[a-z\\-]*``")],
)
def test_spec_strings_are_inline_literals_that_cannot_end_early(value: str, shown: str) -> None:
    assert rst.literal(value) == shown


def test_spec_text_is_escaped_markup() -> None:
    assert rst.text("A *bold* `role`_ :ref:`x`\n.. raw:: html") == (
        "A \\*bold\\* \\`role\\`\\_ \\:ref\\:\\`x\\` \\.\\. raw\\:\\: html"
    )


def test_raw_html_and_file_inclusion_are_disabled() -> None:
    conf = (DOCS / "docutils.conf").read_text()
    assert "raw_enabled: false" in conf and "file_insertion_enabled: false" in conf


def test_a_raw_html_directive_in_converted_docs_does_not_reach_the_site(tmp_path: Path) -> None:
    import shutil

    source = tmp_path / "docs"
    shutil.copytree(DOCS, source)
    with (source / "index.rst").open("a") as index:
        index.write("\n.. raw:: html\n\n   <script>alert('injected')</script>\n")
    out = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(out)],
                   capture_output=True, text=True)
    assert "alert('injected')" not in (out / "index.html").read_text(encoding="utf-8")
