"""The asynchronous client (``<package>.aio``) on aiobotocore, tested in an environment of its
own (``environment.py``); ``tests/test_aio.py`` (``-m aio``) runs the checks (``check_*.py``)
there and reports back."""
