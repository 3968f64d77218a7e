"""The shop's editable code lists (doelgroepen, departments, product groups) as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kringloopdesk.db.models import Department, Doelgroep, ProductGroup


@dataclass(frozen=True)
class CodeItem:
    id: int
    code: str
    label_nl: str
    label_en: str

    def label(self, language: str = "nl") -> str:
        return self.label_en if language == "en" else self.label_nl


@dataclass(frozen=True)
class DoelgroepItem(CodeItem):
    bkn_group: str
    cedris_regeling: str | None


@dataclass(frozen=True)
class ProductGroupItem(CodeItem):
    electrical: bool


def doelgroepen(session: Session, *, include_inactive: bool = False) -> list[DoelgroepItem]:
    query = select(Doelgroep).order_by(Doelgroep.sort_order, Doelgroep.code)
    if not include_inactive:
        query = query.where(Doelgroep.active)
    return [
        DoelgroepItem(d.id, d.code, d.label_nl, d.label_en, d.bkn_group, d.cedris_regeling)
        for d in session.scalars(query)
    ]


def departments(session: Session, *, include_inactive: bool = False) -> list[CodeItem]:
    query = select(Department).order_by(Department.sort_order, Department.code)
    if not include_inactive:
        query = query.where(Department.active)
    return [CodeItem(d.id, d.code, d.label_nl, d.label_en) for d in session.scalars(query)]


def product_groups(session: Session, *, include_inactive: bool = False) -> list[ProductGroupItem]:
    query = select(ProductGroup).order_by(ProductGroup.sort_order, ProductGroup.code)
    if not include_inactive:
        query = query.where(ProductGroup.active)
    return [
        ProductGroupItem(p.id, p.code, p.label_nl, p.label_en, p.electrical)
        for p in session.scalars(query)
    ]
