"""``[tool.codegen]``: every key checked, unknown keys refused with the closest known one."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.config import load_config
from codegen.errors import CodegenError
from codegen.release import BumpPolicy, Metadata

BASE = '[tool.codegen]\nservice = "sagemaker"\noperations = ["DescribeTrainingJob"]\npackage = "typed_sm"\n'


def config(tmp_path: Path, extra: str = ""):  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text(BASE + extra)
    return load_config(tmp_path)


def test_defaults(tmp_path: Path) -> None:
    loaded = config(tmp_path)
    assert loaded.metadata == Metadata() and loaded.templates is None
    assert loaded.metadata.version == "0.1.0" and loaded.metadata.license == "Apache-2.0"


def test_every_key(tmp_path: Path) -> None:
    loaded = config(
        tmp_path,
        'distribution = "acme-sagemaker"\nversion = "2.0.0"\ndescription = "SageMaker, typed."\n'
        'license = "MIT"\nclassifiers = ["Framework :: Acme"]\ntemplates = "tpl"\n'
        '[tool.codegen.urls]\nHomepage = "https://example.com"\nSource = "https://example.com/src"\n'
        '[tool.codegen.version-bumps]\nadditive = "patch"\nbreaking-before-1 = "major"\n',
    )
    metadata = loaded.metadata
    assert (metadata.distribution, metadata.version, metadata.license) == ("acme-sagemaker", "2.0.0", "MIT")
    assert metadata.urls == (("Homepage", "https://example.com"), ("Source", "https://example.com/src"))
    assert metadata.classifiers == ("Framework :: Acme",)
    assert metadata.bumps.parts["additive"] == "patch" and metadata.bumps.breaking_before_1 == "major"
    assert metadata.bumps.parts["breaking"] == BumpPolicy().parts["breaking"]
    assert loaded.templates == tmp_path / "tpl"


@pytest.mark.parametrize(
    ("extra", "where", "problem"),
    [
        ('pakage_name = "x"\n', "[tool.codegen].pakage_name", "unknown key; did you mean 'package'?"),
        ('versoin = "1.0.0"\n', "[tool.codegen].versoin", "did you mean 'version'?"),
        ('version = "1.0.0rc1"\n', "[tool.codegen].version", "only plain release numbers"),
        ('version = 1\n', "[tool.codegen].version", "must be a non-empty string"),
        ('distribution = "-bad-"\n', "[tool.codegen].distribution", "not a distribution name"),
        ('classifiers = "Typing :: Typed"\n', "[tool.codegen].classifiers", "must be a list of strings"),
        ('[tool.codegen.version-bumps]\nadditive = "huge"\n', "version-bumps.additive", "must be one of major, minor, patch, none"),
        ('[tool.codegen.version-bumps]\nbreaking_change = "major"\n', "version-bumps.breaking_change", "did you mean 'breaking'?"),
        ('[tool.codegen.urls]\nHomepage = 3\n', "[tool.codegen].urls.Homepage", "must be a non-empty string"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, extra: str, where: str, problem: str) -> None:
    with pytest.raises(CodegenError) as error:
        config(tmp_path, extra)
    assert where in error.value.where and problem in error.value.problem
