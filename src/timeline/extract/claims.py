"""Who makes the claim of a sentence, and a short title for it.

Rule-based attribution: "according to Seoul", "the NIS said", "Gerasimov confirmed",
"U.S. officials said on Tuesday", a quotation followed by its speaker ("..., the agency
said"; "..., wrote war correspondent Alexander Kots"). Verbs inside quotation marks do
not count. A pronoun ("he said") stands for the last claimant named before it.

Examples
--------
>>> find_claimant("Troops left on Monday, U.S. officials said.").text
'U.S. officials'
>>> find_claimant("According to Seoul, the units arrived.").text
'Seoul'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_VERBS = [
    # Russian and Ukrainian verbs of saying
    "заявил",
    "заявила",
    "заявили",
    "сообщил",
    "сообщила",
    "сообщили",
    "сказал",
    "сказала",
    "сказали",
    "отметил",
    "отметила",
    "подчеркнул",
    "подтвердил",
    "подтвердила",
    "подтвердили",
    "объявил",
    "объявила",
    "написал",
    "заявив",
    "повідомив",
    "повідомила",
    "повідомили",
    "сказав",
    "підтвердив",
    "зазначив",
    "написав",
    "зазначили",
    "заявили",
    "підтвердили",
    "сообщило",
    "заявило",
    "подтвердило",
    "подсчитало",
    "подсчитали",
    "подсчитал",
    "уточнил",
    "уточнила",
    "добавил",
    "добавила",
    "пояснил",
    "пояснила",
    "повідомило",
    "нагадали",
    "нагадав",
    "напомнили",
    "напомнил",
    "заявило",
    "додав",
    "додала",
    "пояснив",
    "밝혔다",
    "말했다",
    "전했다",
    "발표했다",
    "expected",
    "forecast",
    "forecasts",
    "predicts",
    "projected",
    "show",
    "shows",
    "showed",
    "found",
    "recalls",
    "expects",
    "stresses",
    "insists",
    "believed",
    "suspected",
    "demanded",
    "welcomed",
    "called",
    "ordered",
    "rejected",
    "criticised",
    "criticized",
    "dismissed",
    "requested",
    "said",
    "says",
    "say",
    "stated",
    "reported",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "noted",
    "told",
    "tells",
    "added",
    "adds",
    "observed",
    "wrote",
    "writes",
    "remarked",
    "claimed",
    "warned",
    "warns",
    "described",
    "describes",
    "reaffirmed",
    "praised",
    "believe",
    "believes",
    "suspect",
    "suspects",
    "estimated",
    "put",
    "puts",
    "placed",
    "places",
    "accused",
    "denied",
    "denies",
    "insisted",
    "acknowledged",
    "declared",
    "urged",
    "explained",
    "argued",
    "alleged",
    "revealed",
    "disclosed",
    "asserted",
    "emphasized",
    "stressed",
    "tweeted",
    "posted",
    "testified",
    "indicated",
    "concluded",
    "assessed",
    "predicted",
    "vowed",
    "pledged",
    "promised",
    "threatened",
    "condemned",
    "credited",
    "recalled",
    "mentioned",
    "cited",
    "added",
    "admitted",
    "assured",
]
_INVERTED = frozenset(
    {"said", "says", "wrote", "writes", "added", "adds", "noted", "told"}
    | {"заявил", "заявила", "заявили", "сообщил", "сообщила", "сообщили", "сказал"}
    | {"сказала", "сказали", "отметил", "отметила", "подчеркнул", "написал"}
    | {"заявив", "повідомив", "повідомила", "повідомили", "сказав", "зазначив", "написав"}
    | {"сказала", "сказали", "заявила", "заявили", "повідомили", "зазначила", "сообщило"}
    | {"заявило", "подтвердило", "подсчитало", "подсчитали", "подсчитал", "уточнил", "добавил"}
    | {"повідомило", "додав", "додала", "нагадали", "нагадав", "напомнили", "напомнил"}
)
"""Verbs that may come before their speaker: '..., said Claire Nicolet'."""
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i"}
    | {"он", "она", "они", "він", "вона", "вони", "його", "її", "его", "её", "их", "їхніми"}
)
_CLAIMANT_NOUNS = frozenset(
    [
        "officials",
        "official",
        "sources",
        "source",
        "agency",
        "ministry",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analysts",
        "analyst",
        "experts",
        "expert",
        "witnesses",
        "witness",
        "residents",
        "police",
        "authorities",
        "correspondents",
        "correspondent",
        "representative",
        "representatives",
        "government",
        "military",
        "army",
        "diplomats",
        "diplomat",
        "observers",
        "monitors",
        "community",
        "commander",
        "commanders",
        "statement",
        "report",
        "investigators",
        "prosecutors",
        "lawmakers",
        "leaders",
        "leader",
        "office",
        "service",
        "services",
        "records",
        "data",
        "documents",
        "figures",
        "images",
        "footage",
        "statistics",
        "survey",
        "poll",
        "study",
        "tally",
        "department",
        "people",
        "institute",
        "authority",
        "council",
        "commission",
        "committee",
        "court",
        "company",
        "firm",
        "group",
        "organisation",
        "organization",
        "union",
        "party",
        "mission",
        "bank",
        "board",
        "operator",
        "regulator",
        "watchdog",
        "exporters",
        "organisers",
        "organizers",
    ]
)
_CLAIMANT_STEMS = (
    "пресс-служб",
    "прес-служб",
    "служб",
    "министерств",
    "міністерств",
    "ведомств",
    "відомств",
    "следстви",
    "слідств",
    "агентств",
    "представител",
    "представник",
    "источник",
    "джерел",
    "штаб",
    "суд",
    "прокуратур",
    "речник",
    "командуван",
    "командовани",
    "администраци",
    "адміністраці",
)
"""Russian and Ukrainian claimant nouns, by their stem (every case)."""
_EVIDENCE_VERBS = frozenset({"show", "shows", "showed", "found", "put", "puts", "placed", "places"})
"""Verbs whose subject is a claimant only when it is a record ('court records show') or,
for 'found', when a finding follows ('a study found that'), for 'put', 'placed', when a
figure does ('a survey by STEM put ANO at 30%')."""
_AT_FIGURE = re.compile(r"\s+(?:[\w'’.-]+\s+){1,5}?at\s+(?:about\s+|around\s+)?[\d$€£]")
_EVIDENCE_NOUNS = frozenset(
    {"records", "data", "documents", "figures", "images", "footage", "statistics", "survey"}
    | {"poll", "study", "tally", "report", "analysis", "investigation", "review", "audit"}
)
_RECORD_BY = re.compile(
    r"(?i:an?|the)\s+(?i:survey|poll|study|report|analysis|review|audit|tally)\s+by\s+"
    r"((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*(?:\s+(?i:agency|institute|group|"
    r"firm|company|centre|center))?)(?:\s+(?i:published|released|conducted|issued)\b.*)?$"
)
"""'A survey by the STEM agency published in mid-September': the record's author."""
_PASSIVE = re.compile(r"(?i:\b(?:is|are|was|were|be|been|being|it is|it was)\s+(?:\w+ly\s+)?)$")
"""'It was reported', 'is expected': a verb of saying in the passive names no claimant."""
_AUXILIARY = re.compile(
    r"\b(?:will|would|can|could|shall|should|must|does|did|is|are|was|were|am)\b"
)
"""A claimant is a noun phrase: 'It will also publish new economic [forecasts]' is none."""
_NOT_A_CLAIMANT = re.compile(
    r"(?i:^(?:a|an|the)\s+(?:claim|allegation|charge|accusation|report|account|version|"
    r"assertion|figure|number)s?\b)"
)
"""'..., a claim police denied': a relative clause, not the speaker of the sentence."""
_SKIP_SEGMENT = re.compile(
    r"(?i)(?:in turn|for (?:its|his|her|their) part|however|also|meanwhile|separately|"
    r"in a statement|on \w+|later|earlier|too|in response|in addition|though|too)"
)
_ADVERBS = re.compile(
    r"(?i)\s+(?:also|later|previously|earlier|separately|publicly|has|have|had|further|"
    r"reportedly|repeatedly|once|again|then|recently|first|officially)$"
)
_LEAD = re.compile(r"^(?i:and|but|so|yet|while|as|meanwhile|however|then)\b[, ]*")
_QUOTED = re.compile(r"[“\"«][^”\"»]*\s[^”\"»]*[”\"»]")


@dataclass(frozen=True, slots=True)
class Claim:
    """Who makes a sentence's claim (as written), the verb, and where the reported
    content starts (after "said that", after "according to X,")."""

    text: str
    verb: str
    content_start: int
    quoted: bool = False


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) + r")\b")


def _plausible(name: str) -> bool:
    """A claimant names someone: a capitalised word, a pronoun, a noun like 'officials',
    or a short 'the <noun>' ('the commission', 'the city')."""
    words = re.findall(r"[\w.’'-]+", name)
    if not words or len(words) > 12 or _NOT_A_CLAIMANT.match(name) or _AUXILIARY.search(name):
        return False
    if 2 <= len(words) <= 3 and words[0].lower() in ("the", "its", "his", "her", "their"):
        return words[-1].isalpha()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if any(w.lower().strip(".") in _CLAIMANT_NOUNS for w in words):
        return True
    if any(w.lower().startswith(_CLAIMANT_STEMS) for w in words):
        return True
    return any(w[0].isupper() for w in words[1:]) or (words[0][0].isupper() and len(words) <= 6)


def _mask_quotes(sentence: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group()), sentence)


_SUBORDINATE = re.compile(
    r"(?i:after|before|when|because|since|while|until|if|although|though|once|whether|"
    r"where|which|what|how|why)\b|(?:[Ww]ho|[Ww]hom)\b"
)
"""A subordinate clause's opening word ("WHO spokesman" is the World Health Organization's)."""


_RELATIVE_NAME = re.compile(r"^(?:which|that|whom)\s+(?=[A-ZА-ЯЁІЇЄҐ])")
_LOCATIVE = re.compile(r"^(?:[ВвУу]|[Вв]о)\s+(?=[А-ЯЁІЇЄҐ])")
_UPPER = re.compile(r"[A-ZА-ЯЁІЇЄҐ]")


_INNER_RELATIVE = re.compile(r"\s(?:that|which|whom)\s+((?:the\s+)?\S+(?:\s\S+){0,3})$")
_INNER_SUBORDINATE = re.compile(r"(?i:\b(?:after|before|when|because|since|while|until|if|once)\s)")
_LEADING_NAME = re.compile(
    r"((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|da|de|dos|do|van|von|al|bin|el|"
    r"(?:envoy|leader|minister|president|spokesman|spokeswoman|official|chief|secretary|"
    r"ambassador|governor|mayor|commander|general|deputy|foreign|prime)(?=\s+[A-Z])))*)"
    r"(?:,[^,]{1,40},)?\s+[a-z]"
)
"""The name a sentence opens with, titles between its capitalised words allowed ("U.S.
envoy John Coale")."""


_DATE_LEAD = re.compile(
    r"^(?:in|on|during|since|by|last|next|this)\s+(?:[A-Z][a-z]+|\d{4}|week|month|year)"
    r"(?:\s+\d{1,2}|\s+\d{4})?,?\s+(?=\S)"
)
"""A date opening the words before a verb ("in October it announced"): no part of a name."""


def _clean(name: str) -> str:
    name = _LEAD.sub("", name.strip(" ,;:—–-"))
    name = _DATE_LEAD.sub("", name)
    name = _ADVERBS.sub("", name).strip(" ,;:")
    name = _RELATIVE_NAME.sub("", name)  # "..., which Azerbaijan says": Azerbaijan
    inner = _INNER_RELATIVE.search(name)
    if inner is not None:  # "an election in October 2024 that the opposition [says]"
        name = inner.group(1)
    if _INNER_SUBORDINATE.search(name):
        return ""  # "hours after Kobakhidze [announced]": a subordinate clause's speaker
    name = _LOCATIVE.sub("", name)  # "У Міненерго зазначили": Міненерго
    return "" if _SUBORDINATE.match(name) else name


def _coordinated_subject(head: str) -> str | None:
    """'Lula da Silva flew over the area on Tuesday and [promised]': the subject of the
    first of two joined predicates, the name the sentence opens with."""
    if not head.rstrip().endswith((" and", " but")):
        return None
    match = _LEADING_NAME.match(head)
    return None if match is None else match.group(1)


_THEIR_WORDS = re.compile(r"(?i:^за (його|її|їхніми) словами|^по (его|её|их) словам)")


_KOREAN_ACCORDING = "에 따르면"
_NAME_BEFORE = re.compile(r"(\S+(?: \S+)?)\Z")


def _korean_source(masked: str) -> Claim | None:
    """'국가정보원에 따르면' (according to the NIS): the one or two words before it.

    Only the 200 characters before the phrase are searched, so a sentence with a very long
    word costs linear time (a pattern searched over the whole sentence backtracked through
    every start inside such a word).
    """
    at = masked.find(_KOREAN_ACCORDING)
    if at < 0:
        return None
    match = _NAME_BEFORE.search(masked[max(0, at - 200) : at])
    if match is None:
        return None
    return Claim(match.group(1), _KOREAN_ACCORDING, at + len(_KOREAN_ACCORDING))


def _according(sentence: str, masked: str) -> Claim | None:
    own = _THEIR_WORDS.search(masked)  # "За його словами": by his words
    if own is not None:
        return Claim(own.group(1), "according to", own.end())
    match = re.search(
        r"(?i:according to|по данным|по словам|по информации|за даними|за словами) "
        r"((?:[^,.;:]|\.(?=\w))+)",
        masked,
    )
    if match is None:
        korean = _korean_source(masked)
        if korean is not None:
            return korean
    if match is None:
        return None
    name = _clean(match.group(1))
    if name.lower() in ("plan", "plans", "schedule") or not (
        _plausible(name) or len(name.split()) <= 4
    ):
        return None
    after = match.end()
    appositive = re.match(
        r",\s+((?:[A-ZА-ЯЁІЇЄҐ][\w’'.-]*\s?){1,4})(?=[.;]?$)", sentence[after:].rstrip()
    )
    if appositive is not None and not _UPPER.match(name):  # "the city's mayor, Ihor Terekhov"
        name = appositive.group(1).strip().rstrip(".")
        after += appositive.end()
    if sentence[after : after + 1] == ",":
        after += 1
    content = 0 if match.start() > 0 else after
    return Claim(name, "according to", content) if name else None


def _after_quote(sentence: str, masked: str) -> Claim | None:
    """'“...,” the agency said' / '“...,” wrote Alexander Kots, who ...'."""
    if sentence[:1] not in '“"«':
        return None
    match = re.search(r"(?:[,?!]\s*[”\"]|[”\"»][,?!]?)\s+(?:[—–-]\s+)?(?P<rest>.*)$", sentence)
    if match is None:
        return None
    rest = match["rest"]
    verb = _verb_pattern().search(rest)
    if verb is None:
        return None
    before = rest[: verb.start()].strip()
    if len(before.split()) > 8:
        return None
    if before:
        name = _clean(before)
    elif verb.group() not in _INVERTED:
        return None
    else:  # inverted: 'wrote war correspondent Alexander Kots, who ...'
        name = _clean(re.split(r"[,.;]| who\b| in an?\b| on \w+day\b", rest[verb.end() :])[0])
        name = _to_last_capital(name)
    if not name or not _plausible(name):
        return None
    return Claim(name, verb.group(), 0, quoted=True)


def _to_last_capital(name: str) -> str:
    """'пресс-секретарь Дмитрий Песков во вторник': up to the last capitalised word."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if _UPPER.match(w)), default=-1)
    return " ".join(words[: last + 1]) if last > 0 else name


_FOREIGN_RECORD = re.compile(
    r"^(?P<name>(?:Опрос|Исследование|Доклад|Отч[её]т|Опитування|Дослідження|Доповідь|Звіт)"
    r"\s+[А-ЯЁІЇЄҐA-Z][\w-]*)[^.]*?\s(?P<verb>показал[аио]?|показав|показало|показали)\b"
)
"""'Опрос ВЦИОМ, проведённый в начале мая, показал, что ...': the record and its author."""


def _foreign_record(masked: str) -> Claim | None:
    """A Russian or Ukrainian record that shows a finding: 'Опрос ВЦИОМ ... показал'."""
    match = _FOREIGN_RECORD.match(masked)
    if match is None:
        return None
    return Claim(match["name"], match["verb"], 0)


def _korean(masked: str) -> Claim | None:
    """'... 방문했다고 외교부가 밝혔다': the word before the verb of saying, less its particle;
    a topic before '...겠다는 입장을 밝혔다' (stated its position that ...) too."""
    if "고" not in masked and "다는" not in masked:
        return None
    said, ending, topic = _korean_patterns()
    match = said.search(masked)
    if match is not None:
        return Claim(match.group(1), match.group(2), 0)
    ending = ending.search(masked.strip())
    topic = topic.match(masked.strip())
    if ending is not None and topic is not None:  # "국가정보원은 ... 있다고 보고했다"
        return Claim(topic.group(1), ending.group(1), 0)
    return None


@cache
def _korean_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(_KOREAN_VERBS)
    return (
        re.compile(rf"(?:다|라)고\s+(\S+?)(?:이|가|은|는)\s+(?:\S+\s+)?({verbs})"),
        re.compile(
            rf"(?:고|다는\s+(?:입장|뜻|방침|계획|의사|의지)을)\s+(?:\S+\s+)?({verbs})[.!]?$"
        ),
        re.compile(r"^(?:한편\s+)?((?:\S+\s)?\S+?)(?:은|는)\s"),
    )


_KOREAN_VERBS = (
    "밝혔다",
    "말했다",
    "전했다",
    "발표했다",
    "보고했다",
    "강조했다",
    "주장했다",
    "설명했다",
    "덧붙였다",
    "지적했다",
    "경고했다",
    "예상했다",
    "분석했다",
)


def _attributes(head: str, verb: str, after: str) -> bool:
    """Whether a verb of saying attributes the sentence to the words before it: not in
    the passive ('it was reported', 'is expected'), and 'show'/'found' only for a record
    ('court records show', 'a study found that')."""
    if _PASSIVE.search(head) or re.match(r"\s+by\b", after):
        return False  # "it was reported", "the duty, announced by Trump on August 6"
    if verb in _EVIDENCE_VERBS:
        words = {w.lower() for w in re.findall(r"\w+", re.split(r"[,;:]", head)[-1])}
        if not words & _EVIDENCE_NOUNS:
            return False
        if verb == "found" and not re.match(r"\s+that\b", after):
            return False
        if verb.startswith(("put", "place")) and not _AT_FIGURE.match(after):
            return False
    return True


def _trailing(masked: str) -> Claim | None:
    """'..., Tass said.' / '..., officials said on Tuesday.' / '..., said Mr. Lee.'"""
    match = re.search(r",\s+(?P<tail>[^,]{1,80})$", masked.rstrip(' .!?”"'))
    if match is None:
        return None
    tail = match["tail"]
    verb = _verb_pattern().search(tail)
    if verb is None:
        return None
    before = tail[: verb.start()].strip()
    if not before and verb.group() not in _INVERTED:
        return None
    if not _attributes(tail[: verb.start()], verb.group(), tail[verb.end() :]):
        return None
    rest = tail[verb.end() :]
    if len(rest.split()) > 6 or re.search(r"\bthat\b", rest):
        return None  # the claim goes on after the verb: not a closing attribution
    after = re.split(r" on \w+| in an?\b", rest)[0]
    name = _clean(before) if before else _clean(after)
    if not name or not _plausible(name) or len(name.split()) > 8:
        return None
    return Claim(name, verb.group(), 0)


def _subject(sentence: str, masked: str) -> Claim | None:
    for verb in _verb_pattern().finditer(masked):
        head = masked[: verb.start()]
        if not _attributes(head, verb.group(), masked[verb.end() :]):
            continue
        segments = [s for s in re.split(r"[,;:—]", head)]
        name = _coordinated_subject(head) or ""
        while segments and not name:
            piece = _clean(segments.pop())
            if piece and not _SKIP_SEGMENT.fullmatch(piece):
                name = piece
                break
        if name[:4] in ("the ", "a ", "an ") and segments:  # "Peskov, the Kremlin spokesman,"
            earlier = _clean(segments[-1])
            if earlier and all(w[:1].isupper() for w in earlier.split()[:4]):
                name = earlier
        record = _RECORD_BY.match(name)  # "A survey by the STEM agency published in ..."
        agent = re.search(r"\bby\s+((?:the\s+)?[A-Z][^,]*)$", name)
        if record is not None:
            name = record.group(1)
        elif agent is not None and len(name.split()) > 6:  # "a study published ... by WWA"
            name = agent.group(1).strip()
        if not name or not _plausible(name) or len(name.split()) > 10:
            continue
        content = verb.end()
        that = re.match(
            r"\s+(?:(?:on|in|late|early) [\w ]{1,20}?\s+)?that\b\s*", sentence[content:]
        )
        if that is not None:
            content += that.end()
        else:
            content = 0
        return Claim(
            sentence[verb.start() - len(head) + head.find(name) :][: len(name)]
            if name in head
            else name,
            verb.group(),
            content,
        )
    return None


def find_claimant(
    sentence: str, previous: str | None = None, *, previous_group: str | None = None
) -> Claim | None:
    """The claimant of one sentence, or None when it attributes nothing.

    Parameters
    ----------
    sentence
        One sentence.
    previous
        The last person named before it, which a pronoun ("he said") stands for.
    previous_group
        The last claimant of any kind ("the energy company Ukrenergo"), which "it" and
        "they" stand for; default ``previous``.

    Examples
    --------
    >>> find_claimant("“We will go,” he said.", previous="Alexander Kots").text
    'Alexander Kots'
    >>> find_claimant("Putin, in turn, remarked that ties grew.").text
    'Putin'
    """
    masked = _mask_quotes(sentence)
    claim = (
        _according(sentence, masked)
        or _korean(masked)
        or _after_quote(sentence, masked)
        or _trailing(masked)
        or _subject(sentence, masked)
        or _foreign_record(masked)
    )
    if claim is None:
        return None
    pronoun = claim.text.lower()
    if pronoun in _PRONOUNS:
        group = pronoun in ("it", "they", "они", "вони")
        stands_for = previous_group if group and previous_group else previous
        if stands_for is None or pronoun in ("we", "i"):
            return None if stands_for is None else claim
        return Claim(stands_for, claim.verb, claim.content_start, claim.quoted)
    return claim


_TITLE_WORDS = 14
_DATE_PREPOSITION = re.compile(r"(?i:\b(?:in|on|at|during|since|until|by|from|of)\s*)$")


def short_title(sentence: str, claim: Claim | None, dates: list[tuple[int, int]]) -> str:
    """A short form of the sentence: its reported content, the date left out, at most
    about 14 words; a quotation is prefixed with its speaker ("Gerasimov: ...").

    Examples
    --------
    >>> short_title("In late October, the minister visited Moscow.", None, [(3, 15)])
    'The minister visited Moscow'
    """
    text = sentence
    cut = sorted(dates, reverse=True)
    for start, end in cut:
        window = max(0, start - 12)
        before = _DATE_PREPOSITION.search(text, window, start)
        start = before.start() if before else start
        text = text[:start] + " " * (end - start) + text[end:]
    if claim is not None and claim.content_start:
        text = text[claim.content_start :]
    elif claim is not None and claim.quoted:
        quote = re.match(r"\s*[“\"]([^”\"]+)[”\"]", text)
        if quote is not None:
            text = f"{claim.text.split()[-1]}: {quote.group(1)}"
    text = re.sub(r"[“”\"]", "", text)
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = text.strip(" ,;:.—–-")
    words = text.split()
    if len(words) > _TITLE_WORDS:
        text = " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + " …"
    if not text:
        text = " ".join(sentence.split()[:_TITLE_WORDS]) or "(untitled)"
    return text[0].upper() + text[1:]
