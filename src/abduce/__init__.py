"""abduce: a language model's guesses, checked by programs.

>>> import abduce
>>> task = abduce.load_arc("training")["007bbfb7"]
>>> len(task.train)
5
"""

from abduce.agent import Budget, Solution, Solver, solve
from abduce.tasks import Example, Task, TaskError, load_arc, load_task

__all__ = [
    "Budget",
    "Example",
    "Solution",
    "Solver",
    "Task",
    "TaskError",
    "load_arc",
    "load_task",
    "solve",
]
__version__ = "0.1.0"
