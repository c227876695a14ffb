"""Generator benchmark: `codegen generate` for the whole SageMaker service, against the goals.

    .venv/bin/python bench/generate_speed.py [--skip-mbb] [--skip-ruff] [--keep DIR]
                                             [--mbb-venv PATH] [--spec-dir DIR --package NAME]
    .venv/bin/python bench/generate_speed.py --mission
    .venv/bin/python bench/generate_speed.py --catalog [--spec-dir DIR]

Default mode, in a temporary directory:

1. ``codegen sync --spec-dir TMP/specs sagemaker --all-operations`` (the installed botocore;
   skipped when ``--spec-dir`` names an existing spec directory);
2. cold: ``codegen generate`` with ``CODEGEN_CACHE_DIR`` set to a fresh empty directory;
3. warm: the same command again, same cache, nothing changed (once more if codegen/ or
   templates/ changed meanwhile: others edit them, and every key covers them);
4. incremental: a copy of the specs with the documentation of 2 shapes and one member's
   constraint changed, generated with the same cache into a copy of the cold output; then the
   changed model generated cold (empty cache) to check the incremental output is the same
   bytes (``--skip-identical`` leaves that out);
5. ``--formatter ruff`` cold (only if ``codegen generate --help`` offers ``--formatter``), then
   how many of its .py files black (from this venv, codegen's mode) would reformat;
6. mypy-boto3-builder 8.12.0 building its SageMaker package cold, from its own virtualenv on
   Python >= 3.12 (``--mbb-venv``, ``$MBB_VENV``, default /work/bench-venvs/mbb812; created
   with a Python 3.12+ from PATH or pyenv when missing), see ``mbb_command``;
7. the mission project (a copy of this repository's pyproject.toml and specs/, ``codegen
   generate`` run in it): cold with an empty cache (the median of five, each from scratch,
   with the process tree's memory not sampled), then warm (best of two).

Each run is a subprocess: wall time, CPU time (user+sys of the whole process tree), the peak
RSS of its largest single process (``os.wait4``'s ``ru_maxrss``, which covers reaped pool
workers) and the peak total of the process tree (RSS and PSS summed over the tree, sampled from
/proc every 50 ms; forked workers share pages with their parent, so the RSS sum overcounts and
PSS is the fair total).

Goals checked (issue 22; printed, never asserted: machines here are shared and noisy, so CPU
time is printed next to wall time and the load average before and after):

- whole service, cold: <= 0.5 x mypy-boto3-builder's wall time, CPU time below its CPU time,
  peak memory <= 300 MB;
- incremental (2 shapes changed): <= 0.1 of cold, byte-identical to a cold run;
- warm (nothing changed): whole service <= 0.3 s; the mission project <= 0.2 s;
- the mission project cold, empty cache: <= 0.6 s;
- ruff vs black: both cold, as a ratio (no goal);
- ``--mission`` runs only step 7;
- ``--catalog`` (every service of the installed botocore, synced into one spec directory, then
  one cold ``codegen generate`` with black): <= 5 minutes.

The generator is timed as ``pip install`` leaves it: its bytecode compiled first
(``compileall`` into ``codegen/__pycache__``, which git ignores), as mypy-boto3-builder's is in
its virtualenv. With ``PYTHONDONTWRITEBYTECODE`` set, as on these machines, an editable
install would otherwise compile codegen's modules from source in every run (0.2 s of the
mission project's cold run).

Uses only the standard library (and, for ``--catalog`` without ``--spec-dir``, botocore's loader
to list the services). Writes nothing into the repository but that bytecode.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SERVICE = "sagemaker"
WHOLE_PACKAGE = "typed_sagemaker_all"
MISSION_PACKAGE = "typed_sagemaker"

# Issue 22: the anchor moved to 8.12.0, which needs Python >= 3.12 (7.26.1 was the newest on 3.11).
MBB_VERSION = "8.12.0"
MBB_DEFAULT_VENV = Path("/work/bench-venvs/mbb812")
MBB_ISSUE_FIGURES = "11.1 s wall, 11.1 s CPU, 480 MB"  # as quoted in issue 22

GOAL_VS_MBB = 0.5  # wall time; CPU time must be below mbb's (ratio < 1)
GOAL_PEAK_MB = 300
GOAL_WARM_S = 0.3  # whole SageMaker, nothing changed
GOAL_INCREMENTAL = 0.1  # of a cold run, after a change to 2 shapes
GOAL_MISSION_COLD_S = 0.6
GOAL_MISSION_WARM_S = 0.2
MISSION_COLD_RUNS = 5  # its median is the figure
GOAL_CATALOG_S = 300.0
SAMPLE_INTERVAL_S = 0.05
MB = 1024 * 1024


# --- measuring a subprocess ---------------------------------------------------------------


@dataclass
class Run:
    label: str
    wall: float
    cpu: float  # user + sys of the child and every descendant it reaped
    max_rss: int  # bytes, largest single process (wait4's ru_maxrss)
    tree_rss: int  # bytes, peak of the RSS summed over the process tree (sampled)
    tree_pss: int  # bytes, peak of the PSS summed over the process tree (sampled)
    returncode: int
    output: str


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants from /proc until stopped."""

    def __init__(self, root_pid: int) -> None:
        super().__init__(daemon=True)
        self.root_pid = root_pid
        self.stop = threading.Event()
        self.peak_rss = 0
        self.peak_pss = 0
        self._parents: dict[int, int] = {}  # pid -> ppid, read once per pid
        self._unrelated: set[int] = set()  # pids seen not to descend from root_pid

    def run(self) -> None:
        while not self.stop.is_set():
            rss = pss = 0
            for pid in self._tree():
                sizes = _rollup(pid)
                rss += sizes.get("Rss", 0)
                pss += sizes.get("Pss", 0)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.stop.wait(SAMPLE_INTERVAL_S)

    def _tree(self) -> list[int]:
        """The root and its live descendants; only pids not seen before cost a read."""
        tree = {self.root_pid}
        try:
            pids = sorted(int(name) for name in os.listdir("/proc") if name.isdigit())
        except OSError:
            return [self.root_pid]
        for pid in pids:
            if pid in self._unrelated or pid == self.root_pid:
                continue
            if pid not in self._parents:
                ppid = _ppid(pid)
                if ppid is None:
                    continue
                self._parents[pid] = ppid
            if self._parents[pid] in tree:  # parents have lower pids, barring pid wrap-around
                tree.add(pid)
            elif pid < self.root_pid:
                self._unrelated.add(pid)
        live = set(pids)  # forget exited pids, in case a number is reused
        self._parents = {pid: ppid for pid, ppid in self._parents.items() if pid in live}
        return sorted(tree)


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _rollup(pid: int) -> dict[str, int]:
    """Rss and Pss of one process in bytes (empty once it has exited)."""
    sizes = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                key, _, rest = line.partition(":")
                if key in ("Rss", "Pss"):
                    sizes[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError):
        pass
    return sizes


def measure(label: str, command: list[str], env: dict[str, str] | None = None,
            cwd: Path | None = None, sample: bool = True) -> Run:
    """Run ``command`` to the end; wall and CPU time, peak memory, exit status and output.
    ``sample=False`` leaves the process tree's memory unsampled (0): reading /proc every 50 ms
    costs a few ms of CPU a sample, which shows in a run of half a second on two cores."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                 stdout=output, stderr=subprocess.STDOUT)
        sampler = TreeSampler(child.pid)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        sampler.stop.set()
        if sample:
            sampler.join()
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Run(label, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
               sampler.peak_rss, sampler.peak_pss, child.returncode, text)


def checked(run: Run) -> Run:
    if run.returncode != 0:
        sys.exit(f"{run.label}: exit status {run.returncode}\n{run.output[-3000:]}")
    return run


# --- our generator ------------------------------------------------------------------------


def codegen(*args: str | Path) -> list[str]:
    script = BIN / "codegen"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "codegen"]
    return [*base, *map(str, args)]


def generate(label: str, spec_dir: Path, output: Path, package: str, cache: Path,
             *extra: str) -> Run:
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(cache)}
    command = codegen("generate", "--spec-dir", spec_dir, "--output", output,
                      "--package", package, *extra)
    return checked(measure(label, command, env=env))


def compile_generator() -> None:
    """codegen's bytecode, as an installed package has it (see the module's docstring)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("codegen")
    for location in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(location, quiet=1)


def generator_fingerprint() -> str:
    """A digest of codegen/ and templates/: others edit them while this runs, and a change
    between two runs makes the figures mix versions (and misses the whole-tree cache)."""
    digest = hashlib.sha256()
    for folder in (ROOT / "codegen",):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def has_formatter_option() -> bool:
    help_text = subprocess.run(codegen("generate", "--help"), capture_output=True, text=True)
    return "--formatter" in help_text.stdout


def service_model(spec_dir: Path) -> Path:
    models = sorted(spec_dir.glob("*/*/service-2.json"))
    if len(models) != 1:
        sys.exit(f"{spec_dir}: expected one */*/service-2.json, found {len(models)}")
    return models[0]


def operation_count(spec_dir: Path) -> int:
    manifest = json.loads((spec_dir / "manifest.json").read_text(encoding="utf-8"))
    return sum(len(entry["operations"]) for entry in manifest["services"].values())


def perturb_specs(spec_dir: Path, target: Path) -> list[str]:
    """Copy ``spec_dir`` to ``target`` with a small model change: the documentation of two
    structures and the ``max`` of a scalar shape that exactly one member uses. Returns what
    was changed. Shapes are picked by name order, so the same model gives the same change."""
    shutil.copytree(spec_dir, target)
    path = service_model(target)
    model = json.loads(path.read_text(encoding="utf-8"))
    shapes = model["shapes"]
    documented = [name for name, shape in sorted(shapes.items())
                  if shape.get("type") == "structure" and shape.get("documentation")]
    changes = []
    for name in documented[:2]:
        shapes[name]["documentation"] += "<p>Changed by bench/generate_speed.py.</p>"
        changes.append(f"documentation of {name}")
    uses: dict[str, list[str]] = {}
    for owner, shape in sorted(shapes.items()):
        for member_name, member in shape.get("members", {}).items():
            uses.setdefault(member["shape"], []).append(f"{owner}.{member_name}")
    for name, shape in sorted(shapes.items()):
        if isinstance(shape.get("max"), int) and len(uses.get(name, [])) == 1:
            shape["max"] += 1
            changes.append(f"max of {name} (member {uses[name][0]}) -> {shape['max']}")
            break
    # Written as codegen writes specs (codegen.jsonio.dumps_stable), so only these lines differ.
    path.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes


def read_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> int:
    return sum(before.get(path) != after.get(path) for path in before.keys() | after.keys())


def black_would_reformat(tree: Path) -> tuple[int, int]:
    """(files black would reformat, .py files checked), in codegen's black mode. Run without
    ``-q``: black's ``--check -q`` prints nothing per file, so there would be nothing to count."""
    files = sorted(str(p) for p in tree.rglob("*.py"))
    black = BIN / "black"
    command = [str(black) if black.exists() else sys.executable, *([] if black.exists() else ["-m", "black"]),
               "--check", "--line-length", "88", "--target-version", "py310", *files]
    done = subprocess.run(command, capture_output=True, text=True)
    would = sum(line.startswith("would reformat") for line in done.stderr.splitlines())
    return would, len(files)


# --- mypy-boto3-builder -------------------------------------------------------------------


def mbb_command(venv: Path, output: Path) -> list[str]:
    """The comparable job: the sources of the mypy-boto3-sagemaker package, black- and
    isort-formatted, offline (no PyPI version look-up), no pip install, no wheel."""
    return [str(venv / "bin" / "python"), "-m", "mypy_boto3_builder", str(output),
            "--product", "boto3-services", "--services", SERVICE, "--no-smart-version"]


def python_312() -> str | None:
    """A Python >= 3.12 for mypy-boto3-builder 8.x that runs: on PATH, else one of pyenv's (a
    pyenv shim on PATH fails unless that version is selected, so each is tried)."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(name) for name in ("python3.13", "python3.12")]
    candidates += [str(c) for c in sorted(versions.glob("3.1[2-9]*/bin/python"), reverse=True)]
    for candidate in filter(None, candidates):
        check = subprocess.run([candidate, "-c", "import sys; print(sys.version_info >= (3, 12))"],
                               capture_output=True, text=True)
        if check.returncode == 0 and check.stdout.strip() == "True":
            return candidate
    return None


def make_mbb_venv(venv: Path) -> str | None:
    """Create mypy-boto3-builder's virtualenv (pip from the configured index); None if made,
    else why not."""
    python = python_312()
    if python is None:
        return "no Python >= 3.12 found for mypy-boto3-builder 8"
    print(f"creating {venv} with {python} and mypy-boto3-builder=={MBB_VERSION}")
    made = subprocess.run([python, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode == 0:
        made = subprocess.run([str(venv / "bin" / "pip"), "install", "-q",
                               f"mypy-boto3-builder=={MBB_VERSION}"], capture_output=True, text=True)
    if made.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        return f"could not create {venv}: {made.stderr.strip().splitlines()[-1:]}"
    return None


def mbb_versions(venv: Path) -> str:
    code = ("import importlib.metadata as m\n"
            "def v(d):\n"
            "    try: return f'{d} {m.version(d)}'\n"
            "    except m.PackageNotFoundError: return None\n"
            "print(*filter(None, map(v, ('mypy-boto3-builder', 'botocore', 'black', 'isort', "
            "'ruff'))), sep=', ')")
    done = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


# --- reporting ----------------------------------------------------------------------------


def mb(size: int) -> str:
    return f"{size / MB:7.0f}"


def print_table(runs: list[Run]) -> None:
    print()
    print(f"{'run':<34} {'wall s':>7} {'cpu s':>7} {'max RSS':>8} {'tree RSS':>9} {'tree PSS':>9}"
          "   (MB)")
    for run in runs:
        print(f"{run.label:<34} {run.wall:7.2f} {run.cpu:7.2f} {mb(run.max_rss):>8} "
              f"{mb(run.tree_rss):>9} {mb(run.tree_pss):>9}")


def verdict(value: float, goal: float) -> str:
    return f"{'meets' if value <= goal else 'MISSES'} goal <= {goal:g}"


def ratio_line(name: str, value: float, goal: float | None = None, unit: str = "") -> str:
    tail = f"   ({verdict(value, goal)}{unit})" if goal is not None else ""
    return f"  {name:<44} {value:8.3f}{tail}"


def peak_mb(run: Run) -> float:
    """The memory figure for the 300 MB goal: the larger of the largest single process and
    the tree's PSS total (what the machine actually gave the whole run)."""
    return max(run.max_rss, run.tree_pss) / MB


# --- the two modes ------------------------------------------------------------------------


def mission_project(tmp: Path) -> Path:
    """A copy of this repository's project (pyproject.toml and specs/) in ``tmp``: ``codegen
    generate`` run there is the mission project's run, configuration read and all, without
    writing into the repository."""
    project = tmp / "mission"
    project.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copytree(ROOT / "specs", project / "specs")
    return project


def mission_runs(tmp: Path) -> tuple[Run, Run]:
    """The mission project: cold (empty cache, no output), then warm (nothing changed)."""
    project = mission_project(tmp)
    cache = tmp / "cache-mission"
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(cache)}
    # A cold run is over in some 0.6 s, within the drift of these machines: the median of
    # several, each from an empty cache and no output, the process tree's memory unsampled
    # (its largest process's peak is still there).
    colds = []
    for _ in range(MISSION_COLD_RUNS):
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(project / "generated", ignore_errors=True)
        colds.append(checked(measure("ours cold (mission)", codegen("generate"), env=env, cwd=project, sample=False)))
    print("mission cold runs (s): " + " ".join(f"{run.wall:.2f}" for run in colds))
    cold = sorted(colds, key=lambda run: run.wall)[len(colds) // 2]
    warm = checked(measure("ours warm (mission)", codegen("generate"), env=env, cwd=project))
    warm = min((warm, checked(measure("ours warm (mission)", codegen("generate"), env=env, cwd=project))),
               key=lambda run: run.wall)
    if "already up to date" not in warm.output:
        sys.exit(f"mission warm run wrote something:\n{warm.output}")
    return cold, warm


def mission_ratios(cold: Run, warm: Run) -> None:
    print(ratio_line(f"mission cold / {GOAL_MISSION_COLD_S:g} s", cold.wall / GOAL_MISSION_COLD_S, 1.0,
                     f"; {cold.wall:.2f} s"))
    print(ratio_line(f"mission warm / {GOAL_MISSION_WARM_S:g} s", warm.wall / GOAL_MISSION_WARM_S, 1.0,
                     f"; {warm.wall:.3f} s"))


def bench_mission(tmp: Path) -> None:
    cold, warm = mission_runs(tmp)
    print_table([cold, warm])
    print("\nratios")
    mission_ratios(cold, warm)


def bench_catalog(tmp: Path, options: argparse.Namespace) -> None:
    """Every service of the installed botocore (or of ``--spec-dir``) in one cold run."""
    if options.spec_dir:
        spec_dir = options.spec_dir.resolve()
        sync = None
    else:
        from botocore.loaders import Loader

        spec_dir = tmp / "specs"
        services = Loader().list_available_services("service-2")
        sync = checked(measure("sync (all services)",
                               codegen("sync", "--spec-dir", spec_dir, "--all-operations", *services)))
    manifest = json.loads((spec_dir / "manifest.json").read_text(encoding="utf-8"))
    operations = sum(len(s["operations"]) for s in manifest["services"].values())
    env = {**os.environ, "CODEGEN_CACHE_DIR": str(tmp / "cache")}
    cold = checked(measure("ours cold (catalog)",
                           codegen("generate", "--spec-dir", spec_dir, "--output", tmp / "out"), env=env))
    print_table([run for run in (sync, cold) if run])
    files = sum(1 for path in (tmp / "out").rglob("*") if path.is_file())
    print(f"\n  {len(manifest['services'])} services, {operations} operations, {files} files")
    print("\nratios")
    print(ratio_line(f"generate cold / {GOAL_CATALOG_S / 60:g} min goal", cold.wall / GOAL_CATALOG_S, 1.0,
                     f"; {cold.wall:.0f} s"))


def bench_whole(tmp: Path, options: argparse.Namespace) -> None:
    runs: list[Run] = []
    if options.spec_dir:
        spec_dir = options.spec_dir.resolve()
    else:
        spec_dir = tmp / "specs"
        runs.append(checked(measure(
            "sync (all operations)", codegen("sync", "--spec-dir", spec_dir, SERVICE, "--all-operations"))))
        print(runs[-1].output.strip())
    package = options.package
    print(f"{spec_dir}: {operation_count(spec_dir)} operations, package {package}")

    cache = tmp / "cache"
    cache.mkdir()
    out = tmp / "out"
    fingerprints = [generator_fingerprint()]
    cold = generate("ours cold", spec_dir, out, package, cache)
    fingerprints.append(generator_fingerprint())
    cold_files = read_files(out)
    warm = generate("ours warm (same cache)", spec_dir, out, package, cache)
    fingerprints.append(generator_fingerprint())
    runs += [cold, warm]
    if len(set(fingerprints)) > 1:  # the whole-tree cache's key covers the generator's code
        warm = generate("ours warm again (code changed)", spec_dir, out, package, cache)
        fingerprints.append(generator_fingerprint())
        runs.append(warm)
    warm_same = read_files(out) == cold_files

    changes = perturb_specs(spec_dir, tmp / "specs2")
    shutil.copytree(out, tmp / "out2")
    incremental = generate("ours incremental (same cache)", tmp / "specs2", tmp / "out2",
                           package, cache)
    fingerprints.append(generator_fingerprint())
    runs.append(incremental)
    incremental_files = read_files(tmp / "out2")
    incremental_changed = changed_files(cold_files, incremental_files)
    if options.skip_identical:
        identical_note = "incremental output vs a cold run of the changed model: not checked (--skip-identical)"
    else:
        cold2 = generate("ours cold (changed model)", tmp / "specs2", tmp / "out3", package,
                         tmp / "cache-cold2")
        runs.append(cold2)
        same = read_files(tmp / "out3") == incremental_files
        identical_note = ("incremental output byte-identical to a cold run of the changed model: "
                          f"{'yes' if same else 'NO'}")

    ruff, ruff_note = bench_ruff(tmp, spec_dir, package, options)
    if ruff:
        runs.append(ruff)
        fingerprints.append(generator_fingerprint())
    mbb, mbb_note = bench_mbb(tmp, options)
    if mbb:
        runs.append(mbb)
    mission = None if options.skip_mission else mission_runs(tmp)
    if mission:
        runs += mission

    print_table(runs)
    print(f"\n  cold output: {len(cold_files)} files, "
          f"{sum(map(len, cold_files.values())) / MB:.1f} MB; "
          f"warm output identical to cold: {'yes' if warm_same else 'NO'}")
    print(f"  incremental change: {'; '.join(changes)} -> {incremental_changed} files differ")
    print(f"  {identical_note}")
    print(f"  {ruff_note}")
    print(f"  {mbb_note}")
    if len(set(fingerprints)) > 1:
        print(f"  NOTE: codegen/ or templates/ changed during the benchmark (fingerprints "
              f"{' -> '.join(fingerprints)}): the runs used different generator code, and a "
              "warm run after such a change misses the whole-tree cache; the goal uses "
              "the last warm run")

    print("\nratios")
    if mbb:
        print(ratio_line("ours cold / mbb cold (wall)", cold.wall / mbb.wall, GOAL_VS_MBB))
        print(ratio_line("ours cold / mbb cold (cpu)", cold.cpu / mbb.cpu, 1.0 - 1e-9,
                         " i.e. below it"))
        print(ratio_line("ours peak MB / mbb peak MB", peak_mb(cold) / peak_mb(mbb)))
    print(ratio_line(f"ours cold peak MB / {GOAL_PEAK_MB} MB", peak_mb(cold) / GOAL_PEAK_MB, 1.0,
                     f"; {peak_mb(cold):.0f} MB"))
    print(ratio_line(f"warm wall / {GOAL_WARM_S:g} s", warm.wall / GOAL_WARM_S, 1.0,
                     f"; {warm.wall:.3f} s"))
    print(ratio_line("incremental / cold (wall)", incremental.wall / cold.wall, GOAL_INCREMENTAL))
    print(ratio_line("incremental files changed / all files",
                     incremental_changed / max(len(cold_files), 1)))
    if ruff:
        print(ratio_line("ruff cold / black cold (wall)", ruff.wall / cold.wall))
    if mission:
        mission_ratios(*mission)


def bench_ruff(tmp: Path, spec_dir: Path, package: str,
               options: argparse.Namespace) -> tuple[Run | None, str]:
    if options.skip_ruff:
        return None, "ruff: skipped (--skip-ruff)"
    if not has_formatter_option():
        return None, "ruff: skipped (codegen has no --formatter option)"
    cache = tmp / "cache-ruff"
    cache.mkdir()
    run = generate("ours cold --formatter ruff", spec_dir, tmp / "out-ruff", package, cache,
                   "--formatter", "ruff")
    would, checked_files = black_would_reformat(tmp / "out-ruff")
    return run, f"ruff output: black --check would reformat {would} of {checked_files} .py files"


def bench_mbb(tmp: Path, options: argparse.Namespace) -> tuple[Run | None, str]:
    if options.skip_mbb:
        return None, "mypy-boto3-builder: skipped (--skip-mbb)"
    venv = options.mbb_venv
    if not (venv / "bin" / "python").exists():
        made = make_mbb_venv(venv)
        if made:
            return None, f"mypy-boto3-builder: skipped ({made})"
    command = mbb_command(venv, tmp / "mbb-out")
    run = checked(measure("mypy-boto3-builder cold", command, cwd=tmp))
    files = sum(1 for p in (tmp / "mbb-out").rglob("*") if p.is_file())
    return run, (f"mypy-boto3-builder ({mbb_versions(venv)}): {files} files; issue quoted "
                 f"{MBB_ISSUE_FIGURES}\n    command: {' '.join(command)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mission", action="store_true",
                        help="bench the one-operation project in specs/ (goals: cold <= 0.6 s, warm <= 0.2 s)")
    parser.add_argument("--catalog", action="store_true",
                        help="bench every service of the installed botocore, cold (goal: <= 5 min)")
    parser.add_argument("--spec-dir", type=Path,
                        help="an existing spec directory instead of syncing (all SageMaker "
                             "operations; with --catalog, every service)")
    parser.add_argument("--package", default=WHOLE_PACKAGE, help=f"default: {WHOLE_PACKAGE}")
    parser.add_argument("--skip-mbb", action="store_true", help="do not run mypy-boto3-builder")
    parser.add_argument("--skip-ruff", action="store_true", help="do not run --formatter ruff")
    parser.add_argument("--skip-mission", action="store_true",
                        help="do not bench the mission project after the whole service")
    parser.add_argument("--skip-identical", action="store_true",
                        help="do not generate the changed model cold to compare with the "
                             "incremental output")
    parser.add_argument("--mbb-venv", type=Path,
                        default=Path(os.environ.get("MBB_VENV") or MBB_DEFAULT_VENV),
                        help=f"mypy-boto3-builder's virtualenv (default: $MBB_VENV or {MBB_DEFAULT_VENV})")
    parser.add_argument("--keep", type=Path, metavar="TMPDIR",
                        help="work in TMPDIR (created, must be empty) and leave it there")
    options = parser.parse_args()

    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
        if any(options.keep.iterdir()):
            sys.exit(f"--keep {options.keep}: not empty")
        tmp = options.keep.resolve()
    else:
        tmp = Path(tempfile.mkdtemp(prefix="generate-speed-"))
    compile_generator()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}, work dir {tmp}")
    try:
        if options.mission:
            bench_mission(tmp)
        elif options.catalog:
            bench_catalog(tmp, options)
        else:
            bench_whole(tmp, options)
    finally:
        print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
        if not options.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
