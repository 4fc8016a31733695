"""What is being solved: task models, ARC loading and the domain behind the loop."""

from abduce.errors import TaskError, TaskFormatError, TaskNotFoundError
from abduce.tasks.arc import find_arc_task, load_any, load_arc, load_task, parse_task
from abduce.tasks.domain import ArcDomain, Domain, format_grid
from abduce.tasks.models import Example, Rows, Task, check_grid, is_grid

__all__ = [
    "ArcDomain",
    "Domain",
    "Example",
    "Rows",
    "Task",
    "TaskError",
    "TaskFormatError",
    "TaskNotFoundError",
    "check_grid",
    "find_arc_task",
    "format_grid",
    "is_grid",
    "load_any",
    "load_arc",
    "load_task",
    "parse_task",
]
