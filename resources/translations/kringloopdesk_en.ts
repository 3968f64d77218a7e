<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AccentPicker</name>
    <message>
        <source>Kleur {color}</source>
        <translation>Colour {color}</translation>
    </message>
    <message>
        <source>&amp;Andere kleur…</source>
        <translation>&amp;Other colour…</translation>
    </message>
    <message>
        <source>Accentkleur kiezen</source>
        <translation>Choose accent colour</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Functie (optioneel)</source>
        <translation>Position (optional)</translation>
    </message>
    <message>
        <source>Overeenkomst wijzigen</source>
        <translation>Edit agreement</translation>
    </message>
    <message>
        <source>Nieuwe overeenkomst</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>Overeenkomst met {partner} wijzigen</source>
        <translation>Edit agreement with {partner}</translation>
    </message>
    <message>
        <source>Nieuwe overeenkomst met {partner}</source>
        <translation>New agreement with {partner}</translation>
    </message>
    <message>
        <source>De samenwerkingsovereenkomst zoals die is getekend. Voor een samenwerkingscertificaat is aan beide kanten een ondertekenaar nodig.</source>
        <translation>The agreement as it was signed. A partnership certificate needs a signatory on both sides.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Overeenkomst toevoegen</source>
        <translation>Add agreement</translation>
    </message>
    <message>
        <source>bijv. Samenwerkingsovereenkomst werkervaringsplekken</source>
        <translation>e.g. Agreement on work experience placements</translation>
    </message>
    <message>
        <source>Waarover de samenwerking gaat, bijv. werkervaringsplekken, opleiding van mensen met een ondersteuningsbehoefte, gezamenlijke lobby</source>
        <translation>What the partnership covers, e.g. work experience placements, training people who need support, joint lobbying</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Getekend op</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Getekend in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Leeg: voor onbepaalde tijd</source>
        <translation>Empty: for an indefinite period</translation>
    </message>
    <message>
        <source>Inhoud</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Ondertekenaars</source>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>de overeenkomst</source>
        <translation>the agreement</translation>
    </message>
    <message>
        <source>Overeenkomst opgeslagen</source>
        <translation>Agreement saved</translation>
    </message>
    <message>
        <source>Overeenkomst toegevoegd</source>
        <translation>Agreement added</translation>
    </message>
</context>
<context>
    <name>AgreementsModel</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Getekend</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Geldig t/m</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>niet getekend</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>onbepaalde tijd</source>
        <translation>indefinite</translation>
    </message>
    <message>
        <source>{date} (verlopen)</source>
        <translation>{date} (expired)</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>De laatste automatische back-up is mislukt: {problem}</source>
        <translation>The last automatic backup failed: {problem}</translation>
    </message>
</context>
<context>
    <name>AppearanceTab</name>
    <message>
        <source>Licht</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Donker</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Schermen en meldingen. Datums en bedragen blijven Nederlands geschreven (15-03-2025, 12,50).</source>
        <translation>Screens and messages. Dates and amounts keep the Dutch notation (15-03-2025, 12,50).</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Donker is rustiger voor de ogen in een schemerige ruimte. De accentkleur van de winkel blijft.</source>
        <translation>Dark is easier on the eyes in a dim room. The shop&apos;s accent colour stays.</translation>
    </message>
    <message>
        <source>Weergave op deze pc</source>
        <translation>Display on this PC</translation>
    </message>
    <message>
        <source>Elke gebruiker kan dit kiezen; het geldt voor iedereen die op deze pc werkt, en de winkelgegevens veranderen er niet door.</source>
        <translation>Every user can choose this; it applies to everyone who works on this PC, and the shop&apos;s data does not change.</translation>
    </message>
    <message>
        <source>De instelling kon niet worden bewaard: {problem}</source>
        <translation>The setting could not be saved: {problem}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>De database kan niet worden geopend</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Deelnemer</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Plaatsing</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Ontwikkeldoel</source>
        <translation>Development goal</translation>
    </message>
    <message>
        <source>Voortgangsnotitie</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Werkproces</source>
        <translation>Work process</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Winkelgegevens</source>
        <translation>Shop details</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Partnerorganisatie</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Samenwerkingsovereenkomst</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Certificaat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Artikel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Reparatie</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Veiligheidstest</source>
        <translation>Safety test</translation>
    </message>
    <message>
        <source>Goederenstroom</source>
        <translation>Goods flow</translation>
    </message>
    <message>
        <source>gebruikersnaam</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>rol</source>
        <translation>role</translation>
    </message>
    <message>
        <source>actief</source>
        <translation>active</translation>
    </message>
    <message>
        <source>wachtwoord</source>
        <translation>password</translation>
    </message>
    <message>
        <source>herstelsleutel</source>
        <translation>recovery key</translation>
    </message>
    <message>
        <source>nummer</source>
        <translation>number</translation>
    </message>
    <message>
        <source>voornaam</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>achternaam</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>geboortedatum</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>telefoon</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>straat</source>
        <translation>street</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>plaats</source>
        <translation>city</translation>
    </message>
    <message>
        <source>doelgroep</source>
        <translation>target group</translation>
    </message>
    <message>
        <source>verwijzer</source>
        <translation>referrer</translation>
    </message>
    <message>
        <source>contactpersoon verwijzer</source>
        <translation>contact person at the referrer</translation>
    </message>
    <message>
        <source>contactpersoon</source>
        <translation>contact person</translation>
    </message>
    <message>
        <source>startdatum</source>
        <translation>start date</translation>
    </message>
    <message>
        <source>einddatum</source>
        <translation>end date</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>ondersteuningsvraag</source>
        <translation>support need</translation>
    </message>
    <message>
        <source>werkaanpassingen</source>
        <translation>work adjustments</translation>
    </message>
    <message>
        <source>tekst</source>
        <translation>text</translation>
    </message>
    <message>
        <source>voortgangsnotities</source>
        <translation>progress notes</translation>
    </message>
    <message>
        <source>tekst ontwikkeldoelen</source>
        <translation>goal text</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>logo</translation>
    </message>
    <message>
        <source>accentkleur</source>
        <translation>accent colour</translation>
    </message>
    <message>
        <source>certificaatcode</source>
        <translation>certificate code</translation>
    </message>
    <message>
        <source>missie</source>
        <translation>mission</translation>
    </message>
    <message>
        <source>vergrendelen na</source>
        <translation>lock after</translation>
    </message>
    <message>
        <source>bewaartermijn</source>
        <translation>retention period</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Gewijzigde velden</source>
        <translation>Changed fields</translation>
    </message>
    <message>
        <source>(niet ingelogd)</source>
        <translation>(not logged in)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alle acties</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Soort record</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Alle records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Alle data</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Afgelopen 7 dagen</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Afgelopen 30 dagen</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Dit jaar</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Zelf kiezen…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>To</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Filter wissen</source>
        <translation>Clear filter</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Het logboek opnieuw ophalen (F5)</source>
        <translation>Reload the audit log (F5)</translation>
    </message>
    <message>
        <source>Wie wat heeft vastgelegd of gewijzigd, nieuwste bovenaan — zonder de inhoud zelf. Het logboek kan niet worden gewijzigd of gewist.</source>
        <translation>Who recorded or changed what, newest first — without the content itself. The audit log cannot be changed or erased.</translation>
    </message>
    <message>
        <source>Logboek</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Alle gebruikers</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Geen regels bij dit filter — kies een ander filter of wis het</source>
        <translation>No entries match this filter — choose another filter or clear it</translation>
    </message>
    <message>
        <source>Nog niets in het logboek</source>
        <translation>Nothing in the audit log yet</translation>
    </message>
    <message>
        <source>1 regel</source>
        <translation>1 row</translation>
    </message>
    <message>
        <source>{n} regels</source>
        <translation>{n} rows</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Een back-up maken bij het afsluiten</source>
        <translation>Make a backup on exit</translation>
    </message>
    <message>
        <source>Elke dag een back-up maken (bij de eerste keer inloggen, of om middernacht)</source>
        <translation>Make a backup every day (at the first login, or at midnight)</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source> weken</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source> maanden</source>
        <translation> months</translation>
    </message>
    <message>
        <source>&amp;Kiezen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Dagelijks</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Bewaar per dag</source>
        <translation>Keep daily</translation>
    </message>
    <message>
        <source>Van elke dag, week en maand blijft de nieuwste automatische back-up; handmatige back-ups worden nooit weggegooid.</source>
        <translation>Of each day, week and month the newest automatic backup is kept; manual backups are never deleted.</translation>
    </message>
    <message>
        <source>Bewaar per week</source>
        <translation>Keep weekly</translation>
    </message>
    <message>
        <source>Bewaar per maand</source>
        <translation>Keep monthly</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Op deze pc; leeg is de standaardmap. Een map op een andere schijf beschermt ook tegen een kapotte schijf.</source>
        <translation>On this PC; empty means the default folder. A folder on another drive also protects against a failed drive.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Er staan nog geen back-ups in deze map.</source>
        <translation>There are no backups in this folder yet.</translation>
    </message>
    <message>
        <source>Nu een &amp;back-up maken…</source>
        <translation>Make a &amp;backup now…</translation>
    </message>
    <message>
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Automatische back-ups op deze pc</source>
        <translation>Automatic backups on this PC</translation>
    </message>
    <message>
        <source>Back-ups in de map</source>
        <translation>Backups in the folder</translation>
    </message>
    <message>
        <source>Een back-up bevat alle gegevens van de winkel; de gevoelige teksten alleen versleuteld. Na terugzetten zijn de wachtwoorden en de herstelsleutel van toen nodig. Bewaar een USB-stick met back-ups achter slot.</source>
        <translation>A backup contains all the shop&apos;s data; sensitive texts only in encrypted form. After a restore you need the passwords and the recovery key from that time. Keep a USB stick with backups under lock and key.</translation>
    </message>
    <message>
        <source>De instelling kon niet worden bewaard: {problem}</source>
        <translation>The setting could not be saved: {problem}</translation>
    </message>
    <message>
        <source>Instelling bewaard</source>
        <translation>Setting saved</translation>
    </message>
    <message>
        <source>Map voor back-ups</source>
        <translation>Folder for backups</translation>
    </message>
    <message>
        <source>Back-up maken</source>
        <translation>Make backup</translation>
    </message>
    <message>
        <source>KringloopDesk-back-up (*.sqlite *.zip)</source>
        <translation>KringloopDesk backup (*.sqlite *.zip)</translation>
    </message>
    <message>
        <source>Back-up gemaakt en gecontroleerd: {path}</source>
        <translation>Backup made and checked: {path}</translation>
    </message>
    <message>
        <source>De back-up wordt gemaakt en gecontroleerd.</source>
        <translation>The backup is being made and checked.</translation>
    </message>
    <message>
        <source>Back-up kiezen</source>
        <translation>Choose backup</translation>
    </message>
</context>
<context>
    <name>BalanceModel</name>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Let op</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Voorraad begin</source>
        <translation>Opening stock</translation>
    </message>
    <message>
        <source>Inbreng</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>→ {bestemming}</source>
        <translation>→ {bestemming}</translation>
    </message>
    <message>
        <source>Afvoer totaal</source>
        <translation>Total outflow</translation>
    </message>
    <message>
        <source>Verschil</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Voorraad eind</source>
        <translation>Closing stock</translation>
    </message>
    <message>
        <source>Meer afgevoerd dan aanwezig: {groups}</source>
        <translation>More went out than was present: {groups}</translation>
    </message>
    <message>
        <source>{kg} kg meer afgevoerd dan aanwezig</source>
        <translation>{kg} kg more went out than was present</translation>
    </message>
</context>
<context>
    <name>BalancePage</name>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Per maand</source>
        <translation>Per month</translation>
    </message>
    <message>
        <source>Per kwartaal</source>
        <translation>Per quarter</translation>
    </message>
    <message>
        <source>Per jaar</source>
        <translation>Per year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Alle productgroepen</source>
        <translation>All product groups</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Meer afgevoerd dan er was</source>
        <translation>More went out than there was</translation>
    </message>
    <message>
        <source>In de rood gemarkeerde perioden is meer afgevoerd dan er binnenkwam plus de voorraad aan het begin. Dat kan niet: waarschijnlijk is een inbreng niet gewogen of een weging verkeerd ingevoerd. Zoek de wegingen van die periode op bij Stromen en corrigeer ze.</source>
        <translation>In the periods marked red, more went out than came in plus the opening stock. That is impossible: probably an intake was not weighed or a weighing was entered wrongly. Look up the weighings for that period under Flows and correct them.</translation>
    </message>
    <message>
        <source>Balans per periode</source>
        <translation>Balance per period</translation>
    </message>
    <message>
        <source>Nog geen wegingen in deze periode — weeg goederen op de Weegpost of importeer een bestand met stromen</source>
        <translation>No weighings in this period yet — weigh goods at the Weighing station or import a file with flows</translation>
    </message>
    <message>
        <source>Voorraad begin = alle inbreng min alle afvoer vóór de periode · Verschil = inbreng − afvoer · Voorraad eind = voorraad begin + verschil</source>
        <translation>Opening stock = all intake minus all outflow before the period · Difference = intake − outflow · Closing stock = opening stock + difference</translation>
    </message>
    <message>
        <source>Inbreng, afvoer (→ per bestemming) en voorraad per periode, in kg</source>
        <translation>Intake, outflow (→ per destination) and stock per period, in kg</translation>
    </message>
    <message>
        <source>Balans</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Voorraad aan het eind: {kg} kg</source>
        <translation>Closing stock: {kg} kg</translation>
    </message>
</context>
<context>
    <name>BatchWorker</name>
    <message>
        <source>U bent niet meer aangemeld.</source>
        <translation>You are no longer logged in.</translation>
    </message>
</context>
<context>
    <name>BeheerderPage</name>
    <message>
        <source>Winkel aanmaken</source>
        <translation>Create shop</translation>
    </message>
    <message>
        <source>De eerste beheerder</source>
        <translation>The first manager</translation>
    </message>
    <message>
        <source>De beheerder mag alles: instellingen, gebruikers, exporten en certificaten. Met dit account logt u voortaan in.</source>
        <translation>The manager may do everything: settings, users, exports and certificates. From now on you log in with this account.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Bea de Vries</source>
        <translation>For example: Bea de Vries</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Volledige naam</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens. Schrijf het op een veilige plek op.</source>
        <translation>At least 8 characters. Write it down in a safe place.</translation>
    </message>
    <message>
        <source>Wachtwoord herhalen</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>* verplicht</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>Niet gelijk aan het wachtwoord hierboven</source>
        <translation>Does not match the password above</translation>
    </message>
</context>
<context>
    <name>CertificateBatchDialog</name>
    <message>
        <source>Certificaten in één keer</source>
        <translation>Certificates in one go</translation>
    </message>
    <message>
        <source>Certificaten van deelname in één keer</source>
        <translation>Participation certificates in one go</translation>
    </message>
    <message>
        <source>Voor de plaatsingen die in de gekozen periode zijn geëindigd. Aangevinkt zijn de plaatsingen die nog geen geldig certificaat hebben.</source>
        <translation>For the placements that ended in the chosen period. Placements that do not yet have a valid certificate are ticked.</translation>
    </message>
    <message>
        <source>Geëindigd van</source>
        <translation>Ended from</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Certificaat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Eén PDF met alle certificaten</source>
        <translation>One PDF with all certificates</translation>
    </message>
    <message>
        <source>Eén bestand per certificaat (in een map)</source>
        <translation>One file per certificate (in a folder)</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Map openen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>&amp;Alles aanvinken</source>
        <translation>Tick &amp;all</translation>
    </message>
    <message>
        <source>&amp;Niets aanvinken</source>
        <translation>Tick &amp;none</translation>
    </message>
    <message>
        <source>&amp;Uitgeven…</source>
        <translation>&amp;Issue…</translation>
    </message>
    <message>
        <source>Kies een periode: twee datums, de eerste niet na de tweede.</source>
        <translation>Choose a period: two dates, the first not after the second.</translation>
    </message>
    <message>
        <source>Geen plaatsingen geëindigd tussen {first} en {last} — kies een andere periode.</source>
        <translation>No placements ended between {first} and {last} — choose another period.</translation>
    </message>
    <message>
        <source>al uitgegeven</source>
        <translation>already issued</translation>
    </message>
    <message>
        <source>nog niet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{n} van {total} aangevinkt</source>
        <translation>{n} of {total} ticked</translation>
    </message>
    <message>
        <source>Vink ten minste één plaatsing aan</source>
        <translation>Tick at least one placement</translation>
    </message>
    <message>
        <source>Certificaten opslaan</source>
        <translation>Save certificates</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Map voor de certificaten</source>
        <translation>Folder for the certificates</translation>
    </message>
    <message>
        <source>%v van %m certificaten</source>
        <translation>%v of %m certificates</translation>
    </message>
    <message>
        <source>Bezig met uitgeven…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <source>Wordt geannuleerd…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Annuleren… de certificaten worden teruggedraaid.</source>
        <translation>Cancelling… the certificates are being rolled back.</translation>
    </message>
    <message>
        <source>{n} certificaten uitgegeven ({span}), samen in {path}.</source>
        <translation>{n} certificates issued ({span}), together in {path}.</translation>
    </message>
    <message>
        <source>{n} certificaten uitgegeven ({span}), elk als eigen bestand in {path}.</source>
        <translation>{n} certificates issued ({span}), each as a separate file in {path}.</translation>
    </message>
    <message>
        <source>1 certificaat uitgegeven ({span}), opgeslagen in {path}.</source>
        <translation>1 certificate issued ({span}), saved in {path}.</translation>
    </message>
    <message>
        <source>{n} certificaten uitgegeven</source>
        <translation>{n} certificates issued</translation>
    </message>
    <message>
        <source>Geannuleerd: er is niets uitgegeven en er is geen bestand achtergelaten.</source>
        <translation>Cancelled: nothing was issued and no file was left behind.</translation>
    </message>
    <message>
        <source>Niet gelukt: {message} Er is niets uitgegeven en er is geen bestand achtergelaten.</source>
        <translation>Failed: {message} Nothing was issued and no file was left behind.</translation>
    </message>
    <message>
        <source>Er ging iets mis; er is niets uitgegeven.</source>
        <translation>Something went wrong; nothing was issued.</translation>
    </message>
</context>
<context>
    <name>CertificatePreviewDialog</name>
    <message>
        <source>Certificaat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Certificaat van deelname</source>
        <translation>Participation certificate</translation>
    </message>
    <message>
        <source>Samenwerkingscertificaat</source>
        <translation>Partnership certificate</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Staand</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Liggend</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Opslaan als PDF (Ctrl+S)</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Uitgeven</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Het certificaat krijgt een nummer en een controlecode en komt in het register</source>
        <translation>The certificate gets a number and a verification code and is entered in the register</translation>
    </message>
    <message>
        <source>Het certificaat kan hier niet getoond worden.</source>
        <translation>The certificate cannot be shown here.</translation>
    </message>
    <message>
        <source>Dit certificaat uitgeven?</source>
        <translation>Issue this certificate?</translation>
    </message>
    <message>
        <source>Het krijgt een vast nummer en een controlecode en komt in het register van de winkel. Daarna is het niet meer te wijzigen; wel kunt u het intrekken of opnieuw uitgeven.</source>
        <translation>It gets a fixed number and a verification code and is entered in the shop&apos;s register. After that it can no longer be changed; you can still revoke or reissue it.</translation>
    </message>
    <message>
        <source>Certificaat {serial} uitgegeven</source>
        <translation>Certificate {serial} issued</translation>
    </message>
    <message>
        <source>Concept — nog niet uitgegeven. Kies de taal en de richting; met Uitgeven krijgt het certificaat een nummer en een controlecode.</source>
        <translation>Draft — not issued yet. Choose the language and the orientation; Issue gives the certificate a number and a verification code.</translation>
    </message>
    <message>
        <source>Geef het certificaat eerst uit</source>
        <translation>Issue the certificate first</translation>
    </message>
    <message>
        <source>Opslaan als PDF (Ctrl+S) kan nadat het certificaat is uitgegeven</source>
        <translation>Save as PDF (Ctrl+S) is possible once the certificate has been issued</translation>
    </message>
    <message>
        <source>Certificaat — concept</source>
        <translation>Certificate — draft</translation>
    </message>
    <message>
        <source>Uitgegeven: {serial} · controlecode {code} · {subject}</source>
        <translation>Issued: {serial} · verification code {code} · {subject}</translation>
    </message>
    <message>
        <source>vervangt {serial}</source>
        <translation>replaces {serial}</translation>
    </message>
    <message>
        <source>Opgeslagen: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Afdrukken via het afdrukvenster van Windows (Ctrl+P)</source>
        <translation>Print through the Windows print dialog (Ctrl+P)</translation>
    </message>
    <message>
        <source>Certificaat {serial}</source>
        <translation>Certificate {serial}</translation>
    </message>
    <message>
        <source>Certificaat opslaan</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Het certificaat kan niet worden opgeslagen in {path}: {problem}. Er is niets half geschreven; kies een andere map. Het certificaat staat wel in het register.</source>
        <translation>The certificate cannot be saved in {path}: {problem}. Nothing was half-written; choose another folder. The certificate is in the register.</translation>
    </message>
    <message>
        <source>Certificaat {serial} opgeslagen: {path}</source>
        <translation>Certificate {serial} saved: {path}</translation>
    </message>
    <message>
        <source>Certificaat afdrukken</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <source>De printer kon niet worden gestart. Kijk of hij aan staat en verbonden is, of sla het certificaat op als PDF en druk dat later af.</source>
        <translation>The printer could not be started. Check that it is switched on and connected, or save the certificate as a PDF and print that later.</translation>
    </message>
    <message>
        <source>Certificaat {serial} naar de printer gestuurd</source>
        <translation>Certificate {serial} sent to the printer</translation>
    </message>
    <message>
        <source>Certificaat niet opgeslagen</source>
        <translation>Certificate not saved</translation>
    </message>
    <message>
        <source>Certificaat {serial} opslaan voordat u sluit?</source>
        <translation>Save certificate {serial} before closing?</translation>
    </message>
    <message>
        <source>Het certificaat staat in het register, maar het bestand is nog nergens opgeslagen. Sluit u zonder opslaan, dan kunt u het alleen nog opnieuw uitgeven, met een nieuw nummer.</source>
        <translation>The certificate is in the register, but the file has not been saved anywhere yet. If you close without saving, you can only reissue it, with a new number.</translation>
    </message>
    <message>
        <source>Sluiten zonder opslaan</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Voor</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Uitgegeven</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Geldig</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Ingetrokken op {moment}: {reason}</source>
        <translation>Revoked on {moment}: {reason}</translation>
    </message>
    <message>
        <source>Vervangen door {serial}</source>
        <translation>Replaced by {serial}</translation>
    </message>
    <message>
        <source>Vervangt {serial}</source>
        <translation>Replaces {serial}</translation>
    </message>
    <message>
        <source>In het Nederlands</source>
        <translation>In Dutch</translation>
    </message>
    <message>
        <source>In het Engels</source>
        <translation>In English</translation>
    </message>
    <message>
        <source>Door {name}</source>
        <translation>By {name}</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Controleren of een certificaat (PDF of code) echt en nog geldig is</source>
        <translation>Verify whether a certificate (PDF or code) is genuine and still valid</translation>
    </message>
    <message>
        <source>Alle soorten</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Alle jaren</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ingetrokken certificaten tonen</source>
        <translation>Show revoked certificates</translation>
    </message>
    <message>
        <source>Het gekozen certificaat ongeldig maken, met een reden</source>
        <translation>Make the selected certificate invalid, with a reason</translation>
    </message>
    <message>
        <source>Een nieuw certificaat met een nieuw nummer; het oude wordt ingetrokken</source>
        <translation>A new certificate with a new number; the old one is revoked</translation>
    </message>
    <message>
        <source>Certificaten voor alle plaatsingen die in een periode zijn geëindigd</source>
        <translation>Certificates for all placements that ended in a period</translation>
    </message>
    <message>
        <source>&amp;Controleren…</source>
        <translation>&amp;Verify…</translation>
    </message>
    <message>
        <source>Filter &amp;wissen</source>
        <translation>Clear &amp;filter</translation>
    </message>
    <message>
        <source>&amp;Intrekken…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>&amp;Opnieuw uitgeven…</source>
        <translation>Re&amp;issue…</translation>
    </message>
    <message>
        <source>&amp;Batch…</source>
        <translation>&amp;Batch…</translation>
    </message>
    <message>
        <source>&amp;Publieke sleutel exporteren…</source>
        <translation>Export &amp;public key…</translation>
    </message>
    <message>
        <source>Het bestand waarmee anderen certificaten zonder de winkel kunnen controleren</source>
        <translation>The file that lets others verify certificates without the shop</translation>
    </message>
    <message>
        <source>Elk uitgegeven certificaat: controleren, intrekken en opnieuw uitgeven</source>
        <translation>Every issued certificate: verify, revoke and reissue</translation>
    </message>
    <message>
        <source>Certificaten</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Zoeken op nummer, code of naam (Ctrl+F)</source>
        <translation>Search by number, code or name (Ctrl+F)</translation>
    </message>
    <message>
        <source>1 certificaat</source>
        <translation>1 certificate</translation>
    </message>
    <message>
        <source>{n} certificaten</source>
        <translation>{n} certificates</translation>
    </message>
    <message>
        <source>{shown} van {total} certificaten</source>
        <translation>{shown} of {total} certificates</translation>
    </message>
    <message>
        <source>Geen certificaten gevonden — pas de zoekopdracht of de filters aan</source>
        <translation>No certificates found — adjust the search or the filters</translation>
    </message>
    <message>
        <source>Nog geen certificaten — geef er een uit met Certificaat… bij de plaatsing van een deelnemer, bij een samenwerkingsovereenkomst, of met Batch…</source>
        <translation>No certificates yet — issue one with Certificate… on a worker&apos;s placement, on a partnership agreement, or with Batch…</translation>
    </message>
    <message>
        <source>Dit certificaat is al ingetrokken</source>
        <translation>This certificate has already been revoked</translation>
    </message>
    <message>
        <source>Al vervangen door {serial}</source>
        <translation>Already replaced by {serial}</translation>
    </message>
    <message>
        <source>Certificaat {serial} ingetrokken</source>
        <translation>Certificate {serial} revoked</translation>
    </message>
    <message>
        <source>Er komt een nieuw certificaat met een nieuw nummer en de gegevens van nu. {serial} wordt ingetrokken met de reden ‘Vervangen door’ het nieuwe nummer; wie het oude controleert, ziet dat het is ingetrokken.</source>
        <translation>A new certificate is created with a new number and the current data. {serial} is revoked with the reason ‘Replaced by’ the new number; anyone who verifies the old one sees that it has been revoked.</translation>
    </message>
    <message>
        <source>Er komt een nieuw certificaat met een nieuw nummer en de gegevens van nu, dat naar {serial} verwijst. {serial} blijft ingetrokken.</source>
        <translation>A new certificate is created with a new number and the current data, referring to {serial}. {serial} stays revoked.</translation>
    </message>
    <message>
        <source>Certificaat {serial} opnieuw uitgeven?</source>
        <translation>Reissue certificate {serial}?</translation>
    </message>
    <message>
        <source>Opnieuw uitgeven</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>Certificaat {serial} opnieuw uitgegeven</source>
        <translation>Certificate {serial} reissued</translation>
    </message>
    <message>
        <source>{shop} publieke sleutel</source>
        <translation>{shop} public key</translation>
    </message>
    <message>
        <source>Publieke sleutel opslaan</source>
        <translation>Save public key</translation>
    </message>
    <message>
        <source>Publieke sleutel (*.pem)</source>
        <translation>Public key (*.pem)</translation>
    </message>
    <message>
        <source>De sleutel kan niet worden opgeslagen in {path}: {problem}. Kies een andere map.</source>
        <translation>The key cannot be saved in {path}: {problem}. Choose another folder.</translation>
    </message>
    <message>
        <source>Publieke sleutel opgeslagen: {path}</source>
        <translation>Public key saved: {path}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Kies een nieuw wachtwoord</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>U bent ingelogd met een tijdelijk wachtwoord. Kies nu een eigen wachtwoord dat alleen u kent; daarna gaat u verder.</source>
        <translation>You are logged in with a temporary password. Now choose your own password that only you know; then you can continue.</translation>
    </message>
    <message>
        <source>Wachtwoord opslaan</source>
        <translation>Save password</translation>
    </message>
    <message>
        <source>Mijn wachtwoord wijzigen</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Kies een wachtwoord van minstens 8 tekens dat alleen u kent. Uw toegang tot de gegevens blijft hetzelfde.</source>
        <translation>Choose a password of at least 8 characters that only you know. Your access to the data stays the same.</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord herhalen</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Terug naar inloggen</source>
        <translation>Back to login</translation>
    </message>
    <message>
        <source>Vul uw huidige wachtwoord in</source>
        <translation>Enter your current password</translation>
    </message>
    <message>
        <source>Klopt niet</source>
        <translation>Incorrect</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Rol wijzigen</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Rol van {name} wijzigen</source>
        <translation>Change role of {name}</translation>
    </message>
    <message>
        <source>De rol bepaalt wat {name} in KringloopDesk mag zien en doen.</source>
        <translation>The role determines what {name} may see and do in KringloopDesk.</translation>
    </message>
    <message>
        <source>Nieuwe rol</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>Tijdelijk wachtwoord</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens; geef het persoonlijk door</source>
        <translation>At least 8 characters; pass it on in person</translation>
    </message>
    <message>
        <source>Wachtwoord herhalen</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Met dit tijdelijke wachtwoord krijgt {name} toegang tot de gevoelige gegevens; bij de volgende keer inloggen kiest {name} een eigen wachtwoord.</source>
        <translation>With this temporary password {name} gets access to the sensitive data; at the next login {name} chooses their own password.</translation>
    </message>
    <message>
        <source>{name} verliest de toegang tot de gevoelige gegevens en ziet van deelnemers alleen nog naam en nummer.</source>
        <translation>{name} loses access to the sensitive data and will only see the name and number of workers.</translation>
    </message>
    <message>
        <source>Kies een andere rol dan de huidige</source>
        <translation>Choose a role other than the current one</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Intussen verwijderd</source>
        <translation>Deleted in the meantime</translation>
    </message>
    <message>
        <source>Intussen gewijzigd</source>
        <translation>Changed in the meantime</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Opnieuw laden</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Toch &amp;verwijderen</source>
        <translation>&amp;Delete anyway</translation>
    </message>
    <message>
        <source>&amp;Toch opslaan</source>
        <translation>&amp;Save anyway</translation>
    </message>
    <message>
        <source>Iemand anders heeft dit intussen verwijderd.</source>
        <translation>Someone else has deleted this in the meantime.</translation>
    </message>
    <message>
        <source>{name} heeft dit op {date} om {time} opgeslagen, nadat u het opende.</source>
        <translation>{name} saved this on {date} at {time}, after you opened it.</translation>
    </message>
    <message>
        <source>{name} heeft dit opgeslagen nadat u het opende.</source>
        <translation>{name} saved this after you opened it.</translation>
    </message>
    <message>
        <source>Iemand anders heeft dit opgeslagen nadat u het opende.</source>
        <translation>Someone else saved this after you opened it.</translation>
    </message>
    <message>
        <source>Er is niets meer te verwijderen; de lijst wordt bijgewerkt.</source>
        <translation>There is nothing left to delete; the list is being updated.</translation>
    </message>
    <message>
        <source>Er is niets opgeslagen. Wat u invulde staat nog in het formulier, zodat u het kunt overnemen.</source>
        <translation>Nothing was saved. What you entered is still in the form, so you can copy it.</translation>
    </message>
    <message>
        <source>Opnieuw laden: bekijk eerst de nieuwe versie; er wordt niets verwijderd.
Toch verwijderen: verwijder het, met de wijziging van de ander.
Annuleren: er gebeurt niets.</source>
        <translation>Reload: look at the new version first; nothing is deleted.
Delete anyway: delete it, including the other person&apos;s change.
Cancel: nothing happens.</translation>
    </message>
    <message>
        <source>Uw invoer is nog niet opgeslagen.
Opnieuw laden: uw invoer vervalt; u ziet wat er nu is opgeslagen.
Toch opslaan: uw invoer vervangt de wijziging van de ander.
Annuleren: terug naar het formulier; uw invoer blijft staan.</source>
        <translation>Your input has not been saved yet.
Reload: your input is discarded; you see what is saved now.
Save anyway: your input replaces the other person&apos;s change.
Cancel: back to the form; your input stays.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>De cijfers opnieuw ophalen (F5)</source>
        <translation>Reload the figures (F5)</translation>
    </message>
    <message>
        <source>Deelnemers aan het werk</source>
        <translation>Workers at work</translation>
    </message>
    <message>
        <source>Actieve plaatsingen</source>
        <translation>Active placements</translation>
    </message>
    <message>
        <source>Ingezameld</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>Afgevoerd</source>
        <translation>Outflow</translation>
    </message>
    <message>
        <source>Hergebruikt dit jaar</source>
        <translation>Reused this year</translation>
    </message>
    <message>
        <source>CO₂ vermeden dit jaar</source>
        <translation>CO₂ avoided this year</translation>
    </message>
    <message>
        <source>kg CO₂-eq</source>
        <translation>kg CO₂-eq</translation>
    </message>
    <message>
        <source>Mensen — vandaag</source>
        <translation>People — today</translation>
    </message>
    <message>
        <source>Aandachtspunten</source>
        <translation>Points for attention</translation>
    </message>
    <message>
        <source>Plaatsingen die aflopen</source>
        <translation>Placements ending</translation>
    </message>
    <message>
        <source>Gepland einde binnen {n} dagen, of al voorbij</source>
        <translation>Planned end within {n} days, or already past</translation>
    </message>
    <message>
        <source>Doelen over de streefdatum</source>
        <translation>Goals past their target date</translation>
    </message>
    <message>
        <source>Open doelen van lopende plaatsingen</source>
        <translation>Open goals of current placements</translation>
    </message>
    <message>
        <source>Geen uren geregistreerd</source>
        <translation>No hours recorded</translation>
    </message>
    <message>
        <source>Aan het werk, maar geen uren in de laatste {n} dagen</source>
        <translation>Working, but no hours in the last {n} days</translation>
    </message>
    <message>
        <source>Gevoelige gegevens gesloten</source>
        <translation>Sensitive data locked</translation>
    </message>
    <message>
        <source>Nog geen gewogen goederen — weeg inbreng en afvoer op de weegpost of importeer een bestand met stromen (Ctrl+I). Dan staan hier de kilo&apos;s per maand en het hergebruik.</source>
        <translation>No goods weighed yet — weigh intake and outflow at the weighing station or import a file of flows (Ctrl+I). The kilos per month and the reuse will then appear here.</translation>
    </message>
    <message>
        <source>Ingezameld per maand (kg)</source>
        <translation>Intake per month (kg)</translation>
    </message>
    <message>
        <source>Afgevoerd per maand (kg)</source>
        <translation>Outflow per month (kg)</translation>
    </message>
    <message>
        <source>Hergebruik per maand (% van de afvoer)</source>
        <translation>Reuse per month (% of outflow)</translation>
    </message>
    <message>
        <source>Hergebruik en hergebruik online ÷ alle afvoer × 100; 0 in een maand zonder afvoer</source>
        <translation>Reuse and online reuse ÷ all outflow × 100; 0 in a month without outflow</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Vandaag is het {date}</source>
        <translation>Today is {date}</translation>
    </message>
    <message>
        <source>Goederen — {month} {year}</source>
        <translation>Goods — {month} {year}</translation>
    </message>
    <message>
        <source>Goederen — heel {year}</source>
        <translation>Goods — all of {year}</translation>
    </message>
    <message>
        <source>sinds 1 {month}</source>
        <translation>since 1 {month}</translation>
    </message>
    <message>
        <source>sinds 1 januari</source>
        <translation>since 1 January</translation>
    </message>
    <message>
        <source>met een plaatsing die vandaag loopt</source>
        <translation>with a placement running today</translation>
    </message>
    <message>
        <source>gestart en nog niet beëindigd</source>
        <translation>started and not yet ended</translation>
    </message>
    <message>
        <source>Bijgewerkt om {time} · F5 haalt de cijfers opnieuw op</source>
        <translation>Updated at {time} · F5 refreshes the figures</translation>
    </message>
    <message>
        <source>{pct} % van de afvoer · {since}</source>
        <translation>{pct}% of outflow · {since}</translation>
    </message>
    <message>
        <source>Geen standaard CO₂-factorset; kies er een bij Instellingen › CO₂-factoren</source>
        <translation>No default CO₂ factor set; choose one in Settings › CO₂ factors</translation>
    </message>
    <message>
        <source>CO₂ vermeden dit jaar ({set})</source>
        <translation>CO₂ avoided this year ({set})</translation>
    </message>
    <message>
        <source>hergebruikte kg × factor per productgroep · {since}</source>
        <translation>reused kg × factor per product group · {since}</translation>
    </message>
    <message>
        <source>Goederen — de laatste 12 maanden ({first} {first_year} – {last} {last_year})</source>
        <translation>Goods — the last 12 months ({first} {first_year} – {last} {last_year})</translation>
    </message>
    <message>
        <source>geen afvoer deze maand</source>
        <translation>no outflow this month</translation>
    </message>
    <message>
        <source>{reused} van {out} kg afvoer</source>
        <translation>{reused} of {out} kg outflow</translation>
    </message>
    <message>
        <source>Geen plaatsingen die binnenkort aflopen</source>
        <translation>No placements ending soon</translation>
    </message>
    <message>
        <source>Alle doelen op schema</source>
        <translation>All goals on track</translation>
    </message>
    <message>
        <source>Iedereen heeft recent uren</source>
        <translation>Everyone has recent hours</translation>
    </message>
    <message>
        <source>einde {date} (over {n} d.)</source>
        <translation>ends {date} (in {n} d.)</translation>
    </message>
    <message>
        <source>einde vandaag</source>
        <translation>ends today</translation>
    </message>
    <message>
        <source>einde {date} is voorbij</source>
        <translation>end {date} has passed</translation>
    </message>
    <message>
        <source>{n} d. over tijd</source>
        <translation>{n} d. overdue</translation>
    </message>
    <message>
        <source>nog nooit uren</source>
        <translation>no hours ever</translation>
    </message>
    <message>
        <source>laatst op {date}</source>
        <translation>last on {date}</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Geen geldige datum — typ bijvoorbeeld 15-3-2025 of 15032025</source>
        <translation>Not a valid date — type for example 15-3-2025 or 15032025</translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Datum als dag-maand-jaar, bijvoorbeeld 15-3-2025; F4 opent de kalender</source>
        <translation>Date as day-month-year, for example 15-3-2025; F4 opens the calendar</translation>
    </message>
    <message>
        <source>Kalender (F4)</source>
        <translation>Calendar (F4)</translation>
    </message>
    <message>
        <source>Kalender openen</source>
        <translation>Open calendar</translation>
    </message>
</context>
<context>
    <name>DayEntriesModel</name>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Groep</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Herkomst</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Gewogen door {name}</source>
        <translation>Weighed by {name}</translation>
    </message>
</context>
<context>
    <name>DayTotalsModel</name>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Totaal vandaag</source>
        <translation>Total today</translation>
    </message>
</context>
<context>
    <name>DeletePersonDialog</name>
    <message>
        <source>Persoon verwijderen</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <source>{worker} verwijderen?</source>
        <translation>Delete {worker}?</translation>
    </message>
    <message>
        <source>Alles wat over deze persoon is vastgelegd, wordt definitief verwijderd: persoonsgegevens, plaatsingen, ontwikkeldoelen, voortgangsnotities, werkprocessen, uren en certificaten. Dit kan niet ongedaan worden gemaakt, en de cijfers over eerdere jaren (BKN, Cedris) veranderen erdoor.

Is alleen de bewaartermijn verstreken? Kies dan Anonimiseren: de cijfers blijven dan gelijk.</source>
        <translation>Everything recorded about this person will be permanently deleted: personal details, placements, development goals, progress notes, work processes, hours and certificates. This cannot be undone, and the figures for earlier years (BKN, Cedris) will change as a result.

Has only the retention period expired? Then choose Anonymise: the figures will stay the same.</translation>
    </message>
    <message>
        <source>Definitief verwijderen</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Typ ter bevestiging het nummer {number}</source>
        <translation>Type the number {number} to confirm</translation>
    </message>
    <message>
        <source>typ {number} om te bevestigen</source>
        <translation>type {number} to confirm</translation>
    </message>
</context>
<context>
    <name>EndPlacementDialog</name>
    <message>
        <source>Plaatsing beëindigen</source>
        <translation>End placement</translation>
    </message>
    <message>
        <source>Plaatsing van {name} beëindigen</source>
        <translation>End placement of {name}</translation>
    </message>
    <message>
        <source>Beëindigen</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>De laatste dag van de plaatsing</source>
        <translation>The last day of the placement</translation>
    </message>
    <message>
        <source>Uitstroom</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Betaald werk, opleiding, een andere plek of dagbesteding: afgerond. Uitval of onbekend: gestopt.</source>
        <translation>Paid work, education, another placement or day activities: completed. Dropped out or unknown: stopped.</translation>
    </message>
    <message>
        <source>{department}, {period}. Kies de einddatum en waar {name} naartoe gaat (de uitstroom).</source>
        <translation>{department}, {period}. Choose the end date and where {name} goes next (the outcome).</translation>
    </message>
    <message>
        <source>Verplicht</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Op of na de startdatum</source>
        <translation>On or after the start date</translation>
    </message>
    <message>
        <source>Kies de uitstroom</source>
        <translation>Choose the outcome</translation>
    </message>
    <message>
        <source>Plaatsing afgerond</source>
        <translation>Placement completed</translation>
    </message>
    <message>
        <source>Plaatsing gestopt</source>
        <translation>Placement stopped</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Er ging iets mis…</source>
        <translation>Something went wrong…</translation>
    </message>
    <message>
        <source>KringloopDesk kwam een fout tegen die niet had mogen gebeuren. Wat al was opgeslagen, blijft bewaard; de laatste handeling is misschien niet uitgevoerd.</source>
        <translation>KringloopDesk ran into an error that should not have happened. Anything already saved is kept; the last action may not have been carried out.</translation>
    </message>
    <message>
        <source>Probeer het nog een keer. Gebeurt het opnieuw, klik dan op &lt;b&gt;Details kopiëren&lt;/b&gt; en stuur de tekst, of het logbestand, naar wie u helpt met KringloopDesk.</source>
        <translation>Please try again. If it happens again, click &lt;b&gt;Copy details&lt;/b&gt; and send the text, or the log file, to whoever helps you with KringloopDesk.</translation>
    </message>
    <message>
        <source>Logbestand: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <source>Details &amp;verbergen</source>
        <translation>&amp;Hide details</translation>
    </message>
    <message>
        <source>Details kopiëren</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Details &amp;tonen</source>
        <translation>&amp;Show details</translation>
    </message>
    <message>
        <source>Details &amp;kopiëren</source>
        <translation>&amp;Copy details</translation>
    </message>
    <message>
        <source>Gekopieerd</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <source>BKN Monitor</source>
        <translation>BKN Monitor</translation>
    </message>
    <message>
        <source>Goederen en mensen, naar BKN</source>
        <translation>Goods and people, for BKN</translation>
    </message>
    <message>
        <source>Cedris</source>
        <translation>Cedris</translation>
    </message>
    <message>
        <source>Mensen en uitstroom, naar Cedris</source>
        <translation>People and outcomes, for Cedris</translation>
    </message>
    <message>
        <source>Impactrapport</source>
        <translation>Impact report</translation>
    </message>
    <message>
        <source>Het jaarverhaal als PDF, met grafieken</source>
        <translation>The impact report as a PDF, with charts</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Heel jaar</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>{quarter} ({months})</source>
        <translation>{quarter} ({months})</translation>
    </message>
    <message>
        <source>jan–mrt</source>
        <translation>Jan–Mar</translation>
    </message>
    <message>
        <source>apr–jun</source>
        <translation>Apr–Jun</translation>
    </message>
    <message>
        <source>jul–sep</source>
        <translation>Jul–Sep</translation>
    </message>
    <message>
        <source>okt–dec</source>
        <translation>Oct–Dec</translation>
    </message>
    <message>
        <source>Eigen periode</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>To</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Formaat</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Opslaan…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Het bestand opslaan (Ctrl+S)</source>
        <translation>Save the file (Ctrl+S)</translation>
    </message>
    <message>
        <source>Alleen totalen — geen namen, nummers of notities</source>
        <translation>Totals only — no names, numbers or notes</translation>
    </message>
    <message>
        <source>Voorbeeld van het bestand</source>
        <translation>Preview of the file</translation>
    </message>
    <message>
        <source>Kies een soort export, een periode en een formaat: hier staat dan precies wat er in het bestand komt</source>
        <translation>Choose a kind of export, a period and a format: this then shows exactly what goes into the file</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Cijfers voor BKN en Cedris en het jaarverhaal van de winkel — kies, bekijk en sla op</source>
        <translation>Figures for BKN and Cedris and the shop&apos;s impact report — choose, preview and save</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Vul beide datums in: van en tot en met.</source>
        <translation>Enter both dates: from and to (inclusive).</translation>
    </message>
    <message>
        <source>Voorbeeld</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Kies eerst een geldige periode (Ctrl+S slaat op)</source>
        <translation>Choose a valid period first (Ctrl+S saves)</translation>
    </message>
    <message>
        <source>{name} opslaan (Ctrl+S)</source>
        <translation>Save {name} (Ctrl+S)</translation>
    </message>
    <message>
        <source>Voorbeeld van {name} — {start} t/m {end}</source>
        <translation>Preview of {name} — {start} to {end}</translation>
    </message>
    <message>
        <source>1 regel</source>
        <translation>1 row</translation>
    </message>
    <message>
        <source>{n} regels</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>Het bestand bevat beide reeksen: eerst BKN Monitor, dan Cedris; de gegevens van de winkel één keer.</source>
        <translation>The file holds both series: first BKN Monitor, then Cedris; the shop&apos;s details only once.</translation>
    </message>
    <message>
        <source>Het rapport zet deze cijfers in grafieken, met de uitleg van elk cijfer en de gebruikte CO₂-factoren.</source>
        <translation>The report puts these figures in charts, with an explanation of each figure and the CO₂ factors used.</translation>
    </message>
    <message>
        <source>Wijs een regel aan voor de definitie van het cijfer.</source>
        <translation>Point at a row to see the definition of the figure.</translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Export opslaan</source>
        <translation>Save export</translation>
    </message>
    <message>
        <source>BKN-export</source>
        <translation>BKN export</translation>
    </message>
    <message>
        <source>Cedris-export</source>
        <translation>Cedris export</translation>
    </message>
    <message>
        <source>{what} kan niet worden opgeslagen in {path}: {problem}. Er is niets half geschreven; kies een andere map.</source>
        <translation>{what} cannot be saved in {path}: {problem}. Nothing was partly written; choose another folder.</translation>
    </message>
    <message>
        <source>{what} opgeslagen: {path}</source>
        <translation>{what} saved: {path}</translation>
    </message>
    <message>
        <source>{what} wordt gemaakt.</source>
        <translation>{what} is being made.</translation>
    </message>
</context>
<context>
    <name>FactorSetsEditor</name>
    <message>
        <source>Factorset</source>
        <translation>Factor set</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>&amp;Factorset</source>
        <translation>&amp;Factor set</translation>
    </message>
    <message>
        <source>&amp;Versie</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>Het dashboard en exports zonder gekozen set rekenen dan met deze versie</source>
        <translation>The dashboard, and exports without a chosen set, then use this version</translation>
    </message>
    <message>
        <source>Als &amp;standaard gebruiken</source>
        <translation>Use as &amp;default</translation>
    </message>
    <message>
        <source>&amp;Nieuwe versie maken</source>
        <translation>&amp;Create new version</translation>
    </message>
    <message>
        <source>&amp;Bron van de factoren</source>
        <translation>&amp;Source of the factors</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan als nieuwe versie</source>
        <translation>Save as new version</translation>
    </message>
    <message>
        <source>Vermeden CO₂ = hergebruikte kg × de factor van de productgroep. Een versie verandert nooit meer: wie factoren aanpast, maakt een nieuwe versie, en een rapport houdt de cijfers van de versie die erop staat.</source>
        <translation>Avoided CO₂ = reused kg × the factor of the product group. A version never changes: changing factors creates a new version, and a report keeps the figures of the version stated on it.</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan factoren wijzigen.</source>
        <translation>Only a manager can change factors.</translation>
    </message>
    <message>
        <source> (standaard)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>meegeleverd</source>
        <translation>built in</translation>
    </message>
    <message>
        <source>versie {n} · {when} · {who}</source>
        <translation>version {n} · {when} · {who}</translation>
    </message>
    <message>
        <source>Meegeleverd met KringloopDesk</source>
        <translation>Supplied with KringloopDesk</translation>
    </message>
    <message>
        <source>Gemaakt op {when} door {who}</source>
        <translation>Created on {when} by {who}</translation>
    </message>
    <message>
        <source>Standaard: het dashboard en de exports rekenen met {label}.</source>
        <translation>Default: the dashboard and the exports calculate with {label}.</translation>
    </message>
    <message>
        <source>Niet de standaard; een export kan {label} wel kiezen.</source>
        <translation>Not the default; an export can still choose {label}.</translation>
    </message>
    <message>
        <source>U maakt versie {next} van {code}, met versie {version} als begin. Versie {version} blijft zoals hij is. Dubbelklik op een factor of typ er een; een komma mag.</source>
        <translation>You are creating version {next} of {code}, starting from version {version}. Version {version} stays as it is. Double-click a factor or type one; a comma is allowed.</translation>
    </message>
    <message>
        <source>Opslaan als {code}@{next}</source>
        <translation>Save as {code}@{next}</translation>
    </message>
    <message>
        <source>vermeld de bron van de factoren</source>
        <translation>state the source of the factors</translation>
    </message>
    <message>
        <source>Opslaan kan nog niet — {problem}</source>
        <translation>Cannot save yet — {problem}</translation>
    </message>
    <message>
        <source>Nog niets veranderd</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Nieuwe versie van {code} opgeslagen</source>
        <translation>New version of {code} saved</translation>
    </message>
    <message>
        <source>{label} is nu de standaard CO₂-factorset</source>
        <translation>{label} is now the default CO₂ factor set</translation>
    </message>
    <message>
        <source>de nieuwe CO₂-factoren</source>
        <translation>the new CO₂ factors</translation>
    </message>
</context>
<context>
    <name>FactorTableModel</name>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Factor (kg CO₂/kg)</source>
        <translation>Factor (kg CO₂/kg)</translation>
    </message>
    <message>
        <source>Controle</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>{group} (niet meer in gebruik)</source>
        <translation>{group} (no longer in use)</translation>
    </message>
    <message>
        <source>kg CO₂-eq vermeden per kg van {group} die hergebruikt wordt</source>
        <translation>kg CO₂-eq avoided per kg of {group} that is reused</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>KringloopDesk inrichten</source>
        <translation>Set up KringloopDesk</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>&amp;Vorige</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Winkel</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Logo en missie</source>
        <translation>Logo and mission</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Een voorbeeldwinkel maken?</source>
        <translation>Create a demo shop?</translation>
    </message>
    <message>
        <source>KringloopDesk maakt de winkel &apos;{shop}&apos; met verzonnen deelnemers, plaatsingen, uren, weegregels en artikelen, zodat u alles kunt uitproberen. Dat duurt even.

De voorbeeldwinkel komt in {where}. Wilt u daarna echt beginnen: sluit KringloopDesk en verwijder of hernoem dat bestand; bij de volgende start begint deze wizard opnieuw.</source>
        <translation>KringloopDesk creates the shop &apos;{shop}&apos; with made-up workers, placements, hours, weighings and items, so that you can try everything out. This takes a moment.

The demo shop goes into {where}. When you want to start for real: close KringloopDesk and delete or rename that file; the next start opens this wizard again.</translation>
    </message>
    <message>
        <source>Voorbeeldwinkel maken</source>
        <translation>Create demo shop</translation>
    </message>
    <message>
        <source>De voorbeeldwinkel wordt gemaakt.</source>
        <translation>The demo shop is being created.</translation>
    </message>
    <message>
        <source>De voorbeeldwinkel staat klaar. Meld u aan als beheerder met gebruikersnaam &apos;{username}&apos; en wachtwoord &apos;{password}&apos;.

Ook te proberen, met hetzelfde wachtwoord: begeleider &apos;marieke&apos; en vrijwilliger &apos;ria&apos; (invoer).</source>
        <translation>The demo shop is ready. Log in as manager with user name &apos;{username}&apos; and password &apos;{password}&apos;.

Also to try, with the same password: job coach &apos;marieke&apos; and volunteer &apos;ria&apos; (data entry).</translation>
    </message>
    <message>
        <source>Voorbeeldwinkel</source>
        <translation>Demo shop</translation>
    </message>
</context>
<context>
    <name>FlowDialog</name>
    <message>
        <source>Weging wijzigen</source>
        <translation>Edit weighing</translation>
    </message>
    <message>
        <source>Nieuwe weging</source>
        <translation>New weighing</translation>
    </message>
    <message>
        <source>Gewogen door {name}</source>
        <translation>Weighed by {name}</translation>
    </message>
    <message>
        <source>Een weging die niet op de weegpost is ingevoerd, bijvoorbeeld van een eerdere dag.</source>
        <translation>A weighing not entered at the weighing station, for example from an earlier day.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Weging toevoegen</source>
        <translation>Add weighing</translation>
    </message>
    <message>
        <source>bijvoorbeeld 12,5</source>
        <translation>for example 12.5</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Gewicht (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Herkomst / bestemming</source>
        <translation>Origin / destination</translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Vul de datum in, bijvoorbeeld 15-3-2025</source>
        <translation>Fill in the date, for example 15-3-2025</translation>
    </message>
    <message>
        <source>De datum ligt in de toekomst</source>
        <translation>The date is in the future</translation>
    </message>
    <message>
        <source>Weging toegevoegd</source>
        <translation>Weighing added</translation>
    </message>
    <message>
        <source>Weging opgeslagen</source>
        <translation>Weighing saved</translation>
    </message>
</context>
<context>
    <name>FlowsModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Gewicht (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Herkomst / bestemming</source>
        <translation>Origin / destination</translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Gewogen door</source>
        <translation>Weighed by</translation>
    </message>
</context>
<context>
    <name>FlowsPage</name>
    <message>
        <source>Wegingen</source>
        <translation>Weighings</translation>
    </message>
    <message>
        <source>Nieuwe weging</source>
        <translation>New weighing</translation>
    </message>
    <message>
        <source>Een weging van een eerdere dag toevoegen (Ctrl+N)</source>
        <translation>Add a weighing from an earlier day (Ctrl+N)</translation>
    </message>
    <message>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Tot en met datum</source>
        <translation>To date (inclusive)</translation>
    </message>
    <message>
        <source>Alle productgroepen</source>
        <translation>All product groups</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Inbreng en afvoer</source>
        <translation>Intake and outflow</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Alle herkomsten en bestemmingen</source>
        <translation>All origins and destinations</translation>
    </message>
    <message>
        <source>Herkomst of bestemming</source>
        <translation>Origin or destination</translation>
    </message>
    <message>
        <source>Filter &amp;wissen</source>
        <translation>Clear &amp;filter</translation>
    </message>
    <message>
        <source>&amp;Van</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Alle wegingen: Enter of dubbelklik om te corrigeren, Delete om te verwijderen</source>
        <translation>All weighings: Enter or double-click to correct, Delete to delete</translation>
    </message>
    <message>
        <source>Stromen</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Zoeken in opmerkingen (Ctrl+F)</source>
        <translation>Search remarks (Ctrl+F)</translation>
    </message>
    <message>
        <source>1 weging</source>
        <translation>1 weighing</translation>
    </message>
    <message>
        <source>{n} wegingen</source>
        <translation>{n} weighings</translation>
    </message>
    <message>
        <source>{shown} van {total} wegingen</source>
        <translation>{shown} of {total} weighings</translation>
    </message>
    <message>
        <source>De einddatum ligt voor de begindatum</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <source>Geen wegingen gevonden — pas de zoekopdracht of de filters aan</source>
        <translation>No weighings found — adjust the search or the filters</translation>
    </message>
    <message>
        <source>Nog geen wegingen — weeg goederen op de Weegpost of importeer een bestand met stromen (Ctrl+I)</source>
        <translation>No weighings yet — weigh goods at the Weighing station or import a file of flows (Ctrl+I)</translation>
    </message>
    <message>
        <source>{kg} kg {group} ({direction}, {channel}) van {date}</source>
        <translation>{kg} kg {group} ({direction}, {channel}) on {date}</translation>
    </message>
    <message>
        <source>Deze weging verwijderen?</source>
        <translation>Delete this weighing?</translation>
    </message>
    <message>
        <source>{what} wordt verwijderd en telt niet meer mee in de balans en de cijfers. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>{what} will be deleted and will no longer count in the balance and the figures. This cannot be undone.</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Weging verwijderd: {what}</source>
        <translation>Weighing deleted: {what}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Niet gelijk aan het wachtwoord hierboven</source>
        <translation>Does not match the password above</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{action} (Ctrl+S)</source>
        <translation>{action} (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Ontwikkeldoel wijzigen</source>
        <translation>Edit development goal</translation>
    </message>
    <message>
        <source>Nieuw ontwikkeldoel</source>
        <translation>New development goal</translation>
    </message>
    <message>
        <source>{name} — {department}</source>
        <translation>{name} — {department}</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Doel toevoegen</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: zelfstandig de kassa openen en afsluiten</source>
        <translation>For example: open and close the till independently</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ontwikkeldoel toegevoegd</source>
        <translation>Development goal added</translation>
    </message>
    <message>
        <source>Ontwikkeldoel opgeslagen</source>
        <translation>Development goal saved</translation>
    </message>
    <message>
        <source>Dit ontwikkeldoel is intussen verwijderd door iemand anders.</source>
        <translation>This development goal has been deleted by someone else in the meantime.</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <source>Ontwikkeldoel</source>
        <translation>Development goal</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{status} — te laat</source>
        <translation>{status} — overdue</translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message>
        <source>{name} (toets {key})</source>
        <translation>{name} (key {key})</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Handleiding — KringloopDesk</source>
        <translation>Manual — KringloopDesk</translation>
    </message>
    <message>
        <source>Zoeken in de handleiding (Ctrl+F)</source>
        <translation>Search the manual (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoeken in de handleiding</source>
        <translation>Search the manual</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Volgende plek zoeken (Enter)</source>
        <translation>Find next (Enter)</translation>
    </message>
    <message>
        <source># Handleiding niet gevonden

Het bestand met de handleiding is niet gevonden of kan niet gelezen worden:

`{path}`

Vraag de beheerder om KringloopDesk opnieuw te installeren.</source>
        <translation># Manual not found

The manual file was not found or cannot be read:

`{path}`

Ask the manager to reinstall KringloopDesk.</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Alle niet opgeslagen uren van deze week weghalen</source>
        <translation>Discard all unsaved hours for this week</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Alle wijzigingen van deze week opslaan (Ctrl+S)</source>
        <translation>Save all changes for this week (Ctrl+S)</translation>
    </message>
    <message>
        <source>Typ de uren per dag · Tab of Enter: volgend vak · Ctrl+S: week opslaan</source>
        <translation>Type the hours per day · Tab or Enter: next cell · Ctrl+S: save week</translation>
    </message>
    <message>
        <source>De afdeling waarvan u de uren invult</source>
        <translation>The department whose hours you are entering</translation>
    </message>
    <message>
        <source>&amp;Afdeling</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>Vorige week ({key})</source>
        <translation>Previous week ({key})</translation>
    </message>
    <message>
        <source>Volgende week ({key})</source>
        <translation>Next week ({key})</translation>
    </message>
    <message>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Naar de week van vandaag (Alt+Home)</source>
        <translation>Go to the current week (Alt+Home)</translation>
    </message>
    <message>
        <source>Ga naar de week van een datum</source>
        <translation>Go to the week of a date</translation>
    </message>
    <message>
        <source>Uren per deelnemer en per dag</source>
        <translation>Hours per worker and per day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Per deelnemer</source>
        <translation>Per worker</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Niemand heeft in deze week een plaatsing bij {department}. Kies een andere afdeling of week.</source>
        <translation>Nobody has a placement at {department} this week. Choose another department or week.</translation>
    </message>
    <message>
        <source>1 deelnemer</source>
        <translation>1 worker</translation>
    </message>
    <message>
        <source>{n} deelnemers</source>
        <translation>{n} workers</translation>
    </message>
    <message>
        <source>Week {n} · {span}</source>
        <translation>Week {n} · {span}</translation>
    </message>
    <message>
        <source>de uren van week {n} ({department})</source>
        <translation>the hours of week {n} ({department})</translation>
    </message>
    <message>
        <source>Uren van 1 dag opgeslagen</source>
        <translation>Hours for 1 day saved</translation>
    </message>
    <message>
        <source>{n} uren opgeslagen</source>
        <translation>Hours for {n} days saved</translation>
    </message>
    <message>
        <source>1 dag gewist</source>
        <translation>1 day cleared</translation>
    </message>
    <message>
        <source>{n} dagen gewist</source>
        <translation>{n} days cleared</translation>
    </message>
    <message>
        <source>Er was niets te bewaren</source>
        <translation>There was nothing to save</translation>
    </message>
    <message>
        <source>Alles is opgeslagen</source>
        <translation>Everything is saved</translation>
    </message>
    <message>
        <source>Opslaan kan nog niet — {problem}</source>
        <translation>Cannot save yet — {problem}</translation>
    </message>
    <message>
        <source>1 vak niet opgeslagen</source>
        <translation>1 cell not saved</translation>
    </message>
    <message>
        <source>{n} vakken niet opgeslagen</source>
        <translation>{n} cells not saved</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>niet opgeslagen</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>buiten de plaatsing of in de toekomst</source>
        <translation>outside the placement or in the future</translation>
    </message>
</context>
<context>
    <name>HoursWeekModel</name>
    <message>
        <source>Deelnemer</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>{day} (vandaag)</source>
        <translation>{day} (today)</translation>
    </message>
    <message>
        <source>De uren van de hele week</source>
        <translation>The hours of the whole week</translation>
    </message>
    <message>
        <source>leeg</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Geanonimiseerd: de uren kunnen niet meer worden gewijzigd</source>
        <translation>Anonymised: the hours can no longer be changed</translation>
    </message>
    <message>
        <source>Totaal per dag</source>
        <translation>Total per day</translation>
    </message>
    <message>
        <source>Buiten de plaatsing: hier kunnen geen uren worden ingevuld</source>
        <translation>Outside the placement: no hours can be entered here</translation>
    </message>
    <message>
        <source>Deze dag ligt in de toekomst</source>
        <translation>This day is in the future</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen (was: {was}) — Ctrl+S slaat de week op</source>
        <translation>Not saved yet (was: {was}) — Ctrl+S saves the week</translation>
    </message>
    <message>
        <source>{n} regels, samen {hours} uur. Wie het vak wijzigt, maakt er één regel van.</source>
        <translation>{n} entries, {hours} hours in total. Changing the cell merges them into one entry.</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Logo en missie</source>
        <translation>Logo and mission</translation>
    </message>
    <message>
        <source>Beide mogen leeg blijven. Ze komen in het venster en op certificaten.</source>
        <translation>Both may be left empty. They appear in the window and on certificates.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Mensen en spullen een tweede kans</source>
        <translation>For example: A second chance for people and things</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Missie</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Eén zin over waar de winkel voor staat</source>
        <translation>One sentence about what the shop stands for</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Weegregels (goederen)</source>
        <translation>Weighing rows (goods)</translation>
    </message>
    <message>
        <source>Een CSV- of Excelbestand met een kopregel van kolomnamen. Alles of niets: staat er één fout in het bestand, dan wordt er niets geïmporteerd en ziet u elke fout met rij en kolom. Begin met het sjabloon.</source>
        <translation>A CSV or Excel file with a header row of column names. All or nothing: if the file contains a single error, nothing is imported and you see every error with its row and column. Start with the template.</translation>
    </message>
    <message>
        <source>&amp;Sjabloon opslaan…</source>
        <translation>&amp;Save template…</translation>
    </message>
    <message>
        <source>Bestand kiezen en importeren…</source>
        <translation>Choose file and import…</translation>
    </message>
    <message>
        <source>Hier verschijnt de uitkomst van de import.</source>
        <translation>The result of the import appears here.</translation>
    </message>
    <message>
        <source>Wat importeert u?</source>
        <translation>What are you importing?</translation>
    </message>
    <message>
        <source>Sjabloon opslaan</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Het sjabloon kon niet worden opgeslagen: {error}</source>
        <translation>The template could not be saved: {error}</translation>
    </message>
    <message>
        <source>Sjabloon opgeslagen: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
    <message>
        <source>Bestand om te importeren</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>CSV of Excel (*.csv *.xlsx);;Alle bestanden (*)</source>
        <translation>CSV or Excel (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Bezig met importeren van {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>{name} wordt gecontroleerd en ingelezen.</source>
        <translation>{name} is being checked and read in.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Geen veiligheidstest nodig (niet elektrisch)</source>
        <translation>No safety test needed (not electrical)</translation>
    </message>
    <message>
        <source>Nog niet getest — pas te koop na een goedgekeurde veiligheidstest</source>
        <translation>Not tested yet — for sale only after a passed safety test</translation>
    </message>
    <message>
        <source>Goedgekeurd op {date} (klasse {c})</source>
        <translation>Passed on {date} (class {c})</translation>
    </message>
    <message>
        <source>Afgekeurd op {date} (klasse {c}) — eerst repareren en opnieuw testen</source>
        <translation>Failed on {date} (class {c}) — repair and test again first</translation>
    </message>
    <message>
        <source>Artikel wijzigen</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>Nieuw artikel</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Artikel {number}</source>
        <translation>Item {number}</translation>
    </message>
    <message>
        <source>Een artikel krijgt een etiket met streepjescode en QR-code. Een elektrisch apparaat kan pas te koop na een goedgekeurde veiligheidstest.</source>
        <translation>An item gets a label with a barcode and QR code. An electrical appliance can only go on sale after a passed safety test.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Artikel aanmaken</source>
        <translation>Create item</translation>
    </message>
    <message>
        <source>Kies een productgroep…</source>
        <translation>Choose a product group…</translation>
    </message>
    <message>
        <source>bijv. Wasmachine, 7 kg</source>
        <translation>e.g. Washing machine, 7 kg</translation>
    </message>
    <message>
        <source>bijv. 12,50</source>
        <translation>e.g. 12.50</translation>
    </message>
    <message>
        <source>Elektrisch apparaat (veiligheidstest nodig)</source>
        <translation>Electrical appliance (safety test needed)</translation>
    </message>
    <message>
        <source>Artikelnummer</source>
        <translation>Item number</translation>
    </message>
    <message>
        <source>Leeg laten: het volgende vrije nummer ({n})</source>
        <translation>Leave empty: the next free number ({n})</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Merk</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Serienummer</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Innamedatum</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <source>Elektrisch</source>
        <translation>Electrical</translation>
    </message>
    <message>
        <source>Prijs (€)</source>
        <translation>Price (€)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verkocht op</source>
        <translation>Sold on</translation>
    </message>
    <message>
        <source>Gegevens</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nog geen reparaties — klik op Nieuwe reparatie om er een vast te leggen</source>
        <translation>No repairs yet — click New repair to record one</translation>
    </message>
    <message>
        <source>&amp;Nieuwe reparatie…</source>
        <translation>&amp;New repair…</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Ve&amp;rwijderen…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>De gekozen reparatie wijzigen (Enter)</source>
        <translation>Edit the selected repair (Enter)</translation>
    </message>
    <message>
        <source>De gekozen reparatie verwijderen (Delete)</source>
        <translation>Delete the selected repair (Delete)</translation>
    </message>
    <message>
        <source>Een veiligheidstest is bewijs van wat er die dag is gemeten: hij wordt niet gewijzigd of verwijderd. Is een test verkeerd vastgelegd, leg dan een nieuwe test vast (knop Veiligheidstest… in de lijst); de laatste test telt.</source>
        <translation>A safety test is evidence of what was measured that day: it is not changed or deleted. If a test was recorded wrongly, record a new test (the Safety test… button in the list); the latest test counts.</translation>
    </message>
    <message>
        <source>Nog geen veiligheidstests. Een test legt u vast met Veiligheidstest… in de lijst Artikelen; een vastgelegde test is bewijs en wordt niet meer gewijzigd.</source>
        <translation>No safety tests yet. Record a test with Safety test… in the Items list; a recorded test is evidence and is never changed afterwards.</translation>
    </message>
    <message>
        <source>Reparaties ({n})</source>
        <translation>Repairs ({n})</translation>
    </message>
    <message>
        <source>Veiligheidstests ({n})</source>
        <translation>Safety tests ({n})</translation>
    </message>
    <message>
        <source>Reparatie van {number} opgeslagen</source>
        <translation>Repair of {number} saved</translation>
    </message>
    <message>
        <source>De reparatie van {date} verwijderen?</source>
        <translation>Delete the repair of {date}?</translation>
    </message>
    <message>
        <source>De reparatie ({outcome}) verdwijnt uit de geschiedenis van {number} en uit de ORDS-export. Dit kan niet ongedaan worden gemaakt.</source>
        <translation>The repair ({outcome}) will be removed from the history of {number} and from the ORDS export. This cannot be undone.</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Reparatie van {date} verwijderd</source>
        <translation>Repair of {date} deleted</translation>
    </message>
    <message>
        <source>Artikel {number} opgeslagen</source>
        <translation>Item {number} saved</translation>
    </message>
    <message>
        <source>Artikel {number} aangemaakt</source>
        <translation>Item {number} created</translation>
    </message>
</context>
<context>
    <name>ItemStatusDialog</name>
    <message>
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Status van {number}</source>
        <translation>Status of {number}</translation>
    </message>
    <message>
        <source>Status opslaan</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>bijv. 12,50</source>
        <translation>e.g. 12.50</translation>
    </message>
    <message>
        <source>Nieuwe status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Prijs (€)</source>
        <translation>Price (€)</translation>
    </message>
    <message>
        <source>Verkocht op</source>
        <translation>Sold on</translation>
    </message>
    <message>
        <source>Een artikel dat te koop staat of verkocht is, heeft een prijs</source>
        <translation>An item for sale or sold has a price</translation>
    </message>
    <message>
        <source>{number}: {status}</source>
        <translation>{number}: {status}</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Merk</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Prijs</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Inname</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Keuring</source>
        <translation>Safety test</translation>
    </message>
    <message>
        <source>Niet getest</source>
        <translation>Not tested</translation>
    </message>
    <message>
        <source>Afgekeurd {date}</source>
        <translation>Failed {date}</translation>
    </message>
    <message>
        <source>Goedgekeurd {date}</source>
        <translation>Passed {date}</translation>
    </message>
    <message>
        <source>Elektrisch apparaat: pas te koop na een goedgekeurde veiligheidstest</source>
        <translation>Electrical appliance: for sale only after a passed safety test</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>Scan of typ een artikelnummer + Enter</source>
        <translation>Scan or type an item number + Enter</translation>
    </message>
    <message>
        <source>Artikelnummer scannen</source>
        <translation>Scan item number</translation>
    </message>
    <message>
        <source>Nieuw artikel</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Nieuw artikel (Ctrl+N)</source>
        <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
        <source>Alle productgroepen</source>
        <translation>All product groups</translation>
    </message>
    <message>
        <source>Productgroep</source>
        <translation>Product group</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Elektrisch, nog niet goedgekeurd</source>
        <translation>Electrical, not yet passed</translation>
    </message>
    <message>
        <source>Het gekozen artikel openen (Enter)</source>
        <translation>Open the selected item (Enter)</translation>
    </message>
    <message>
        <source>Te koop zetten, verkopen, afvoeren</source>
        <translation>Put up for sale, sell, dispose of</translation>
    </message>
    <message>
        <source>Etiketten van de gekozen artikelen op een A4-vel (3 × 8, 70 × 37 mm), als PDF</source>
        <translation>Labels of the selected items on an A4 sheet (3 × 8, 70 × 37 mm), as PDF</translation>
    </message>
    <message>
        <source>Een reparatie vastleggen</source>
        <translation>Record a repair</translation>
    </message>
    <message>
        <source>Een elektrische veiligheidstest vastleggen</source>
        <translation>Record an electrical safety test</translation>
    </message>
    <message>
        <source>Filter &amp;wissen</source>
        <translation>Clear &amp;filter</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Status…</source>
        <translation>&amp;Status…</translation>
    </message>
    <message>
        <source>&amp;Etiket…</source>
        <translation>&amp;Label…</translation>
    </message>
    <message>
        <source>Etiket 62 × 29 mm voor de labelprinter, als PDF (Ctrl+P)</source>
        <translation>Label 62 × 29 mm for the label printer, as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;A4-vel…</source>
        <translation>&amp;A4 sheet…</translation>
    </message>
    <message>
        <source>&amp;Reparatie…</source>
        <translation>&amp;Repair…</translation>
    </message>
    <message>
        <source>&amp;Veiligheidstest…</source>
        <translation>Safety &amp;test…</translation>
    </message>
    <message>
        <source>ORDS e&amp;xporteren…</source>
        <translation>E&amp;xport ORDS…</translation>
    </message>
    <message>
        <source>Alle reparaties van een jaar als CSV in de Open Repair Data Standard</source>
        <translation>All repairs of a year as CSV in the Open Repair Data Standard</translation>
    </message>
    <message>
        <source>Goederen met een eigen nummer en etiket: registreren, keuren, repareren en verkopen</source>
        <translation>Goods with their own number and label: register, test, repair and sell</translation>
    </message>
    <message>
        <source>Artikelen</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Zoeken: nummer, omschrijving, merk, type of serienummer (Ctrl+F)</source>
        <translation>Search: number, description, brand, model or serial number (Ctrl+F)</translation>
    </message>
    <message>
        <source>1 artikel</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>{n} artikelen</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>{shown} van {total} artikelen</source>
        <translation>{shown} of {total} items</translation>
    </message>
    <message>
        <source>Geen artikelen gevonden — pas de zoekopdracht of de filters aan</source>
        <translation>No items found — change the search or the filters</translation>
    </message>
    <message>
        <source>Nog geen artikelen — klik op Nieuw artikel (Ctrl+N) om het eerste te registreren</source>
        <translation>No items yet — click New item (Ctrl+N) to register the first one</translation>
    </message>
    <message>
        <source>Geen artikel met nummer {number}</source>
        <translation>No item with number {number}</translation>
    </message>
    <message>
        <source>Artikel {number} is niet als elektrisch apparaat geregistreerd. Open het artikel en zet &apos;Elektrisch apparaat&apos; aan als het een test nodig heeft.</source>
        <translation>Item {number} is not registered as an electrical appliance. Open the item and switch on &apos;Electrical appliance&apos; if it needs a test.</translation>
    </message>
    <message>
        <source>Etiket opslaan</source>
        <translation>Save label</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>A4-vel met etiketten opslaan</source>
        <translation>Save A4 sheet of labels</translation>
    </message>
    <message>
        <source>De etiketten kunnen niet worden opgeslagen in {path}: {problem}. Kies een andere map.</source>
        <translation>The labels cannot be saved in {path}: {problem}. Choose another folder.</translation>
    </message>
    <message>
        <source>Etiketten opgeslagen: {path}</source>
        <translation>Labels saved: {path}</translation>
    </message>
    <message>
        <source>ORDS-bestand opslaan</source>
        <translation>Save ORDS file</translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Het ORDS-bestand kan niet worden opgeslagen in {path}: {problem}. Er is niets half geschreven; kies een andere map.</source>
        <translation>The ORDS file cannot be saved in {path}: {problem}. Nothing was partly written; choose another folder.</translation>
    </message>
    <message>
        <source>1 reparatie van {year} geëxporteerd naar {path}</source>
        <translation>1 repair from {year} exported to {path}</translation>
    </message>
    <message>
        <source>{n} reparaties van {year} geëxporteerd naar {path}</source>
        <translation>{n} repairs from {year} exported to {path}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Vergrendeld — KringloopDesk</source>
        <translation>Locked — KringloopDesk</translation>
    </message>
    <message>
        <source>KringloopDesk is vergrendeld</source>
        <translation>KringloopDesk is locked</translation>
    </message>
    <message>
        <source>Ingelogd: {name} ({user})</source>
        <translation>Logged in: {name} ({user})</translation>
    </message>
    <message>
        <source>Er is een tijd niet gewerkt. Vul uw wachtwoord in om verder te gaan; wat u aan het doen was, staat nog open.</source>
        <translation>There has been no activity for a while. Enter your password to continue; what you were doing is still open.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Afmelden</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>Helemaal afmelden; daarna kan iemand anders inloggen</source>
        <translation>Log out completely; then someone else can log in</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Enter your password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Inloggen — {shop}</source>
        <translation>Log in — {shop}</translation>
    </message>
    <message>
        <source>Log in om verder te gaan</source>
        <translation>Log in to continue</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;vergeten?</source>
        <translation>&amp;Forgot your password?</translation>
    </message>
    <message>
        <source>Af&amp;sluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Inloggen</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam in.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Kies eerst een eigen wachtwoord; daarna gaat u verder.</source>
        <translation>First choose your own password; then you can continue.</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>&amp;Kies een afbeelding…</source>
        <translation>&amp;Choose an image…</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>PNG of JPG, hoogstens 2 MB</source>
        <translation>PNG or JPG, at most 2 MB</translation>
    </message>
    <message>
        <source>Het bestand &apos;{name}&apos; kan niet worden gelezen.</source>
        <translation>The file &apos;{name}&apos; cannot be read.</translation>
    </message>
    <message>
        <source>Logo kiezen</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Afbeeldingen (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Geen logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Geen afbeelding</source>
        <translation>No image</translation>
    </message>
</context>
<context>
    <name>LongTaskDialog</name>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bezig met annuleren… Er wordt niets opgeslagen.</source>
        <translation>Cancelling… Nothing will be saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Goederen</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>Partners &amp; certificaten</source>
        <translation>Partners &amp; certificates</translation>
    </message>
    <message>
        <source>Database op een netwerkschijf</source>
        <translation>Database on a network share</translation>
    </message>
    <message>
        <source>Mijn wachtwoord wijzigen…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Afmelden</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Importeren…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Handleiding (F1)</source>
        <translation>Manual (F1)</translation>
    </message>
    <message>
        <source>Gevoelige gegevens gesloten</source>
        <translation>Sensitive data locked</translation>
    </message>
    <message>
        <source>Gegevens: {where}</source>
        <translation>Data: {where}</translation>
    </message>
    <message>
        <source>Hier staan de gegevens van de winkel</source>
        <translation>This is where the shop&apos;s data is stored</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Ingelogd als {user} — wachtwoord wijzigen, vergrendelen (Ctrl+L) of afmelden</source>
        <translation>Logged in as {user} — change password, lock (Ctrl+L) or log out</translation>
    </message>
    <message>
        <source>{shop} — KringloopDesk</source>
        <translation>{shop} — KringloopDesk</translation>
    </message>
    <message>
        <source>Uw wachtwoord is gewijzigd</source>
        <translation>Your password has been changed</translation>
    </message>
</context>
<context>
    <name>MeasurementField</name>
    <message>
        <source>bijv. 0,25</source>
        <translation>e.g. 0.25</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>KringloopDesk</source>
        <translation>KringloopDesk</translation>
    </message>
    <message>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Wilt u de wijzigingen in {what} opslaan?</source>
        <translation>Do you want to save the changes to {what}?</translation>
    </message>
    <message>
        <source>Als u niet opslaat, gaan de wijzigingen verloren.</source>
        <translation>If you do not save, the changes will be lost.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Niet opslaan</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>U kunt nu de gevoelige gegevens (ondersteuningsvragen, werkaanpassingen, voortgangsnotities) niet lezen. Een andere beheerder kan die toegang herstellen door uw wachtwoord opnieuw in te stellen; is er geen andere beheerder, gebruik dan de herstelsleutel (Inloggen → Wachtwoord vergeten?).</source>
        <translation>You cannot read the sensitive data (support needs, work adjustments, progress notes) at the moment. Another manager can restore that access by resetting your password; if there is no other manager, use the recovery key (Log in → Forgot your password?).</translation>
    </message>
    <message>
        <source>U kunt nu de gevoelige gegevens (ondersteuningsvragen, werkaanpassingen, voortgangsnotities) niet lezen. Een beheerder kan die toegang herstellen door uw wachtwoord opnieuw in te stellen.</source>
        <translation>You cannot read the sensitive data (support needs, work adjustments, progress notes) at the moment. A manager can restore that access by resetting your password.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Nieuwe gebruiker</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Geef de nieuwe gebruiker een tijdelijk wachtwoord. Bij de eerste keer inloggen kiest hij of zij een eigen wachtwoord.</source>
        <translation>Give the new user a temporary password. When they log in for the first time, they choose their own password.</translation>
    </message>
    <message>
        <source>Gebruiker aanmaken</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: marieke</source>
        <translation>For example: marieke</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Marieke Jansen</source>
        <translation>For example: Marieke Jansen</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Volledige naam</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Tijdelijk wachtwoord</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens; geef het persoonlijk door</source>
        <translation>At least 8 characters; pass it on in person</translation>
    </message>
    <message>
        <source>Wachtwoord herhalen</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>OrdsExportDialog</name>
    <message>
        <source>ORDS exporteren</source>
        <translation>Export ORDS</translation>
    </message>
    <message>
        <source>Reparaties exporteren (ORDS)</source>
        <translation>Export repairs (ORDS)</translation>
    </message>
    <message>
        <source>Alle reparaties van het gekozen jaar, in de Open Repair Data Standard, om te delen met de Open Repair Alliance. Zonder persoonsgegevens: niet wie repareerde en niet de notities.</source>
        <translation>All repairs of the selected year, in the Open Repair Data Standard, for sharing with the Open Repair Alliance. Without personal data: not who did the repair and not the notes.</translation>
    </message>
    <message>
        <source>Bestand kiezen…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Reparaties met een datum in dit jaar</source>
        <translation>Repairs with a date in this year</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Partner wijzigen</source>
        <translation>Edit partner</translation>
    </message>
    <message>
        <source>Nieuwe partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>{name} wijzigen</source>
        <translation>Edit {name}</translation>
    </message>
    <message>
        <source>Nieuwe partnerorganisatie</source>
        <translation>New partner organisation</translation>
    </message>
    <message>
        <source>Een organisatie waarmee de winkel samenwerkt: een SW-bedrijf, de gemeente, een school of een zorgorganisatie. Het logo komt op de certificaten.</source>
        <translation>An organisation the shop works with: a sheltered employment company, the municipality, a school or a care organisation. The logo appears on the certificates.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Partner toevoegen</source>
        <translation>Add partner</translation>
    </message>
    <message>
        <source>bijv. Gemeente Amersfoort</source>
        <translation>e.g. Municipality of Amersfoort</translation>
    </message>
    <message>
        <source>Kies de soort…</source>
        <translation>Choose the type…</translation>
    </message>
    <message>
        <source>naam@organisatie.nl</source>
        <translation>name@organisation.nl</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Straat en huisnummer</source>
        <translation>Street and house number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Contactpersoon</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Komt naast het logo van de winkel op het certificaat</source>
        <translation>Appears next to the shop&apos;s logo on the certificate</translation>
    </message>
    <message>
        <source>de gegevens van {name}</source>
        <translation>the details of {name}</translation>
    </message>
    <message>
        <source>de nieuwe partner</source>
        <translation>the new partner</translation>
    </message>
    <message>
        <source>Kies de soort organisatie</source>
        <translation>Choose the type of organisation</translation>
    </message>
    <message>
        <source>Partner opgeslagen</source>
        <translation>Partner saved</translation>
    </message>
    <message>
        <source>Partner toegevoegd</source>
        <translation>Partner added</translation>
    </message>
</context>
<context>
    <name>PartnersModel</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Overeenkomsten</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Zoeken op naam of plaats (Ctrl+F)</source>
        <translation>Search by name or town (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoekt in de naam, de plaats en de contactpersoon</source>
        <translation>Searches the name, the town and the contact person</translation>
    </message>
    <message>
        <source>Alle soorten</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nieuwe partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Nieuwe partner (Ctrl+N)</source>
        <translation>New partner (Ctrl+N)</translation>
    </message>
    <message>
        <source>Naam, adres, contactpersoon en logo (Enter)</source>
        <translation>Name, address, contact person and logo (Enter)</translation>
    </message>
    <message>
        <source>Nieuwe &amp;overeenkomst…</source>
        <translation>New &amp;agreement…</translation>
    </message>
    <message>
        <source>W&amp;ijzigen…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>V&amp;erwijderen</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>&amp;Samenwerkingscertificaat…</source>
        <translation>&amp;Partnership certificate…</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deze partner verwijderen (Delete)</source>
        <translation>Delete this partner (Delete)</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Namens de winkel</source>
        <translation>On behalf of the shop</translation>
    </message>
    <message>
        <source>Deze overeenkomst wijzigen (Enter)</source>
        <translation>Edit this agreement (Enter)</translation>
    </message>
    <message>
        <source>Deze overeenkomst verwijderen (Delete)</source>
        <translation>Delete this agreement (Delete)</translation>
    </message>
    <message>
        <source>Het samenwerkingscertificaat van deze overeenkomst bekijken en uitgeven</source>
        <translation>View and issue the partnership certificate for this agreement</translation>
    </message>
    <message>
        <source>Overeenkomsten</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>De organisaties waarmee de winkel samenwerkt, en de overeenkomsten die met elk zijn getekend</source>
        <translation>The organisations the shop works with, and the agreements signed with each of them</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Geen partners gevonden — pas de zoekopdracht of de soort aan</source>
        <translation>No partners found — change the search or the type</translation>
    </message>
    <message>
        <source>{shown} van {total} partners</source>
        <translation>{shown} of {total} partners</translation>
    </message>
    <message>
        <source>Nog geen partners — klik op Nieuwe partner om een organisatie toe te voegen waarmee de winkel samenwerkt</source>
        <translation>No partners yet — click New partner to add an organisation the shop works with</translation>
    </message>
    <message>
        <source>1 partner</source>
        <translation>1 partner</translation>
    </message>
    <message>
        <source>{n} partners</source>
        <translation>{n} partners</translation>
    </message>
    <message>
        <source>Kies een partner in de lijst</source>
        <translation>Choose a partner in the list</translation>
    </message>
    <message>
        <source>Hier komen de gegevens en overeenkomsten van de gekozen partner</source>
        <translation>The details and agreements of the selected partner appear here</translation>
    </message>
    <message>
        <source>Niet ingevuld</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>Geen logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Namens {partner}</source>
        <translation>On behalf of {partner}</translation>
    </message>
    <message>
        <source>Nog geen overeenkomsten — klik op Nieuwe overeenkomst om de getekende samenwerkingsovereenkomst vast te leggen</source>
        <translation>No agreements yet — click New agreement to record the signed partnership agreement</translation>
    </message>
    <message>
        <source>1 overeenkomst</source>
        <translation>1 agreement</translation>
    </message>
    <message>
        <source>{n} overeenkomsten</source>
        <translation>{n} agreements</translation>
    </message>
    <message>
        <source>1 plaatsing</source>
        <translation>1 placement</translation>
    </message>
    <message>
        <source>{n} plaatsingen</source>
        <translation>{n} placements</translation>
    </message>
    <message>
        <source>1 certificaat</source>
        <translation>1 certificate</translation>
    </message>
    <message>
        <source>{n} certificaten</source>
        <translation>{n} certificates</translation>
    </message>
    <message>
        <source>geldig {period}</source>
        <translation>valid {period}</translation>
    </message>
    <message>
        <source>voor onbepaalde tijd</source>
        <translation>for an indefinite period</translation>
    </message>
    <message>
        <source>1 certificaat uitgegeven</source>
        <translation>1 certificate issued</translation>
    </message>
    <message>
        <source>{n} certificaten uitgegeven</source>
        <translation>{n} certificates issued</translation>
    </message>
    <message>
        <source>Er is al een certificaat voor deze overeenkomst uitgegeven; die blijft daarom bewaard</source>
        <translation>A certificate has already been issued for this agreement, so it is kept</translation>
    </message>
    <message>
        <source>De gegevens en het logo van {name} worden verwijderd.</source>
        <translation>The details and logo of {name} will be deleted.</translation>
    </message>
    <message>
        <source>De overeenkomst met deze partner wordt ook verwijderd.</source>
        <translation>The agreement with this partner will also be deleted.</translation>
    </message>
    <message>
        <source>De {n} overeenkomsten met deze partner worden ook verwijderd.</source>
        <translation>The {n} agreements with this partner will also be deleted.</translation>
    </message>
    <message>
        <source>{name} verwijderen?</source>
        <translation>Delete {name}?</translation>
    </message>
    <message>
        <source>{name} verwijderd</source>
        <translation>{name} deleted</translation>
    </message>
    <message>
        <source>De overeenkomst &apos;{title}&apos; verwijderen?</source>
        <translation>Delete the agreement &apos;{title}&apos;?</translation>
    </message>
    <message>
        <source>De overeenkomst en haar ondertekenaars worden verwijderd.</source>
        <translation>The agreement and its signatories will be deleted.</translation>
    </message>
    <message>
        <source>Overeenkomst verwijderd</source>
        <translation>Agreement deleted</translation>
    </message>
</context>
<context>
    <name>PasswordRecoveryDialog</name>
    <message>
        <source>Wachtwoord vergeten</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Een beheerder kan met de herstelsleutel van de winkel een nieuw wachtwoord instellen. De herstelsleutel staat op het papier of in de PDF van toen de winkel werd ingericht.</source>
        <translation>A manager can set a new password with the shop&apos;s recovery key. The recovery key is on the paper or in the PDF from when the shop was set up.</translation>
    </message>
    <message>
        <source>Wachtwoord instellen</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>Gebruikersnaam beheerder</source>
        <translation>Manager&apos;s user name</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Hoofdletters, kleine letters en streepjes maken niet uit</source>
        <translation>Capitals, lower case and hyphens do not matter</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord herhalen</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Bent u begeleider of vrijwilliger? Vraag dan een beheerder om uw wachtwoord opnieuw in te stellen.</source>
        <translation>Are you a job coach or volunteer? Then ask a manager to reset your password.</translation>
    </message>
    <message>
        <source>Verplicht</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Een herstelsleutel heeft 32 letters en cijfers (nu {n})</source>
        <translation>A recovery key has 32 letters and digits (now {n})</translation>
    </message>
    <message>
        <source>Klopt niet</source>
        <translation>Incorrect</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>Plaatsing wijzigen</source>
        <translation>Edit placement</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing</source>
        <translation>New placement</translation>
    </message>
    <message>
        <source>Plaatsing van {name} wijzigen</source>
        <translation>Edit placement of {name}</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing voor {name}</source>
        <translation>New placement for {name}</translation>
    </message>
    <message>
        <source>Plaatsingen van één deelnemer overlappen niet: een nieuwe plaatsing begint op zijn vroegst de dag na de einddatum van de vorige.</source>
        <translation>Placements of one worker do not overlap: a new placement starts at the earliest on the day after the end date of the previous one.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Plaatsing aanmaken</source>
        <translation>Create placement</translation>
    </message>
    <message>
        <source>Deelnemer</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Kies een afdeling…</source>
        <translation>Choose a department…</translation>
    </message>
    <message>
        <source>bijv. 16 of 20,5</source>
        <translation>e.g. 16 or 20.5</translation>
    </message>
    <message>
        <source>Geen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Geplande einddatum</source>
        <translation>Planned end date</translation>
    </message>
    <message>
        <source>Alleen voor de planning; de plaatsing eindigt pas met &apos;Beëindigen&apos;</source>
        <translation>For planning only; the placement only ends with &apos;End&apos;</translation>
    </message>
    <message>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Partnerorganisatie</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Het SW-bedrijf, de gemeente of de school, als die betrokken is</source>
        <translation>The sheltered employment company, municipality or school, if involved</translation>
    </message>
    <message>
        <source>Kies de uitstroom…</source>
        <translation>Choose the outcome…</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Uitstroom</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Kies de deelnemer uit de lijst</source>
        <translation>Choose the worker from the list</translation>
    </message>
    <message>
        <source>Plaatsing opgeslagen</source>
        <translation>Placement saved</translation>
    </message>
    <message>
        <source>Plaatsing aangemaakt</source>
        <translation>Placement created</translation>
    </message>
    <message>
        <source>{start} t/m {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>sinds {start}</source>
        <translation>since {start}</translation>
    </message>
</context>
<context>
    <name>PlacementPanel</name>
    <message>
        <source>Pauzeren</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Einddatum en uitstroom vastleggen</source>
        <translation>Record the end date and outcome</translation>
    </message>
    <message>
        <source>Een certificaat van deelname voor deze plaatsing: bekijken en uitgeven</source>
        <translation>A participation certificate for this placement: view and issue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Partnerorganisatie</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Geplande einddatum</source>
        <translation>Planned end date</translation>
    </message>
    <message>
        <source>Geregistreerde uren</source>
        <translation>Registered hours</translation>
    </message>
    <message>
        <source>Plaatsing</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>Nog geen ontwikkeldoelen</source>
        <translation>No development goals yet</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ontwikkeldoelen</source>
        <translation>Development goals</translation>
    </message>
    <message>
        <source>Werkprocessen</source>
        <translation>Work processes</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Tijdelijk stilzetten, bijvoorbeeld bij ziekte, of hervatten (Alt+P)</source>
        <translation>Pause for a while, for example during illness, or resume (Alt+P)</translation>
    </message>
    <message>
        <source>&amp;Beëindigen…</source>
        <translation>E&amp;nd…</translation>
    </message>
    <message>
        <source>&amp;Certificaat…</source>
        <translation>&amp;Certificate…</translation>
    </message>
    <message>
        <source>Nieuw &amp;doel…</source>
        <translation>New &amp;goal…</translation>
    </message>
    <message>
        <source>W&amp;ijzigen…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Toevoegen…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>V&amp;erwijderen</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>N&amp;otitie toevoegen…</source>
        <translation>Add n&amp;ote…</translation>
    </message>
    <message>
        <source>Voortgang (vertrouwelijk)</source>
        <translation>Progress (confidential)</translation>
    </message>
    <message>
        <source>Voortgangsnotities: gesloten. </source>
        <translation>Progress notes: closed. </translation>
    </message>
    <message>
        <source>{status} — uitstroom: {outcome}</source>
        <translation>{status} — outcome: {outcome}</translation>
    </message>
    <message>
        <source>{hours} uur</source>
        <translation>{hours} hours</translation>
    </message>
    <message>
        <source>Zelf getypt (staat niet op de lijst van de afdeling)</source>
        <translation>Typed in (not on the department&apos;s list)</translation>
    </message>
    <message>
        <source>Nog geen notities</source>
        <translation>No notes yet</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Hervatten</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Deze deelnemer is geanonimiseerd: er kan geen certificaat meer worden uitgegeven</source>
        <translation>This worker has been anonymised: no more certificates can be issued</translation>
    </message>
    <message>
        <source>Plaatsing hervat</source>
        <translation>Placement resumed</translation>
    </message>
    <message>
        <source>Plaatsing gepauzeerd</source>
        <translation>Placement paused</translation>
    </message>
    <message>
        <source>Dit ontwikkeldoel verwijderen?</source>
        <translation>Delete this development goal?</translation>
    </message>
    <message>
        <source>“{goal}” verdwijnt uit de plaatsing. Is het doel niet gehaald, kies dan liever de status ‘Niet behaald’.</source>
        <translation>“{goal}” will be removed from the placement. If the goal was not achieved, choose the status ‘Not achieved’ instead.</translation>
    </message>
    <message>
        <source>Ontwikkeldoel verwijderd</source>
        <translation>Development goal deleted</translation>
    </message>
    <message>
        <source>“{name}” weghalen bij deze plaatsing?</source>
        <translation>Remove “{name}” from this placement?</translation>
    </message>
    <message>
        <source>Het werkproces komt dan niet op het certificaat van deelname. De lijst van de afdeling blijft zoals hij is.</source>
        <translation>The work process will then not appear on the participation certificate. The department&apos;s list stays as it is.</translation>
    </message>
    <message>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Werkproces weggehaald</source>
        <translation>Work process removed</translation>
    </message>
</context>
<context>
    <name>PlacementTimeline</name>
    <message>
        <source>Tijdlijn van de plaatsingen</source>
        <translation>Timeline of the placements</translation>
    </message>
    <message>
        <source>Nog geen plaatsingen</source>
        <translation>No placements yet</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>{start} t/m {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>sinds {start}, gepland tot {end}</source>
        <translation>since {start}, planned until {end}</translation>
    </message>
    <message>
        <source>sinds {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>Uitstroom: {outcome}</source>
        <translation>Outcome: {outcome}</translation>
    </message>
    <message>
        <source>De geplande einddatum is voorbij</source>
        <translation>The planned end date has passed</translation>
    </message>
</context>
<context>
    <name>PlacementsModel</name>
    <message>
        <source>Deelnemer</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Gepland einde</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Einde</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Uur/week</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>De geplande einddatum is {n} dagen voorbij</source>
        <translation>The planned end date passed {n} days ago</translation>
    </message>
    <message>
        <source>Eindigt over {n} dagen</source>
        <translation>Ends in {n} days</translation>
    </message>
</context>
<context>
    <name>PlacementsPage</name>
    <message>
        <source>Zoeken op deelnemer of nummer (Ctrl+F)</source>
        <translation>Search by worker or number (Ctrl+F)</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing</source>
        <translation>New placement</translation>
    </message>
    <message>
        <source>Nieuwe plaatsing (Ctrl+N)</source>
        <translation>New placement (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lopende plaatsingen waarvan de geplande einddatum binnen {n} dagen valt of al voorbij is</source>
        <translation>Running placements whose planned end date falls within {n} days or has already passed</translation>
    </message>
    <message>
        <source>Alle afdelingen</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Alle begeleiders</source>
        <translation>All job coaches</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Pauzeren</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>&amp;Lopend</source>
        <translation>&amp;Running</translation>
    </message>
    <message>
        <source>&amp;Gepland</source>
        <translation>P&amp;lanned</translation>
    </message>
    <message>
        <source>Gepa&amp;uzeerd</source>
        <translation>Pa&amp;used</translation>
    </message>
    <message>
        <source>Beëin&amp;digd</source>
        <translation>En&amp;ded</translation>
    </message>
    <message>
        <source>&amp;Alle</source>
        <translation>&amp;All</translation>
    </message>
    <message>
        <source>&amp;Eindigt binnen {n} dagen</source>
        <translation>Ends &amp;within {n} days</translation>
    </message>
    <message>
        <source>Deelnemer &amp;openen</source>
        <translation>&amp;Open worker</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Pauzeren of hervatten (Alt+P)</source>
        <translation>Pause or resume (Alt+P)</translation>
    </message>
    <message>
        <source>&amp;Beëindigen…</source>
        <translation>E&amp;nd…</translation>
    </message>
    <message>
        <source>Wie waar werkt, tot wanneer, en hoe plaatsingen eindigden</source>
        <translation>Who works where, until when, and how placements ended</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>1 plaatsing</source>
        <translation>1 placement</translation>
    </message>
    <message>
        <source>{n} plaatsingen</source>
        <translation>{n} placements</translation>
    </message>
    <message>
        <source>{shown} van {total} plaatsingen</source>
        <translation>{shown} of {total} placements</translation>
    </message>
    <message>
        <source>Nog geen plaatsingen — klik op Nieuwe plaatsing, of open een deelnemer en voeg daar een plaatsing toe</source>
        <translation>No placements yet — click New placement, or open a worker and add a placement there</translation>
    </message>
    <message>
        <source>Geen plaatsingen bij deze filters</source>
        <translation>No placements match these filters</translation>
    </message>
    <message>
        <source>Kies een plaatsing in de lijst</source>
        <translation>Choose a placement in the list</translation>
    </message>
    <message>
        <source>Gekozen: {name}, {department}</source>
        <translation>Selected: {name}, {department}</translation>
    </message>
    <message>
        <source>Hervatten</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Plaatsing hervat</source>
        <translation>Placement resumed</translation>
    </message>
    <message>
        <source>Plaatsing gepauzeerd</source>
        <translation>Placement paused</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Eenheid</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Niemand is over de bewaartermijn — er hoeft nu niets te worden geanonimiseerd</source>
        <translation>No one is past the retention period — nothing needs to be anonymised now</translation>
    </message>
    <message>
        <source>Bewaartermijn verstreken</source>
        <translation>Retention period expired</translation>
    </message>
    <message>
        <source>Naam, contactgegevens en gevoelige gegevens verwijderen; de cijfers blijven</source>
        <translation>Delete name, contact details and sensitive data; the figures remain</translation>
    </message>
    <message>
        <source>&amp;Anonimiseren…</source>
        <translation>&amp;Anonymise…</translation>
    </message>
    <message>
        <source>Inzage als &amp;PDF…</source>
        <translation>Access request as &amp;PDF…</translation>
    </message>
    <message>
        <source>Inzage als &amp;JSON…</source>
        <translation>Access request as &amp;JSON…</translation>
    </message>
    <message>
        <source>Persoon &amp;verwijderen…</source>
        <translation>&amp;Delete person…</translation>
    </message>
    <message>
        <source>Inzageverzoek of verwijderen op verzoek</source>
        <translation>Access request or deletion on request</translation>
    </message>
    <message>
        <source>Kies de persoon. De inzage bevat alles wat over hem of haar is vastgelegd, ook de gevoelige gegevens en het logboek; geef het bestand alleen aan de persoon zelf.</source>
        <translation>Choose the person. The access request file contains everything recorded about them, including the sensitive data and the audit log; give the file only to the person themselves.</translation>
    </message>
    <message>
        <source>U hebt nu geen toegang tot de gevoelige gegevens, dus een inzage kan niet. Een andere beheerder kan die toegang herstellen door uw wachtwoord opnieuw in te stellen.</source>
        <translation>You currently have no access to the sensitive data, so an access request is not possible. Another manager can restore that access by resetting your password.</translation>
    </message>
    <message>
        <source>Bewaartermijn, inzageverzoeken en verwijderen op verzoek (AVG)</source>
        <translation>Retention period, access requests and deletion on request (GDPR)</translation>
    </message>
    <message>
        <source>Privacy (AVG)</source>
        <translation>Privacy (GDPR)</translation>
    </message>
    <message>
        <source>Deelnemers van wie de laatste plaatsing meer dan {n} jaar geleden eindigde (in te stellen bij Instellingen). Anonimiseren verwijdert naam, contactgegevens en gevoelige gegevens; doelgroep, data, uren en uitstroom blijven, zodat de cijfers voor BKN en Cedris gelijk blijven.</source>
        <translation>Workers whose last placement ended more than {n} years ago (adjustable in Settings). Anonymising deletes name, contact details and sensitive data; target group, dates, hours and outcome remain, so the figures for BKN and Cedris stay the same.</translation>
    </message>
    <message>
        <source>1 deelnemer</source>
        <translation>1 worker</translation>
    </message>
    <message>
        <source>{n} deelnemers</source>
        <translation>{n} workers</translation>
    </message>
    <message>
        <source>{who} anonimiseren?</source>
        <translation>Anonymise {who}?</translation>
    </message>
    <message>
        <source>Verwijderd worden: naam, nummer, geboortedatum, contactgegevens, adres, de contactpersoon bij de verwijzer, ondersteuningsvraag, werkaanpassingen, voortgangsnotities en de tekst van ontwikkeldoelen.

Blijven bewaard: doelgroep, data, plaatsingen, uren, werkprocessen, certificaten en uitstroom — de cijfers voor BKN en Cedris blijven gelijk.

Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Deleted: name, number, date of birth, contact details, address, the contact person at the referrer, support need, work adjustments, progress notes and the text of development goals.

Kept: target group, dates, placements, hours, work processes, certificates and outcome — the figures for BKN and Cedris stay the same.

This cannot be undone.</translation>
    </message>
    <message>
        <source>Anonimiseren</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <source>{who} is geanonimiseerd</source>
        <translation>{who} has been anonymised</translation>
    </message>
    <message>
        <source>Kies eerst een persoon</source>
        <translation>Choose a person first</translation>
    </message>
    <message>
        <source>Inzage opslaan als PDF</source>
        <translation>Save access request as PDF</translation>
    </message>
    <message>
        <source>Inzage {worker}.pdf</source>
        <translation>Access request {worker}.pdf</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Inzage opslaan als JSON</source>
        <translation>Save access request as JSON</translation>
    </message>
    <message>
        <source>Inzage {worker}.json</source>
        <translation>Access request {worker}.json</translation>
    </message>
    <message>
        <source>JSON-bestanden (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Inzage van {worker} opgeslagen als {name}</source>
        <translation>Access request for {worker} saved as {name}</translation>
    </message>
    <message>
        <source>Het bestand kan niet worden opgeslagen in &apos;{folder}&apos;. Kies een andere map, bijvoorbeeld Documenten.</source>
        <translation>The file cannot be saved in &apos;{folder}&apos;. Choose another folder, for example Documents.</translation>
    </message>
    <message>
        <source>{worker} is verwijderd</source>
        <translation>{worker} has been deleted</translation>
    </message>
</context>
<context>
    <name>ProgressNoteDialog</name>
    <message>
        <source>Voortgangsnotitie</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Nieuwe voortgangsnotitie</source>
        <translation>New progress note</translation>
    </message>
    <message>
        <source>{name} — {department}. Schrijf over het werk: wat gaat goed, wat is lastig, welke afspraken zijn gemaakt. Geen diagnoses.</source>
        <translation>{name} — {department}. Write about the work: what is going well, what is difficult, what has been agreed. No diagnoses.</translation>
    </message>
    <message>
        <source>Notitie opslaan</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Vertrouwelijk: alleen begeleiders en beheerders lezen dit, en het wordt versleuteld bewaard.</source>
        <translation>Confidential: only job coaches and managers can read this, and it is stored encrypted.</translation>
    </message>
    <message>
        <source>Verplicht</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Hoogstens {n} tekens</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <source>Voortgangsnotitie opgeslagen</source>
        <translation>Progress note saved</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Nieuwe herstelsleutel</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>De nieuwe herstelsleutel</source>
        <translation>The new recovery key</translation>
    </message>
    <message>
        <source>De oude herstelsleutel werkt niet meer. Vernietig het oude papier of de oude PDF.</source>
        <translation>The old recovery key no longer works. Destroy the old paper or the old PDF.</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Sluiten kan nadat u hebt aangevinkt dat de sleutel veilig is bewaard</source>
        <translation>You can close once you have ticked that the key is stored safely</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Bewaar uw herstelsleutel</source>
        <translation>Keep your recovery key</translation>
    </message>
    <message>
        <source>De winkel is aangemaakt. Nog één ding: de herstelsleutel. Daarmee komt een beheerder weer bij de gevoelige gegevens als niemand zijn wachtwoord meer weet.</source>
        <translation>The shop has been created. One more thing: the recovery key. With it, a manager can get back to the sensitive data if nobody knows their password any more.</translation>
    </message>
    <message>
        <source>Klaar kan nog niet — vink aan dat u de herstelsleutel veilig bewaart</source>
        <translation>Done is not available yet — tick that you are keeping the recovery key safe</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>De gevoelige gegevens van deelnemers (ondersteuningsvragen, werkaanpassingen en voortgangsnotities) worden versleuteld bewaard. Zijn alle beheerders hun wachtwoord kwijt, dan is deze sleutel de enige weg terug naar die gegevens.</source>
        <translation>Workers&apos; sensitive data (support needs, work adjustments and progress notes) is stored encrypted. If all managers have lost their password, this key is the only way back to that data.</translation>
    </message>
    <message>
        <source>Druk hem af of sla hem op als PDF, en bewaar hem op een veilige plek, bijvoorbeeld in de kluis — niet bij de computer. Wie de sleutel en een kopie van de database heeft, kan de gevoelige gegevens lezen.</source>
        <translation>Print it or save it as PDF, and keep it in a safe place, for example in the safe — not near the computer. Anyone with the key and a copy of the database can read the sensitive data.</translation>
    </message>
    <message>
        <source>De sleutel wordt maar één keer getoond.</source>
        <translation>The key is shown only once.</translation>
    </message>
    <message>
        <source>&amp;Afdrukken / opslaan als PDF…</source>
        <translation>&amp;Print / save as PDF…</translation>
    </message>
    <message>
        <source>Ik heb de herstelsleutel veilig bewaard</source>
        <translation>I have stored the recovery key safely</translation>
    </message>
    <message>
        <source>Herstelsleutel van {shop}</source>
        <translation>Recovery key of {shop}</translation>
    </message>
    <message>
        <source>Herstelsleutel opslaan als PDF</source>
        <translation>Save recovery key as PDF</translation>
    </message>
    <message>
        <source>Herstelsleutel {shop}.pdf</source>
        <translation>Recovery key {shop}.pdf</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>De PDF kan niet worden opgeslagen in &apos;{folder}&apos;. Kies een andere map, bijvoorbeeld Documenten.</source>
        <translation>The PDF cannot be saved in &apos;{folder}&apos;. Choose another folder, for example Documents.</translation>
    </message>
    <message>
        <source>Opgeslagen als &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt; — open het om af te drukken.</source>
        <translation>Saved as &lt;a href=&quot;{url}&quot;&gt;{name}&lt;/a&gt; — open it to print.</translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <source>en nog {n}</source>
        <translation>and {n} more</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>Reparatie wijzigen</source>
        <translation>Edit repair</translation>
    </message>
    <message>
        <source>Reparatie</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Reparatie van {number}</source>
        <translation>Repair of {number}</translation>
    </message>
    <message>
        <source>{description}. De uitkomst volgt de Open Repair Data Standard: gerepareerd, repareerbaar (nog niet af), of einde levensduur — dan ook waarom.</source>
        <translation>{description}. The outcome follows the Open Repair Data Standard: fixed, repairable (not finished yet), or end of life — then also why.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Reparatie vastleggen</source>
        <translation>Record repair</translation>
    </message>
    <message>
        <source>bijv. Schakelaar defect</source>
        <translation>e.g. Faulty switch</translation>
    </message>
    <message>
        <source>Kies de uitkomst…</source>
        <translation>Choose the outcome…</translation>
    </message>
    <message>
        <source>Kies de reden…</source>
        <translation>Choose the reason…</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Probleem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Waarom niet te repareren</source>
        <translation>Why it cannot be repaired</translation>
    </message>
    <message>
        <source>Alleen bij Einde levensduur</source>
        <translation>Only for End of life</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Voor de winkel zelf; gaat niet mee in de ORDS-export</source>
        <translation>For the shop itself; not included in the ORDS export</translation>
    </message>
    <message>
        <source>Deze reparatie is intussen verwijderd door iemand anders.</source>
        <translation>This repair has been deleted by someone else in the meantime.</translation>
    </message>
    <message>
        <source>Reparatie van {number} opgeslagen</source>
        <translation>Repair of {number} saved</translation>
    </message>
</context>
<context>
    <name>RepairsModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Probleem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Gerepareerd door</source>
        <translation>Repaired by</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Probleem: {text}</source>
        <translation>Problem: {text}</translation>
    </message>
    <message>
        <source>Notities: {text}</source>
        <translation>Notes: {text}</translation>
    </message>
    <message>
        <source>Enter of dubbelklik: wijzigen · Delete: verwijderen</source>
        <translation>Enter or double-click: edit · Delete: delete</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>U stelt uw eigen wachtwoord in.</source>
        <translation>You set your own password.</translation>
    </message>
    <message>
        <source>{name} kiest bij de volgende keer inloggen een eigen wachtwoord en heeft daarna weer toegang tot de gevoelige gegevens. Een blokkade na verkeerde wachtwoorden vervalt.</source>
        <translation>{name} chooses their own password at the next login and then has access to the sensitive data again. Any lockout after wrong passwords is lifted.</translation>
    </message>
    <message>
        <source>{name} kiest bij de volgende keer inloggen een eigen wachtwoord. Een blokkade na verkeerde wachtwoorden vervalt.</source>
        <translation>{name} chooses their own password at the next login. Any lockout after wrong passwords is lifted.</translation>
    </message>
    <message>
        <source>Wachtwoord opnieuw instellen</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Wachtwoord van {name} opnieuw instellen</source>
        <translation>Reset password of {name}</translation>
    </message>
    <message>
        <source>Wachtwoord instellen</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>Tijdelijk wachtwoord</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Minstens 8 tekens; geef het persoonlijk door</source>
        <translation>At least 8 characters; pass it on in person</translation>
    </message>
    <message>
        <source>Wachtwoord herhalen</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Deze back-up terugzetten?</source>
        <translation>Restore this backup?</translation>
    </message>
    <message>
        <source>Alles wat nu in de database staat, wordt vervangen door de inhoud van deze back-up; wat sindsdien is ingevoerd, is dan niet meer te zien. Eerst wordt een back-up van de huidige database gemaakt, zodat u terug kunt.

Werkt iemand op een andere pc met dezelfde database? Laat die eerst KringloopDesk sluiten. Na het terugzetten logt u opnieuw in, met de gebruikers en wachtwoorden van de back-up.</source>
        <translation>Everything now in the database will be replaced by the contents of this backup; anything entered since then will no longer be visible. A backup of the current database is made first, so that you can go back.

Is someone working on another PC with the same database? Have them close KringloopDesk first. After the restore you log in again, with the users and passwords of the backup.</translation>
    </message>
    <message>
        <source>&amp;Terugzetten</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Winkel</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>(nog niet ingericht)</source>
        <translation>(not set up yet)</translation>
    </message>
    <message>
        <source>Gemaakt op</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>Schemaversie</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Eerst wordt een back-up van de huidige database gemaakt, dan wordt de gekozen back-up teruggezet.</source>
        <translation>First a backup of the current database is made, then the chosen backup is restored.</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Einde laatste plaatsing</source>
        <translation>End of last placement</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Laatste plaatsing eindigde meer dan {n} jaar geleden</source>
        <translation>Last placement ended more than {n} years ago</translation>
    </message>
    <message>
        <source>Geen plaatsingen; einddatum {date} is meer dan {n} jaar geleden</source>
        <translation>No placements; end date {date} is more than {n} years ago</translation>
    </message>
    <message>
        <source>Geen plaatsingen en geen einddatum; gestart op {date}, meer dan {n} jaar geleden</source>
        <translation>No placements and no end date; started on {date}, more than {n} years ago</translation>
    </message>
    <message>
        <source>geen plaatsing</source>
        <translation>no placement</translation>
    </message>
</context>
<context>
    <name>RevokeCertificateDialog</name>
    <message>
        <source>Certificaat intrekken</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>Certificaat {serial} intrekken</source>
        <translation>Revoke certificate {serial}</translation>
    </message>
    <message>
        <source>{kind} voor {subject}. Wie het certificaat daarna controleert, krijgt ‘Ingetrokken’ te zien, met de reden hieronder. Intrekken kan niet ongedaan worden gemaakt; u kunt wel een nieuw certificaat uitgeven.</source>
        <translation>{kind} for {subject}. Anyone who verifies the certificate afterwards will see ‘Revoked’, with the reason below. Revoking cannot be undone; you can issue a new certificate, though.</translation>
    </message>
    <message>
        <source>Intrekken</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: uren verkeerd, naam gespeld</source>
        <translation>For example: wrong hours, name misspelt</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Staat bij de controle van het certificaat</source>
        <translation>Shown when the certificate is verified</translation>
    </message>
    <message>
        <source>Vul een reden in</source>
        <translation>Fill in a reason</translation>
    </message>
</context>
<context>
    <name>RoleCombo</name>
    <message>
        <source>Mag alles: instellingen, gebruikers, logboek, privacy en exporten.</source>
        <translation>Can do everything: settings, users, audit log, privacy and exports.</translation>
    </message>
    <message>
        <source>Deelnemers, plaatsingen en gevoelige gegevens; geen gebruikersbeheer.</source>
        <translation>Workers, placements and sensitive data; no user management.</translation>
    </message>
    <message>
        <source>Goederen en uren; ziet van deelnemers alleen naam en nummer.</source>
        <translation>Goods and hours; sees only the name and number of workers.</translation>
    </message>
</context>
<context>
    <name>SafetyTestDialog</name>
    <message>
        <source>Veiligheidstest</source>
        <translation>Safety test</translation>
    </message>
    <message>
        <source>Veiligheidstest van {number}</source>
        <translation>Safety test of {number}</translation>
    </message>
    <message>
        <source>{description}. Meet volgens NEN 3140 / NEN-EN 50678. Klasse I (randaarde): beschermingsleiding, isolatie en lekstroom. Klasse II (dubbel geïsoleerd): isolatie en aanraakstroom. Het oordeel volgt uit de grenswaarden van de winkel.</source>
        <translation>{description}. Measure according to NEN 3140 / NEN-EN 50678. Class I (earthed): protective conductor, insulation and leakage current. Class II (double insulated): insulation and touch current. The verdict follows from the shop&apos;s limit values.</translation>
    </message>
    <message>
        <source>Test vastleggen</source>
        <translation>Record test</translation>
    </message>
    <message>
        <source>Kies de beschermingsklasse…</source>
        <translation>Choose the protection class…</translation>
    </message>
    <message>
        <source>bijv. Benning ST 755+</source>
        <translation>e.g. Benning ST 755+</translation>
    </message>
    <message>
        <source>In orde (snoer, stekker, behuizing)</source>
        <translation>OK (cord, plug, housing)</translation>
    </message>
    <message>
        <source>In orde (apparaat werkt zoals bedoeld)</source>
        <translation>OK (appliance works as intended)</translation>
    </message>
    <message>
        <source>Testdatum</source>
        <translation>Test date</translation>
    </message>
    <message>
        <source>Beschermingsklasse</source>
        <translation>Protection class</translation>
    </message>
    <message>
        <source>Meetinstrument</source>
        <translation>Test instrument</translation>
    </message>
    <message>
        <source>Beschermingsleiding</source>
        <translation>Protective conductor</translation>
    </message>
    <message>
        <source>Isolatieweerstand</source>
        <translation>Insulation resistance</translation>
    </message>
    <message>
        <source>Lekstroom (beschermingsleider)</source>
        <translation>Leakage current (protective conductor)</translation>
    </message>
    <message>
        <source>Aanraakstroom</source>
        <translation>Touch current</translation>
    </message>
    <message>
        <source>Visuele inspectie</source>
        <translation>Visual inspection</translation>
    </message>
    <message>
        <source>Functionele test</source>
        <translation>Functional test</translation>
    </message>
    <message>
        <source>hoogstens {v} Ω</source>
        <translation>at most {v} Ω</translation>
    </message>
    <message>
        <source>minstens {v} MΩ</source>
        <translation>at least {v} MΩ</translation>
    </message>
    <message>
        <source>hoogstens {v} mA</source>
        <translation>at most {v} mA</translation>
    </message>
    <message>
        <source>niet nodig bij klasse {c}</source>
        <translation>not needed for class {c}</translation>
    </message>
    <message>
        <source>Kies eerst de beschermingsklasse.</source>
        <translation>Choose the protection class first.</translation>
    </message>
    <message>
        <source>Nog geen oordeel: een waarde is geen getal.</source>
        <translation>No verdict yet: a value is not a number.</translation>
    </message>
    <message>
        <source>Nog niet compleet: vul de metingen voor klasse {c} in.</source>
        <translation>Not complete yet: fill in the measurements for class {c}.</translation>
    </message>
    <message>
        <source>Afgekeurd — {reasons}</source>
        <translation>Failed — {reasons}</translation>
    </message>
    <message>
        <source>Goedgekeurd — alle waarden binnen de grenzen</source>
        <translation>Passed — all values within the limits</translation>
    </message>
    <message>
        <source>Veiligheidstest van {number} vastgelegd: goedgekeurd</source>
        <translation>Safety test of {number} recorded: passed</translation>
    </message>
    <message>
        <source>Veiligheidstest van {number} afgekeurd; het artikel is uit de verkoop gehaald (In behandeling)</source>
        <translation>Safety test of {number} failed; the item has been taken off sale (In progress)</translation>
    </message>
    <message>
        <source>Veiligheidstest van {number} vastgelegd: afgekeurd</source>
        <translation>Safety test of {number} recorded: failed</translation>
    </message>
</context>
<context>
    <name>SafetyTestsModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Oordeel</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Klasse</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Metingen</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>Getest door</source>
        <translation>Tested by</translation>
    </message>
    <message>
        <source>Meetinstrument</source>
        <translation>Test instrument</translation>
    </message>
    <message>
        <source>PE</source>
        <translation>PE</translation>
    </message>
    <message>
        <source>Beschermingsleiding</source>
        <translation>Protective conductor</translation>
    </message>
    <message>
        <source>Iso</source>
        <translation>Iso</translation>
    </message>
    <message>
        <source>Isolatieweerstand</source>
        <translation>Insulation resistance</translation>
    </message>
    <message>
        <source>Lek</source>
        <translation>Leak</translation>
    </message>
    <message>
        <source>Lekstroom</source>
        <translation>Leakage current</translation>
    </message>
    <message>
        <source>Aanraak</source>
        <translation>Touch</translation>
    </message>
    <message>
        <source>Aanraakstroom</source>
        <translation>Touch current</translation>
    </message>
    <message>
        <source>visuele inspectie niet in orde</source>
        <translation>visual inspection not OK</translation>
    </message>
    <message>
        <source>functionele test niet in orde</source>
        <translation>functional test not OK</translation>
    </message>
    <message>
        <source>Goedgekeurd</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Afgekeurd</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>{result} op {date}, klasse {c}</source>
        <translation>{result} on {date}, class {c}</translation>
    </message>
    <message>
        <source>Visuele inspectie: {ok}</source>
        <translation>Visual inspection: {ok}</translation>
    </message>
    <message>
        <source>in orde</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>niet in orde</source>
        <translation>not OK</translation>
    </message>
    <message>
        <source>Functionele test: {ok}</source>
        <translation>Functional test: {ok}</translation>
    </message>
    <message>
        <source>Een test is bewijs en wordt niet gewijzigd; een verkeerde test corrigeert u met een nieuwe test.</source>
        <translation>A test is evidence and is not changed; you correct a wrong test with a new test.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Bijvoorbeeld: Mensen en spullen een tweede kans</source>
        <translation>For example: A second chance for people and things</translation>
    </message>
    <message>
        <source>Naam van de winkel</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Straat en huisnummer</source>
        <translation>Street and house number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Certificaatcode</source>
        <translation>Certificate code</translation>
    </message>
    <message>
        <source>Het begin van elk certificaatnummer, zoals KAL in KAL-2025-0001</source>
        <translation>The start of every certificate number, like KAL in KAL-2025-0001</translation>
    </message>
    <message>
        <source>Missie</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Eén zin over waar de winkel voor staat; komt op de certificaten</source>
        <translation>One sentence about what the shop stands for; appears on the certificates</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Accentkleur</source>
        <translation>Accent colour</translation>
    </message>
    <message>
        <source>De kleur van knoppen en de navigatie</source>
        <translation>The colour of buttons and the navigation</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Vergrendelen na</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>Zo lang zonder toetsaanslag of muisklik, dan vraagt KringloopDesk het wachtwoord opnieuw. Wat open staat, blijft staan.</source>
        <translation>After this long without a keystroke or mouse click, KringloopDesk asks for the password again. Whatever is open stays open.</translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Na zoveel jaar na de laatste plaatsing komt een deelnemer op de lijst om te anonimiseren (Privacy).</source>
        <translation>This many years after the last placement, a worker is put on the list for anonymisation (Privacy).</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Terug naar de opgeslagen gegevens</source>
        <translation>Back to the saved data</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan deze gegevens wijzigen.</source>
        <translation>Only a manager can change these details.</translation>
    </message>
    <message>
        <source>Winkel</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Certificaten</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Beveiliging en privacy</source>
        <translation>Security and privacy</translation>
    </message>
    <message>
        <source>* verplicht</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>Gebruikers</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>CO₂-factoren</source>
        <translation>CO₂ factors</translation>
    </message>
    <message>
        <source>Back-ups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Weergave</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>De back-up van {date} is teruggezet. De database van daarvoor is bewaard als {path}. Log opnieuw in, met de gebruikers en wachtwoorden van de back-up.</source>
        <translation>The backup of {date} has been restored. The previous database was kept as {path}. Log in again, with the users and passwords of the backup.</translation>
    </message>
    <message>
        <source>De gegevens van de winkel, voor het venster en de certificaten</source>
        <translation>The shop&apos;s details, for the window and the certificates</translation>
    </message>
    <message>
        <source>Hoeveel CO₂ hergebruik per productgroep vermijdt, in versies</source>
        <translation>How much CO₂ reuse avoids per product group, in versions</translation>
    </message>
    <message>
        <source>Kopieën van de database: automatisch, op een USB-stick, terugzetten</source>
        <translation>Copies of the database: automatic, on a USB stick, restore</translation>
    </message>
    <message>
        <source>Taal en kleuren van KringloopDesk op deze pc</source>
        <translation>KringloopDesk&apos;s language and colours on this PC</translation>
    </message>
    <message>
        <source>Wie met KringloopDesk werkt, en wat ieder mag</source>
        <translation>Who works with KringloopDesk, and what each may do</translation>
    </message>
    <message>
        <source>Alles is opgeslagen</source>
        <translation>Everything is saved</translation>
    </message>
    <message>
        <source>Opslaan kan nog niet — {problem}</source>
        <translation>Cannot save yet — {problem}</translation>
    </message>
    <message>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Winkelgegevens opgeslagen</source>
        <translation>Shop details saved</translation>
    </message>
    <message>
        <source>Instellingen opgeslagen</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>de winkelgegevens</source>
        <translation>the shop details</translation>
    </message>
    <message>
        <source>de instellingen</source>
        <translation>the settings</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Welkom bij KringloopDesk</source>
        <translation>Welcome to KringloopDesk</translation>
    </message>
    <message>
        <source>Vul eerst de gegevens van uw winkel in. Ze staan in het venster en op certificaten; u kunt ze later wijzigen bij Instellingen.</source>
        <translation>First fill in your shop&apos;s details. They appear in the window and on certificates; you can change them later under Settings.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: Kringloop De Cirkel</source>
        <translation>For example: Kringloop De Cirkel</translation>
    </message>
    <message>
        <source>Naam van de winkel</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Straat en huisnummer</source>
        <translation>Street and house number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Certificaatcode</source>
        <translation>Certificate code</translation>
    </message>
    <message>
        <source>Het begin van elk certificaatnummer, zoals KAL in KAL-2025-0001</source>
        <translation>The start of every certificate number, like KAL in KAL-2025-0001</translation>
    </message>
    <message>
        <source>* verplicht</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>De gegevens worden bewaard in: {where}</source>
        <translation>The data is stored in: {where}</translation>
    </message>
    <message>
        <source>Eerst rondkijken? Probeer alles uit in een winkel met verzonnen gegevens.</source>
        <translation>Want to look around first? Try everything in a shop with made-up data.</translation>
    </message>
    <message>
        <source>Eerst &amp;proberen met een voorbeeldwinkel…</source>
        <translation>&amp;Try a demo shop first…</translation>
    </message>
</context>
<context>
    <name>SignatoriesEditor</name>
    <message>
        <source>Namens de winkel</source>
        <translation>On behalf of the shop</translation>
    </message>
    <message>
        <source>Namens {partner}</source>
        <translation>On behalf of {partner}</translation>
    </message>
    <message>
        <source>Ondertekenaar &amp;toevoegen</source>
        <translation>Add signa&amp;tory</translation>
    </message>
    <message>
        <source>Ondertekenaar toe&amp;voegen</source>
        <translation>Add &amp;signatory</translation>
    </message>
</context>
<context>
    <name>SignatorySide</name>
    <message>
        <source>Nog niemand</source>
        <translation>Nobody yet</translation>
    </message>
    <message>
        <source>Ondertekenaar toevoegen</source>
        <translation>Add signatory</translation>
    </message>
    <message>
        <source>Deze ondertekenaar weghalen</source>
        <translation>Remove this signatory</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>functie</source>
        <translation>function</translation>
    </message>
</context>
<context>
    <name>SkillDialog</name>
    <message>
        <source>Werkproces toevoegen</source>
        <translation>Add work process</translation>
    </message>
    <message>
        <source>Wat {name} beheerst in deze plaatsing ({department}). Dit komt op het certificaat van deelname.</source>
        <translation>What {name} has mastered in this placement ({department}). This appears on the participation certificate.</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Kies uit de lijst of typ een werkproces</source>
        <translation>Choose from the list or type a work process</translation>
    </message>
    <message>
        <source>Ook op de lijst van deze afdeling zetten</source>
        <translation>Also add to this department&apos;s list</translation>
    </message>
    <message>
        <source>Dan staat het de volgende keer bij {department} in de lijst</source>
        <translation>Then it will be in the list for {department} next time</translation>
    </message>
    <message>
        <source>Werkproces</source>
        <translation>Work process</translation>
    </message>
    <message>
        <source>Werkproces toegevoegd</source>
        <translation>Work process added</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Gebruikersnaam</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Gevoelige gegevens</source>
        <translation>Sensitive data</translation>
    </message>
    <message>
        <source>Laatst ingelogd</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Geblokkeerd tot</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Nee, uitgeschakeld</source>
        <translation>No, disabled</translation>
    </message>
    <message>
        <source>Ja, tijdelijk wachtwoord</source>
        <translation>Yes, temporary password</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee (invoer)</source>
        <translation>No (data entry)</translation>
    </message>
    <message>
        <source>Geen toegang</source>
        <translation>No access</translation>
    </message>
    <message>
        <source>Nooit</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Geen toegang tot de gevoelige gegevens. Stel het wachtwoord opnieuw in om die toegang terug te geven.</source>
        <translation>No access to the sensitive data. Reset the password to restore that access.</translation>
    </message>
    <message>
        <source>Kiest bij de volgende keer inloggen een eigen wachtwoord</source>
        <translation>Chooses their own password at the next login</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Geen gebruikers gevonden bij deze zoekopdracht</source>
        <translation>No users found for this search</translation>
    </message>
    <message>
        <source>Zoeken op naam, gebruikersnaam of rol</source>
        <translation>Search by name, user name or role</translation>
    </message>
    <message>
        <source>Nieuwe gebruiker</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Nieuwe gebruiker (Ctrl+N)</source>
        <translation>New user (Ctrl+N)</translation>
    </message>
    <message>
        <source>Uitschakelen</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Uitschakelen of inschakelen (Alt+U)</source>
        <translation>Disable or enable (Alt+U)</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord opnieuw instellen…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>&amp;Rol wijzigen…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <source>Nieuwe &amp;herstelsleutel maken…</source>
        <translation>Create new recovery &amp;key…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Herstelsleutel&lt;/b&gt; — geeft weer toegang tot de gevoelige gegevens als alle beheerders hun wachtwoord kwijt zijn. Maak een nieuwe als de oude zoek is of in verkeerde handen kan zijn; de oude werkt dan niet meer.</source>
        <translation>&lt;b&gt;Recovery key&lt;/b&gt; — restores access to the sensitive data if all managers have lost their password. Create a new one if the old one is lost or may be in the wrong hands; the old one then stops working.</translation>
    </message>
    <message>
        <source>Gebruikers</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>{n} gebruikers</source>
        <translation>{n} users</translation>
    </message>
    <message>
        <source>{shown} van {total} gebruikers</source>
        <translation>{shown} of {total} users</translation>
    </message>
    <message>
        <source>Kies een gebruiker in de lijst</source>
        <translation>Choose a user in the list</translation>
    </message>
    <message>
        <source>Gekozen: {name} ({user})</source>
        <translation>Selected: {name} ({user})</translation>
    </message>
    <message>
        <source>Inschakelen</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>U kunt uw eigen account niet uitschakelen</source>
        <translation>You cannot disable your own account</translation>
    </message>
    <message>
        <source>Gebruiker {name} aangemaakt</source>
        <translation>User {name} created</translation>
    </message>
    <message>
        <source>{name} uitschakelen?</source>
        <translation>Disable {name}?</translation>
    </message>
    <message>
        <source>{user} kan dan niet meer inloggen. Alles wat deze gebruiker heeft vastgelegd, blijft bewaard; u kunt het account later weer inschakelen.</source>
        <translation>{user} will then no longer be able to log in. Everything this user has recorded is kept; you can enable the account again later.</translation>
    </message>
    <message>
        <source>{user} is weer ingeschakeld</source>
        <translation>{user} has been enabled again</translation>
    </message>
    <message>
        <source>{user} is uitgeschakeld</source>
        <translation>{user} has been disabled</translation>
    </message>
    <message>
        <source>Tijdelijk wachtwoord ingesteld voor {user}</source>
        <translation>Temporary password set for {user}</translation>
    </message>
    <message>
        <source>{user} is nu {role}</source>
        <translation>{user} is now {role}</translation>
    </message>
    <message>
        <source>Een nieuwe herstelsleutel maken?</source>
        <translation>Create a new recovery key?</translation>
    </message>
    <message>
        <source>De huidige herstelsleutel werkt daarna niet meer. U krijgt de nieuwe één keer te zien en kunt hem als PDF opslaan om af te drukken.</source>
        <translation>The current recovery key will then stop working. You will see the new one once and can save it as a PDF to print.</translation>
    </message>
    <message>
        <source>Nieuwe sleutel maken</source>
        <translation>Create new key</translation>
    </message>
    <message>
        <source>Nieuwe herstelsleutel gemaakt; de oude werkt niet meer</source>
        <translation>New recovery key created; the old one no longer works</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Certificaat controleren</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <source>Is dit certificaat echt?</source>
        <translation>Is this certificate genuine?</translation>
    </message>
    <message>
        <source>Kies het PDF-bestand van het certificaat, of typ de controlecode of het nummer dat onderaan het certificaat staat.</source>
        <translation>Choose the certificate&apos;s PDF file, or type the verification code or the number printed at the bottom of the certificate.</translation>
    </message>
    <message>
        <source>Code (7KQ2-M9XD) of nummer (KAL-2026-0007)</source>
        <translation>Code (7KQ2-M9XD) or number (KAL-2026-0007)</translation>
    </message>
    <message>
        <source>Controlecode of nummer</source>
        <translation>Verification code or number</translation>
    </message>
    <message>
        <source>&amp;PDF-bestand kiezen…</source>
        <translation>Choose &amp;PDF file…</translation>
    </message>
    <message>
        <source>&amp;Controleren</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>of</source>
        <translation>or</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Certificaat kiezen</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf);;Alle bestanden (*)</source>
        <translation>PDF file (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>{name} is te groot voor een certificaat van KringloopDesk.</source>
        <translation>{name} is too large for a KringloopDesk certificate.</translation>
    </message>
    <message>
        <source>{name} kan niet worden gelezen: {problem}. Kies het bestand opnieuw.</source>
        <translation>{name} cannot be read: {problem}. Choose the file again.</translation>
    </message>
    <message>
        <source>Gecontroleerd: {name}</source>
        <translation>Verified: {name}</translation>
    </message>
    <message>
        <source>Gecontroleerd: {text}</source>
        <translation>Verified: {text}</translation>
    </message>
    <message>
        <source>Echt</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Gewijzigd</source>
        <translation>Altered</translation>
    </message>
    <message>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Dit bestand bevat geen certificaat van deze winkel, of het is zo veranderd dat de controlegegevens niet meer te lezen zijn.</source>
        <translation>This file does not contain a certificate from this shop, or it has been changed so much that the verification data can no longer be read.</translation>
    </message>
    <message>
        <source>Uitslag</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Controlecode</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Voor</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Uitgegeven</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Certificaat van deelname</source>
        <translation>Participation certificate</translation>
    </message>
    <message>
        <source>Samenwerkingscertificaat</source>
        <translation>Partnership certificate</translation>
    </message>
    <message>
        <source>Niet gecontroleerd</source>
        <translation>Not verified</translation>
    </message>
</context>
<context>
    <name>WeegpostPage</name>
    <message>
        <source>Inbreng  (F2)</source>
        <translation>Intake  (F2)</translation>
    </message>
    <message>
        <source>Afvoer  (F3)</source>
        <translation>Outflow  (F3)</translation>
    </message>
    <message>
        <source>Volledig scherm (F11)</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <source>1–0: productgroep · gewicht · Enter: boeken · Ctrl+Z: ongedaan maken</source>
        <translation>1–0: product group · weight · Enter: record · Ctrl+Z: undo</translation>
    </message>
    <message>
        <source>Gewicht in kg</source>
        <translation>Weight in kg</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>&amp;Boeken (Enter)</source>
        <translation>&amp;Record (Enter)</translation>
    </message>
    <message>
        <source>1  Productgroep</source>
        <translation>1  Product group</translation>
    </message>
    <message>
        <source>Wegingen van vandaag</source>
        <translation>Today&apos;s weighings</translation>
    </message>
    <message>
        <source>Totalen van vandaag per productgroep</source>
        <translation>Today&apos;s totals per product group</translation>
    </message>
    <message>
        <source>Nog niets gewogen vandaag.</source>
        <translation>Nothing weighed yet today.</translation>
    </message>
    <message>
        <source>Totaal per productgroep</source>
        <translation>Total per product group</translation>
    </message>
    <message>
        <source>Weegpost</source>
        <translation>Weighing station</translation>
    </message>
    <message>
        <source>Inbreng</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Afvoer</source>
        <translation>Outflow</translation>
    </message>
    <message>
        <source>{what} vandaag · {date}</source>
        <translation>{what} today · {date}</translation>
    </message>
    <message>
        <source>{kg} kg in {n} wegingen</source>
        <translation>{kg} kg in {n} weighings</translation>
    </message>
    <message>
        <source>2  Herkomst  (F6–F10, blijft staan)</source>
        <translation>2  Origin  (F6–F10, stays selected)</translation>
    </message>
    <message>
        <source>2  Bestemming  (F6–F10, blijft staan)</source>
        <translation>2  Destination  (F6–F10, stays selected)</translation>
    </message>
    <message>
        <source>Onder toets {key} staat geen productgroep</source>
        <translation>There is no product group under key {key}</translation>
    </message>
    <message>
        <source>Kies een productgroep: toets 1–0 of tik erop</source>
        <translation>Choose a product group: key 1–0 or tap it</translation>
    </message>
    <message>
        <source>3  Gewicht</source>
        <translation>3  Weight</translation>
    </message>
    <message>
        <source>Gekozen: {group} · Esc: andere groep</source>
        <translation>Selected: {group} · Esc: other group</translation>
    </message>
    <message>
        <source>3  Gewicht van {group} ({channel})</source>
        <translation>3  Weight of {group} ({channel})</translation>
    </message>
    <message>
        <source>Kies eerst een productgroep (toets 1–0)</source>
        <translation>Choose a product group first (key 1–0)</translation>
    </message>
    <message>
        <source>Geboekt: {kg} kg {group} ({channel})</source>
        <translation>Recorded: {kg} kg {group} ({channel})</translation>
    </message>
    <message>
        <source>Er is vandaag nog geen weging van u om ongedaan te maken</source>
        <translation>You have no weighing today to undo</translation>
    </message>
    <message>
        <source>Ongedaan gemaakt: {kg} kg {group} ({direction})</source>
        <translation>Undone: {kg} kg {group} ({direction})</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>Deelnemers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Terug naar de lijst (Esc)</source>
        <translation>Back to the list (Esc)</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Opslaan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>bijv. D-0042</source>
        <translation>e.g. D-0042</translation>
    </message>
    <message>
        <source>met tussenvoegsel, bijv. de Vries</source>
        <translation>with prefix, e.g. de Vries</translation>
    </message>
    <message>
        <source>Deelnemernummer</source>
        <translation>Worker number</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>naam@voorbeeld.nl</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>bijv. 06-12345678</source>
        <translation>e.g. 06-12345678</translation>
    </message>
    <message>
        <source>1234 AB</source>
        <translation>1234 AB</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Straat en huisnummer</source>
        <translation>Street and house number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Kies een doelgroep…</source>
        <translation>Choose a target group…</translation>
    </message>
    <message>
        <source>bijv. Gemeente Amersfoort, UWV, Amfors</source>
        <translation>e.g. Gemeente Amersfoort, UWV, Amfors</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>De organisatie die de deelnemer heeft aangemeld</source>
        <translation>The organisation that referred the worker</translation>
    </message>
    <message>
        <source>Contactpersoon verwijzer</source>
        <translation>Contact person at the referrer</translation>
    </message>
    <message>
        <source>Wat kan de deelnemer wel en niet in het werk? Geen diagnoses.</source>
        <translation>What can the worker do and not do in the work? No diagnoses.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: vaste werkplek, korte instructies, geen kassadiensten</source>
        <translation>For example: fixed workplace, short instructions, no till duties</translation>
    </message>
    <message>
        <source>Ondersteuningsvraag</source>
        <translation>Support need</translation>
    </message>
    <message>
        <source>Werkaanpassingen</source>
        <translation>Work adjustments</translation>
    </message>
    <message>
        <source>* verplicht</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Deelname</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>&amp;Nieuwe plaatsing…</source>
        <translation>New &amp;placement…</translation>
    </message>
    <message>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <source>Gegevens</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Plaatsing en voortgang</source>
        <translation>Placement and progress</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Ondersteuning (vertrouwelijk)</source>
        <translation>Support (confidential)</translation>
    </message>
    <message>
        <source>Alleen begeleiders en beheerders zien dit; het wordt versleuteld bewaard. Beschrijf het werk, nooit een diagnose.</source>
        <translation>Only job coaches and managers see this; it is stored encrypted. Describe the work, never a diagnosis.</translation>
    </message>
    <message>
        <source>U ziet van deelnemers alleen het nummer en de naam.</source>
        <translation>You see only the number and name of workers.</translation>
    </message>
    <message>
        <source>Er is een ondersteuningsvraag of werkaanpassing vastgelegd. </source>
        <translation>A support need or work adjustment has been recorded. </translation>
    </message>
    <message>
        <source>Nieuwe deelnemer</source>
        <translation>New worker</translation>
    </message>
    <message>
        <source>Vul de gegevens in en sla op; daarna kunt u plaatsingen toevoegen.</source>
        <translation>Fill in the details and save; then you can add placements.</translation>
    </message>
    <message>
        <source>Sla de deelnemer eerst op</source>
        <translation>Save the worker first</translation>
    </message>
    <message>
        <source>Nog geen plaatsingen — klik op Nieuwe plaatsing.</source>
        <translation>No placements yet — click New placement.</translation>
    </message>
    <message>
        <source>Nog geen plaatsingen.</source>
        <translation>No placements yet.</translation>
    </message>
    <message>
        <source>Opslaan kan nog niet — {problem}</source>
        <translation>Cannot save yet — {problem}</translation>
    </message>
    <message>
        <source>Alles is opgeslagen</source>
        <translation>Everything is saved</translation>
    </message>
    <message>
        <source>Niet opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Deelnemer {name} opgeslagen</source>
        <translation>Worker {name} saved</translation>
    </message>
    <message>
        <source>de nieuwe deelnemer</source>
        <translation>the new worker</translation>
    </message>
    <message>
        <source>de gegevens van {name}</source>
        <translation>the details of {name}</translation>
    </message>
</context>
<context>
    <name>WorkerHoursModel</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Dagen</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Uren</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>week {n} ({year})</source>
        <translation>week {n} ({year})</translation>
    </message>
</context>
<context>
    <name>WorkerHoursView</name>
    <message>
        <source>Laatste 3 maanden</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <source>Deze maand</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Vorige maand</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Dit jaar</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Vorig jaar</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Alles</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Welke periode</source>
        <translation>Which period</translation>
    </message>
    <message>
        <source>Per &amp;dag</source>
        <translation>Per &amp;day</translation>
    </message>
    <message>
        <source>Per &amp;week</source>
        <translation>Per &amp;week</translation>
    </message>
    <message>
        <source>Per &amp;maand</source>
        <translation>Per &amp;month</translation>
    </message>
    <message>
        <source>Kies een deelnemer om de uren te zien</source>
        <translation>Choose a worker to see the hours</translation>
    </message>
    <message>
        <source>Geen uren van {name} in deze periode</source>
        <translation>No hours for {name} in this period</translation>
    </message>
    <message>
        <source>{name}: {hours} uur op {days} dagen</source>
        <translation>{name}: {hours} hours on {days} days</translation>
    </message>
    <message>
        <source>{name}: {hours} uur op 1 dag</source>
        <translation>{name}: {hours} hours on 1 day</translation>
    </message>
</context>
<context>
    <name>WorkerPicker</name>
    <message>
        <source>Zoek op nummer of naam, bijvoorbeeld D-0042 of Jansen</source>
        <translation>Search by number or name, for example D-0042 or Jansen</translation>
    </message>
</context>
<context>
    <name>WorkersModel</name>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Geen lopende of geplande plaatsing</source>
        <translation>No current or planned placement</translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <source>Nieuwe deelnemer</source>
        <translation>New worker</translation>
    </message>
    <message>
        <source>Nieuwe deelnemer (Ctrl+N)</source>
        <translation>New worker (Ctrl+N)</translation>
    </message>
    <message>
        <source>Alle doelgroepen</source>
        <translation>All target groups</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle afdelingen</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Afdeling</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Alle begeleiders</source>
        <translation>All job coaches</translation>
    </message>
    <message>
        <source>Begeleider</source>
        <translation>Job coach</translation>
    </message>
    <message>
        <source>Alle verwijzers</source>
        <translation>All referrers</translation>
    </message>
    <message>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Filter &amp;wissen</source>
        <translation>Clear &amp;filter</translation>
    </message>
    <message>
        <source>Wie er bij de winkel werkt, waar, en sinds wanneer</source>
        <translation>Who works at the shop, where, and since when</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Zoeken op naam of nummer (Ctrl+F)</source>
        <translation>Search by name or number (Ctrl+F)</translation>
    </message>
    <message>
        <source>1 deelnemer</source>
        <translation>1 worker</translation>
    </message>
    <message>
        <source>{n} deelnemers</source>
        <translation>{n} workers</translation>
    </message>
    <message>
        <source>{shown} van {total} deelnemers</source>
        <translation>{shown} of {total} workers</translation>
    </message>
    <message>
        <source>Zonder plaatsing</source>
        <translation>Without placement</translation>
    </message>
    <message>
        <source>Geen deelnemers gevonden — pas de zoekopdracht of de filters aan</source>
        <translation>No workers found — adjust the search or the filters</translation>
    </message>
    <message>
        <source>Nog geen deelnemers — klik op Nieuwe deelnemer of importeer een bestand</source>
        <translation>No workers yet — click New worker or import a file</translation>
    </message>
    <message>
        <source>Nog geen deelnemers</source>
        <translation>No workers yet</translation>
    </message>
</context>
<context>
    <name>WorkersView</name>
    <message>
        <source>Kolommen</source>
        <translation>Columns</translation>
    </message>
</context>
<context>
    <name>_FormPage</name>
    <message>
        <source>Aanmaken kan nog niet — {problem}</source>
        <translation>Cannot create yet — {problem}</translation>
    </message>
    <message>
        <source>Verder kan nog niet — {problem}</source>
        <translation>Cannot continue yet — {problem}</translation>
    </message>
</context>
<context>
    <name>_SaleRefusal</name>
    <message>
        <source>&amp;Veiligheidstest vastleggen…</source>
        <translation>&amp;Record safety test…</translation>
    </message>
</context>
</TS>
