"""CHANGELOG.md as the site's changelog page.

``codegen update`` writes CHANGELOG.md in a small Markdown subset: ``#`` headings, ``- `` list
items, paragraphs and code spans (``codegen.changes.render_markdown``), with spec strings
(shape, member and enum names, patterns) inside. A Markdown parser would pass raw HTML through
to the page; this reads only that subset and shows every other character as itself: code spans
become inline literals and all other text is escaped (``rst.text``), so neither a spec string
nor a hand edit can become markup.
"""

from __future__ import annotations

import re

from codegen.render.site import rst

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_UNDERLINES = "#=-~^\""
EMPTY = "No changes are recorded yet: ``codegen update`` adds an entry when the model changes."


def inline(markdown: str) -> str:
    """A line of Markdown as RST: code spans as literals, the rest escaped text."""
    pieces: list[tuple[str, bool, bool]] = []  # RST, white space before, white space after
    text_run = ""

    def add_text() -> None:
        if text_run.strip():
            pieces.append((rst.text(text_run), text_run[0].isspace(), text_run[-1].isspace()))
        elif text_run:
            pieces.append(("", True, True))

    i = 0
    while i < len(markdown):
        if markdown[i] != "`":
            text_run += markdown[i]
            i += 1
            continue
        fence_end = i
        while fence_end < len(markdown) and markdown[fence_end] == "`":
            fence_end += 1
        fence = markdown[i:fence_end]
        close = re.compile(f"(?<!`){re.escape(fence)}(?!`)").search(markdown, fence_end)
        if close is None:
            text_run += fence
            i = fence_end
            continue
        code = markdown[fence_end : close.start()]
        if len(code) > 1 and code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        add_text()
        text_run = ""
        pieces.append((rst.literal(code), False, False))
        i = close.end()
    add_text()
    result = ""
    space = False
    for text, before, after in pieces:
        space = space or before
        if text:
            if result:
                result += " " if space else "\\ "  # touching pieces: an escaped space shows as nothing
            result += text
            space = after
    return result


def changelog_rst(markdown: str | None) -> str:
    """The changelog page: its title, then each entry's headings, paragraphs and lists."""
    lines = (markdown or "").splitlines()
    blocks: list[str] = []
    title = "Changelog"
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(inline(" ".join(paragraph)))
            paragraph.clear()

    for line in lines:
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            flush()
            level, text = len(heading.group(1)), heading.group(2)
            if level == 1 and not blocks:
                title = text or title
                continue
            blocks.append(rst.underline(inline(text) or "\\-", _UNDERLINES[min(level - 1, len(_UNDERLINES) - 1)]))
        elif item:
            flush()
            depth = len(item.group(1).expandtabs()) // 2
            blocks.append("  " * depth + "* " + inline(item.group(2)))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip())
    flush()
    body = "\n\n".join(blocks) if blocks else EMPTY
    return f"{rst.underline(inline(title) or 'Changelog', '#')}\n\n{body}\n"
