# ruff: noqa: E501  (the sentence bank is long lines of text)
"""Deterministic synthetic data for the benchmark: the 8 real strategy areas, a few
organisations and N records in Finnish and Swedish, in the format of data/measures.yaml.

    .venv/bin/python bench/gen_data.py 1000 > /tmp/measures.yaml

Texts are combined from a bank of handwritten sentence pairs (the Swedish sentence is the
translation of the Finnish one), so summaries read like real ones and contain inflected forms
(hankinta, hankinnat, hankintojen, hankintayksikkö, kunnan, kuntien ...; upphandling,
upphandlingen, upphandlingar, kommunens ...). Same N, same seed -> byte-identical file.
"""

from __future__ import annotations

import random
import sys
from typing import Any

import yaml

SEED = 20240601

# --- Sentence bank: (Finnish, Swedish) -------------------------------------------------------

SENTENCES: list[tuple[str, str]] = [
    (
        "Hankinta-Suomi-ohjelma tuki kuntien ja hankintayksiköiden yhteistyötä koko maassa.",
        "Programmet Hankinta-Suomi stödde samarbetet mellan kommunerna och de upphandlande enheterna i hela landet.",
    ),
    (
        "Julkiset hankinnat ovat vuosittain noin 35–47 miljardin euron arvoiset, joten hankintojen vaikuttavuudella on suuri merkitys.",
        "De offentliga upphandlingarna uppgår årligen till cirka 35–47 miljarder euro, och därför har upphandlingarnas verkningsfullhet stor betydelse.",
    ),
    (
        "Kunnan hankintayksikkö kokosi tietoa hankinnoista ja niiden vaikutuksista päätöksenteon tueksi.",
        "Kommunens upphandlande enhet samlade information om upphandlingarna och deras effekter som stöd för beslutsfattandet.",
    ),
    (
        "Hankintojen strateginen johtaminen edellyttää, että hankinnat kytketään organisaation tavoitteisiin ja talousarvioon.",
        "Strategisk ledning av upphandlingen förutsätter att upphandlingarna kopplas till organisationens mål och budget.",
    ),
    (
        "Verkoston tapaamisissa hankintayksiköt jakoivat kokemuksiaan markkinavuoropuhelusta ja sopimusten hallinnasta.",
        "Vid nätverkets möten delade de upphandlande enheterna med sig av sina erfarenheter av marknadsdialog och avtalshantering.",
    ),
    (
        "Pienten ja keskisuurten yritysten on helpompi osallistua tarjouskilpailuihin, kun hankinta jaetaan osiin.",
        "Det är lättare för små och medelstora företag att delta i anbudstävlingar när upphandlingen delas upp i delar.",
    ),
    (
        "Kuntien hankintojen ilmastovaikutuksia arvioitiin yhteisellä laskentamallilla.",
        "Klimatpåverkan av kommunernas upphandlingar bedömdes med en gemensam beräkningsmodell.",
    ),
    (
        "Työllistämisehtoja käytettiin hankinnoissa, joissa työn osuus oli suuri.",
        "Sysselsättningsvillkor användes i upphandlingar där arbetets andel var stor.",
    ),
    (
        "Koulutukseen osallistui hankinta-asiantuntijoita, juristeja ja substanssiosaajia eri puolilta Suomea.",
        "I utbildningen deltog upphandlingsexperter, jurister och sakkunniga från olika delar av Finland.",
    ),
    (
        "Selvityksen mukaan hankintaosaaminen on kehittynyt, mutta osaamisen taso vaihtelee edelleen hankintayksiköittäin.",
        "Enligt utredningen har upphandlingskompetensen utvecklats, men kompetensnivån varierar fortfarande mellan de upphandlande enheterna.",
    ),
    (
        "Opas neuvoo, miten innovatiivisten hankintojen tavoitteet kirjataan hankintastrategiaan.",
        "Handboken ger råd om hur målen för innovativ upphandling skrivs in i upphandlingsstrategin.",
    ),
    (
        "Hankintojen tietojen avoimuus parani, kun kunnan ostolaskut julkaistiin avoimena datana.",
        "Insynen i upphandlingsdata förbättrades när kommunens köpfakturor publicerades som öppna data.",
    ),
    (
        "Työkalu auttaa hankintayksikköä arvioimaan sopimuskauden aikaiset kustannukset ja riskit.",
        "Verktyget hjälper den upphandlande enheten att bedöma kostnaderna och riskerna under avtalsperioden.",
    ),
    (
        "Tapahtumassa esiteltiin onnistuneita esimerkkejä kestävistä hankinnoista kunnista ja hyvinvointialueilta.",
        "Vid evenemanget presenterades lyckade exempel på hållbar upphandling från kommuner och välfärdsområden.",
    ),
    (
        "Hankintojen ekologista kestävyyttä edistettiin kiertotalouden ja vähähiilisyyden kriteereillä.",
        "Upphandlingarnas ekologiska hållbarhet främjades med kriterier för cirkulär ekonomi och koldioxidsnålhet.",
    ),
    (
        "Sosiaalisesti kestävissä hankinnoissa huomioitiin ihmisoikeudet ja reilut työolot toimitusketjussa.",
        "I socialt hållbara upphandlingar beaktades de mänskliga rättigheterna och rättvisa arbetsvillkor i leveranskedjan.",
    ),
    (
        "Hankintayksiköiden kyselyyn vastasi yli kolmesataa vastaajaa kunnista, kuntayhtymistä ja valtion virastoista.",
        "Över trehundra respondenter från kommuner, samkommuner och statliga myndigheter svarade på enkäten till de upphandlande enheterna.",
    ),
    (
        "Markkinavuoropuhelu ennen hankintaa auttoi tunnistamaan uusia ratkaisuja ja toimittajia.",
        "Marknadsdialogen före upphandlingen hjälpte till att identifiera nya lösningar och leverantörer.",
    ),
    (
        "Kuntien hankintojen seurantaa kehitettiin yhdessä Kuntaliiton ja valtiovarainministeriön kanssa.",
        "Uppföljningen av kommunernas upphandlingar utvecklades tillsammans med Kommunförbundet och finansministeriet.",
    ),
    (
        "Hankinnan valmistelussa kuultiin myös palvelujen käyttäjiä ja henkilöstöä.",
        "Vid beredningen av upphandlingen hördes också tjänsternas användare och personalen.",
    ),
    (
        "Hankintojen taloudellista kestävyyttä tarkasteltiin koko elinkaaren kustannusten näkökulmasta.",
        "Upphandlingarnas ekonomiska hållbarhet granskades ur ett perspektiv som omfattar kostnaderna under hela livscykeln.",
    ),
    (
        "Ohjelman tuloksia hyödynnetään kansallisen hankintastrategian päivityksessä.",
        "Programmets resultat används när den nationella upphandlingsstrategin uppdateras.",
    ),
    (
        "Alueellinen hankintojen kehittämisverkosto toimi kunnan ja yritysten välisenä yhteyspisteenä.",
        "Det regionala nätverket för upphandlingsutveckling fungerade som kontaktpunkt mellan kommunen och företagen.",
    ),
    (
        "Hankintakäsikirja päivitettiin vastaamaan hankintalain muutoksia.",
        "Upphandlingshandboken uppdaterades så att den motsvarar ändringarna i upphandlingslagen.",
    ),
    (
        "Valmennuksen jälkeen osallistujat laativat oman organisaationsa hankintojen kehittämissuunnitelman.",
        "Efter träningen utarbetade deltagarna en utvecklingsplan för upphandlingen i sin egen organisation.",
    ),
    (
        "Hankintatoimen johtajat kokoontuivat keskustelemaan hankintojen tiedolla johtamisesta.",
        "Upphandlingscheferna samlades för att diskutera kunskapsbaserad ledning av upphandlingen.",
    ),
    (
        "Julkisten hankintojen neuvontayksikkö vastasi kuntien ja hankintayksiköiden kysymyksiin.",
        "Rådgivningsenheten för offentlig upphandling svarade på frågor från kommunerna och de upphandlande enheterna.",
    ),
    (
        "Innovaatiokumppanuus mahdollisti uuden ratkaisun kehittämisen yhdessä toimittajan kanssa.",
        "Innovationspartnerskapet gjorde det möjligt att utveckla en ny lösning tillsammans med leverantören.",
    ),
    (
        "Ruoka- ja puhdistuspalvelujen hankinnoissa kokeiltiin uusia vastuullisuuskriteerejä.",
        "I upphandlingarna av mat- och städtjänster testades nya kriterier för ansvarsfullhet.",
    ),
    (
        "Sopimuskauden aikainen seuranta varmisti, että hankinnan tavoitteet toteutuivat käytännössä.",
        "Uppföljningen under avtalsperioden säkerställde att upphandlingens mål uppfylldes i praktiken.",
    ),
    (
        "Kunnan hankintastrategia hyväksyttiin valtuustossa, ja sen toteutumista arvioidaan vuosittain.",
        "Kommunens upphandlingsstrategi godkändes av fullmäktige, och dess genomförande utvärderas årligen.",
    ),
    (
        "Hankinnoista vastaavien viranhaltijoiden osaamista vahvistettiin verkkokurssilla.",
        "Kompetensen hos de tjänstemän som ansvarar för upphandlingar stärktes med en webbkurs.",
    ),
    (
        "Hankintailmoitusten laatu parani, kun tarjouspyyntöjen mallipohjia otettiin käyttöön.",
        "Kvaliteten på upphandlingsannonserna förbättrades när mallar för anbudsförfrågningar togs i bruk.",
    ),
    (
        "Yritykset antoivat palautetta hankintojen valmistelusta kunnan järjestämässä tilaisuudessa.",
        "Företagen gav respons på beredningen av upphandlingarna vid ett tillfälle som kommunen ordnade.",
    ),
    (
        "Hankintojen hiilijalanjälki pieneni, kun kuljetuksissa siirryttiin vähäpäästöisiin ajoneuvoihin.",
        "Upphandlingarnas koldioxidavtryck minskade när transporterna övergick till fordon med låga utsläpp.",
    ),
    (
        "Hyvinvointialueiden ja kuntien yhteishankinnat vähensivät päällekkäistä työtä.",
        "Välfärdsområdenas och kommunernas samupphandlingar minskade dubbelarbetet.",
    ),
]

LIST_ITEMS: list[tuple[str, str]] = [
    ("hankintojen suunnittelu ja ennakointi", "planering och förutseende av upphandlingar"),
    ("markkinavuoropuhelu ennen tarjouspyyntöä", "marknadsdialog före anbudsförfrågan"),
    ("sopimusten hallinta ja seuranta", "avtalshantering och uppföljning"),
    ("kuntien hankintojen tietojohtaminen", "kunskapsbaserad ledning av kommunernas upphandlingar"),
    ("vastuullisuuskriteerien käyttö", "användning av kriterier för ansvarsfullhet"),
    ("hankintayksikön osaamisen kehittäminen", "utveckling av den upphandlande enhetens kompetens"),
]

# --- Areas, organisations, regions, topics ------------------------------------------------------

AREAS: list[dict[str, Any]] = [
    {
        "id": "strategic-leadership",
        "number": 1,
        "name": {"fi": "Strateginen johtaminen", "sv": "Strategisk ledning"},
        "intention": {
            "fi": "Johdamme hankintoja strategisena toimintona ja hyödynnämme hankintojen potentiaalin tavoitteidemme saavuttamisessa",
            "sv": "Vi leder upphandlingarna som en strategisk funktion och utnyttjar upphandlingarnas potential för att nå våra mål",
        },
        "description": {
            "fi": "Hankinnat kytketään organisaation tavoitteisiin ja johtamiseen. Kunnan hankintastrategia ohjaa hankintoja.",
            "sv": "Upphandlingen knyts till organisationens mål och ledning. Kommunens upphandlingsstrategi styr upphandlingarna.",
        },
        "sources": ["https://vm.fi/sv/strategisk-ledning"],
    },
    {
        "id": "procurement-competence",
        "number": 2,
        "name": {"fi": "Hankintaosaaminen", "sv": "Upphandlingskompetens"},
        "intention": {
            "fi": "Teemme hankinnat ammattimaisesti ja kehitämme osaamistamme jatkuvasti",
            "sv": "Vi genomför upphandlingarna på ett professionellt sätt och utvecklar kontinuerligt vår kompetens",
        },
        "description": {
            "fi": "Osaamisen kokonaiskuva ja koulutuksen lisääminen hankintayksiköissä.",
            "sv": "En helhetsbild av kompetensen och mer utbildning i de upphandlande enheterna.",
        },
        "sources": ["https://vm.fi/sv/utveckling-av-upphandlingskompetensen"],
    },
    {
        "id": "knowledge-and-impact",
        "number": 3,
        "name": {"fi": "Tieto ja vaikuttavuus", "sv": "Kunskap och verkningsfullhet"},
        "intention": {
            "fi": "Johdamme hankintoja tiedolla ja arvioimme hankintojen vaikuttavuutta",
            "sv": "Vi leder upphandlingarna med kunskap och bedömer upphandlingarnas verkningsfullhet",
        },
        "description": {
            "fi": "Hankintatiedon avoimuus, seuranta ja vaikutusten arviointi.",
            "sv": "Öppna upphandlingsdata, uppföljning och bedömning av effekterna.",
        },
        "notes": {
            "fi": "Ruotsinkielinen nimi on oma käännöksemme.",
            "sv": "Det svenska namnet är vår egen översättning.",
        },
        "sources": ["https://vm.fi/sv/kunskap-och-verkningsfullhet"],
    },
    {
        "id": "functioning-procurement",
        "number": 4,
        "name": {"fi": "Toimivat hankinnat", "sv": "Fungerande upphandling"},
        "intention": {
            "fi": "Hankinnat ovat toimivia, ja yritysten on helppo osallistua tarjouskilpailuihin",
            "sv": "Upphandlingarna fungerar väl, och det är lätt för företag att delta i anbudstävlingar",
        },
        "description": {
            "fi": "Markkinavuoropuhelu, sopimusten hallinta ja yritysten osallistuminen.",
            "sv": "Marknadsdialog, avtalshantering och företagens deltagande.",
        },
        "sources": ["https://vm.fi/sv/fungerande-upphandling"],
    },
    {
        "id": "innovation",
        "number": 5,
        "name": {"fi": "Innovaatiot", "sv": "Innovationer"},
        "intention": {
            "fi": "Ratkaisemme haasteita innovaatioilla ja teemme hankintoja kokeilevasti ja kehitysmyönteisesti",
            "sv": "Vi löser utmaningar med innovationer och utför upphandlingar med ett positivt förhållningssätt till försök och utveckling",
        },
        "description": {
            "fi": "Kokeileva kulttuuri ja innovatiiviset hankinnat.",
            "sv": "En kultur som tillåter försök och innovativ upphandling.",
        },
        "sources": ["https://vm.fi/sv/innovationer"],
    },
    {
        "id": "economic-sustainability",
        "number": 6,
        "name": {"fi": "Taloudellinen kestävyys", "sv": "Ekonomisk hållbarhet"},
        "intention": {
            "fi": "Hankinnat ovat taloudellisesti kestäviä ja huomioivat koko elinkaaren kustannukset",
            "sv": "Upphandlingarna är ekonomiskt hållbara och beaktar kostnaderna under hela livscykeln",
        },
        "description": {
            "fi": "Elinkaarikustannukset, harmaan talouden torjunta ja verojalanjälki.",
            "sv": "Livscykelkostnader, bekämpning av grå ekonomi och skatteavtryck.",
        },
        "sources": ["https://vm.fi/sv/ekonomisk-hallbarhet"],
    },
    {
        "id": "social-sustainability",
        "number": 7,
        "name": {"fi": "Sosiaalinen kestävyys", "sv": "Social hållbarhet"},
        "intention": {
            "fi": "Edistämme hankinnoilla sosiaalista kestävyyttä, työllisyyttä ja ihmisoikeuksia",
            "sv": "Vi främjar social hållbarhet, sysselsättning och mänskliga rättigheter med upphandlingarna",
        },
        "description": {
            "fi": "Työllistämisehdot, reilut työolot ja saavutettavuus hankinnoissa.",
            "sv": "Sysselsättningsvillkor, rättvisa arbetsvillkor och tillgänglighet i upphandlingar.",
        },
        "sources": ["https://vm.fi/sv/social-hallbarhet"],
    },
    {
        "id": "ecological-sustainability",
        "number": 8,
        "name": {"fi": "Ekologinen kestävyys", "sv": "Ekologisk hållbarhet"},
        "intention": {
            "fi": "Edistämme hankinnoilla hiilineutraaliutta, kiertotaloutta ja luonnon monimuotoisuutta",
            "sv": "Vi främjar koldioxidneutralitet, cirkulär ekonomi och biologisk mångfald med upphandlingarna",
        },
        "description": {
            "fi": "Ilmasto- ja ympäristövaikutukset kunnan ja valtion hankinnoissa.",
            "sv": "Klimat- och miljöpåverkan i kommunens och statens upphandlingar.",
        },
        "sources": ["https://vm.fi/sv/ekologisk-hallbarhet"],
    },
]

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "id": "vm",
        "name": {"fi": "Valtiovarainministeriö", "sv": "Finansministeriet"},
        "url": "https://vm.fi",
    },
    {
        "id": "kuntaliitto",
        "name": {"fi": "Suomen Kuntaliitto", "sv": "Finlands Kommunförbund"},
        "url": "https://www.kuntaliitto.fi",
    },
    {
        "id": "tem",
        "name": {"fi": "Työ- ja elinkeinoministeriö", "sv": "Arbets- och näringsministeriet"},
        "url": "https://tem.fi",
    },
    {
        "id": "ym",
        "name": {"fi": "Ympäristöministeriö", "sv": "Miljöministeriet"},
        "url": "https://ym.fi",
    },
    {
        "id": "hansel",
        "name": {"fi": "Hansel Oy", "sv": "Hansel Ab"},
        "url": "https://www.hansel.fi",
    },
    {
        "id": "kl-kuntahankinnat",
        "name": {"fi": "KL-Kuntahankinnat Oy", "sv": "KL-Kommunupphandlingar Ab"},
    },
    {
        "id": "motiva",
        "name": {"fi": "Motiva Oy", "sv": "Motiva Ab"},
        "url": "https://www.motiva.fi",
    },
    {
        "id": "kkv",
        "name": {"fi": "Kilpailu- ja kuluttajavirasto", "sv": "Konkurrens- och konsumentverket"},
        "url": "https://www.kkv.fi",
    },
]

REGIONS: list[tuple[str, str, str]] = [
    ("uusimaa", "Uusimaa", "Nyland"),
    ("varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland"),
    ("satakunta", "Satakunta", "Satakunta"),
    ("kanta-hame", "Kanta-Häme", "Egentliga Tavastland"),
    ("pirkanmaa", "Pirkanmaa", "Birkaland"),
    ("paijat-hame", "Päijät-Häme", "Päijänne-Tavastland"),
    ("kymenlaakso", "Kymenlaakso", "Kymmenedalen"),
    ("etela-karjala", "Etelä-Karjala", "Södra Karelen"),
    ("etela-savo", "Etelä-Savo", "Södra Savolax"),
    ("pohjois-savo", "Pohjois-Savo", "Norra Savolax"),
    ("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen"),
    ("keski-suomi", "Keski-Suomi", "Mellersta Finland"),
    ("etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten"),
    ("pohjanmaa", "Pohjanmaa", "Österbotten"),
    ("keski-pohjanmaa", "Keski-Pohjanmaa", "Mellersta Österbotten"),
    ("pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten"),
    ("kainuu", "Kainuu", "Kajanaland"),
    ("lappi", "Lappi", "Lappland"),
]

# kind -> [(slug, fi, sv)]
TOPICS: dict[str, list[tuple[str, str, str]]] = {
    "measure": [
        (
            "development-project",
            "Hankintojen kehittämishanke",
            "Utvecklingsprojekt för upphandling",
        ),
        ("sustainable-pilot", "Kestävien hankintojen kokeilu", "Försök med hållbar upphandling"),
        (
            "strategy-rollout",
            "Hankintastrategian käyttöönotto",
            "Införande av upphandlingsstrategin",
        ),
        ("joint-procurement", "Yhteishankintojen kehittäminen", "Utveckling av samupphandlingar"),
    ],
    "report": [
        (
            "impact-study",
            "Selvitys hankintojen vaikuttavuudesta",
            "Utredning om upphandlingarnas verkningsfullhet",
        ),
        (
            "competence-survey",
            "Hankintaosaamisen kartoitus",
            "Kartläggning av upphandlingskompetensen",
        ),
        (
            "monitoring-report",
            "Kuntien hankintojen seurantaraportti",
            "Uppföljningsrapport om kommunernas upphandlingar",
        ),
    ],
    "handbook": [
        (
            "responsible-guide",
            "Opas vastuullisiin hankintoihin",
            "Handbok för ansvarsfull upphandling",
        ),
        (
            "market-dialogue-handbook",
            "Markkinavuoropuhelun käsikirja",
            "Handbok för marknadsdialog",
        ),
    ],
    "tool": [
        (
            "carbon-calculator",
            "Hankintojen hiilijalanjälkilaskuri",
            "Kalkylator för upphandlingarnas koldioxidavtryck",
        ),
        (
            "lifecycle-cost-tool",
            "Elinkaarikustannusten laskentatyökalu",
            "Verktyg för beräkning av livscykelkostnader",
        ),
        ("data-platform", "Hankintojen tietoalusta", "Dataplattform för upphandling"),
    ],
    "network": [
        ("regional-network", "Alueellinen hankintaverkosto", "Regionalt upphandlingsnätverk"),
        (
            "sustainable-network",
            "Kestävien hankintojen verkosto",
            "Nätverket för hållbar upphandling",
        ),
        ("leaders-network", "Hankintajohtajien verkosto", "Nätverket för upphandlingschefer"),
    ],
    "training": [
        ("mentor-programme", "Hankintojen mentorointiohjelma", "Mentorprogram för upphandling"),
        ("competence-coaching", "Hankintaosaamisen valmennus", "Träning i upphandlingskompetens"),
        (
            "innovation-course",
            "Innovatiivisten hankintojen koulutus",
            "Utbildning i innovativ upphandling",
        ),
    ],
    "event": [
        ("procurement-day", "Hankintapäivä", "Upphandlingsdagen"),
        (
            "sustainability-seminar",
            "Kestävien hankintojen seminaari",
            "Seminarium om hållbar upphandling",
        ),
        ("impact-forum", "Hankintojen vaikuttavuusfoorumi", "Forum för verkningsfull upphandling"),
    ],
}
KIND_WEIGHTS = {
    "measure": 20,
    "report": 18,
    "handbook": 10,
    "tool": 12,
    "network": 10,
    "training": 15,
    "event": 15,
}

FIGURE_LABELS: list[tuple[str, str, tuple[str, str] | None, tuple[float, float], bool]] = [
    # fi, sv, unit, (low, high), integer?
    ("osallistujaa", "deltagare", None, (12, 900), True),
    ("hankintayksikköä mukana", "upphandlande enheter med", None, (3, 250), True),
    ("kuntaa mukana", "kommuner med", None, (2, 120), True),
    ("koulutustilaisuutta", "utbildningstillfällen", None, (1, 60), True),
    ("tarjousta hankintaa kohden", "anbud per upphandling", None, (1, 12), False),
    ("hankintojen arvo", "upphandlingarnas värde", ("milj. €", "milj. €"), (0.2, 950), False),
    (
        "vastuullisuuskriteerejä käyttäneiden hankintojen osuus",
        "andel upphandlingar med kriterier för ansvarsfullhet",
        ("%", "%"),
        (5, 95),
        True,
    ),
    ("päästövähennys", "utsläppsminskning", ("t CO₂e", "t CO₂e"), (10, 50000), True),
]

DOC_LABELS: list[tuple[str, str, str]] = [
    ("Loppuraportti", "Slutrapport", "pdf"),
    ("Hankkeen verkkosivu", "Projektets webbsida", "html"),
    ("Esitysaineisto", "Presentationsmaterial", "pptx"),
    ("Tallenne", "Inspelning", "video"),
    ("Laskentataulukko", "Kalkylblad", "xlsx"),
    ("Avoin aineisto", "Öppna data", "dataset"),
]
DOC_LANGS = ["fi", "sv", "en", "fi-sv", "multi"]


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """Never write anchors/aliases (the project's loader rejects them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _Quoted(str):
    """A value written in double quotes (dates, as editors are told to write them)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    _Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)


def _words(text: str) -> int:
    return len(text.split())


def _summary(rng: random.Random) -> dict[str, str]:
    """80-150 words in each language, the same sentences in both."""
    target = rng.randint(80, 105)  # Finnish words; Swedish runs about 1.4 times longer
    order = rng.sample(range(len(SENTENCES)), len(SENTENCES))
    fi: list[str] = []
    sv: list[str] = []
    fi_words = sv_words = 0
    for i in order:
        if fi_words >= target and sv_words >= 80:
            break
        add_fi, add_sv = _words(SENTENCES[i][0]), _words(SENTENCES[i][1])
        if fi_words + add_fi > 150 or sv_words + add_sv > 150:
            continue
        fi.append(SENTENCES[i][0])
        sv.append(SENTENCES[i][1])
        fi_words, sv_words = fi_words + add_fi, sv_words + add_sv
    out = {"fi": " ".join(fi), "sv": " ".join(sv)}
    assert all(80 <= _words(v) <= 150 for v in out.values()), {k: _words(v) for k, v in out.items()}
    return out


def _body(rng: random.Random) -> dict[str, str]:
    """Markdown: two short paragraphs, a bullet list, emphasis and sometimes a link."""
    picks = rng.sample(range(len(SENTENCES)), 5)
    items = rng.sample(range(len(LIST_ITEMS)), 3)
    link = rng.random() < 0.3
    out = {}
    for lang, col, lead, more in (
        (
            "fi",
            0,
            "Keskeiset teemat:",
            "Lisätietoa [Hankinta-Suomen sivuilla](https://www.hankinnat.fi/).",
        ),
        (
            "sv",
            1,
            "Centrala teman:",
            "Mer information [på Hankinta-Suomis webbplats](https://www.hankinnat.fi/sv/).",
        ),
    ):
        first = " ".join(SENTENCES[i][col] for i in picks[:3])
        second = " ".join(SENTENCES[i][col] for i in picks[3:])
        bullets = "\n".join(f"- {LIST_ITEMS[i][col]}" for i in items)
        text = f"{first}\n\n**{lead}**\n\n{bullets}\n\n{second}"
        out[lang] = text + (f" {more}" if link else "")
    return out


def _date(rng: random.Random, year: int, style: int) -> tuple[str, tuple[int, int, int]]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if style == 0:
        return f"{year}", (year, 1, 1)
    if style == 1:
        return f"{year}-{month:02d}", (year, month, 1)
    return f"{year}-{month:02d}-{day:02d}", (year, month, day)


def _period_status(rng: random.Random) -> tuple[dict[str, str] | None, str]:
    roll = rng.random()
    if roll < 0.04:
        return None, rng.choice(["completed", "ongoing"])
    style = rng.choices([0, 1, 2], weights=[2, 5, 3])[0]
    if roll < 0.09:  # planned, late 2024
        start, _ = _date(rng, 2024, max(style, 1))
        return {"start": start}, "planned"
    year = rng.randint(2015, 2024)
    start, (y, m, d) = _date(rng, year, style)
    if rng.random() < 0.22:
        return {"start": start}, "ongoing"
    months = rng.randint(1, 40)
    end_y, end_m = y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1
    if end_y > 2024:
        end_y, end_m = 2024, 12
    if style == 0:
        end = f"{max(end_y, y)}"
    elif style == 1:
        end = f"{end_y}-{end_m:02d}"
    else:
        end = f"{end_y}-{end_m:02d}-{rng.randint(d if (end_y, end_m) == (y, m) else 1, 28):02d}"
    status = "ongoing" if end_y == 2024 and rng.random() < 0.5 else "completed"
    return {"start": start, "end": end}, status


def generate(n: int, seed: int = SEED) -> dict[str, Any]:
    """The data of a site with `n` records (plain values, ready for YAML)."""
    rng = random.Random(seed * 1_000_003 + n)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    area_ids = [a["id"] for a in AREAS]
    org_ids = [o["id"] for o in ORGANISATIONS]
    plan = []
    for i in range(n):
        kind = rng.choices(kinds, weights=weights)[0]
        topic = rng.choice(TOPICS[kind])
        region = rng.choice(REGIONS)
        plan.append((kind, topic, region, f"{topic[0]}-{region[0]}-{i + 1:05d}"))
    ids = [p[3] for p in plan]
    records = []
    titles: dict[str, int] = {}  # a title used before gets its count (the build refuses pastes)
    for i, (kind, (_, topic_fi, topic_sv), (_, region_fi, region_sv), ident) in enumerate(plan):
        period, status = _period_status(rng)
        year = period["start"][:4] if period else ""
        suffix_fi = f" – {region_fi} {year}".rstrip()
        suffix_sv = f" – {region_sv} {year}".rstrip()
        seen = titles[topic_fi + suffix_fi] = titles.get(topic_fi + suffix_fi, 0) + 1
        if seen > 1:
            suffix_fi, suffix_sv = f"{suffix_fi} ({seen})", f"{suffix_sv} ({seen})"
        record: dict[str, Any] = {
            "id": ident,
            "kind": kind,
            "origin": "programme" if rng.random() < 0.75 else "related",
            "title": {"fi": topic_fi + suffix_fi, "sv": topic_sv + suffix_sv},
            "summary": _summary(rng),
        }
        if rng.random() < 0.4:
            record["body"] = _body(rng)
        record["areas"] = rng.sample(area_ids, rng.choices([1, 2, 3], weights=[50, 35, 15])[0])
        if n > 1 and rng.random() < 0.3:
            others = [j for j in rng.sample(range(n), min(n, 4)) if j != i][: rng.randint(1, 3)]
            if others:
                record["related"] = [ids[j] for j in others]
        if period:
            record["period"] = {k: _Quoted(v) for k, v in period.items()}
        record["status"] = status
        responsible = rng.sample(org_ids, rng.choice([1, 1, 1, 2]))
        partners = rng.sample(
            [o for o in org_ids if o not in responsible], rng.choice([0, 0, 1, 2, 3])
        )
        record["organisations"] = {
            "responsible": responsible,
            **({"partners": partners} if partners else {}),
        }
        figures = []
        for fi, sv, unit, (low, high), integer in rng.sample(
            FIGURE_LABELS, rng.choice([0, 0, 1, 2, 3, 4])
        ):
            value: float = (
                rng.randint(int(low), int(high)) if integer else round(rng.uniform(low, high), 1)
            )
            figure: dict[str, Any] = {"value": value}
            if unit:
                figure["unit"] = {"fi": unit[0], "sv": unit[1]}
            figure["label"] = {"fi": fi, "sv": sv}
            if period and rng.random() < 0.7:
                figure["year"] = int(period["start"][:4])
            if rng.random() < 0.15:
                figure["source"] = f"https://www.hankinnat.fi/tilastot/{ident}"
            figures.append(figure)
        if figures:
            record["figures"] = figures
        documents = []
        for k, (fi, sv, fmt) in enumerate(rng.sample(DOC_LABELS, rng.choice([0, 1, 1, 2, 3]))):
            documents.append(
                {
                    "url": f"https://www.hankinnat.fi/aineistot/{ident}/{k + 1}.{fmt if fmt in ('pdf', 'pptx', 'xlsx') else 'html'}",
                    "label": {"fi": fi, "sv": sv},
                    "language": rng.choice(DOC_LANGS),
                    "format": fmt,
                }
            )
        if documents:
            record["documents"] = documents
        record["sources"] = [f"https://vm.fi/hankinta-suomi/{ident}"] + (
            [f"https://www.kuntaliitto.fi/hankinnat/{ident}"] if rng.random() < 0.35 else []
        )
        if rng.random() < 0.1:
            record["notes"] = {
                "fi": "Ruotsinkielinen nimi on oma käännöksemme; lähteet ilmoittavat osallistujamäärän eri tavoin.",
                "sv": "Det svenska namnet är vår egen översättning; källorna anger antalet deltagare på olika sätt.",
            }
        if rng.random() < 0.2:
            record["keywords"] = {
                "fi": rng.sample(
                    [
                        "hankintaosaaminen",
                        "hankintakoulutus",
                        "kuntahankinnat",
                        "hankintayksiköt",
                        "vastuullisuus",
                    ],
                    2,
                ),
                "sv": rng.sample(
                    [
                        "upphandlingskompetens",
                        "upphandlingsutbildning",
                        "kommunala upphandlingar",
                        "ansvarsfullhet",
                    ],
                    2,
                ),
            }
        records.append(record)
    return {"areas": AREAS, "organisations": ORGANISATIONS, "records": records}


def to_yaml(data: dict[str, Any]) -> str:
    head = (
        "# yaml-language-server: $schema=../schema/measures.schema.json\n"
        "# Synthetic benchmark data (bench/gen_data.py); not real records.\n"
    )
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        default_flow_style=False,
    )
    return head + body


if __name__ == "__main__":
    sys.stdout.write(to_yaml(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 30)))
