"""`sdm-aid schema`: print, check or write the Option Grid JSON Schema."""

from __future__ import annotations

import argparse

from sdm_aid.content import schema


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the Option Grid JSON Schema (or check / write the committed file)",
        description=(
            "Print the JSON Schema that grid files follow. With --check, exit 1 when "
            f"schemas/{schema.SCHEMA_FILE_NAME} no longer matches the models; with --write, update it."
        ),
    )
    schema.add_arguments(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    return schema.run(check=args.check, write=args.write)
