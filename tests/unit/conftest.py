"""The rules tests run on the frozen copy of the data (tests/support/rules.py), also where a test
calls evaluate() or tables.table() without parameters: an editor's change to the live file never
reaches them. Module scope, so hypothesis' tests share it and the variable is gone after the module."""

import pytest

from tests.support.rules import ENV_OVERRIDE, FIXED_FILE


@pytest.fixture(scope="module", autouse=True)
def fixed_parameters():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_OVERRIDE, str(FIXED_FILE))
        yield
