"""The form engine: XLSForm in, checked form model out, interviews evaluated incrementally.

No Qt here; the wizard (ui), autosave (storage/services) and `kampung forms` all build on this.
Modules: xlsform (pyxform reading) → types (question types and aliases) → loader,
loader_exprs (checks, model) → graph (dependencies); media, bundle (media files, form+media
zips); xpath/ (parser, values, functions, functions_odk, compiled, compiler, compile_paths,
paths); interview (paths, answers), reading (states, JSON) on evaluation (incremental
recompute); metadata (start, deviceid, audit...); state (FieldState, ChangeSet); navigation
(pages, sections); messages (id/en); corpus (third-party form report).

Loading
    form = load_form("forms/household.xlsx")      # .xlsx/.xls/.csv/.md, or a zip bundle
    # media files (CSV/XML/GeoJSON) are read from next to the form or `<stem>-media/`
    form = load_form_markdown(text)
    # FormLoadError.problems: [LoadProblem(sheet, row, code, params)], .text(lang), .line(lang)
    form.form_id, form.version, form.title, form.languages ("id", "en"), form.default_language
    form.nodes[name] -> FormNode (.type, .label(lang), .hint(lang), .choices, .appearance, ...)
    form.summary()  # "<form_id> <version>: N questions, M groups, K repeats, languages: id, en"
    form.warnings   # [LoadProblem] for what ODK tolerates (the form loads anyway)

"Questions" (the N above) are survey rows of an input type — text, integer, decimal, range,
date, time, dateTime, select_one, select_multiple, rank, acknowledge, image, audio, video, file,
barcode, geopoint, geotrace, geoshape — counted once even inside a repeat; notes, calculates,
metadata (start, end, today, deviceid, ..., audit, hidden), groups, repeats and the generated
`<name>_other` fields are not. A name used again in another group gets the key `group/name`.

Interviewing
    iv = Interview(form, answers=None, lang="id", today=None,    # answers: the JSON shape below
                   device={"username": ...}, last_saved={...})   # metadata, ${last-saved#x}
    changes = iv.set_answer("nama", "Siti")        # -> ChangeSet
    changes.changed  # {path: FieldState} of every field whose state changed (repaint these;
                     # built on first access — read it before the next change)
    iv.state("anggota[2]/umur")  # FieldState(path, name, relevant, required, read_only,
                                 #            valid, value, message)
    iv.add_repeat("anggota") / iv.remove_repeat("anggota[2]") / iv.move_repeat("anggota[3]", 1)
    iv.entries("anggota") -> ["anggota[1]", ...]
    iv.choices(path) -> [Choice] after choice_filter;  iv.label(path) / iv.hint(path) with
    ${name} replaced;  iv.set_language("en");  iv.missing() -> [FieldState];  iv.is_complete()
    iv.answers() -> JSON dict to autosave; Interview(form, answers=that) resumes.
    iv.answer(path) -> one stored answer (JSON);  iv.fields() -> every FieldState in order;
    iv.to_eval_json() -> what `kampung forms eval` prints.

Paths: a field name, or `repeat[i]/name` inside a repeat (i from 1, nested repeats chain:
`outer[1]/inner[2]/name`); groups never appear. Answers JSON: field name → value, repeat →
list of objects; numbers as numbers, dates `YYYY-MM-DD`, times `HH:MM`, select_multiple as a
list of choice names, acknowledge `"OK"`, geopoint `"lat lon [alt acc]"`, image a file name.
Values that do not fit the type are kept and reported invalid (nothing typed is lost).

Navigation (`kampung_desktop.survey.navigation`)
    pages(iv) -> [Page(kind, node, key, fields, section, entry)]  # relevant pages only
    sections(iv, pages) -> [Section(node, label, first_page, page_count, complete)]
    page_index(pages, saved_key)  # resume on the same page

Semantics worth knowing: a field that is not relevant has an empty value for expressions (its
stored answer is kept and comes back when it becomes relevant again); a question with a
calculation is computed, never answered; `position(..)` is the position of the nearest repeat
entry; dates compare and subtract as dates; a NaN result is stored as empty.
"""

from kampung_desktop.survey.errors import AnswerError, FormLoadError, LoadProblem
from kampung_desktop.survey.interview import Interview
from kampung_desktop.survey.loader import load_form, load_form_markdown
from kampung_desktop.survey.model import Choice, Form, FormNode
from kampung_desktop.survey.state import ChangeSet, FieldState

__all__ = [
    "AnswerError",
    "ChangeSet",
    "Choice",
    "FieldState",
    "Form",
    "FormLoadError",
    "FormNode",
    "Interview",
    "LoadProblem",
    "load_form",
    "load_form_markdown",
]
