"""Loading: bytes → text → located YAML nodes → the typed model of a target file."""

from lint.loading.load import LoadResult, load_target
from lint.loading.model import (
    Cell,
    DepartmentTable,
    Indicator,
    ProjectTable,
    Table,
    TargetFile,
    Task,
)

__all__ = [
    "Cell",
    "DepartmentTable",
    "Indicator",
    "LoadResult",
    "ProjectTable",
    "Table",
    "Task",
    "TargetFile",
    "load_target",
]
