"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 04:43:32.811422
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The editable lists of domain.md, seeded once. Written out here (not imported) so that this
# revision stays what it was when it shipped.
DOELGROEPEN = [
    (
        "wsw",
        "Wsw (sociale werkvoorziening)",
        "Wsw (sheltered employment)",
        "arbeidsuitdaging",
        "wsw",
    ),
    (
        "beschut_werk",
        "Beschut werk (Participatiewet art. 10b)",
        "Sheltered work (Participation Act art. 10b)",
        "arbeidsuitdaging",
        "beschut_werk",
    ),
    (
        "banenafspraak",
        "Banenafspraak / doelgroepregister (incl. Wajong)",
        "Job agreement / target group register (incl. Wajong)",
        "arbeidsuitdaging",
        "banenafspraak",
    ),
    (
        "loonkostensubsidie",
        "Participatiewet met loonkostensubsidie",
        "Participation Act with wage subsidy",
        "arbeidsuitdaging",
        "participatiewet",
    ),
    (
        "participatiewet",
        "Re-integratie / werkervaringsplek (gemeente)",
        "Reintegration / work experience (municipality)",
        "zonder_werk",
        "participatiewet",
    ),
    (
        "uwv",
        "Re-integratie via UWV (WW/WIA)",
        "Reintegration through UWV (WW/WIA)",
        "zonder_werk",
        "overig",
    ),
    (
        "dagbesteding",
        "Dagbesteding (Wmo)",
        "Day activities (Wmo)",
        "arbeidsuitdaging",
        "dagbesteding",
    ),
    (
        "leerwerk",
        "Leerwerkplek / BBL / praktijkleren",
        "Work-based learning / BBL",
        "opleiding",
        "overig",
    ),
    ("stagiair", "Stagiair", "Intern", "opleiding", "overig"),
    (
        "inburgering",
        "Statushouder / inburgering / ontheemd",
        "Refugee / civic integration / displaced",
        "veiligheid",
        "overig",
    ),
    (
        "taakstraf",
        "Taakstraf (Halt / reclassering)",
        "Community service (Halt / probation)",
        "halt_reclassering",
        "overig",
    ),
    ("vrijwilliger", "Vrijwilliger", "Volunteer", "vrijwilliger", "overig"),
    ("regulier", "Regulier betaald personeel", "Regular paid staff", "regulier", None),
]

DEPARTMENTS = [
    ("winkel", "Winkel", "Shop floor"),
    ("sorteren", "Sorteren", "Sorting"),
    ("elektra", "Elektra (reparatie en keuring)", "Electrical (repair and testing)"),
    ("fietsen", "Fietsen", "Bicycles"),
    ("meubels", "Meubels", "Furniture"),
    ("textiel", "Textiel", "Textiles"),
    ("boeken", "Boeken", "Books"),
    ("transport", "Transport (ophaaldienst)", "Transport (pick-up service)"),
    ("kassa", "Kassa", "Till"),
    ("magazijn", "Magazijn", "Warehouse"),
]

WERKPROCESSEN = [
    (None, "Samenwerken in een team"),
    (None, "Op tijd komen en afspraken nakomen"),
    (None, "Veilig en hygiënisch werken"),
    ("winkel", "Goederen presenteren en de winkel inrichten"),
    ("winkel", "Klanten te woord staan en adviseren"),
    ("sorteren", "Goederen sorteren en prijzen"),
    ("sorteren", "Goederen beoordelen op hergebruik of recycling"),
    ("elektra", "Elektrische apparaten testen"),
    ("elektra", "Apparaten schoonmaken en repareren"),
    ("fietsen", "Fietsen nakijken en repareren"),
    ("meubels", "Meubels opknappen en repareren"),
    ("textiel", "Textiel sorteren en beoordelen"),
    ("boeken", "Boeken en media sorteren en prijzen"),
    ("transport", "Goederen ophalen en bezorgen"),
    ("transport", "Veilig tillen, laden en lossen"),
    ("kassa", "Klanten helpen en afrekenen"),
    ("kassa", "De kassa openen en afsluiten"),
    ("magazijn", "Voorraad ontvangen en opslaan"),
]

# code, nl, en, electrical, bkn_tno factor, restart_wrap factor
PRODUCT_GROUPS = [
    ("meubels", "Meubels", "Furniture", False, "1.0", "1.45"),
    ("textiel", "Textiel", "Textiles", False, "1.0", "13.5"),
    ("witgoed", "Witgoed", "Large household appliances", True, "1.0", "3.0"),
    (
        "klein_elektrisch",
        "Kleine huishoudelijke apparaten",
        "Small household appliances",
        True,
        "1.0",
        "2.8",
    ),
    (
        "ict_elektronica",
        "Computers, beeld en geluid",
        "Computers, TV and audio",
        True,
        "1.0",
        "16.0",
    ),
    ("kleingoed", "Huisraad (kleingoed)", "Household goods", False, "1.0", "8.9"),
    ("boeken_media", "Boeken en platen", "Books and records", False, "1.0", "1.0"),
    ("speelgoed", "Speelgoed", "Toys", False, "1.0", "5.5"),
    ("fietsen", "Fietsen", "Bicycles", False, "1.0", "5.0"),
    ("overig", "Overig", "Other", False, "1.0", "8.9"),
]

FACTOR_SETS = [
    (
        "bkn_tno",
        "BKN / TNO vuistregel (1 kg CO2 per kg hergebruik)",
        True,
        "TNO-vuistregel die in de kringloopbranche wordt gebruikt: één ton hergebruikte goederen "
        "bespaart ongeveer één ton CO2-equivalent.",
        4,
    ),
    (
        "restart_wrap",
        "Restart Project / WRAP per productgroep",
        False,
        "The Restart Project, environmental-impact data (footprint vóór gebruik per kg × "
        "verdringing 0,5); WRAP Benefits of Reuse voor meubels (bank, direct hergebruik).",
        5,
    ),
]


def _seed_defaults() -> None:
    doelgroepen = sa.table(
        "doelgroepen",
        sa.column("code"),
        sa.column("label_nl"),
        sa.column("label_en"),
        sa.column("bkn_group"),
        sa.column("cedris_regeling"),
        sa.column("sort_order"),
        sa.column("active"),
        sa.column("version"),
    )
    op.bulk_insert(
        doelgroepen,
        [
            {
                "code": c,
                "label_nl": nl,
                "label_en": en,
                "bkn_group": bkn,
                "cedris_regeling": cedris,
                "sort_order": i,
                "active": True,
                "version": 1,
            }
            for i, (c, nl, en, bkn, cedris) in enumerate(DOELGROEPEN, start=1)
        ],
    )
    departments = sa.table(
        "departments",
        sa.column("id"),
        sa.column("code"),
        sa.column("label_nl"),
        sa.column("label_en"),
        sa.column("sort_order"),
        sa.column("active"),
        sa.column("version"),
    )
    op.bulk_insert(
        departments,
        [
            {
                "id": i,
                "code": c,
                "label_nl": nl,
                "label_en": en,
                "sort_order": i,
                "active": True,
                "version": 1,
            }
            for i, (c, nl, en) in enumerate(DEPARTMENTS, start=1)
        ],
    )
    department_ids = {code: i for i, (code, _nl, _en) in enumerate(DEPARTMENTS, start=1)}
    werkprocessen = sa.table(
        "werkprocessen",
        sa.column("department_id"),
        sa.column("name"),
        sa.column("active"),
        sa.column("version"),
    )
    op.bulk_insert(
        werkprocessen,
        [
            {"department_id": department_ids.get(dept), "name": name, "active": True, "version": 1}
            for dept, name in WERKPROCESSEN
        ],
    )
    product_groups = sa.table(
        "product_groups",
        sa.column("id"),
        sa.column("code"),
        sa.column("label_nl"),
        sa.column("label_en"),
        sa.column("electrical"),
        sa.column("sort_order"),
        sa.column("active"),
        sa.column("version"),
    )
    op.bulk_insert(
        product_groups,
        [
            {
                "id": i,
                "code": c,
                "label_nl": nl,
                "label_en": en,
                "electrical": el,
                "sort_order": i,
                "active": True,
                "version": 1,
            }
            for i, (c, nl, en, el, _tno, _restart) in enumerate(PRODUCT_GROUPS, start=1)
        ],
    )
    factor_sets = sa.table(
        "co2_factor_sets",
        sa.column("id"),
        sa.column("code"),
        sa.column("version"),
        sa.column("name"),
        sa.column("source"),
        sa.column("is_default"),
        sa.column("created_at"),
    )
    op.bulk_insert(
        factor_sets,
        [
            {
                "id": i,
                "code": code,
                "version": 1,
                "name": name,
                "source": source,
                "is_default": default,
                "created_at": datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
            }
            for i, (code, name, default, source, _column) in enumerate(FACTOR_SETS, start=1)
        ],
    )
    factors = sa.table(
        "co2_factors",
        sa.column("factor_set_id"),
        sa.column("product_group_id"),
        sa.column("factor_x10000"),
    )
    op.bulk_insert(
        factors,
        [
            {
                "factor_set_id": set_id,
                "product_group_id": group_id,
                "factor_x10000": int(Decimal(row[column]) * 10000),
            }
            for set_id, (*_rest, column) in enumerate(FACTOR_SETS, start=1)
            for group_id, row in enumerate(PRODUCT_GROUPS, start=1)
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        # Explicit ids above: move the sequences past them.
        for table in ("departments", "product_groups", "co2_factor_sets"):
            op.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )


def upgrade() -> None:
    op.create_table(
        "shop_secrets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("public_part", sa.LargeBinary(), nullable=True),
        sa.Column("wrapped_secret", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_secrets")),
        sa.UniqueConstraint("purpose", name=op.f("uq_shop_secrets_purpose")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("wrapped_data_key", sa.LargeBinary(), nullable=True),
        sa.Column("key_salt", sa.LargeBinary(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "role IN ('beheerder', 'begeleider', 'invoer')", name=op.f("ck_users_role_code")
        ),
        sa.CheckConstraint("failed_logins >= 0", name=op.f("ck_users_failed_logins_not_negative")),
        sa.CheckConstraint("length(username) > 0", name=op.f("ck_users_username_not_empty")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_users_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_log_entity_entity_id"), ["entity", "entity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_log_user_id_at"), ["user_id", "at"], unique=False
        )

    op.create_table(
        "co2_factor_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("version >= 1", name=op.f("ck_co2_factor_sets_version_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_co2_factor_sets_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_co2_factor_sets")),
        sa.UniqueConstraint("code", "version", name=op.f("uq_co2_factor_sets_code_version")),
    )
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_nl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_departments_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("code", name=op.f("uq_departments_code")),
    )
    op.create_table(
        "doelgroepen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_nl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("bkn_group", sa.String(length=40), nullable=False),
        sa.Column("cedris_regeling", sa.String(length=40), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "bkn_group IN ('zonder_werk', 'arbeidsuitdaging', 'opleiding', 'veiligheid', 'halt_reclassering', 'vrijwilliger', 'regulier')",
            name=op.f("ck_doelgroepen_bkn_group_code"),
        ),
        sa.CheckConstraint(
            "cedris_regeling IS NULL OR cedris_regeling IN ('wsw', 'beschut_werk', 'banenafspraak', 'participatiewet', 'dagbesteding', 'overig')",
            name=op.f("ck_doelgroepen_cedris_regeling_code"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_doelgroepen_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doelgroepen")),
        sa.UniqueConstraint("code", name=op.f("uq_doelgroepen_code")),
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_email", sa.String(length=200), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(length=40), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('sw_bedrijf', 'gemeente', 'uwv', 'school', 'zorg', 'branchevereniging', 'bedrijf', 'overig')",
            name=op.f("ck_partners_kind_code"),
        ),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_partners_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_partners_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("name", name=op.f("uq_partners_name")),
    )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partners_kind"), ["kind"], unique=False)

    op.create_table(
        "product_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_nl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("electrical", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_product_groups_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_groups")),
        sa.UniqueConstraint("code", name=op.f("uq_product_groups_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_settings_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "shop_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("website", sa.String(length=200), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(length=40), nullable=True),
        sa.Column("certificate_prefix", sa.String(length=10), nullable=False),
        sa.Column("accent_color", sa.String(length=7), nullable=False),
        sa.Column("mission", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_shop_profile_single_row")),
        sa.CheckConstraint(
            "length(certificate_prefix) BETWEEN 2 AND 10",
            name=op.f("ck_shop_profile_prefix_length"),
        ),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_shop_profile_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_shop_profile_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_profile")),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("length(title) > 0", name=op.f("ck_agreements_title_not_empty")),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
            name=op.f("ck_agreements_valid_to_after_from"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_agreements_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_agreements_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agreements_signed_date"), ["signed_date"], unique=False
        )

    op.create_table(
        "co2_factors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factor_set_id", sa.Integer(), nullable=False),
        sa.Column("product_group_id", sa.Integer(), nullable=False),
        sa.Column("factor_x10000", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("factor_x10000 >= 0", name=op.f("ck_co2_factors_factor_not_negative")),
        sa.ForeignKeyConstraint(
            ["factor_set_id"],
            ["co2_factor_sets.id"],
            name=op.f("fk_co2_factors_factor_set_id_co2_factor_sets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_group_id"],
            ["product_groups.id"],
            name=op.f("fk_co2_factors_product_group_id_product_groups"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_co2_factors")),
        sa.UniqueConstraint(
            "factor_set_id",
            "product_group_id",
            name=op.f("uq_co2_factors_factor_set_id_product_group_id"),
        ),
    )
    with op.batch_alter_table("co2_factors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_co2_factors_product_group_id"), ["product_group_id"], unique=False
        )

    op.create_table(
        "goods_flows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flow_date", sa.Date(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("product_group_id", sa.Integer(), nullable=False),
        sa.Column("weight_g", sa.BigInteger(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(direction = 'in' AND channel IN ('brengen', 'ophalen', 'ontruiming', 'milieustraat', 'bedrijf')) OR (direction = 'uit' AND channel IN ('hergebruik', 'hergebruik_online', 'recycling', 'restafval', 'export'))",
            name=op.f("ck_goods_flows_channel_matches_direction"),
        ),
        sa.CheckConstraint(
            "direction IN ('in', 'uit')", name=op.f("ck_goods_flows_direction_code")
        ),
        sa.CheckConstraint("weight_g > 0", name=op.f("ck_goods_flows_weight_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_goods_flows_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_group_id"],
            ["product_groups.id"],
            name=op.f("fk_goods_flows_product_group_id_product_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_goods_flows_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goods_flows")),
    )
    with op.batch_alter_table("goods_flows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goods_flows_direction_flow_date"),
            ["direction", "flow_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_goods_flows_flow_date"), ["flow_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_goods_flows_product_group_id_flow_date"),
            ["product_group_id", "flow_date"],
            unique=False,
        )

    op.create_table(
        "tagged_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_number", sa.String(length=40), nullable=False),
        sa.Column("product_group_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=True),
        sa.Column("model", sa.String(length=100), nullable=True),
        sa.Column("serial_number", sa.String(length=100), nullable=True),
        sa.Column("intake_date", sa.Date(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("electrical", sa.Boolean(), nullable=False),
        sa.Column("sold_date", sa.Date(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('in_behandeling', 'te_koop', 'verkocht', 'gerecycled', 'afgevoerd')",
            name=op.f("ck_tagged_items_status_code"),
        ),
        sa.CheckConstraint(
            "length(item_number) > 0", name=op.f("ck_tagged_items_item_number_not_empty")
        ),
        sa.CheckConstraint(
            "price_cents IS NULL OR price_cents >= 0",
            name=op.f("ck_tagged_items_price_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["product_group_id"],
            ["product_groups.id"],
            name=op.f("fk_tagged_items_product_group_id_product_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_tagged_items_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tagged_items")),
        sa.UniqueConstraint("item_number", name=op.f("uq_tagged_items_item_number")),
    )
    with op.batch_alter_table("tagged_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tagged_items_intake_date"), ["intake_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tagged_items_product_group_id_status"),
            ["product_group_id", "status"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_tagged_items_status"), ["status"], unique=False)

    op.create_table(
        "werkprocessen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_werkprocessen_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_werkprocessen_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_werkprocessen")),
        sa.UniqueConstraint(
            "department_id", "name", name=op.f("uq_werkprocessen_department_id_name")
        ),
    )
    with op.batch_alter_table("werkprocessen", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_werkprocessen_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "workers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=150), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("doelgroep_id", sa.Integer(), nullable=False),
        sa.Column("referrer", sa.String(length=200), nullable=True),
        sa.Column("referrer_contact", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("support_need_enc", sa.LargeBinary(), nullable=True),
        sa.Column("work_adjustments_enc", sa.LargeBinary(), nullable=True),
        sa.Column("anonymised_at", sa.Date(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('aangemeld', 'actief', 'gepauzeerd', 'uitgestroomd')",
            name=op.f("ck_workers_status_code"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_workers_end_after_start")
        ),
        sa.CheckConstraint("length(number) > 0", name=op.f("ck_workers_number_not_empty")),
        sa.ForeignKeyConstraint(
            ["doelgroep_id"],
            ["doelgroepen.id"],
            name=op.f("fk_workers_doelgroep_id_doelgroepen"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_workers_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workers")),
        sa.UniqueConstraint("number", name=op.f("uq_workers_number")),
    )
    with op.batch_alter_table("workers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workers_doelgroep_id"), ["doelgroep_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_workers_last_name_first_name"), ["last_name", "first_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_workers_referrer"), ["referrer"], unique=False)
        batch_op.create_index(batch_op.f("ix_workers_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_workers_status"), ["status"], unique=False)

    op.create_table(
        "placements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours_per_week_x100", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('betaald_werk', 'opleiding', 'andere_plek', 'dagbesteding', 'uitval', 'onbekend')",
            name=op.f("ck_placements_outcome_code"),
        ),
        sa.CheckConstraint(
            "status IN ('gepland', 'actief', 'gepauzeerd', 'afgerond', 'gestopt')",
            name=op.f("ck_placements_status_code"),
        ),
        sa.CheckConstraint(
            "(end_date IS NULL) = (outcome IS NULL)", name=op.f("ck_placements_outcome_with_end")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_placements_end_after_start")
        ),
        sa.CheckConstraint(
            "hours_per_week_x100 > 0 AND hours_per_week_x100 <= 4000",
            name=op.f("ck_placements_hours_per_week_range"),
        ),
        sa.CheckConstraint(
            "planned_end_date IS NULL OR planned_end_date >= start_date",
            name=op.f("ck_placements_planned_end_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["users.id"],
            name=op.f("fk_placements_coach_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_placements_department_id_departments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partners.id"],
            name=op.f("fk_placements_partner_id_partners"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_placements_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["workers.id"],
            name=op.f("fk_placements_worker_id_workers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placements")),
    )
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placements_coach_id"), ["coach_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_placements_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_placements_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_placements_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_placements_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_placements_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_placements_worker_id_start_date"),
            ["worker_id", "start_date"],
            unique=False,
        )

    op.create_table(
        "repairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("repair_date", sa.Date(), nullable=False),
        sa.Column("repairer_id", sa.Integer(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("barrier", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(outcome = 'End of life' AND barrier IS NOT NULL AND barrier IN ('Spare parts not available', 'Spare parts too expensive', 'No way to open the product', 'Repair information not available', 'Lack of equipment')) OR (outcome <> 'End of life' AND barrier IS NULL)",
            name=op.f("ck_repairs_barrier_for_end_of_life"),
        ),
        sa.CheckConstraint(
            "outcome IN ('Fixed', 'Repairable', 'End of life')",
            name=op.f("ck_repairs_outcome_code"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["tagged_items.id"],
            name=op.f("fk_repairs_item_id_tagged_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["repairer_id"],
            ["users.id"],
            name=op.f("fk_repairs_repairer_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_repairs_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repairs")),
    )
    with op.batch_alter_table("repairs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_repairs_item_id_repair_date"), ["item_id", "repair_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_repairs_repair_date"), ["repair_date"], unique=False)

    op.create_table(
        "safety_tests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("test_date", sa.Date(), nullable=False),
        sa.Column("tester_id", sa.Integer(), nullable=True),
        sa.Column("instrument", sa.String(length=200), nullable=True),
        sa.Column("protection_class", sa.String(length=3), nullable=False),
        sa.Column("pe_resistance_mohm", sa.BigInteger(), nullable=True),
        sa.Column("insulation_kohm", sa.BigInteger(), nullable=True),
        sa.Column("leakage_current_ua", sa.BigInteger(), nullable=True),
        sa.Column("touch_current_ua", sa.BigInteger(), nullable=True),
        sa.Column("visual_ok", sa.Boolean(), nullable=False),
        sa.Column("functional_ok", sa.Boolean(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "protection_class IN ('I', 'II')", name=op.f("ck_safety_tests_protection_class")
        ),
        sa.CheckConstraint(
            "insulation_kohm IS NULL OR insulation_kohm >= 0",
            name=op.f("ck_safety_tests_insulation_not_negative"),
        ),
        sa.CheckConstraint(
            "leakage_current_ua IS NULL OR leakage_current_ua >= 0",
            name=op.f("ck_safety_tests_leakage_not_negative"),
        ),
        sa.CheckConstraint(
            "pe_resistance_mohm IS NULL OR pe_resistance_mohm >= 0",
            name=op.f("ck_safety_tests_pe_not_negative"),
        ),
        sa.CheckConstraint(
            "touch_current_ua IS NULL OR touch_current_ua >= 0",
            name=op.f("ck_safety_tests_touch_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["tagged_items.id"],
            name=op.f("fk_safety_tests_item_id_tagged_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tester_id"],
            ["users.id"],
            name=op.f("fk_safety_tests_tester_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_safety_tests_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_tests")),
    )
    with op.batch_alter_table("safety_tests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safety_tests_item_id_test_date"), ["item_id", "test_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_safety_tests_test_date"), ["test_date"], unique=False)

    op.create_table(
        "signatories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=200), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint("side IN ('winkel', 'partner')", name=op.f("ck_signatories_side_code")),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_signatories_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatories")),
    )
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signatories_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("verification_code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=128), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'samenwerking' AND agreement_id IS NOT NULL AND placement_id IS NULL) OR (kind = 'deelname' AND placement_id IS NOT NULL AND agreement_id IS NULL)",
            name=op.f("ck_certificates_subject_matches_kind"),
        ),
        sa.CheckConstraint(
            "kind IN ('samenwerking', 'deelname')", name=op.f("ck_certificates_kind_code")
        ),
        sa.CheckConstraint(
            "(revoked_at IS NULL) = (revoke_reason IS NULL)",
            name=op.f("ck_certificates_revoke_has_reason"),
        ),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_certificates_sequence_positive")),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_certificates_agreement_id_agreements"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["users.id"],
            name=op.f("fk_certificates_issued_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_certificates_placement_id_placements"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["certificates.id"],
            name=op.f("fk_certificates_replaces_id_certificates"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"],
            ["users.id"],
            name=op.f("fk_certificates_revoked_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("serial", name=op.f("uq_certificates_serial")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_certificates_verification_code")),
        sa.UniqueConstraint("year", "sequence", name=op.f("uq_certificates_year_sequence")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificates_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_certificates_issued_at"), ["issued_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_certificates_kind_issued_at"), ["kind", "issued_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_certificates_placement_id"), ["placement_id"], unique=False
        )

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'behaald', 'niet_behaald')", name=op.f("ck_goals_status_code")
        ),
        sa.CheckConstraint("length(description) > 0", name=op.f("ck_goals_description_not_empty")),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_goals_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_goals_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_placement_id"), ["placement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_goals_status_target_date"), ["status", "target_date"], unique=False
        )

    op.create_table(
        "hour_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("hours_x100", sa.BigInteger(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "hours_x100 > 0 AND hours_x100 <= 2400", name=op.f("ck_hour_entries_hours_range")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_hour_entries_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_hour_entries_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hour_entries")),
    )
    with op.batch_alter_table("hour_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hour_entries_entry_date"), ["entry_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hour_entries_placement_id_entry_date"),
            ["placement_id", "entry_date"],
            unique=False,
        )

    op.create_table(
        "placement_skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("werkproces_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_placement_skills_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_placement_skills_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["werkproces_id"],
            ["werkprocessen.id"],
            name=op.f("fk_placement_skills_werkproces_id_werkprocessen"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_skills")),
        sa.UniqueConstraint(
            "placement_id", "name", name=op.f("uq_placement_skills_placement_id_name")
        ),
    )
    with op.batch_alter_table("placement_skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_placement_skills_werkproces_id"), ["werkproces_id"], unique=False
        )

    op.create_table(
        "progress_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("note_date", sa.Date(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body_enc", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_progress_notes_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_progress_notes_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_progress_notes_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_notes")),
    )
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_progress_notes_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_progress_notes_placement_id_note_date"),
            ["placement_id", "note_date"],
            unique=False,
        )
    _seed_defaults()


def downgrade() -> None:
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_notes_placement_id_note_date"))
        batch_op.drop_index(batch_op.f("ix_progress_notes_author_id"))

    op.drop_table("progress_notes")
    with op.batch_alter_table("placement_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_skills_werkproces_id"))

    op.drop_table("placement_skills")
    with op.batch_alter_table("hour_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hour_entries_placement_id_entry_date"))
        batch_op.drop_index(batch_op.f("ix_hour_entries_entry_date"))

    op.drop_table("hour_entries")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_status_target_date"))
        batch_op.drop_index(batch_op.f("ix_goals_placement_id"))

    op.drop_table("goals")
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificates_placement_id"))
        batch_op.drop_index(batch_op.f("ix_certificates_kind_issued_at"))
        batch_op.drop_index(batch_op.f("ix_certificates_issued_at"))
        batch_op.drop_index(batch_op.f("ix_certificates_agreement_id"))

    op.drop_table("certificates")
    with op.batch_alter_table("signatories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatories_agreement_id"))

    op.drop_table("signatories")
    with op.batch_alter_table("safety_tests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_tests_test_date"))
        batch_op.drop_index(batch_op.f("ix_safety_tests_item_id_test_date"))

    op.drop_table("safety_tests")
    with op.batch_alter_table("repairs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repairs_repair_date"))
        batch_op.drop_index(batch_op.f("ix_repairs_item_id_repair_date"))

    op.drop_table("repairs")
    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placements_worker_id_start_date"))
        batch_op.drop_index(batch_op.f("ix_placements_status"))
        batch_op.drop_index(batch_op.f("ix_placements_start_date"))
        batch_op.drop_index(batch_op.f("ix_placements_partner_id"))
        batch_op.drop_index(batch_op.f("ix_placements_end_date"))
        batch_op.drop_index(batch_op.f("ix_placements_department_id"))
        batch_op.drop_index(batch_op.f("ix_placements_coach_id"))

    op.drop_table("placements")
    with op.batch_alter_table("workers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workers_status"))
        batch_op.drop_index(batch_op.f("ix_workers_start_date"))
        batch_op.drop_index(batch_op.f("ix_workers_referrer"))
        batch_op.drop_index(batch_op.f("ix_workers_last_name_first_name"))
        batch_op.drop_index(batch_op.f("ix_workers_doelgroep_id"))

    op.drop_table("workers")
    with op.batch_alter_table("werkprocessen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_werkprocessen_department_id"))

    op.drop_table("werkprocessen")
    with op.batch_alter_table("tagged_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tagged_items_status"))
        batch_op.drop_index(batch_op.f("ix_tagged_items_product_group_id_status"))
        batch_op.drop_index(batch_op.f("ix_tagged_items_intake_date"))

    op.drop_table("tagged_items")
    with op.batch_alter_table("goods_flows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goods_flows_product_group_id_flow_date"))
        batch_op.drop_index(batch_op.f("ix_goods_flows_flow_date"))
        batch_op.drop_index(batch_op.f("ix_goods_flows_direction_flow_date"))

    op.drop_table("goods_flows")
    with op.batch_alter_table("co2_factors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_co2_factors_product_group_id"))

    op.drop_table("co2_factors")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_signed_date"))
        batch_op.drop_index(batch_op.f("ix_agreements_partner_id"))

    op.drop_table("agreements")
    op.drop_table("shop_profile")
    op.drop_table("settings")
    op.drop_table("product_groups")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partners_kind"))

    op.drop_table("partners")
    op.drop_table("doelgroepen")
    op.drop_table("departments")
    op.drop_table("co2_factor_sets")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_user_id_at"))
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("shop_secrets")
