"""Pages and sections of an interview, for a wizard that shows one page at a time.

A page is one question or note, or one `field-list` group (or field-list repeat entry) with all
its fields, or a repeat's roster (where entries are added, removed and reordered). Pages that
are not relevant are skipped, calculates never get one. Sections are the top-level groups and
repeats; questions outside any group form a leading "general" section. Pages are recomputed
from the current answers on each call — cheap, and never stale after a relevance change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.interview import Interview
from kampung_desktop.survey.messages import all_languages
from kampung_desktop.survey.model import FormNode, pick_text

QUESTION = "question"
GROUP = "group"
ROSTER = "roster"


@dataclass(frozen=True)
class Page:
    """One wizard page. `key` is stable across sessions: store it to resume on this page."""

    kind: str  # QUESTION, GROUP (a field-list group or repeat entry) or ROSTER
    node: FormNode
    #: Path of the question, of the field-list group/entry, or of the repeat for a roster.
    key: str
    #: Paths of the questions and notes shown on the page (empty for a roster).
    fields: tuple[str, ...]
    #: The top-level group or repeat this page belongs to; None for the general section.
    section: FormNode | None
    #: Path prefix of the repeat entry the page is in ("" outside repeats), e.g. "anggota[2]/".
    entry: str = ""


@dataclass(frozen=True)
class Section:
    node: FormNode | None
    label: str
    first_page: int
    page_count: int
    #: Every relevant field of the section is valid.
    complete: bool


def pages(interview: Interview) -> list[Page]:
    """The pages to show now, in order."""
    return list(_pages(interview, interview.form.children, interview.root, None))


def _pages(
    interview: Interview, nodes: list[FormNode], inst: Instance, section: FormNode | None
) -> Iterator[Page]:
    prefix = inst.path_prefix()
    for node in nodes:
        top = section if section is not None or not node.is_container else node
        if node.is_repeat:
            if not _parent_relevant(node, inst):
                continue
            yield Page(ROSTER, node, prefix + node.name, (), top, prefix)
            for entry in inst.children[node.name]:
                if not entry.cells[node.name].relevant:
                    continue
                if node.is_field_list:
                    fields = tuple(_visible(interview, node.children, entry))
                    yield Page(
                        GROUP, node, entry.path_prefix()[:-1], fields, top, entry.path_prefix()
                    )
                else:
                    yield from _pages(interview, node.children, entry, top)
            continue
        if not inst.cells[node.name].relevant or node.is_hidden:
            continue
        if node.is_group:
            if node.is_field_list:
                fields = tuple(_visible(interview, node.children, inst))
                if fields:
                    yield Page(GROUP, node, prefix + node.name, fields, top, prefix)
            else:
                yield from _pages(interview, node.children, inst, top)
            continue
        yield Page(QUESTION, node, prefix + node.name, (prefix + node.name,), top, prefix)


def _visible(interview: Interview, nodes: list[FormNode], inst: Instance) -> Iterator[str]:
    """Relevant questions and notes under `nodes` (nested groups flattened)."""
    prefix = inst.path_prefix()
    for node in nodes:
        if node.is_repeat or not inst.cells[node.name].relevant:
            continue
        if node.is_group:
            yield from _visible(interview, node.children, inst)
        elif not node.is_hidden:
            yield prefix + node.name


def _parent_relevant(node: FormNode, inst: Instance) -> bool:
    return node.parent is None or inst.cells[node.parent.name].relevant


def sections(interview: Interview, page_list: list[Page] | None = None) -> list[Section]:
    """Sections in order with their first page index and completion mark."""
    page_list = pages(interview) if page_list is None else page_list
    incomplete = {_section_of(interview, state.path) for state in interview.missing()}
    lang = interview.lang
    out: list[Section] = []
    for index, page in enumerate(page_list):
        if out and out[-1].node is page.section:
            last = out[-1]
            out[-1] = Section(
                last.node, last.label, last.first_page, last.page_count + 1, last.complete
            )
            continue
        node = page.section
        if node is None:
            label = pick_text(all_languages("label.general_section"), lang, "id")
        else:
            label = interview.form.text(node.labels, lang) or node.name
        key = node.name if node is not None else None
        out.append(Section(node, label, index, 1, key not in incomplete))
    return out


def _section_of(interview: Interview, path: str) -> str | None:
    node: FormNode | None = interview.node_at(path)
    top: FormNode | None = None
    while node is not None:
        if node.is_container:
            top = node
        node = node.parent
    return top.name if top is not None else None


def page_index(page_list: list[Page], key: str) -> int:
    """Index of the page with `key` (to resume), else of the page showing that field, else 0."""
    for index, page in enumerate(page_list):
        if page.key == key:
            return index
    for index, page in enumerate(page_list):
        if key in page.fields:
            return index
    return 0
