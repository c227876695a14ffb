"""The documentation site: `codegen docs` builds it with `sphinx-build -W`; it documents every
field of every class, on a page per operation with its CLI page linked both ways; model text
that docutils would reject is shown as text; and its example runs.

The browser checks (overflow, search, every link, page weight, screenshots) are
tests/test_site_browser.py (-m browser)."""

from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.commands import main
from codegen.ir.build import build_service
from codegen.render.awscli.page import reference_pages
from codegen.pipeline import load_services
from codegen.render.site import globaloptions, rst
from codegen.render.site.changelog import changelog_rst
from codegen.render.docs import site_text
from codegen.render.site.text import docutils_level
from codegen.spec.store import read_snapshot
from tests.fakes.sagemaker_server import DEFAULT_TUNING_JOB
from tests.helpers import FIXTURE_SPECS, ROOT, generate

# The site of a project of its own, the mission's operation as pinned when these tests were
# written: the pages it checks stay what they are whatever operations [tool.codegen] adds.
SPECS = FIXTURE_SPECS / "mission"
# Named at import, made only by the fixture: collecting this module creates nothing.
_WORK = Path(tempfile.gettempdir()) / f"codegen-site-test-{os.getpid()}"
DOCS = _WORK / "out" / "docs"


@pytest.fixture(scope="module", autouse=True)
def mission_docs() -> Iterator[Path]:
    shutil.rmtree(_WORK, ignore_errors=True)
    generate(SPECS, DOCS.parent, "typed_sagemaker")
    yield DOCS
    shutil.rmtree(_WORK, ignore_errors=True)

COMMAND = "list-training-jobs-for-hyper-parameter-tuning-job"
METHOD = "list_training_jobs_for_hyper_parameter_tuning_job"
OPERATION_PAGE = f"operations/{COMMAND}.html"
CLI_PAGE = f"reference/sagemaker/{COMMAND}.html"
REQUEST = "typed_sagemaker.ListTrainingJobsForHyperParameterTuningJobRequest"
RESPONSE = "typed_sagemaker.ListTrainingJobsForHyperParameterTuningJobResponse"


def build(docs: Path, output: Path, *extra: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "docs", "--docs-dir", str(docs), "--output", str(output), *extra],
        capture_output=True, text=True, cwd=cwd,
    )


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "html"
    run = build(DOCS, out)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


def test_codegen_docs_builds_the_site_with_warnings_as_errors(built_site: Path) -> None:
    for name in ("index.html", "operations.html", OPERATION_PAGE, CLI_PAGE, "reference/index.html",
                 "reference/sagemaker/index.html", "classes.html", "enums.html", "changelog.html",
                 "search.html", "searchindex.js"):
        assert (built_site / name).exists(), name
    assert not list(built_site.parent.glob(".codegen-site-*")), "the build's work directory was left behind"


def test_every_field_class_enum_value_exception_and_method_has_its_anchor(built_site: Path) -> None:
    ((_, service),) = load_services(SPECS, "typed_sagemaker")
    html = all_html(built_site)
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
        assert f'id="{package}.Client.{operation.method_name}"' in page(built_site, OPERATION_PAGE)


def test_request_and_response_classes_are_on_their_operation_page(built_site: Path) -> None:
    html = page(built_site, OPERATION_PAGE)
    assert f'id="{REQUEST}"' in html and f'id="{RESPONSE}"' in html
    assert 'id="typed_sagemaker.ListTrainingJobsForHyperParameterTuningJobPaginator"' in html
    assert 'href="../index.html#typed_sagemaker.ResourceNotFound"' in html  # its modeled error


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_cli_options_and_request_fields_link_both_ways(built_site: Path) -> None:
    cli, operation = page(built_site, CLI_PAGE), page(built_site, OPERATION_PAGE)
    # The CLI page: each option has an anchor and a link to the field it sets.
    assert 'id="cli-option-status-equals"' in cli
    assert f"../../{OPERATION_PAGE}#{REQUEST}.status_equals" in _hrefs(cli)
    assert f"../../{OPERATION_PAGE}#typed_sagemaker.Client.{METHOD}" in _hrefs(cli)
    # The operation page: the field links to the option, the response member to the output.
    assert f"../{CLI_PAGE}#cli-option-status-equals" in _hrefs(operation)
    assert '<span class="std std-ref">--status-equals</span>' in operation  # no "--" made a dash
    assert f"../{CLI_PAGE}#cli-output-training-job-summaries" in _hrefs(operation)
    assert 'id="cli-output-training-job-summaries"' in cli
    assert f"../../{OPERATION_PAGE}#{RESPONSE}.training_job_summaries" in _hrefs(cli)


def test_a_shape_the_model_links_to_points_at_its_class(built_site: Path) -> None:
    # HyperParameterTrainingJobSummary's docs link FinalHyperParameterTuningJobObjectiveMetric
    # to its AWS API reference page; the package has a class for it.
    classes = page(built_site, "classes.html")
    metric = "FinalHyperParameterTuningJobObjectiveMetric"
    assert f"API_{metric}.html" in (DOCS / "classes.rst").read_text()
    assert f"API_{metric}.html" not in classes
    assert f'href="#typed_sagemaker.{metric}"' in classes
    # TrainingJobSummary has no class in this package: that link stays the AWS page; and the
    # AWS CLI's pages keep their links as they are.
    assert "API_TrainingJobSummary.html" in page(built_site, OPERATION_PAGE)
    assert f"API_{metric}.html" in page(built_site, CLI_PAGE)


def test_the_seed_layout_is_kept_and_aws_help_points_at_the_global_options(built_site: Path) -> None:
    cli = page(built_site, CLI_PAGE)
    assert cli.count('href="../index.html">') >= 2  # "See 'aws help'" and the breadcrumb
    options = page(built_site, "reference/index.html")
    for option in globaloptions.GLOBAL_OPTIONS:
        assert f"--{option.name}</span></code>" in options, option.name
    # The site's page is the reference page renderer's, which test_reference_page proves byte
    # for byte equal to the AWS CLI's (the seed, and awscli's own doc generator).
    service = build_service(read_snapshot(SPECS).services[0], package="typed_sagemaker")
    assert (DOCS / "reference" / "sagemaker" / f"{COMMAND}.rst").read_text() == reference_pages(service)[
        f"{COMMAND}.rst"
    ]


def test_global_options_are_the_aws_clis() -> None:
    import awscli

    cli = json.loads((Path(awscli.__file__).parent / "data" / "cli.json").read_text())
    assert globaloptions.DESCRIPTION == cli["description"]
    assert globaloptions.SYNOPSIS == cli["synopsis"]
    ours = {o.name: o for o in globaloptions.GLOBAL_OPTIONS}
    assert list(ours) == list(cli["options"])
    for name, option in cli["options"].items():
        assert ours[name].help == option["help"], name
        assert ours[name].choices == tuple(option.get("choices", ())), name
        flag = option.get("action") in ("store_true", "store_false")
        assert (ours[name].type_name == "boolean") == flag, name


def test_enum_values_are_plain_literals_and_the_synopsis_is_plain_text(built_site: Path) -> None:
    enums = page(built_site, "enums.html")
    entry = re.search(r'id="typed_sagemaker\.TrainingJobStatus\.IN_PROGRESS".*?</dl>', enums, re.S).group()
    assert "InProgress</span></code>" in entry and "``" not in entry and "<em" not in entry.split("</dt>")[1]
    synopsis = re.search(r"<h2>Synopsis.*?</pre>", page(built_site, CLI_PAGE), re.S).group()
    assert "highlight-none" in synopsis and '<span class="k">' not in synopsis and '<span class="nb">' not in synopsis
    html = all_html(built_site)
    assert "``" not in re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)
    assert "no-index-entry" not in html and "field-list" not in html  # options stay options


def test_footer_version_copyright_base_url_and_theme(built_site: Path) -> None:
    html = page(built_site, OPERATION_PAGE)
    assert "Copyright &#169; 2026, the botocore-codegen developers" in html
    assert '<div class="codegen-version">typed-sagemaker 0.1.0</div>' in html
    assert '<link rel="canonical" href="https://botocore-codegen.example.org/typed-sagemaker/' in html
    assert "furo.css" in html and "copybutton.js" in html
    assert "<title>list_training_jobs_for_hyper_parameter_tuning_job - typed-sagemaker 0.1.0</title>" in html


def test_api_reference_example_runs(aws_env, sagemaker_server, monkeypatch, capsys) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", sagemaker_server.endpoint_url)
    sagemaker_server.dataset["example"] = sagemaker_server.dataset[DEFAULT_TUNING_JOB]
    text = (DOCS / "index.rst").read_text(encoding="utf-8")
    block = re.search(r"\.\. code-block:: python\n\n((?:   .*\n|\n)+)", text).group(1)
    example = "\n".join(line[3:] for line in block.splitlines())
    exec(compile(example, "docs/index.rst", "exec"), {})
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


def test_annotations_link_the_package_classes_only() -> None:
    targets = {"Summary": "pkg.Summary"}
    assert rst.annotation("list[Summary] | None", targets) == "``list[``\\ :py:class:`~pkg.Summary`\\ ``] | None``"
    assert rst.annotation("Summary | str", targets) == ":py:class:`~pkg.Summary` ``| str``"
    assert rst.annotation("datetime.datetime | None", targets) == "``datetime.datetime | None``"
    assert rst.annotation("dict[str, Summary]", targets) == "``dict[str,`` :py:class:`~pkg.Summary`\\ ``]``"


@pytest.mark.parametrize(
    "html",
    [
        # From SageMaker's model: a literal glued to the next word, or ending in a space.
        "<p> A list of the requested <code>ResourceCatalog</code>s. </p>",
        "<p>Filter the lineage entities connected to the <code>StartArn</code>(s) by created date.</p>",
        "<p>For more, see <code>CreateTrainingPlan </code>.</p>",
    ],
)
def test_model_text_docutils_rejects_is_shown_as_its_words(html: str) -> None:
    from codegen.render.docs import docstring_text

    assert docutils_level(docstring_text(html)) >= 2  # bcdoc's conversion is not valid RST
    text = site_text(html)
    assert docutils_level(text) < 1  # not even an info
    assert "".join(text.replace("\\", "").split()) == "".join(
        re.sub(r"<[^>]+>", "", html).replace("&quot;", '"').split()
    )


def test_model_text_docutils_accepts_keeps_its_markup() -> None:
    assert site_text("<p>A <code>Name</code> and <b>bold</b>.</p>") == "A ``Name`` and **bold**."


def test_raw_html_and_file_inclusion_are_disabled() -> None:
    conf = (DOCS / "docutils.conf").read_text()
    assert "raw_enabled: false" in conf and "file_insertion_enabled: false" in conf


def _copy_docs(tmp_path: Path) -> Path:
    source = tmp_path / "docs"
    shutil.copytree(DOCS, source)
    return source


def test_a_raw_html_directive_does_not_reach_the_site(tmp_path: Path) -> None:
    source = _copy_docs(tmp_path)
    with (source / "index.rst").open("a") as index:
        index.write("\n.. raw:: html\n\n   <script>alert('injected')</script>\n")
    run = build(source, tmp_path / "site")
    assert run.returncode == 1  # -W: the refused directive is an error
    assert "alert('injected')" not in "".join(p.read_text() for p in tmp_path.rglob("index.html"))


def test_bad_markup_fails_the_build_on_the_sites_pages_but_not_on_the_aws_clis(tmp_path: Path) -> None:
    source = _copy_docs(tmp_path)
    cli = source / "reference" / "sagemaker" / f"{COMMAND}.rst"
    cli.write_text(cli.read_text() + "\nGlued |``literal`` and ` ``x`` https://example.com`__ here.\n")
    run = build(source, tmp_path / "site")
    assert run.returncode == 0, run.stderr  # the AWS CLI's own page text: shown as it is
    assert 'Glued <span id="id2">|</span><code class="docutils literal' in page(tmp_path / "site", CLI_PAGE)
    with (source / "operations.rst").open("a") as ours:
        ours.write("\nGlued |``literal`` here.\n")
    run = build(source, tmp_path / "site2")
    assert run.returncode == 1 and "start-string without end-string" in run.stderr
    # The message names the file in the docs directory, not in the build's temporary copy.
    assert f"{source}/operations.rst:" in run.stderr and ".codegen-site-" not in run.stderr


def test_changelog_page_is_escaped_markdown(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(
        "# Changelog\n\nModel updates.\n\n## typed_sagemaker: botocore 1.15.0 -> 1.44.8\n\n"
        "### Additive (1)\n\n- `TrainingJobStatus.Deleting` (`TrainingJobStatus.DELETING`): enum value added\n"
        "- <script>alert(1)</script> *not emphasis* `` a`b ``\n"
    )
    run = build(DOCS, tmp_path / "site", "--changelog", str(changelog))
    assert run.returncode == 0, run.stderr
    html = page(tmp_path / "site", "changelog.html")
    assert "<h2>typed_sagemaker: botocore 1.15.0 -&gt; 1.44.8" in html
    assert 'TrainingJobStatus.Deleting</span></code>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*" in html and "<script>alert" not in html
    assert "a\\x60b</span></code>" in html  # a backquote in a literal shows escaped (rst.literal)
    assert changelog_rst(None).startswith("Changelog\n#########\n\nNo changes are recorded yet")


def test_docs_refuses_an_output_directory_that_is_not_a_site(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    run = build(DOCS, mine)
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "neither empty nor a site codegen docs built" in run.stderr
    assert (mine / "notes.txt").read_text() == "keep me"
    run = build(DOCS, DOCS / "_build")
    assert run.returncode == 2 and "overlap" in run.stderr


def test_docs_replaces_its_own_earlier_build(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(DOCS, out).returncode == 0
    (out / "stale.html").write_text("old")
    assert build(DOCS, out).returncode == 0
    assert not (out / "stale.html").exists() and (out / "index.html").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('docs-base-url = "ftp://x/"', "[tool.codegen].docs-base-url: must be an http(s) URL"),
        ('docs-base-url = "https://example.org/docs"', "[tool.codegen].docs-base-url: must end with '/'"),
        ("copyright = 2026", "[tool.codegen].copyright: must be a non-empty string on one line"),
        ('docs-project = ""', "[tool.codegen].docs-project: must be a non-empty string on one line"),
    ],
)
def test_bad_site_settings_are_one_line_naming_the_key(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.codegen]\nservice = "sagemaker"\noperations = ["X"]\npackage = "p"\n{line}\n'
    )
    run = build(DOCS, tmp_path / "site", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and message in run.stderr


def test_site_settings_reach_the_pages(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codegen]\nservice = "sagemaker"\noperations = ["X"]\npackage = "p"\n'
        'docs-project = "My SDK"\ncopyright = "2030 <Example> & Co"\ndocs-base-url = "https://docs.example.com/sdk/"\n'
    )
    run = build(DOCS, tmp_path / "site", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    html = page(tmp_path / "site", "index.html")
    assert "<title>My SDK 0.1.0</title>" in html
    assert "Copyright &#169; 2030 &lt;Example&gt; &amp; Co" in html
    assert '<link rel="canonical" href="https://docs.example.com/sdk/index.html"' in html


def test_docs_without_sphinx_says_what_to_install(monkeypatch, tmp_path: Path, capsys) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "furo" else real(name, *a))
    monkeypatch.chdir(ROOT)
    assert main(["docs", "--output", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "needs furo: python -m pip install -e '.[docs]'" in err


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name == "href" and value and tag == "a":
                self.hrefs.append(value)


def broken_links(site: Path) -> list[str]:
    """Every internal link of the built site whose page or anchor does not exist."""
    parsed: dict[Path, _Links] = {}

    def links(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    broken = []
    for path in sorted(site.rglob("*.html")):
        for href in links(path).hrefs:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue  # external: not followed (no network in tests)
            target, _, fragment = href.partition("#")
            file = (path.parent / target).resolve() if target else path
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file() or not str(file).startswith(str(site.resolve())):
                broken.append(f"{path.relative_to(site)}: {href} (no such page)")
            elif fragment and file.suffix == ".html" and fragment not in links(file).ids:
                broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_every_internal_link_resolves(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_the_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a id="here" href="#here">ok</a><a href="#gone">x</a><a href="nope.html">y</a>')
    assert broken_links(tmp_path) == ["index.html: #gone (no such anchor)", "index.html: nope.html (no such page)"]


def test_a_hostile_models_site_builds_cleanly_and_injects_nothing(tmp_path: Path) -> None:
    from tests.helpers import generate, write_spec
    from tests.test_escaping import hostile_model

    model = hostile_model()
    shapes = model["shapes"]
    shapes["Output"]["members"]["Odd`Name <x>"] = {
        "shape": "Text", "documentation": "<p><script>alert('doc')</script> .. raw:: html <b>x</b></p>",
    }
    shapes["Input"]["documentation"] += '<p><a href="javascript:alert(1)">click</a> here. <a href="https://example.com/ok">fine</a>.</p>'
    shapes["Output"]["documentation"] += '<p>See <a href="JavaScript:alert(2)">this</a>, |<code>x</code>s.</p>'
    spec_dir = write_spec(tmp_path / "specs", model)
    generate(spec_dir, tmp_path / "out", "hostile")
    run = build(tmp_path / "out" / "docs", tmp_path / "site")
    assert run.returncode == 0, run.stdout + run.stderr
    html = all_html(tmp_path / "site")
    assert "<script>alert" not in html  # (the payloads of hostile_model show as text)
    assert 'href="javascript:' not in html.lower() and "<span>click</span> here." in html
    assert '<a class="reference external" href="https://' in html  # web links stay links
    assert "Odd`Name &lt;x&gt;" in html  # the member's wire name, shown as text


def test_a_service_whose_cli_command_is_renamed_builds(tmp_path: Path) -> None:
    # s3's AWS CLI command is s3api: its pages' breadcrumbs and labels name s3api.
    from tests.helpers import generate, sync_installed

    spec_dir = sync_installed(tmp_path / "specs", "s3", "ListBuckets", "GetBucketLocation")
    generate(spec_dir, tmp_path / "out", "typed_s3")
    run = build(tmp_path / "out" / "docs", tmp_path / "site")
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "site" / "reference" / "s3api" / "list-buckets.html").is_file()
    assert broken_links(tmp_path / "site") == []


def test_docs_with_both_directories_needs_no_codegen_project(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "someone-else"\n')
    run = build(DOCS, tmp_path / "site", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "codegen", "docs"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2 and "[tool.codegen]: missing" in run.stderr
