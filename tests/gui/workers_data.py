"""A few workers with placements, made through the services, for the Deelnemers and
Plaatsingen tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kringloopdesk.db.engine import Database
from kringloopdesk.services import placements, workers
from kringloopdesk.services.auth import Actor
from kringloopdesk.services.workers import WorkerInput

D = dt.date
TODAY = dt.date.today()
SUPPORT = "Werkt het best met een vaste taak en korte instructies."
ADJUSTMENTS = "Vaste werkplek bij de sorteertafel."


@dataclass(frozen=True)
class Shop:
    anais: int
    jan: int
    lukasz: int
    eva: int
    piet: int
    anais_placement: int
    jan_placement: int
    eva_placement: int


def make_people(db: Database, actor: Actor) -> Shop:
    """Anaïs (winkel, running, planned end in 20 days), Jan (sorteren, running, paused),
    Łukasz (kassa, ended: betaald werk), Eva (fietsen, starts in a week), Piet (no placement,
    uitgestroomd)."""

    def make(session, number, first, last, doelgroep, status="actief", **kwargs):
        return workers.create_worker(
            session, actor,
            WorkerInput(number=number, first_name=first, last_name=last, doelgroep=doelgroep,
                        start_date=D(2024, 1, 8), status=status, **kwargs),
        ).id

    with db.session() as session:
        anais = make(session, "D-0001", "Anaïs", "Çelik", "participatiewet",
                     referrer="Gemeente Amersfoort", support_need=SUPPORT,
                     work_adjustments=ADJUSTMENTS)
        jan = make(session, "D-0002", "Jan", "de Vries", "wsw", referrer="Amfors")
        lukasz = make(session, "D-0003", "Łukasz", "Nowak", "inburgering")
        eva = make(session, "D-0004", "Eva", "van 't Hof", "stagiair", referrer="MBO Amersfoort")
        piet = make(session, "D-0005", "Piet", "Bakker", "vrijwilliger", status="uitgestroomd")
        a = placements.create_placement(session, actor, anais, "winkel",
                                        TODAY - dt.timedelta(days=200), 16,
                                        planned_end_date=TODAY + dt.timedelta(days=20))
        j = placements.create_placement(session, actor, jan, "sorteren",
                                        TODAY - dt.timedelta(days=400), 24)
        placements.pause_placement(session, actor, j.id)
        old = placements.create_placement(session, actor, lukasz, "kassa",
                                          TODAY - dt.timedelta(days=500), 20)
        placements.end_placement(session, actor, old.id, TODAY - dt.timedelta(days=30),
                                 "betaald_werk")
        e = placements.create_placement(session, actor, eva, "fietsen",
                                        TODAY + dt.timedelta(days=7), 8)
    return Shop(anais, jan, lukasz, eva, piet, a.id, j.id, e.id)
