"""The last stage: put a rendered tree on disk all at once, or show how it differs.

- ``tree``: trees in memory and on disk (read, compare, diff);
- ``ownership``: which directories codegen may replace, by the marker it leaves in them;
- ``exchange``: the atomic swap of two directories, and making a tree durable;
- ``lock``: one writer per output at a time;
- ``swap``: ``write_tree``, which puts the four together.
"""

from codegen.write.ownership import MARKER
from codegen.write.swap import write_tree
from codegen.write.tree import Tree, diff_tree, read_tree

__all__ = ["MARKER", "Tree", "diff_tree", "read_tree", "write_tree"]
