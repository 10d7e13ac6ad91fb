"""Field widgets of the household form: the kelurahan picker, the RT/RW number boxes and the
latitude/longitude pair.

The picker lists every kelurahan of the reference data as "Kelurahan X, Kec. Y" and filters as
you type any part of either name, so nobody has to know a Kemendagri code. Their messages keep
the dialog's translation context ("HouseholdDialog").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kampung_desktop.core import geo
from kampung_desktop.core.wilayah import Level
from kampung_desktop.services.wilayah import AreaNode
from kampung_desktop.ui.qt import (
    QComboBox,
    QCompleter,
    QCoreApplication,
    QFocusEvent,
    QLineEdit,
    QSpinBox,
    Qt,
    QWidget,
    Signal,
)
from kampung_desktop.ui.widgets_validation import LocalProblem

if TYPE_CHECKING:
    from kampung_desktop.services.registry import RegistryService


@dataclass(frozen=True)
class KelurahanChoice:
    kode: str
    text: str  # "Kelurahan Cibodas Sari, Kec. Cibodas"
    nama: str
    kota: str


def _choice(kode: str, nama: str, kecamatan: str, kota: str) -> KelurahanChoice:
    # Kemendagri numbers kelurahan 1xxx and desa 2xxx.
    kind = "Kelurahan" if kode.rsplit(".", 1)[-1].startswith("1") else "Desa"
    return KelurahanChoice(kode, f"{kind} {nama}, Kec. {kecamatan}", nama, kota)


def kelurahan_choices(roots: list[AreaNode]) -> list[KelurahanChoice]:
    """Every kelurahan/desa under the kab/kota roots (a tree the caller already has)."""
    found = [
        _choice(kel.kode, kel.nama, kecamatan.nama, kota.nama)
        for kota in roots
        for kecamatan in kota.children
        if kecamatan.level == Level.KECAMATAN
        for kel in kecamatan.children
        if kel.level == Level.KELURAHAN
    ]
    return sorted(found, key=lambda c: (c.kota, c.nama, c.kode))


def load_kelurahan_choices(registry: RegistryService) -> list[KelurahanChoice]:
    """The same list straight from the wilayah table (≈1 ms).

    `services.wilayah.tree()` also counts households per RT, ≈80 ms at 100,000 households:
    too long to block the UI thread for when all a dialog needs is the names.
    """
    rows = registry.kelurahan_names()
    return sorted((_choice(*row) for row in rows), key=lambda c: (c.kota, c.nama, c.kode))


class KelurahanCombo(QComboBox):
    """An editable combo with a 'contains' completer over kelurahan and kecamatan names.

    `left` is emitted when focus leaves for another field (not for its own popup), which is
    when the typed text is resolved to one kelurahan or reported as unknown.
    """

    left = Signal()

    def __init__(self, choices: list[KelurahanChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        for choice in choices:
            self.addItem(choice.text, choice.kode)
            self.setItemData(
                self.count() - 1, f"{choice.kota} · {choice.kode}", Qt.ItemDataRole.ToolTipRole
            )
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()

    def matches(self) -> list[KelurahanChoice]:
        """The choices the typed text can mean: an exact item, a code, a name, or a unique part."""
        typed = self.currentText().strip().casefold()
        if not typed:
            return []
        for key in (lambda c: c.text, lambda c: c.kode, lambda c: c.nama):
            exact = [c for c in self.choices if key(c).casefold() == typed]
            if exact:
                return exact
        return [c for c in self.choices if typed in c.text.casefold()]

    def kode(self) -> str:
        """The chosen kelurahan code, or '' when the text names none (or several)."""
        found = self.matches()
        return found[0].kode if len(found) == 1 else ""

    def choice(self) -> KelurahanChoice | None:
        found = self.matches()
        return found[0] if len(found) == 1 else None

    def set_kode(self, kode: str) -> None:
        index = self.findData(kode) if kode else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def normalise(self) -> None:
        """Replace what was typed by the full name of the one kelurahan it means."""
        found = self.choice()
        if found is not None and self.currentData() != found.kode:
            self.setCurrentIndex(self.findData(found.kode))

    def problem(self) -> LocalProblem | None:
        """What is wrong with the typed text: it names no kelurahan, or several; None when it
        names exactly one or nothing was typed."""
        typed = self.currentText().strip()
        found = self.matches()
        if not typed or len(found) == 1:
            return None
        if not found:
            text = QCoreApplication.translate(
                "HouseholdDialog", "Kelurahan '%1' tidak ada dalam daftar; pilih dari daftar."
            )
            return LocalProblem(text.replace("%1", typed))
        text = QCoreApplication.translate(
            "HouseholdDialog", "'%1' cocok dengan %2 kelurahan; pilih satu dari daftar."
        )
        return LocalProblem(text.replace("%1", typed).replace("%2", str(len(found))))


class NumberBox(QSpinBox):
    """RT or RW number 1–999, shown zero-padded as on the e-KTP; 0 shows blank (not given)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 999)
        self.setSpecialValueText(" ")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFixedWidth(84)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt API)
        return f"{value:03d}"

    def number(self) -> int | None:
        return self.value() or None

    def set_number(self, value: int | None) -> None:
        self.setValue(value or 0)


class CoordinateFields:
    """The latitude and longitude boxes, read by core.geo's rules (decimal commas allowed); a
    'lat, lon' pasted into either (as maps apps copy it) fills both."""

    def __init__(self) -> None:
        self.latitude = QLineEdit()
        self.latitude.setObjectName("latitude")
        self.latitude.setPlaceholderText(
            QCoreApplication.translate("HouseholdDialog", "contoh -6.1783")
        )
        self.longitude = QLineEdit()
        self.longitude.setObjectName("longitude")
        self.longitude.setPlaceholderText(
            QCoreApplication.translate("HouseholdDialog", "contoh 106.6319")
        )

    def show(self, latitude: float | None, longitude: float | None) -> None:
        self.latitude.setText(geo.as_text(latitude))
        self.longitude.setText(geo.as_text(longitude))

    def texts(self) -> tuple[str, str]:
        return self.latitude.text().strip(), self.longitude.text().strip()

    def values(self) -> tuple[float | None, float | None]:
        """The two numbers as typed; None for an empty box or one that holds no number."""
        return geo.parse_number(self.latitude.text()), geo.parse_number(self.longitude.text())

    def split_pasted_pair(self) -> None:
        for field, other in ((self.latitude, self.longitude), (self.longitude, self.latitude)):
            pair = geo.parse_pair(field.text())
            if pair is not None and not other.text().strip():
                self.show(pair.latitude, pair.longitude)
                return

    def problems(self) -> dict[str, list]:
        """'household.latitude'/'household.longitude' → problems, by the registry rules."""
        found = geo.typed_problems(self.latitude.text(), self.longitude.text())
        return {f"household.{name}": problems for name, problems in found.items()}
