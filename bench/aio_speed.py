"""Asynchronous client benchmark: prints ratios, asserts nothing (machines here are noisy).

    python bench/aio_speed.py [--calls 200] [--repeat 7]

Runs in the aiobotocore virtualenv of the tests (``tests/aio/environment.py``; made on first
use), against the local SageMaker endpoint started in a process of its own (so its threads do
not share this interpreter's GIL):

1. Overhead of the typed async layer over raw aiobotocore for one call returning a 100-item
   page (request object, validation, conversion of the response into the typed classes), end
   to end over 127.0.0.1: typed / raw, the best of ``--repeat`` runs of 50 sequential calls.
2. Throughput of ``--calls`` concurrent calls: the async client with ``asyncio.gather`` on one
   client vs the sync client in a thread pool, both with 10 connections (botocore's default
   ``max_pool_connections``) and with 50.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JOB = "bench-tuning-job"
SERVER = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from tests.fakes.sagemaker_server import FakeSageMakerServer, make_summary
server = FakeSageMakerServer({{{JOB!r}: [make_summary({JOB!r}, i) for i in range(100)]}}).start()
print(server.endpoint_url, flush=True)
sys.stdin.read()
"""


def in_aio_environment() -> None:
    """Re-run this script in the aiobotocore virtualenv unless it is the one running."""
    try:
        import aiobotocore  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT))
        from tests.aio import environment

        python = environment.ensure()
        os.execv(str(python), [str(python), *sys.argv])


def best(samples: list[float]) -> float:
    return min(samples)


async def overhead(url: str, repeat: int, options: dict[str, Any]) -> tuple[float, float]:
    import aiobotocore.session

    from typed_sagemaker import aio

    number = 50
    async with aio.Client(endpoint_url=url, **options) as typed, aiobotocore.session.get_session().create_client(
        "sagemaker", endpoint_url=url, **options
    ) as raw:
        page = await typed.list_training_jobs_for_hyper_parameter_tuning_job(
            hyper_parameter_tuning_job_name=JOB, max_results=100
        )
        assert len(page.training_job_summaries) == 100
        typed_times, raw_times = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            for _ in range(number):
                await raw.list_training_jobs_for_hyper_parameter_tuning_job(
                    HyperParameterTuningJobName=JOB, MaxResults=100
                )
            raw_times.append((time.perf_counter() - started) / number)
            started = time.perf_counter()
            for _ in range(number):
                await typed.list_training_jobs_for_hyper_parameter_tuning_job(
                    hyper_parameter_tuning_job_name=JOB, max_results=100
                )
            typed_times.append((time.perf_counter() - started) / number)
    return best(typed_times), best(raw_times)


async def async_throughput(url: str, calls: int, connections: int, options: dict[str, Any]) -> float:
    import botocore.config

    from typed_sagemaker import aio

    config = botocore.config.Config(max_pool_connections=connections)
    async with aio.Client(endpoint_url=url, config=config, **options) as client:
        await client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=JOB)
        started = time.perf_counter()
        results = await asyncio.gather(
            *(
                client.list_training_jobs_for_hyper_parameter_tuning_job(
                    hyper_parameter_tuning_job_name=JOB, max_results=i % 100 + 1
                )
                for i in range(calls)
            )
        )
        elapsed = time.perf_counter() - started
    assert all(len(r.training_job_summaries) == i % 100 + 1 for i, r in enumerate(results))
    return calls / elapsed


def threaded_throughput(url: str, calls: int, connections: int, options: dict[str, Any]) -> float:
    import botocore.config

    import typed_sagemaker as sdk

    config = botocore.config.Config(max_pool_connections=connections)
    client = sdk.Client(endpoint_url=url, config=config, **options)
    client.list_training_jobs_for_hyper_parameter_tuning_job(hyper_parameter_tuning_job_name=JOB)
    with ThreadPoolExecutor(max_workers=connections) as pool:
        started = time.perf_counter()
        results = list(
            pool.map(
                lambda i: client.list_training_jobs_for_hyper_parameter_tuning_job(
                    hyper_parameter_tuning_job_name=JOB, max_results=i % 100 + 1
                ),
                range(calls),
            )
        )
        elapsed = time.perf_counter() - started
    client.close()
    assert all(len(r.training_job_summaries) == i % 100 + 1 for i, r in enumerate(results))
    return calls / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    in_aio_environment()
    sys.path[:0] = [str(ROOT / "generated"), str(ROOT)]
    import aiobotocore
    import botocore

    options = {"region_name": "us-east-1", "aws_access_key_id": "bench", "aws_secret_access_key": "bench"}
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        print(f"aiobotocore {aiobotocore.__version__}, botocore {botocore.__version__}, "
              f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; endpoint {url} (own process)")
        typed, raw = asyncio.run(overhead(url, args.repeat, options))
        print(f"1. one call, 100-item page: typed async {typed * 1e3:.2f} ms, raw aiobotocore {raw * 1e3:.2f} ms: "
              f"typed / raw = {typed / raw:.3f}")
        for connections in (10, 50):
            rates_async = [asyncio.run(async_throughput(url, args.calls, connections, options))
                           for _ in range(max(1, args.repeat // 2))]
            rates_threads = [threaded_throughput(url, args.calls, connections, options)
                             for _ in range(max(1, args.repeat // 2))]
            a, t = max(rates_async), max(rates_threads)
            print(f"2. {args.calls} concurrent calls, {connections} connections: async gather {a:.0f} calls/s, "
                  f"sync client in {connections} threads {t:.0f} calls/s: async / threads = {a / t:.2f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
