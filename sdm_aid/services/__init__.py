"""Application services: what the wizard, the summary, the clinician pages and the CLI call.

They own transactions and the clock; they speak in domain objects and raise only
`sdm_aid.storage.errors.StorageError` subclasses (or `ValueError` for bad arguments).
"""
