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
    "밝혔다",
    "말했다",
    "전했다",
    "발표했다",
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
)
"""Verbs that may come before their speaker: '..., said Claire Nicolet'."""
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
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
    ]
)
_SKIP_SEGMENT = re.compile(
    r"(?i)(?:in turn|for (?:its|his|her|their) part|however|also|meanwhile|separately|"
    r"in a statement|on \w+|later|earlier|too|in response|in addition|though|too)"
)
_ADVERBS = re.compile(
    r"(?i)\s+(?:also|later|previously|earlier|separately|publicly|has|have|had|further|"
    r"reportedly|repeatedly|once|again|then|recently|first|officially)$"
)
_LEAD = re.compile(r"^(?i:and|but|so|yet|while|as|meanwhile|however|then)\b[, ]*")
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")


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
    if not words or len(words) > 12:
        return False
    if 2 <= len(words) <= 3 and words[0].lower() in ("the", "its", "his", "her", "their"):
        return words[-1].isalpha()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if any(w.lower().strip(".") in _CLAIMANT_NOUNS for w in words):
        return True
    return any(w[0].isupper() for w in words[1:]) or (words[0][0].isupper() and len(words) <= 6)


def _mask_quotes(sentence: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group()), sentence)


_SUBORDINATE = re.compile(
    r"(?i:after|before|when|because|since|while|until|if|although|though|once|whether|"
    r"where|which|who|whom|what|how|why)\b"
)


def _clean(name: str) -> str:
    name = _LEAD.sub("", name.strip(" ,;:—–-"))
    name = _ADVERBS.sub("", name).strip(" ,;:")
    return "" if _SUBORDINATE.match(name) else name


def _according(sentence: str, masked: str) -> Claim | None:
    match = re.search(
        r"(?i:according to|по данным|по словам|по информации|за даними|за словами) "
        r"((?:[^,.;:]|\.(?=\w))+)",
        masked,
    )
    if match is None:
        korean = re.search(r"(\S+(?: \S+)?)에 따르면", masked)
        if korean is not None:
            return Claim(korean.group(1), "에 따르면", korean.end())
    if match is None:
        return None
    name = _clean(match.group(1))
    if name.lower() in ("plan", "plans", "schedule") or not (
        _plausible(name) or len(name.split()) <= 4
    ):
        return None
    after = match.end()
    if sentence[after : after + 1] == ",":
        after += 1
    content = 0 if match.start() > 0 else after
    return Claim(name, "according to", content) if name else None


def _after_quote(sentence: str, masked: str) -> Claim | None:
    """'“...,” the agency said' / '“...,” wrote Alexander Kots, who ...'."""
    if sentence[:1] not in '“"':
        return None
    match = re.search(r"[,?!]\s*[”\"]\s+(?P<rest>.*)$", sentence)
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
    if not name or not _plausible(name):
        return None
    return Claim(name, verb.group(), 0, quoted=True)


def _korean(masked: str) -> Claim | None:
    """'... 방문했다고 외교부가 밝혔다': the word before the verb of saying, less its particle."""
    match = re.search(r"(\S+?)(?:이|가|은|는)\s+(?:\S+\s+)?(밝혔다|말했다|전했다|발표했다)", masked)
    return None if match is None else Claim(match.group(1), match.group(2), 0)


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
        segments = [s for s in re.split(r"[,;:—]", head)]
        name = ""
        while segments:
            piece = _clean(segments.pop())
            if piece and not _SKIP_SEGMENT.fullmatch(piece):
                name = piece
                break
        if name[:4] in ("the ", "a ", "an ") and segments:  # "Peskov, the Kremlin spokesman,"
            earlier = _clean(segments[-1])
            if earlier and all(w[:1].isupper() for w in earlier.split()[:4]):
                name = earlier
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


def find_claimant(sentence: str, previous: str | None = None) -> Claim | None:
    """The claimant of one sentence, or None when it attributes nothing.

    Parameters
    ----------
    sentence
        One sentence.
    previous
        The last claimant named before it, which a pronoun ("he said") stands for.

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
    )
    if claim is None:
        return None
    if claim.text.lower() in _PRONOUNS:
        if previous is None or claim.text.lower() in ("we", "i"):
            return None if previous is None else claim
        return Claim(previous, claim.verb, claim.content_start, claim.quoted)
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
