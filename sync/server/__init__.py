"""The city's sync server (FastAPI): accounts, devices, push with receipts, pull feed, attachments.

Installed only with the `kampung[server]` extra. Entry points other parts rely on:
`app.create_app(settings)`, `db.init_database(url)`, `run.serve(db_url, host, port, workers)`,
`records.write_server_records(...)`, `accounts.create_user(...)`, `accounts.revoke_device(...)`.
"""
