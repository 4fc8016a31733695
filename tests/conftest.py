import pytest

from tests.fakes import RecordingModel


@pytest.fixture
def scripted():
    """Make a fake chat model that replies with the given texts, in order."""

    def make(*responses: str) -> RecordingModel:
        return RecordingModel(responses=list(responses), prompts=[])

    return make
