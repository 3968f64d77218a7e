"""The command line: ``python main.py SUBCOMMAND``; without a subcommand the desktop app starts.

Every command goes through the same services as the GUI. Errors the user can fix are printed
as one clear line (in Dutch by default) with a non-zero exit code; bugs are logged with their
traceback and reported with the log file's location.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kringloopdesk import APP_NAME, __version__
from kringloopdesk.errors import AuthenticationError, UserError, ValidationError
from kringloopdesk.i18n import _, current_language, set_language

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_BUG = 70
EXIT_INTERRUPTED = 130

# argparse's own words (usage, options, errors) in Dutch.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "opdrachten en argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan %(matches)s zijn"
    ),
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "not allowed with argument %s": "niet samen met %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


def _argparse_text(text: str) -> str:
    return _ARGPARSE_NL.get(text, text) if current_language() == "nl" else text


argparse._ = _argparse_text  # type: ignore[attr-defined]


def _pre_scan_language(argv: Sequence[str]) -> None:
    """``--lang`` must be known before the help texts are built."""
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
            skip = True
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            # The command: a --lang after it is the command's own (a certificate's language).
            break


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(_("moet 0 of groter zijn"))
    return number


def _command_name() -> str:
    """How this program is started from a prompt, for the hints it prints: the built app's
    own file (KringloopDesk-cli.exe on Windows), or the source's main.py."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without the commands (``with_commands=False``) only for a
    start of the desktop app, where building every command's parser is time the first
    window would wait for."""
    parser = argparse.ArgumentParser(
        prog="kringloopdesk",
        description=_(
            "KringloopDesk: de administratie van een kringloopwinkel — mensen die werken en "
            "zich ontwikkelen, en goederen die een tweede leven krijgen. Zonder opdracht start "
            "het programma."
        ),
        epilog=_(
            "Waar staan de gegevens? Standaard in een databasebestand in uw gebruikersmap. "
            "Met --db of de omgevingsvariabele KRINGLOOPDESK_DB kiest u een ander bestand of "
            "een PostgreSQL-server (postgresql+psycopg://gebruiker@server/database)."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("toon het versienummer en stop"),
    )
    parser.add_argument(
        "--db",
        metavar="ADRES",
        help=_("database: een bestand (.sqlite) of een adres als postgresql+psycopg://…"),
    )
    parser.add_argument(
        "--lang", choices=("nl", "en"), help=_("taal van meldingen en hulp (nl of en)")
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help=_("start het venster, meld na het eerste tekenen de opstarttijd in ms en stop"),
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar=_("OPDRACHT"))

    init = commands.add_parser(
        "init",
        help=_("richt een nieuwe winkel in met de eerste beheerder"),
        description=_(
            "Richt een nieuwe winkel in met de eerste beheerder. Het wachtwoord wordt "
            "gevraagd (of met --password-stdin van de invoer gelezen), nooit als argument."
        ),
    )
    init.add_argument("--shop", required=True, metavar=_("NAAM"), help=_("naam van de winkel"))
    init.add_argument(
        "--user", required=True, metavar=_("GEBRUIKER"), help=_("gebruikersnaam van de beheerder")
    )
    init.add_argument("--full-name", metavar=_("NAAM"), help=_("volledige naam van de beheerder"))
    init.add_argument(
        "--prefix",
        metavar=_("PREFIX"),
        help=_("voorvoegsel van certificaatnummers, bijvoorbeeld KAL (standaard uit de naam)"),
    )
    init.add_argument("--city", metavar=_("PLAATS"), help=_("plaats van de winkel"))
    init.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("lees het wachtwoord van de standaardinvoer (voor scripts)"),
    )
    init.add_argument(
        "--recovery-pdf",
        metavar=_("BESTAND"),
        help=_("schrijf de herstelsleutel ook als PDF om af te drukken"),
    )
    init.set_defaults(handler=cmd_init)

    demo = commands.add_parser(
        "demo",
        help=_("vul een nieuwe winkel met voorbeeldgegevens"),
        description=_(
            "Vul een ingerichte winkel zonder gegevens met een geloofwaardige voorbeeldwinkel: "
            "small (ongeveer 40 deelnemers, één jaar) of large (3.000 deelnemers, tien jaar, "
            "een miljoen weegregels)."
        ),
    )
    demo.add_argument(
        "--scale", choices=("small", "large"), default="small", help=_("omvang: small of large")
    )
    demo.add_argument(
        "--seed",
        type=_positive_int,
        default=2025,
        metavar="N",
        help=_("startgetal voor het toeval (zelfde getal, zelfde gegevens)"),
    )
    demo.set_defaults(handler=cmd_demo)

    check = commands.add_parser(
        "check",
        help=_("controleer de database: schemaversie, integriteit, aantallen"),
        description=_(
            "Controleer de database zonder iets te veranderen: schemaversie, "
            "integriteitscontrole en het aantal regels per tabel."
        ),
    )
    check.set_defaults(handler=cmd_check)
    _add_backup_commands(commands)
    _add_user_commands(commands)
    _add_import_commands(commands)
    _add_export_commands(commands)
    _add_certificate_commands(commands)
    return parser


def _add_backup_commands(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help=_("maak een gecontroleerde back-up van de database"),
        description=_(
            "Maak een back-up terwijl de database in gebruik mag zijn, en controleer die meteen. "
            "Zonder -o komt ze in de back-upmap. Zonder inloggen: wie deze opdracht kan geven, "
            "kan het databasebestand of de server al lezen (docs/backup.md)."
        ),
    )
    backup.add_argument("-o", "--output", metavar=_("BESTAND"),
                        help=_("het bestand om te schrijven, bijvoorbeeld op een USB-stick"))
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore",
        help=_("zet een back-up terug (beheerder); maakt eerst een back-up van nu"),
        description=_(
            "Zet een back-up terug. Eerst ziet u wat erin zit (winkel, datum, aantallen) en "
            "wordt de huidige database als back-up bewaard. Een beheerder logt in "
            "(KRINGLOOPDESK_USER en KRINGLOOPDESK_PASSWORD, of gevraagd); in een database zonder "
            "winkel is geen inloggen nodig."
        ),
    )
    restore.add_argument("file", metavar=_("BESTAND"), help=_("de back-up (.sqlite of .zip)"))
    restore.add_argument("--yes", action="store_true",
                         help=_("niet vragen of het door moet gaan (voor scripts)"))
    restore.set_defaults(handler=cmd_restore)


def _add_user_commands(commands: argparse._SubParsersAction) -> None:
    user = commands.add_parser(
        "user",
        help=_("gebruikers beheren (beheerder)"),
        description=_(
            "Gebruikers beheren. U logt in als beheerder: de naam komt uit "
            "KRINGLOOPDESK_USER of wordt gevraagd, het wachtwoord uit KRINGLOOPDESK_PASSWORD "
            "of wordt gevraagd."
        ),
    )
    actions = user.add_subparsers(dest="user_command", metavar=_("ACTIE"), required=True)
    add = actions.add_parser("add", help=_("nieuwe gebruiker"))
    add.add_argument("--name", required=True, metavar=_("GEBRUIKER"), help=_("gebruikersnaam"))
    add.add_argument("--full-name", metavar=_("NAAM"), help=_("volledige naam"))
    add.add_argument("--role", required=True, choices=("beheerder", "begeleider", "invoer"),
                     help=_("rol: beheerder, begeleider of invoer"))
    add.add_argument("--password-stdin", action="store_true",
                     help=_("lees het (tijdelijke) wachtwoord van de standaardinvoer"))
    add.set_defaults(handler=cmd_user_add)
    listing = actions.add_parser("list", help=_("alle gebruikers"))
    listing.set_defaults(handler=cmd_user_list)
    for name, handler, text in (
        ("disable", cmd_user_disable, _("account uitschakelen")),
        ("enable", cmd_user_enable, _("account weer inschakelen")),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("name", metavar=_("GEBRUIKER"))
        action.set_defaults(handler=handler)
    reset = actions.add_parser(
        "reset-password", help=_("tijdelijk wachtwoord instellen (geeft weer toegang)")
    )
    reset.add_argument("name", metavar=_("GEBRUIKER"))
    reset.add_argument("--password-stdin", action="store_true",
                       help=_("lees het tijdelijke wachtwoord van de standaardinvoer"))
    reset.set_defaults(handler=cmd_user_reset_password)
    recover = actions.add_parser(
        "recover",
        help=_("wachtwoord van een beheerder instellen met de herstelsleutel"),
        description=_(
            "Voor als alle beheerders hun wachtwoord kwijt zijn: met de herstelsleutel van de "
            "inrichting krijgt een beheerder een nieuw wachtwoord. Met --stdin komen "
            "herstelsleutel en nieuw wachtwoord als twee regels van de standaardinvoer."
        ),
    )
    recover.add_argument("name", metavar=_("GEBRUIKER"))
    recover.add_argument("--stdin", action="store_true",
                         help=_("lees herstelsleutel en wachtwoord van de standaardinvoer"))
    recover.set_defaults(handler=cmd_user_recover)


IMPORT_KINDS = ("workers", "placements", "hours", "flows")


def _add_import_commands(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import",
        help=_("importeer medewerkers, plaatsingen, uren of goederenstromen uit CSV of XLSX"),
        description=_(
            "Importeer een CSV- of XLSX-bestand met de kolommen van docs/import.md. Alles of "
            "niets: bij één foute regel wordt niets geïmporteerd en wordt elke fout gemeld met "
            "rij, kolom en reden. U logt in met KRINGLOOPDESK_USER en KRINGLOOPDESK_PASSWORD "
            "of wordt gevraagd. Medewerkers en plaatsingen: beheerder of begeleider; uren en "
            "goederenstromen: iedereen."
        ),
    )
    importer.add_argument("kind", choices=IMPORT_KINDS, metavar=_("SOORT"),
                          help=_("workers, placements, hours of flows"))
    importer.add_argument("file", metavar=_("BESTAND"), help=_("het CSV- of XLSX-bestand"))
    importer.set_defaults(handler=cmd_import)
    template = commands.add_parser(
        "template",
        help=_("schrijf een importsjabloon (XLSX of CSV)"),
        description=_(
            "Schrijf een sjabloon voor een import: de kolomnamen, een voorbeeldregel en (in "
            "XLSX) een werkblad Uitleg met per kolom de vorm en de toegestane codes van deze "
            "winkel. Een bestandsnaam op .csv geeft CSV, anders XLSX. Inloggen is niet nodig."
        ),
    )
    template.add_argument("kind", choices=IMPORT_KINDS, metavar=_("SOORT"),
                          help=_("workers, placements, hours of flows"))
    template.add_argument("-o", "--output", required=True, metavar=_("BESTAND"),
                          help=_("het sjabloon: .xlsx of .csv"))
    template.set_defaults(handler=cmd_template)


# What ``export`` can write. ``ords`` reads its data with the repairs service and returns the
# file's bytes and a one-line summary; ``bkn``, ``cedris`` and ``impact`` go through
# services/exports.py (the figures of docs/figures.md, written as docs/exports.md describes).
# ``cmd_export`` logs in, checks the period, and writes the file atomically.
EXPORT_KINDS = ("ords", "bkn", "cedris", "impact")
EXPORT_FORMATS = ("csv", "xlsx", "pdf")


def _year(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("een jaartal, bijvoorbeeld 2025")) from None


def _quarter(value: str) -> int:
    if value.strip() not in ("1", "2", "3", "4"):
        raise argparse.ArgumentTypeError(_("een kwartaal: 1, 2, 3 of 4"))
    return int(value)


def _add_export_commands(commands: argparse._SubParsersAction) -> None:
    exporter = commands.add_parser(
        "export",
        help=_("exporteer gegevens voor de verenigingen (BKN, Cedris, impact, ORDS)"),
        description=_(
            "Exporteer een bestand voor buiten de winkel. bkn: de cijfers voor de BKN "
            "Monitor; cedris: de cijfers voor Cedris; impact: het impactrapport met beide "
            "(docs/exports.md), als csv, xlsx of pdf, voor een jaar, een kwartaal of een "
            "periode van–tot. ords: de reparaties van een jaar in de Open Repair Data "
            "Standard (docs/ords.md). Alleen een beheerder of begeleider mag exporteren; u "
            "logt in met KRINGLOOPDESK_USER en KRINGLOOPDESK_PASSWORD of wordt gevraagd. Het "
            "bestand wordt pas op zijn plaats gezet als het helemaal geschreven is."
        ),
    )
    exporter.add_argument("kind", choices=EXPORT_KINDS, metavar=_("SOORT"),
                          help=_("bkn, cedris, impact of ords"))
    period = exporter.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=_year, metavar=_("JAAR"),
                        help=_("het kalenderjaar, bijvoorbeeld 2025"))
    period.add_argument("--from", dest="date_from", type=_date_arg, metavar=_("DATUM"),
                        help=_("eerste dag van de periode (met --to), bijvoorbeeld 2025-07-01"))
    exporter.add_argument("--to", dest="date_to", type=_date_arg, metavar=_("DATUM"),
                          help=_("laatste dag van de periode (telt mee), bijvoorbeeld "
                                 "2026-06-30"))
    exporter.add_argument("--quarter", type=_quarter, metavar=_("KWARTAAL"),
                          help=_("alleen dit kwartaal (1-4) van --year"))
    exporter.add_argument("--format", dest="file_format", choices=EXPORT_FORMATS,
                          metavar=_("FORMAAT"),
                          help=_("csv, xlsx of pdf; zonder deze optie volgt het de extensie "
                                 "van het bestand"))
    exporter.add_argument("--factor-set", metavar=_("SET"),
                          help=_("de CO2-factorset als code@versie, bijvoorbeeld bkn_tno@1; "
                                 "standaard de set die de winkel gebruikt"))
    exporter.add_argument("-o", "--output", required=True, metavar=_("BESTAND"),
                          help=_("het bestand om te schrijven, bijvoorbeeld bkn-2025.csv"))
    exporter.set_defaults(handler=cmd_export)


def _date_arg(value: str):
    import datetime as dt

    for layout in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value.strip(), layout).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(_("een datum als 2025-12-31 of 31-12-2025"))


def _positive_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(_("een nummer (id), bijvoorbeeld 12"))
    return number


def _add_certificate_options(parser: argparse.ArgumentParser, orientation: str) -> None:
    parser.add_argument("-o", "--output", required=True, metavar=_("BESTAND"),
                        help=_("het PDF-bestand om te schrijven"))
    # dest differs from the program's own --lang (the language of messages).
    parser.add_argument("--lang", dest="certificate_language", choices=("nl", "en"),
                        default="nl", help=_("taal van het certificaat (nl of en)"))
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--landscape", dest="orientation", action="store_const",
                        const="landscape", help=_("liggend"))
    layout.add_argument("--portrait", dest="orientation", action="store_const",
                        const="portrait", help=_("staand"))
    parser.set_defaults(orientation=orientation)


def _add_certificate_commands(commands: argparse._SubParsersAction) -> None:
    certificate = commands.add_parser(
        "certificate",
        help=_("certificaten uitgeven, intrekken en tonen (beheerder, begeleider)"),
        description=_(
            "Certificaten uitgeven, intrekken, vervangen en tonen (docs/certificates.md). "
            "U logt in als beheerder of begeleider met KRINGLOOPDESK_USER en "
            "KRINGLOOPDESK_PASSWORD, of wordt gevraagd. Een bestand wordt pas op zijn plaats "
            "gezet als het helemaal geschreven is; lukt het schrijven niet, dan is er ook "
            "niets uitgegeven."
        ),
    )
    actions = certificate.add_subparsers(dest="certificate_command", metavar=_("ACTIE"),
                                         required=True)
    partnership = actions.add_parser("partnership",
                                     help=_("samenwerkingscertificaat voor een overeenkomst"))
    partnership.add_argument("--agreement", type=_positive_id, required=True, metavar="ID",
                             help=_("nummer (id) van de overeenkomst"))
    _add_certificate_options(partnership, "landscape")
    partnership.set_defaults(handler=cmd_certificate_partnership)
    participation = actions.add_parser("participation",
                                       help=_("certificaat van deelname voor een plaatsing"))
    participation.add_argument("--placement", type=_positive_id, required=True, metavar="ID",
                               help=_("nummer (id) van de plaatsing"))
    _add_certificate_options(participation, "portrait")
    participation.set_defaults(handler=cmd_certificate_participation)
    batch = actions.add_parser(
        "batch",
        help=_("certificaten van deelname voor alle plaatsingen die in een periode eindigden"),
        description=_(
            "Certificaten van deelname voor alle plaatsingen die in de periode eindigden en nog "
            "geen geldig certificaat hebben. Met -o MAP één bestand per certificaat, met "
            "--one-pdf en -o BESTAND.pdf alles in één PDF."
        ),
    )
    batch.add_argument("--ended-from", type=_date_arg, required=True, metavar=_("DATUM"),
                       help=_("eerste einddatum (jjjj-mm-dd of dd-mm-jjjj)"))
    batch.add_argument("--ended-to", type=_date_arg, required=True, metavar=_("DATUM"),
                       help=_("laatste einddatum (jjjj-mm-dd of dd-mm-jjjj)"))
    batch.add_argument("-o", "--output", required=True, metavar=_("MAP"),
                       help=_("de map voor de bestanden (met --one-pdf: het PDF-bestand)"))
    batch.add_argument("--one-pdf", action="store_true", help=_("alles in één PDF-bestand"))
    batch.add_argument("--lang", dest="certificate_language", choices=("nl", "en"),
                       default="nl", help=_("taal van de certificaten (nl of en)"))
    batch.set_defaults(handler=cmd_certificate_batch)
    revoke = actions.add_parser("revoke", help=_("een certificaat intrekken"))
    revoke.add_argument("serial", metavar=_("NUMMER"), help=_("het certificaatnummer"))
    revoke.add_argument("--reason", required=True, metavar=_("TEKST"),
                        help=_("de reden van intrekken"))
    revoke.set_defaults(handler=cmd_certificate_revoke)
    reissue = actions.add_parser(
        "reissue", help=_("een certificaat vervangen door een nieuw (het oude wordt ingetrokken)"))
    reissue.add_argument("serial", metavar=_("NUMMER"), help=_("het certificaatnummer"))
    reissue.add_argument("-o", "--output", required=True, metavar=_("BESTAND"),
                         help=_("het PDF-bestand om te schrijven"))
    reissue.set_defaults(handler=cmd_certificate_reissue)
    listing = actions.add_parser("list", help=_("het register van uitgegeven certificaten"))
    listing.add_argument("--year", type=_year, metavar=_("JAAR"),
                         help=_("alleen dit jaar van uitgifte"))
    listing.set_defaults(handler=cmd_certificate_list)
    public = actions.add_parser(
        "public-key", help=_("exporteer de openbare sleutel, om elders te controleren"))
    public.add_argument("-o", "--output", required=True, metavar=_("BESTAND"),
                        help=_("het bestand om te schrijven, bijvoorbeeld winkel.pem"))
    public.set_defaults(handler=cmd_certificate_public_key)

    verify = commands.add_parser(
        "verify",
        help=_("controleer een certificaat: een PDF, een controlecode of een nummer"),
        description=_(
            "Controleer een certificaat: een PDF-bestand, de korte controlecode of het "
            "certificaatnummer. Zonder inloggen, wel met de database. Met --public-key wordt "
            "een PDF zonder database gecontroleerd (handtekening en inhoud; of het is "
            "ingetrokken, weet alleen de winkel). Afsluitcode: 0 echt, 1 veranderd, "
            "2 ingetrokken, 3 onbekend, 4 niet te controleren (fout)."
        ),
    )
    verify.add_argument("what", metavar=_("BESTAND_OF_CODE"),
                        help=_("een PDF-bestand, een controlecode of een certificaatnummer"))
    verify.add_argument("--public-key", metavar=_("BESTAND"),
                        help=_("openbare sleutel van de winkel (PEM), voor controle zonder "
                               "database"))
    verify.set_defaults(handler=cmd_verify)


# -- commands ---------------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, upgrade: bool = True):
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.db.migrate import open_database

    return open_database(resolve_url(args.db), upgrade=upgrade)


def _read_new_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise ValidationError(_("Er kwam geen wachtwoord binnen op de standaardinvoer."))
        return password
    if not sys.stdin.isatty():
        raise ValidationError(
            _("Geen invoer om het wachtwoord te vragen; gebruik --password-stdin.")
        )
    first = getpass.getpass(_("Nieuw wachtwoord: "))
    second = getpass.getpass(_("Herhaal het wachtwoord: "))
    if first != second:
        raise ValidationError(_("De wachtwoorden zijn niet gelijk. Er is niets veranderd."))
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from kringloopdesk.services.auth import validate_password, validate_username
    from kringloopdesk.services.setup import (
        ShopInfo,
        ensure_not_initialised,
        initialise_shop,
        suggest_prefix,
    )

    validate_username(args.user)
    db = _open(args)
    try:
        with db.read_session() as session:
            ensure_not_initialised(session)  # before asking for a password
        shop = ShopInfo(
            name=args.shop,
            certificate_prefix=(args.prefix or suggest_prefix(args.shop)),
            city=args.city,
        )
        password = validate_password(_read_new_password(args.password_stdin))
        with db.session() as session:
            result = initialise_shop(
                session,
                shop,
                username=args.user,
                full_name=args.full_name or args.user,
                password=password,
            )
        print(
            _(
                "Winkel '{shop}' ingericht; beheerder '{user}' kan inloggen.",
                shop=shop.name.strip(),
                user=result.actor.username,
            )
        )
        print(_("Database: {location}", location=db.location))
        print()
        print(_("HERSTELSLEUTEL (wordt maar één keer getoond): {key}", key=result.recovery_key))
        print(
            _(
                "Bewaar deze sleutel op papier op een veilige plek. Als alle beheerders hun "
                "wachtwoord kwijt zijn, opent alleen deze sleutel de gevoelige gegevens nog "
                "({command} user recover NAAM).",
                command=_command_name(),
            )
        )
        if args.recovery_pdf:
            from kringloopdesk.reports.recovery_key import write_recovery_key_pdf

            write_recovery_key_pdf(Path(args.recovery_pdf), shop.name.strip(),
                                   result.recovery_key)
            print(_("Herstelsleutel als PDF: {path}", path=args.recovery_pdf))
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from kringloopdesk.services.demo import generate_demo

    db = _open(args)
    last = {"label": None}

    def progress(label: str, fraction: float) -> None:
        if label != last["label"]:
            print(f"  {label}", file=sys.stderr, flush=True)
            last["label"] = label

    try:
        actor = _login(db)
        started = time.perf_counter()
        with db.session() as session:
            summary = generate_demo(
                session, actor, scale=args.scale, seed=args.seed, progress=progress
            )
        seconds = time.perf_counter() - started
        print(
            _(
                "Voorbeeldgegevens geschreven in {seconds:.1f} s: {workers} deelnemers, "
                "{placements} plaatsingen, {hours} urenregels, {flows} weegregels, "
                "{items} artikelen, {partners} partners.",
                seconds=seconds,
                workers=summary.workers,
                placements=summary.placements,
                hours=summary.hour_entries,
                flows=summary.goods_flows,
                items=summary.tagged_items,
                partners=summary.partners,
            )
        )
        size = _compacted_size(db)
        if size is not None:
            print(_("Grootte van de database: {mb:.1f} MB", mb=size / 1_000_000))
    finally:
        db.dispose()
    return EXIT_OK


def _compacted_size(db) -> int | None:
    """The SQLite file's size once the bulk write is folded from the WAL into the file."""
    from kringloopdesk.db.engine import is_sqlite

    if not (is_sqlite(db.engine) and db.engine.url.database):
        return None
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(db.engine.url.database).stat().st_size


def cmd_check(args: argparse.Namespace) -> int:
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.errors import DatabaseOpenError
    from kringloopdesk.services.health import check_database

    url = resolve_url(args.db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise DatabaseOpenError(
            _(
                "Er is nog geen database op '{path}'. Richt eerst een winkel in met init.",
                path=url.database,
            )
        )
    db = _open(args, upgrade=False)
    try:
        report = check_database(db)
    finally:
        db.dispose()
    print(_("Database: {location} ({dialect})", location=report.location, dialect=report.dialect))
    print(_("Winkel: {name}", name=report.shop_name or _("(nog niet ingericht)")))
    if report.schema_current == report.schema_head:
        print(_("Schemaversie: {current} (actueel)", current=report.schema_current))
    else:
        print(
            _(
                "Schemaversie: {current}; deze versie van het programma werkt met {head}. "
                "Bij de volgende start wordt de database bijgewerkt (na een back-up).",
                current=report.schema_current or _("leeg"),
                head=report.schema_head,
            )
        )
    if report.integrity_ok:
        print(_("Integriteit: in orde"))
    else:
        print(_("Integriteit: NIET in orde"))
        for message in report.integrity_messages:
            print(f"  {message}")
    if report.counts:
        print(_("Aantallen:"))
        width = max(len(name) for name in report.counts)
        for name, count in report.counts.items():
            print(f"  {name:<{width}}  {count:>10,}".replace(",", "."))
    for warning in report.warnings:
        print(_("Waarschuwing: {message}", message=warning))
    return EXIT_OK if report.ok else 1


def _print_counts(rows) -> None:
    width = max(len(label) for label, _count in rows)
    for label, count in rows:
        print(f"  {label:<{width}}  {count:>10,}".replace(",", "."))


def cmd_backup(args: argparse.Namespace) -> int:
    from kringloopdesk.services.backups import MAIN_TABLES, make_backup

    output = Path(args.output) if args.output else None
    db = _open_existing(args)
    try:
        result = make_backup(db, destination=output)
    finally:
        db.dispose()
    print(_("Back-up gemaakt en gecontroleerd: {path}", path=result.path))
    if result.pg_dump_path is not None:
        print(_("Ook als pg_dump-bestand: {path}", path=result.pg_dump_path))
    _print_counts([(_(label), result.counts.get(name, 0)) for name, label in MAIN_TABLES])
    return EXIT_OK


def _confirm_restore() -> bool:
    if not sys.stdin.isatty():
        raise UserError(_("Geen invoer om te bevestigen; gebruik --yes om zonder vragen terug "
                          "te zetten."))
    return input(_("Terugzetten? [j/N] ")).strip().lower() in ("j", "ja", "y", "yes")


def cmd_restore(args: argparse.Namespace) -> int:
    from kringloopdesk.services import backups

    path = Path(args.file)
    info = backups.read_backup_info(path)
    db = _open(args)
    try:
        backups.check_restorable(db, info)
        needs_login = backups.database_has_shop(db)
        print(_("Back-up: {path} ({engine})", path=path, engine=info.engine_label))
        print(_("Winkel: {name}", name=info.shop_name or _("(nog niet ingericht)")))
        print(_("Gemaakt: {date}", date=f"{info.created:%d-%m-%Y %H:%M}"))
        print(_("Schemaversie: {revision}", revision=info.schema_revision))
        _print_counts(info.main_counts())
        print(_("Alles in de database {location} wordt vervangen door deze back-up.",
                location=db.location))
        actor = _login(db) if needs_login else None
        if not args.yes and not _confirm_restore():
            print(_("Niet teruggezet; er is niets veranderd."))
            return 1
        if actor is not None:
            result = backups.restore_backup(db, actor, path)
        else:
            result = backups.restore_into_empty(db, path)
    finally:
        db.dispose()
    print(_("Teruggezet. De database van daarvoor staat in {path}.", path=result.before.path))
    print(_("Log in met de gebruikers en wachtwoorden van de back-up; de gevoelige gegevens "
            "opent de sleutel van de back-up (of haar herstelsleutel)."))
    return EXIT_OK


def _login(db):
    """The acting user: KRINGLOOPDESK_USER / KRINGLOOPDESK_PASSWORD, or asked for."""
    from kringloopdesk.services.auth import attempt_login
    from kringloopdesk.services.setup import get_shop

    with db.read_session() as session:
        get_shop(session)  # a database without a shop has no users to log in with
    username = os.environ.get("KRINGLOOPDESK_USER", "")
    password = os.environ.get("KRINGLOOPDESK_PASSWORD", "")
    if not username or not password:
        if not sys.stdin.isatty():
            raise AuthenticationError(
                _(
                    "Deze opdracht vraagt een gebruiker. Zet KRINGLOOPDESK_USER en "
                    "KRINGLOOPDESK_PASSWORD, of start de opdracht in een terminal."
                )
            )
        username = username or input(_("Gebruikersnaam: "))
        password = password or getpass.getpass(_("Wachtwoord: "))
    with db.session() as session:
        attempt = attempt_login(session, username, password)
    return attempt.actor_or_raise()


def _with_login(args: argparse.Namespace, work):
    from kringloopdesk.db.engine import run_unit_of_work

    db = _open(args)
    try:
        actor = _login(db)
        # A busy database (another PC or program writing) is waited for and tried again.
        return run_unit_of_work(db, lambda session: work(session, actor))
    finally:
        db.dispose()


def cmd_user_add(args: argparse.Namespace) -> int:
    from kringloopdesk.services.users import create_user

    password = _read_new_password(args.password_stdin)
    info = _with_login(args, lambda s, actor: create_user(
        s, actor, username=args.name, full_name=args.full_name or args.name, role=args.role,
        password=password))
    print(_("Gebruiker '{name}' ({role}) aangemaakt; bij de eerste keer inloggen kiest "
            "{name} een eigen wachtwoord.", name=info.username, role=info.role))
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from kringloopdesk.db.codes import ROLES
    from kringloopdesk.services.users import list_users

    users = _with_login(args, list_users)
    for user in users:
        state = _("actief") if user.active else _("uitgeschakeld")
        access = _("gevoelige gegevens: ja") if user.has_key_access else ""
        print(f"{user.username:<20} {ROLES.label(user.role):<24} {state:<14} {access}")
    return EXIT_OK


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from kringloopdesk.services.users import get_user_id, set_active

    info = _with_login(
        args, lambda s, actor: set_active(s, actor, get_user_id(s, actor, args.name), active)
    )
    message = (_("Account '{name}' is weer actief.") if active
               else _("Account '{name}' is uitgeschakeld."))
    print(message.format(name=info.username))
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_user_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    from kringloopdesk.services.users import get_user_id, reset_password

    password = _read_new_password(args.password_stdin)
    info = _with_login(args, lambda s, actor: reset_password(
        s, actor, get_user_id(s, actor, args.name), password))
    print(_("Tijdelijk wachtwoord ingesteld voor '{name}'; bij het inloggen kiest {name} een "
            "nieuw wachtwoord.", name=info.username))
    return EXIT_OK


def cmd_user_recover(args: argparse.Namespace) -> int:
    from kringloopdesk.services.keys import recover_with_key

    if args.stdin:
        recovery_key = sys.stdin.readline().strip()
        password = _read_new_password(True)
    else:
        if not sys.stdin.isatty():
            raise ValidationError(_("Geen invoer om de sleutel te vragen; gebruik --stdin."))
        recovery_key = input(_("Herstelsleutel: "))
        password = _read_new_password(False)
    db = _open(args)
    try:
        with db.session() as session:
            actor = recover_with_key(session, args.name, recovery_key, password)
    finally:
        db.dispose()
    print(_("Nieuw wachtwoord ingesteld voor beheerder '{name}'.", name=actor.username))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from kringloopdesk.services.imports import IMPORTERS, ImportFileError

    path = Path(args.file)
    if not path.is_file():
        raise UserError(_("Het bestand '{path}' bestaat niet.", path=path))
    try:
        summary = _with_login(args, lambda s, actor: IMPORTERS[args.kind](s, actor, path))
    except ImportFileError as exc:
        print(_("Fout: {message}", message=exc.message), file=sys.stderr)
        for line in exc.lines:
            print(line, file=sys.stderr)
        log.info("Import of %s refused: %d errors", args.kind, len(exc.errors))
        return exc.exit_code
    for line in summary.lines():
        print(line)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.errors import DatabaseOpenError
    from kringloopdesk.reports.templates import write_template
    from kringloopdesk.services.imports import template

    output = Path(args.output)
    if output.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(_("Kies een bestandsnaam op .xlsx of .csv, bijvoorbeeld {name}.",
                          name=f"{args.kind}.xlsx"))
    if not output.parent.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=output.parent))
    url = resolve_url(args.db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise DatabaseOpenError(
            _(
                "Er is nog geen database op '{path}'. Richt eerst een winkel in met init.",
                path=url.database,
            )
        )
    db = _open(args)
    try:
        # The codes the shop uses (doelgroepen, afdelingen, productgroepen) come from the
        # database; no login is needed to read them.
        with db.read_session() as session:
            spec = template(session, args.kind)
    finally:
        db.dispose()
    try:
        write_template(output, spec)
    except OSError as exc:
        raise UserError(_("Het sjabloon kan niet worden geschreven naar '{path}': {problem}",
                          path=output, problem=exc.strerror or exc)) from exc
    print(_("Sjabloon geschreven: {path}", path=output))
    return EXIT_OK


def _export_ords(session, actor, args: argparse.Namespace) -> tuple[bytes, str]:
    from kringloopdesk.reports.ords import ords_csv
    from kringloopdesk.services.repairs import ords_data

    data = ords_data(session, actor, args.year)
    n = len(data.rows)
    if n == 1:
        summary = _("1 reparatie van {year} geëxporteerd naar {path} (ORDS).",
                    year=data.year, path=args.output)
    else:
        summary = _("{n} reparaties van {year} geëxporteerd naar {path} (ORDS).",
                    n=n, year=data.year, path=args.output)
    if data.non_electrical:
        summary += " " + _("Daarvan {n} van niet-elektrische artikelen; hun ORDS-categorie "
                           "komt van de productgroep.", n=data.non_electrical)
    return ords_csv(data), summary


def _write_atomically(path: Path, content: bytes) -> None:
    from kringloopdesk.reports.ords import write_atomically

    write_atomically(path, content)


def _export_format(args: argparse.Namespace, output: Path) -> str:
    """The format: --format, else the file's extension; ords is always csv."""
    suffix = output.suffix.lower().lstrip(".")
    if args.kind == "ords":
        if args.file_format not in (None, "csv"):
            raise UserError(_("Een ORDS-export is altijd een CSV-bestand; laat --format weg "
                              "of kies csv."))
        return "csv"
    if args.file_format:
        return args.file_format
    if suffix in EXPORT_FORMATS:
        return suffix
    raise UserError(_("Kies het formaat met --format csv, xlsx of pdf, of geef het bestand een "
                      "naam op .csv, .xlsx of .pdf."))


def _export_period(args: argparse.Namespace):
    """The period of a bkn, cedris or impact export (Dutch errors, nothing written)."""
    from kringloopdesk.services.exports import period_for

    if args.date_from is not None and args.date_to is None:
        raise UserError(_("Geef bij --from ook --to, de laatste dag van de periode."))
    if args.date_to is not None and args.date_from is None:
        raise UserError(_("--to hoort bij --from; geef ook de eerste dag van de periode."))
    if args.quarter is not None and args.year is None:
        raise UserError(_("--quarter hoort bij --year; geef ook het jaar."))
    return period_for(year=args.year, quarter=args.quarter, start=args.date_from,
                      end=args.date_to)


def _export_figures(session, actor, args: argparse.Namespace, period, fmt: str,
                    output: Path) -> str:
    from kringloopdesk.services.exports import build_export, write_export

    data = build_export(session, actor, args.kind, period, factor_set=args.factor_set)
    # Written inside the unit of work: a failed write also undoes the audit entry.
    try:
        write_export(data, fmt, output)
    except OSError as exc:
        raise UserError(_("Het bestand kan niet worden geschreven naar '{path}': "
                          "{problem}. Er is niets half geschreven.",
                          path=output, problem=exc.strerror or exc)) from exc
    names = {"bkn": "BKN Monitor", "cedris": "Cedris", "impact": _("impactrapport")}
    return _("{name} van {start} tot en met {end} geëxporteerd naar {path} ({fmt}).",
             name=names[args.kind], start=period.start.isoformat(),
             end=period.end.isoformat(), path=output, fmt=fmt.upper())


def cmd_export(args: argparse.Namespace) -> int:
    from kringloopdesk.errors import PermissionDeniedError
    from kringloopdesk.services.permissions import Permission, allowed

    output = Path(args.output)
    fmt = _export_format(args, output)
    period = None
    if args.kind == "ords":
        if args.year is None or args.quarter is not None or args.date_to is not None:
            raise UserError(_("Een ORDS-export is per kalenderjaar: geef alleen --year."))
    else:
        period = _export_period(args)
    if not output.parent.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=output.parent))
    if output.is_dir():
        label = args.year if args.year is not None else "periode"
        raise UserError(_("'{path}' is een map; geef een bestandsnaam, bijvoorbeeld {name}.",
                          path=output, name=f"{args.kind}-{label}.{fmt}"))

    def work(session, actor):
        if not allowed(actor.role, Permission.EXPORT_AGGREGATES):
            raise PermissionDeniedError(
                _("Exporteren mag alleen een beheerder of begeleider; u bent ingelogd als "
                  "{role}. Er is niets geschreven.", role=actor.role_label.lower())
            )
        if period is not None:
            return _export_figures(session, actor, args, period, fmt, output)
        content, summary = _export_ords(session, actor, args)
        # Written inside the unit of work: a failed write also undoes the audit entry.
        try:
            _write_atomically(output, content)
        except OSError as exc:
            raise UserError(_("Het bestand kan niet worden geschreven naar '{path}': "
                              "{problem}. Er is niets half geschreven.",
                              path=output, problem=exc.strerror or exc)) from exc
        return summary

    print(_with_login(args, work))
    return EXIT_OK


# -- certificates -----------------------------------------------------------------------------

EXIT_VERIFY_ERROR = 4


def _output_file(value: str) -> Path:
    output = Path(value)
    if not output.parent.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=output.parent))
    if output.is_dir():
        raise UserError(_("'{path}' is een map; geef een bestandsnaam, bijvoorbeeld {name}.",
                          path=output, name="certificaat.pdf"))
    return output


def _write_or_refuse(output: Path, content: bytes) -> None:
    try:
        _write_atomically(output, content)
    except OSError as exc:
        raise UserError(_("Het bestand kan niet worden geschreven naar '{path}': {problem}. "
                          "Er is niets uitgegeven en niets half geschreven.",
                          path=output, problem=exc.strerror or exc)) from exc


def _issue_to_file(args: argparse.Namespace, issue) -> int:
    output = _output_file(args.output)

    def work(session, actor):
        issued = issue(session, actor)
        # Inside the unit of work: a failed write also undoes the registry row.
        _write_or_refuse(output, issued.pdf)
        return issued

    issued = _with_login(args, work)
    print(_("Certificaat {serial} ({subject}) geschreven naar {path}. Controlecode: {code}",
            serial=issued.serial, subject=issued.subject, path=output, code=issued.code))
    if issued.replaces_serial:
        print(_("Het vervangt {old}; dat is ingetrokken.", old=issued.replaces_serial))
    return EXIT_OK


def cmd_certificate_participation(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import issue_participation

    return _issue_to_file(args, lambda s, actor: issue_participation(
        s, actor, args.placement, language=args.certificate_language,
        orientation=args.orientation))


def cmd_certificate_partnership(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import issue_partnership

    return _issue_to_file(args, lambda s, actor: issue_partnership(
        s, actor, args.agreement, language=args.certificate_language,
        orientation=args.orientation))


def cmd_certificate_reissue(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import reissue_certificate

    return _issue_to_file(args, lambda s, actor: reissue_certificate(s, actor, args.serial))


def cmd_certificate_batch(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import ended_placements, issue_batch

    if args.ended_to < args.ended_from:
        raise UserError(_("De einddatum van de periode ligt voor de begindatum."))
    target = _output_file(args.output) if args.one_pdf else Path(args.output)
    if not args.one_pdf and not target.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.", folder=target))

    def work(session, actor):
        ended = ended_placements(session, actor, args.ended_from, args.ended_to)
        todo = [p.placement_id for p in ended if not p.has_certificate]
        if not todo:
            return None, len(ended)
        try:
            return issue_batch(session, actor, todo, language=args.certificate_language,
                               one_pdf=args.one_pdf, target=target), len(ended) - len(todo)
        except OSError as exc:
            raise UserError(_("De certificaten kunnen niet worden geschreven naar '{path}': "
                              "{problem}. Er is niets uitgegeven en niets achtergelaten.",
                              path=target, problem=exc.strerror or exc)) from exc

    result, skipped = _with_login(args, work)
    if result is None:
        print(_("Geen plaatsingen zonder certificaat die in deze periode eindigden; er is "
                "niets uitgegeven."))
        return EXIT_OK
    first, last = result.issued[0].serial, result.issued[-1].serial
    print(_("{n} certificaten uitgegeven ({first} t/m {last}) in {path}.", n=len(result.issued),
            first=first, last=last, path=target))
    if skipped:
        print(_("{n} plaatsingen hadden al een geldig certificaat en zijn overgeslagen.",
                n=skipped))
    return EXIT_OK


def cmd_certificate_revoke(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import revoke_certificate

    row = _with_login(args, lambda s, actor: revoke_certificate(s, actor, args.serial,
                                                                args.reason))
    print(_("Certificaat {serial} is ingetrokken. Reden: {reason}", serial=row.serial,
            reason=row.revoke_reason))
    return EXIT_OK


def cmd_certificate_list(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import (
        CertificateFilter,
        count_certificates,
        list_certificates,
    )

    query = CertificateFilter(year=args.year)
    rows, total = _with_login(args, lambda s, actor: (
        list_certificates(s, actor, query, limit=100_000), count_certificates(s, actor, query)))
    for row in rows:
        state = _("geldig") if row.revoked_at is None else _("ingetrokken")
        print(f"{row.serial:<16} {row.code:<10} {state:<12} "
              f"{row.issued_at.astimezone().strftime('%d-%m-%Y'):<11} {row.kind_label:<26} "
              f"{row.subject} — {row.detail}")
    print(_("{n} certificaten", n=total))
    return EXIT_OK


def cmd_certificate_public_key(args: argparse.Namespace) -> int:
    from kringloopdesk.services.certificates import public_key_pem

    output = _output_file(args.output)
    db = _open_existing(args)
    try:
        with db.read_session() as session:
            pem = public_key_pem(session)
    finally:
        db.dispose()
    try:
        _write_atomically(output, pem)
    except OSError as exc:
        raise UserError(_("Het bestand kan niet worden geschreven naar '{path}': {problem}",
                          path=output, problem=exc.strerror or exc)) from exc
    print(_("Openbare sleutel geschreven naar {path}.", path=output))
    return EXIT_OK


def _open_existing(args: argparse.Namespace):
    """The database, without making a new one where there is none (verify, public-key)."""
    from kringloopdesk.db.engine import resolve_url
    from kringloopdesk.errors import DatabaseOpenError

    url = resolve_url(args.db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise DatabaseOpenError(
            _("Er is nog geen database op '{path}'. Richt eerst een winkel in met init.",
              path=url.database))
    return _open(args)


def _verify(args: argparse.Namespace) -> int:
    from kringloopdesk.db.codes import CERTIFICATE_KINDS
    from kringloopdesk.services import certificates as certs

    target = Path(args.what)
    looks_like_file = target.suffix.lower() == ".pdf" or target.exists()
    if looks_like_file and not target.is_file():
        raise UserError(_("Het bestand '{path}' bestaat niet.", path=target))
    if args.public_key:
        if not looks_like_file:
            raise UserError(_("Met --public-key kan alleen een PDF-bestand worden "
                              "gecontroleerd."))
        key_file = Path(args.public_key)
        if not key_file.is_file():
            raise UserError(_("Het bestand '{path}' bestaat niet.", path=key_file))
        results = certs.verify_offline(target.read_bytes(), key_file.read_bytes())
    else:
        db = _open_existing(args)
        try:
            with db.read_session() as session:
                if looks_like_file:
                    results = certs.verify_pdf(session, target.read_bytes())
                else:
                    results = [certs.verify_code(session, args.what)]
        finally:
            db.dispose()
    if not results:
        results = [certs.unknown_file_result()]
    for result in results:
        print(result.message)
        if result.subject and result.kind:
            print(f"  {CERTIFICATE_KINDS.label(result.kind, current_language())}: "
                  f"{result.subject}")
    return certs.VERDICT_EXIT_CODES[certs.worst_verdict(results)]


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        return _verify(args)
    except UserError as exc:
        # 1-3 are verdicts; a check that could not be made must not read as one.
        exc.exit_code = EXIT_VERIFY_ERROR
        raise


# -- entry ------------------------------------------------------------------------------------


def _run_handler(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except UserError as exc:
        print(_("Fout: {message}", message=exc.message), file=sys.stderr)
        if isinstance(exc, ValidationError):
            for field, message in exc.field_errors.items():
                print(f"  - {field}: {message}", file=sys.stderr)
        log.info("User error in %s: %s", getattr(args, "command", "?"), exc.message)
        return exc.exit_code
    except BrokenPipeError:
        # Output piped into a program that stopped reading (``| head``): not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (keeps the exit from failing again)
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Afgebroken; er is niets half opgeslagen."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        from kringloopdesk.paths import log_dir

        log.exception("Unexpected error in command %s", getattr(args, "command", "?"))
        print(
            _(
                "Er ging iets onverwachts mis. Er is niets half opgeslagen. De details staan in "
                "{path}; stuur dat bestand naar wie u helpt.",
                path=log_dir() / "kringloopdesk.log",
            ),
            file=sys.stderr,
        )
        return EXIT_BUG


def _only_gui_options(argv: Sequence[str]) -> bool:
    """Whether ``argv`` holds nothing but well-formed options of a desktop start (``--db``,
    ``--lang nl|en``, ``--quit-after-paint``): then the short parser gives the same result as
    the whole one. Anything else (a command, --help, a mistake) goes to the whole one, with
    its full usage and error texts."""
    values = {"--db": None, "--lang": ("nl", "en")}  # the options that take a value
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--quit-after-paint":
            i += 1
            continue
        name, equals, value = arg.partition("=")
        if not equals:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return False
            value = argv[i + 1]
        if name not in values or (values[name] is not None and value not in values[name]):
            return False
        i += 1 if equals else 2
    return True


def run(argv: Sequence[str]) -> int:
    _pre_scan_language(argv)
    gui_start = _only_gui_options(argv)
    args = build_parser(with_commands=not gui_start).parse_args(list(argv))
    if args.lang:
        set_language(args.lang)
    from kringloopdesk.logsetup import setup_logging

    setup_logging()
    if args.command is None:
        from kringloopdesk.gui.application import run_gui

        # Without --lang the desktop app speaks this PC's language setting (Instellingen >
        # Weergave); the commands keep --lang or KRINGLOOPDESK_LANG.
        return run_gui(args.db, quit_after_paint=args.quit_after_paint, language=args.lang)
    for stream in (sys.stdout, sys.stderr):
        # A Windows console without UTF-8 must not crash on "Ł" in a name.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    return _run_handler(args.handler, args)
