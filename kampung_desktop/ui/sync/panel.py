"""The sync panel: state, server, last successful sync, what waits by kind, progress, problems, log.

It only shows what the controller hands it; "Sinkronkan sekarang" asks the controller to start.
While visible it asks for fresh counts every few seconds (edits made elsewhere show up).
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.qt import (
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kampung_desktop.ui.sync import texts
from kampung_desktop.ui.sync.log_view import RejectedView, SyncLogView

KIND_ORDER = (
    "households",
    "members",
    "assessments",
    "assessment_answers",
    "award_decisions",
    "certificates",
    "attachments",
)


class SyncPanel(QWidget):
    enrolRequested = Signal()  # "Hubungkan ke server…" when not enrolled
    todoRequested = Signal()

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.controller = controller
        self._shown_rejected = -1
        self.state_label = QLabel(self)
        self.state_label.setObjectName("syncStateLabel")
        self.state_label.setWordWrap(True)
        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self._sync_clicked)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("syncCancelButton")
        self.cancel_button.clicked.connect(controller.cancel_sync)
        self.cancel_button.hide()
        self.server_label = QLabel(self)
        self.server_label.setObjectName("syncServerLabel")
        self.server_label.setWordWrap(True)
        self.last_label = QLabel(self)
        self.last_label.setObjectName("lastSyncLabel")
        self.pending_title = QLabel(self)
        self.pending_table = QTableWidget(0, 2, self)
        self.pending_table.setObjectName("pendingTable")
        self.pending_table.verticalHeader().hide()
        self.pending_table.horizontalHeader().hide()
        self.pending_table.setShowGrid(False)
        self.pending_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.pending_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to pick here
        self.pending_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.pending_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pending_total_label = QLabel(self)
        self.pending_total_label.setObjectName("pendingTotalLabel")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("syncProgressLabel")
        self.progress_label.setWordWrap(True)
        self.todo_button = QPushButton(self)
        self.todo_button.setObjectName("todoButton")
        self.todo_button.clicked.connect(self.todoRequested)

        self.rejected_view = RejectedView(self)
        self.rejected_hint = QLabel(self)
        self.rejected_hint.setObjectName("rejectedHint")
        self.rejected_hint.setWordWrap(True)
        rejected_page = QWidget(self)
        rejected_layout = QVBoxLayout(rejected_page)
        rejected_layout.setContentsMargins(0, 0, 0, 0)
        rejected_layout.addWidget(self.rejected_view, 1)
        rejected_layout.addWidget(self.rejected_hint)
        self.log_view = SyncLogView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("syncTabs")
        self.tabs.addTab(rejected_page, "")
        self.tabs.addTab(self.log_view, "")

        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.sync_button)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.server_label)
        layout.addWidget(self.last_label)
        layout.addWidget(self.pending_title)
        layout.addWidget(self.pending_table)
        layout.addWidget(self.pending_total_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.todo_button)
        layout.addWidget(self.tabs, 1)

        controller.statusChanged.connect(lambda _s: self.retranslate())
        controller.stateChanged.connect(lambda _s: self.retranslate())
        controller.progressChanged.connect(lambda _p: self._show_progress())
        controller.logChanged.connect(self.log_view.set_entries)
        self.log_view.set_entries(controller.entries)
        self.retranslate()

    # -- user -----------------------------------------------------------------------------------
    def _sync_clicked(self) -> None:
        status = self.controller.status
        if status is not None and not status.enrolled:
            self.enrolRequested.emit()
        else:
            self.controller.sync_now()

    def showEvent(self, event: Any) -> None:
        self.controller.watch_counts(True)
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.controller.watch_counts(False)
        super().hideEvent(event)

    # -- what is shown ----------------------------------------------------------------------------
    def pending_counts(self) -> dict[str, int]:
        """Kind name -> count as shown (tests and screenshots read this)."""
        table = self.pending_table
        return {
            table.item(r, 0).text(): int(table.item(r, 1).data(Qt.ItemDataRole.UserRole))
            for r in range(table.rowCount())
        }

    def _show_pending(self, pending: dict[str, int], total: int) -> None:
        kinds = [k for k in KIND_ORDER if pending.get(k)] + sorted(
            k for k in pending if k not in KIND_ORDER and pending[k]
        )
        table = self.pending_table
        table.setRowCount(len(kinds))
        for row, kind in enumerate(kinds):
            table.setItem(row, 0, QTableWidgetItem(texts.kind_name(kind)))
            count = QTableWidgetItem(texts.format_count(pending[kind]))
            count.setData(Qt.ItemDataRole.UserRole, pending[kind])
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 1, count)
        table.setVisible(bool(kinds))
        table.resizeRowsToContents()
        height = sum(table.rowHeight(r) for r in range(len(kinds))) + 2 * table.frameWidth()
        table.setFixedHeight(height)
        self.pending_total_label.setText(
            self.tr("Menunggu dikirim: {n} perubahan").format(n=texts.format_count(total))
            if total
            else self.tr("Tidak ada perubahan yang menunggu dikirim.")
        )

    def _show_progress(self) -> None:
        controller = self.controller
        progress = controller.progress
        if not controller.syncing:
            self.progress_bar.hide()
            outcome = controller.last_outcome
            self.progress_label.setText(
                self.tr("Sinkron terakhir: {summary}").format(
                    summary=self.log_view.summary(outcome)
                )
                if outcome is not None
                else ""
            )
            self.progress_label.setVisible(outcome is not None)
            return
        self.progress_bar.show()
        self.progress_label.show()
        if controller.cancelling:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(
                self.tr("Membatalkan: bagian yang sedang berjalan diselesaikan dulu…")
            )
            return
        if progress is None:
            self.progress_bar.setRange(0, 0)  # busy, nothing counted yet
            self.progress_label.setText(self.tr("Menghubungi server…"))
            return
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(min(progress.done, progress.total))
            records = self.tr("{done} dari {total} data").format(
                done=texts.format_count(progress.done), total=texts.format_count(progress.total)
            )
        else:
            self.progress_bar.setRange(0, 0)
            records = self.tr("{done} data").format(done=texts.format_count(progress.done))
        self.progress_label.setText(
            self.tr("{phase}: {records} · {sent} terkirim · {received} diterima").format(
                phase=texts.phase_name(progress.phase),
                records=records,
                sent=texts.format_bytes(progress.bytes_sent),
                received=texts.format_bytes(progress.bytes_received),
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _hint(self, state: str, status: Any) -> str:
        """Under the state: what needs the user, said here where they can act on it."""
        if state != "needs_attention" or status is None or self.controller.failed_text:
            return texts.state_hint(state)
        parts = []
        if status.rejected:
            parts.append(
                self.tr("Ditolak server: {n}; lihat alasannya di bawah.").format(
                    n=texts.format_count(len(status.rejected))
                )
            )
        if status.open_conflicts:
            parts.append(
                self.tr("Konflik menunggu keputusan di Daftar tugas: {n}.").format(
                    n=texts.format_count(status.open_conflicts)
                )
            )
        return " ".join(parts) or texts.state_hint(state)

    def retranslate(self) -> None:
        controller, status = self.controller, self.controller.status
        state = controller.display_state()
        colour = texts.STATE_COLOURS.get(state, "#374151")
        self.state_label.setText(
            f'<b style="color:{colour}">● {texts.state_name(state)}</b><br>'
            f"<small>{self._hint(state, status)}</small>"
        )
        if controller.failed_text and state == "needs_attention":
            self.state_label.setText(
                self.state_label.text() + f"<br><small>{controller.failed_text}</small>"
            )
        enrolled = status is not None and status.enrolled
        self.sync_button.setText(
            self.tr("Sinkronkan sekarang") if enrolled else self.tr("Hubungkan ke server…")
        )
        self.sync_button.setEnabled(
            not controller.syncing and (status is None or not status.revoked)
        )
        self.sync_button.setVisible(not controller.syncing)
        self.cancel_button.setVisible(controller.syncing)
        self.cancel_button.setEnabled(not controller.cancelling)
        self.cancel_button.setText(
            self.tr("Membatalkan…") if controller.cancelling else self.tr("Batalkan")
        )
        self.cancel_button.setToolTip(
            self.tr(
                "Hentikan sinkronisasi setelah bagian yang sedang dikirim atau diterima; "
                "sinkron berikutnya melanjutkan dari situ."
            )
        )
        if enrolled:
            self.server_label.setText(
                self.tr("Server: {url} · Pengguna: {user} · Perangkat: {device}").format(
                    url=status.server_url or "–",
                    user=status.username or "–",
                    device=status.device_code or "–",
                )
            )
        else:
            self.server_label.setText(self.tr("Laptop ini bekerja tanpa server."))
        last = status.last_success_at if status is not None else None
        self.last_label.setText(
            self.tr("Sinkron terakhir berhasil: {when}").format(when=texts.format_time(last))
        )
        self.pending_title.setText(self.tr("Menunggu dikirim, menurut jenis:"))
        if status is not None:
            self._show_pending(status.pending, status.pending_total)
            self.rejected_view.set_records(status.rejected)
        else:
            self._show_pending({}, 0)
        self.pending_title.setVisible(bool(status is not None and status.pending_total))
        conflicts = status.open_conflicts if status is not None else 0
        self.todo_button.setText(
            self.tr("Daftar tugas: konflik untuk diputuskan ({n})…").format(
                n=texts.format_count(conflicts)
            )
            if conflicts
            else self.tr("Daftar tugas (dikembalikan, konflik)…")
        )
        self.todo_button.setStyleSheet("font-weight: bold" if conflicts else "")
        self.todo_button.setToolTip(
            self.tr("Penilaian yang dikembalikan kantor kelurahan, dan konflik untuk diputuskan")
        )
        rejected = len(status.rejected) if status is not None else 0
        if rejected != self._shown_rejected:  # show what needs the user first, else the log
            self._shown_rejected = rejected
            self.tabs.setCurrentIndex(0 if rejected else 1)
        self.tabs.setTabText(0, self.tr("Ditolak ({n})").format(n=texts.format_count(rejected)))
        self.rejected_hint.setText(
            self.tr(
                "Klik dua kali pada data untuk membukanya dan memperbaikinya; setelah disimpan, "
                "data itu dikirim lagi pada sinkron berikutnya."
            )
            if rejected
            else self.tr("Tidak ada data yang ditolak server.")
        )
        self.tabs.setTabText(1, self.tr("Log sinkronisasi"))
        self._show_progress()
