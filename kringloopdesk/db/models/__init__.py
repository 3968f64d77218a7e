"""All tables of KringloopDesk. Import from here: ``from kringloopdesk.db.models import Worker``."""

from kringloopdesk.db.models.accounts import AuditEntry, Setting, ShopProfile, ShopSecret, User
from kringloopdesk.db.models.goods import (
    FactorSet,
    FactorValue,
    GoodsFlow,
    ProductGroup,
    Repair,
    SafetyTest,
    TaggedItem,
)
from kringloopdesk.db.models.partners import Agreement, Certificate, Partner, Signatory
from kringloopdesk.db.models.people import (
    Department,
    Doelgroep,
    Goal,
    HourEntry,
    Placement,
    PlacementSkill,
    ProgressNote,
    Werkproces,
    Worker,
)

__all__ = [
    "Agreement",
    "AuditEntry",
    "Certificate",
    "Department",
    "Doelgroep",
    "FactorSet",
    "FactorValue",
    "Goal",
    "GoodsFlow",
    "HourEntry",
    "Partner",
    "Placement",
    "PlacementSkill",
    "ProductGroup",
    "ProgressNote",
    "Repair",
    "SafetyTest",
    "Setting",
    "ShopProfile",
    "ShopSecret",
    "Signatory",
    "TaggedItem",
    "User",
    "Werkproces",
    "Worker",
]
