"""A small TCP proxy on 127.0.0.1 that misbehaves on purpose, between a laptop and a server.

Modes (changed at any time by the test): "pass" forwards untouched; "cut" forwards the
request but closes the connection after `cut_after` bytes of the answer (a connection dropped
mid-response); "error500" answers 500 without contacting the server. `budget` counts how many
connections misbehave before the proxy passes traffic again.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from sync_support import HOST


class FaultyProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.mode = "pass"
        self.cut_after = 200
        self.budget = 0
        self.faults = 0
        self._lock = threading.Lock()
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind((HOST, 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def misbehave(self, mode: str, budget: int, cut_after: int = 200) -> None:
        with self._lock:
            self.mode, self.budget, self.cut_after, self.faults = mode, budget, cut_after, 0

    def close(self) -> None:
        self._closed = True
        self._server.close()

    def _take_fault(self) -> str:
        with self._lock:
            if self.mode != "pass" and self.budget > 0:
                self.budget -= 1
                self.faults += 1
                return self.mode
            return "pass"

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        mode = self._take_fault()
        if mode == "error500":
            try:
                client.recv(65536)
                body = b'{"error":{"code":"internal","message":{"id":"galat","en":"error"}}}'
                client.sendall(
                    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                    b"Content-Length: "
                    + str(len(body)).encode()
                    + b"\r\nConnection: close\r\n\r\n"
                    + body
                )
            finally:
                client.close()
            return
        try:
            upstream = socket.create_connection((HOST, self.target_port), timeout=30)
        except OSError:
            client.close()
            return
        limit = self.cut_after if mode == "cut" else None
        threading.Thread(target=self._pipe, args=(client, upstream, None), daemon=True).start()
        self._pipe(upstream, client, limit)

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[: max(0, limit - sent)])
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
