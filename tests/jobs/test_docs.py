"""The site's waiters and testing pages document each waiter (its rules, ``wait``, its error) and the typed
Stubber, and the site still builds with warnings as errors.

Built for a slice of its own (DescribeTrainingJob and the paginated
ListTrainingJobsForHyperParameterTuningJob): the model documentation of DescribeEndpoint,
which the session's package holds, converts to reStructuredText Sphinx warns about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import generate, sync_installed


def test_waiters_and_the_stubber_have_pages_of_their_own(tmp_path: Path) -> None:
    spec_dir = sync_installed(
        tmp_path / "specs", "sagemaker", "DescribeTrainingJob", "ListTrainingJobsForHyperParameterTuningJob"
    )
    service = generate(spec_dir, tmp_path / "out", "typed_docs")
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(tmp_path / "out" / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    html = "".join((tmp_path / "html" / f"{page}.html").read_text(encoding="utf-8") for page in ("waiters", "testing"))
    (waiter,) = service.waiters
    anchors = [waiter.class_name, f"{waiter.class_name}.wait", waiter.error_class_name, "Client.get_waiter",
               "Client.waiter_names", "WaiterError", "testing.Stubber.add_response", "testing.Stubber.add_pages",
               "testing.Stubber.add_waiter_responses", "testing.RequestMismatch"]
    for anchor in anchors:
        assert f'id="typed_docs.{anchor}"' in html, anchor
    # The asynchronous client's waiters, on its page: get_waiter and the async waiter classes.
    async_html = (tmp_path / "html" / "async.html").read_text(encoding="utf-8")
    for anchor in ("Client.get_waiter", "Client.waiter_names", waiter.class_name, f"{waiter.class_name}.wait"):
        assert f'id="typed_docs.aio.{anchor}"' in async_html, anchor
    # Each operation's async method and paginator are on the operation's page, so the async
    # page does not grow with the service (whole SageMaker's was 1.6 MB).
    operation_html = (tmp_path / "html" / "operations" / "describe-training-job.html").read_text(encoding="utf-8")
    assert 'id="typed_docs.aio.Client.describe_training_job"' in operation_html
    paged_html = (tmp_path / "html" / "operations" / "list-training-jobs-for-hyper-parameter-tuning-job.html").read_text(encoding="utf-8")
    assert 'id="typed_docs.aio.ListTrainingJobsForHyperParameterTuningJobPaginator"' in paged_html
    assert 'id="typed_docs.aio.Client.paginate_list_training_jobs_for_hyper_parameter_tuning_job"' in paged_html
    async_text = (tmp_path / "out" / "docs" / "async.rst").read_text(encoding="utf-8")
    assert "   .. py:method:: wait(request=None, *, delay=None, max_attempts=None, **members)\n      :async:\n" in async_text
    assert f":py:exc:`typed_docs.{waiter.error_class_name}`" in async_text
    text = (tmp_path / "out" / "docs" / "waiters.rst").read_text(encoding="utf-8")
    assert '   - success when ``TrainingJobStatus`` is ``"Completed"``\n' in text
    assert '   - failure when the error is ``ValidationException``\n' in text
    assert "every 120 seconds, at most\n   180 times" in text
    assert "wait(request=None, *, delay=None, max_attempts=None, **members) -> DescribeTrainingJobResponse" in text
