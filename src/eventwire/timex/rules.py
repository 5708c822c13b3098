"""The regular expressions of the time stage, built from the word tables in data/lexicon.yaml.

Each rule is (name, compiled pattern); `values.py` holds one normaliser per rule name. Patterns are
case-insensitive except month names, which must be capitalised ("may" and "march" are verbs).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..cache import compiled_patterns
from .normalise import lexicon


def alt(words) -> str:
    """An alternation, longest first, spaces matching any run of white space."""
    return "|".join(re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    lx = lexicon()
    units_w = alt(k for k, v in lx["numbers"].items() if 0 < v < 10)
    teens = alt(k for k, v in lx["numbers"].items() if v >= 10)
    tens = alt(lx["tens"])
    numw = rf"(?:(?:{tens})(?:[\s-](?:{units_w}))?|{teens}|{units_w}|zero)"
    counts = alt(list(lx["vague_counts"]) + list(lx["exact_counts"]))
    p = {
        "NUMW": numw,
        "NUM": rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{numw}(?:\s+(?:hundred|thousand))?|{counts})",
        "ORD": alt(lx["ordinals"]),
        "MONTH": r"(?-i:(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
                 r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))",
        "WEEKDAY": r"(?P<wd>" + alt(lx["weekdays"]) + r")",
        "SEASON": r"(?P<season>" + alt(lx["seasons"]) + r")",
        "POD": r"(?P<pod>morning|afternoon|evening|night)",
        "UNIT": r"(?P<unit>second|minute|hour|day|night|week(?:end)?|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))s?",
        "YEAR4": r"(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)",
        "SPOKEN": rf"(?:(?:nineteen|eighteen|twenty)[\s-](?:hundred|(?:{tens})(?:[\s-](?:{units_w}))?|{teens}|oh[\s-](?:{units_w}))"
                  rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{units_w}|{teens}))?)",
        "DECADEW": alt(lx["decades"]),
        "MODS": r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid(?=-)|mid|middle\s+of|end\s+of|start\s+of|beginning\s+of"
                r"|turn\s+of|close\s+of|first\s+part\s+of|latter\s+part\s+of|rest\s+of|remainder\s+of)(?:\s+the)?)",
        "APPROX": r"(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than"
                  r"|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|only|just|another"
                  r"|an\s+additional|a\s+further|the\s+better\s+part\s+of|well\s+over|close\s+to|barely|a\s+full)",
        "SETW": alt(lx["sets"]),
        "FUZZY": alt(lx["fuzzy"]),
        "HOLIDAY": alt(list(lx["holidays"]) + ["thanksgiving day", "thanksgiving", "election day", "easter sunday",
                                               "easter", "memorial day", "labor day"]),
    }
    p["YEAR"] = rf"(?P<y>{p['YEAR4']}|{p['SPOKEN']})"
    return p


RULES_SRC = [
    ("iso", r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("slash", r"(?<![\d/])(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])"),
    ("mdy", r"(?:(?:(?:this|next|last|this\s+coming|this\s+past)\s+)?{WEEKDAY},?\s+)?(?:{MODS}\s*)?{MONTH}\s*"
            r"(?P<d>[12]\d|3[01]|0?[1-9]|{ORD})(?:st|nd|rd|th)?\b(?:,?\s+{YEAR})?"),
    ("dmy", r"(?:{WEEKDAY},?\s+)?(?:the\s+)?\b(?P<d>[12]\d|3[01]|0?[1-9]|{ORD})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"),
    ("my", r"(?:{MODS}\s*)?{MONTH}(?:\s+of)?,?\s+{YEAR}"),
    ("month", r"(?:(?P<mod>{MODS})\s*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|each|every)\s+)?{MONTH}"),
    ("season", r"(?:(?P<mod>{MODS})\s*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the|each|every|that)\s+)?"
               r"{SEASON}(?:\s+(?:of\s+)?{YEAR})?\b"),
    ("year", r"(?:(?P<mod>{MODS})\s*)?(?:(?P<pre>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|model\s+year|post-|pre-)\s*)?"
             r"(?<![\d$£€.,/])(?P<y>{YEAR4})\b(?!-\d|s\b|'s\s+(?:first|second|third|fourth)\s+quarter)"),
    ("spoken_year", r"(?:the\s+year\s+)?\b(?P<y>{SPOKEN})\b"),
    ("decade", r"(?:the\s+)?(?:{MODS}\s*)?(?:mid-)?(?:(?P<c>1[5-9]|20)(?P<dd>\d)0'?s|'(?P<dd2>\d)0s|(?:nineteen[\s-])?(?P<dw>{DECADEW}))\b"),
    ("century", r"(?:the\s+)?(?:{MODS}\s*)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<o>{ORD}))\s+century"),
    ("quarter", r"(?:(?:the|its|their|this|that|each|every|his|her|our)\s+)?(?P<mods>(?:(?:year-earlier|year-ago|year-before"
                r"|comparable|corresponding|same|latest|current|previous|past|recent|most\s+recent|just-ended"
                r"|just-completed|first|second|third|fourth|1st|2nd|3rd|4th|final|last|fiscal|calendar|flat|this\s+year's"
                r"|last\s+year's|next\s+year's|(?:1[6-9]|20)\d\d)[\s-]+){0,4})(?P<unit>quarter|period)(?P<pl>s)?"
                r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR4}))?\b"),
    ("half", r"(?:the\s+)?(?P<h>first|second|latter|last)\s+half(?:\s+of\s+(?:(?:the\s+)?(?P<rel>this|last|next)\s+year"
             r"|(?:fiscal\s+)?(?P<y>{YEAR4})|the\s+year|the\s+'(?P<dd>\d)0s))?"),
    ("weekday", r"(?:(?P<pre>noon|midnight|early|late|mid-?morning|mid-?afternoon)\s+)?(?:(?P<rel>last|next|this|this\s+coming"
                r"|this\s+past|coming|past|the\s+previous|the\s+following|the\s+next|each|every|the\s+preceding)\s+)?"
                r"{WEEKDAY}(?P<pl>s)?\b(?:\s+{POD}(?P<podpl>s)?)?"),
    ("relday", r"(?:(?P<pre>early|late|later|earlier|mid-?morning|mid-?afternoon|the\s+day\s+before|the\s+day\s+after)\s+)?"
               r"(?P<w>today|tonight|yesterday|tomorrow|overnight)(?:\s+{POD})?\b"),
    ("pod", r"(?:(?P<pre>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+{POD}"),
    ("relative", r"(?:(?P<mod>{MODS})\s*)?(?P<rel>last|this|next|past|previous|coming|current|following|same|that|the\s+past"
                 r"|the\s+last|the\s+previous|the\s+preceding|the\s+next|the\s+coming|the\s+current|the\s+following"
                 r"|the\s+same|this\s+past|this\s+coming|earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+that"
                 r"|later\s+that|early\s+next|late\s+last|early\s+last|later\s+next|late\s+next|earlier\s+in\s+the"
                 r"|later\s+in\s+the)\s+(?P<unit>week|weekend|month|quarter|year|decade|century)\b(?!-)"),
    ("ago", r"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+{UNIT}\s+(?P<dir>ago|earlier|later|hence|from\s+now"
            r"|(?:before|after)(?=\s*[.,;:)]|\s+(?:that|this|then)\b))"),
    ("year_earlier", r"(?:the\s+)?(?:comparable\s+|corresponding\s+)?\b(?P<w>year-earlier|year-ago|year\s+earlier|year\s+before"
                     r"|prior-year|year-before)\b(?!\s+(?:quarter|period))"),
    ("duration", r"(?:(?P<approx>{APPROX})\s+(?!the\b))?(?:(?P<the>the\s+)?(?P<rel>past|last|next|first|previous|coming|following"
                 r"|final|remaining|latest|recent|initial|same|preceding|subsequent)\s+)?(?P<n>{NUM})\s+(?:(?:more|additional"
                 r"|other|straight|consecutive|full|long|trading|business|working|calendar|further|extra|successive)\s+)?"
                 r"{UNIT}\b(?!-|\s+of\s+(?:the|a|an|its|their|his|her)\b)"),
    ("adj_duration", r"\b(?P<n>\d+|{NUMW}|half|one-and-a-half|two-and-a-half)-{UNIT}\b(?!-old|-olds)(?:-long)?"),
    ("bare_units", r"\b(?P<w>years|months|weeks|days|decades|hours|minutes|centuries)\b(?!\s+(?:of|ago|earlier|later))"),
    ("recent_units", r"(?P<w>recent|coming|past|next|last|previous|upcoming|the\s+coming|the\s+past|the\s+next|the\s+last"
                     r"|the\s+previous|the\s+recent)\s+(?P<unit>years|months|weeks|days|decades)\b"),
    ("clock", r"(?:(?P<approx>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
              r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC|local\s+time))?"
              r"(?:\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|tonight|{WEEKDAY}))?"),
    ("clock24", r"(?<![\d:.$])\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?![:.]?\d)(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC|local\s+time))?"),
    ("oclock", r"\b(?P<h>[01]?\d|{NUMW})\s+(?:o'clock|in\s+the\s+(?P<pod>morning|afternoon|evening))"),
    ("clockword", r"(?:(?P<approx>about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?\b(?P<w>noon|midday|midnight)\b"
                  r"(?:\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|{WEEKDAY}))?"),
    ("setword", r"\b(?P<w>{SETW})\b"),
    ("every", r"\b(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<unit>second|minute|hour|day|night|week(?:end)?|month"
              r"|quarter|year|decade)|{WEEKDAY}|{MONTH}|{SEASON})\b"),
    ("times_a", r"\b(?:once|twice|thrice|(?P<n>{NUMW}|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>second|minute|hour|day"
                r"|week|month|quarter|year|decade)\b"),
    ("a_unit", r"\b(?:a|an|per)\s+"
               r"(?P<unit>year|month|week|day|hour)\b"),
    ("fuzzy", r"\b(?P<w>{FUZZY})\b(?!-)"),
    ("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})\b(?:\s*,?\s*(?P<y>{YEAR4}))?"),
    ("anchored_day", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>the\s+(?:next|following|previous|preceding)\s+(?:day|morning"
                     r"|afternoon|evening|night)|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))|that\s+(?:same\s+)?"
                     r"(?:day|morning|afternoon|evening|night)|the\s+same\s+day)\b"),
    ("the_year", r"(?:(?P<mod>{MODS})\s*)?\bthe\s+(?:(?P<q>full|fiscal|calendar|entire|whole|current|latest)\s+)?year\b"
                 r"(?!-|\s+(?:earlier|ago|before|after|\d|two\s+thousand|nineteen))"),
    ("year_end", r"(?:the\s+)?\b(?:year[- ]end|year's\s+end|end\s+of\s+the\s+year|end-of-year)\b"),
    ("the_weekend", r"\bthe\s+weekend\b"),
]


# rules whose match may begin inside a word ("3Q", "FY1998-Q3"); every other rule starts at a word
WORD_INTERNAL = {"quarter"}


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, re.Pattern]]:
    p = pieces()
    out = []
    with compiled_patterns():  # long alternations: ~0.1 s to compile, a lookup once cached
        for name, src in RULES_SRC:
            for key, val in p.items():
                src = src.replace("{" + key + "}", val)
            if name not in WORD_INTERNAL:
                # an explicit word start lets the regex engine skip most positions at once (3x faster)
                src = r"\b(?=\w)(?:" + src + ")"
            out.append((name, re.compile(src, re.I)))
    return out


def holiday_names() -> dict[str, tuple[int, int]]:
    return {k: tuple(v) for k, v in lexicon()["holidays"].items()}
