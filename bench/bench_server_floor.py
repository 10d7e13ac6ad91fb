"""The floor of the server benchmarks: a raw ASGI app that reads the whole request body and
answers a tiny JSON, or sends back N bytes. Same uvicorn, same worker count as the real server,
so the ratio to it isolates what the server itself costs (validation, database, receipts).

Run by bench_server_common.start_floor; not a benchmark on its own.
"""

from __future__ import annotations

from typing import Any


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    size = 2
    for part in scope.get("query_string", b"").split(b"&"):
        if part.startswith(b"size="):
            size = int(part[5:] or 2)
    body = b"{}" if size <= 2 else b"x" * size
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
