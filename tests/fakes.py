"""Scripted stand-ins for unit tests: a tiny task and a fake chat model."""

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from abduce.tasks import Task

FLIP = Task(
    id="flip",
    train=[
        {"input": [[1, 0, 0], [2, 3, 0]], "output": [[0, 0, 1], [0, 3, 2]]},
        {"input": [[4, 5], [0, 6]], "output": [[5, 4], [6, 0]]},
    ],
    test=[{"input": [[7, 8, 9]], "output": [[9, 8, 7]]}],
)


def fence(source: str) -> str:
    return f"Here is the code:\n```python\n{source}\n```\nDone."


class RecordingModel(FakeListChatModel):
    """A scripted chat model that remembers every prompt it was sent."""

    prompts: list = []

    def _call(self, messages, stop=None, run_manager=None, **kwargs):
        self.prompts.append(messages)
        return super()._call(messages, stop, run_manager, **kwargs)
