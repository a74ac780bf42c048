"""`sdm-aid users add|list|disable|enable|reset-password`: local clinician accounts
(argon2-hashed passwords)."""

from __future__ import annotations

import argparse
import getpass
import sys

from sdm_aid.cli.sessions import EXIT_FAILED, EXIT_OK, local, print_json, print_table, storage_command
from sdm_aid.config import load_settings
from sdm_aid.services.clinicians import MIN_PASSWORD_LENGTH, ClinicianAccounts, normalise_username
from sdm_aid.storage.database import open_database


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "users",
        help="manage clinician accounts",
        description="Clinician accounts for the review pages. Use a work handle, not a full name.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add an account", description="Add an account; asks for the password twice."
    )
    add.add_argument("username", metavar="NAME")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )
    listing = actions.add_parser("list", help="list accounts")
    listing.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    disable = actions.add_parser("disable", help="disable an account (it can no longer log in)")
    disable.add_argument("username", metavar="NAME")
    enable = actions.add_parser("enable", help="enable a disabled account again")
    enable.add_argument("username", metavar="NAME")
    reset = actions.add_parser(
        "reset-password",
        help="give an account a new password",
        description="Give an account a new password; asks for it twice. The old one stops working.",
    )
    reset.add_argument("username", metavar="NAME")
    reset.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )
    parser.set_defaults(handler=handle)


def _accounts() -> ClinicianAccounts:
    settings = load_settings()
    return ClinicianAccounts(open_database(settings.database_url, busy_timeout=settings.busy_timeout_seconds))


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
    second = getpass.getpass("Same password again: ")
    if first != second:
        print("sdm-aid users: the two passwords differ; nothing was saved.", file=sys.stderr)
        return None
    return first


@storage_command
def handle(args: argparse.Namespace) -> int:
    if args.action == "add":
        password = _read_password(args.password_stdin)
        if password is None:
            return EXIT_FAILED
        added = _accounts().add(args.username, password)
        print(f"Account {added.username} added.")
    elif args.action == "disable":
        _accounts().disable(args.username)
        print(f"Account {normalise_username(args.username)} disabled.")
    elif args.action == "enable":
        _accounts().enable(args.username)
        print(f"Account {normalise_username(args.username)} enabled.")
    elif args.action == "reset-password":
        password = _read_password(args.password_stdin)
        if password is None:
            return EXIT_FAILED
        _accounts().set_password(args.username, password)
        print(f"Account {normalise_username(args.username)} has a new password.")
    else:
        clinicians = _accounts().list()
        if args.format == "json":
            print_json(
                [
                    {
                        "username": c.username,
                        "created_at": c.created_at.isoformat(),
                        "disabled_at": c.disabled_at.isoformat() if c.disabled_at else None,
                    }
                    for c in clinicians
                ]
            )
        elif not clinicians:
            print("No accounts yet. Add one with `sdm-aid users add NAME`.")
        else:
            print_table(
                ("USERNAME", "CREATED", "STATE"),
                [
                    (c.username, local(c.created_at), "disabled" if c.disabled else "active")
                    for c in clinicians
                ],
            )
    return EXIT_OK
