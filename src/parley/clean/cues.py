"""Cue words and line shapes of page furniture, shared by the noise rules and the kind classifier.

Everything here is generic site furniture (menus, share bars, newsletter boxes, photo-agency
credits) or the grammar of bylines, datelines and timestamps as news sites everywhere print
them. Nothing names a particular outlet, author or article: the rules must hold on pages the
project has never seen.
"""

from __future__ import annotations

import re

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"

# Dates and clock times as bylines and timestamps print them.
DATE_OR_TIME = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}(?:,?\s+\d{{4}})?"  # 15 January 2025
    rf"|\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"  # January 15, 2025
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2025-01-15
    r"|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|AM|PM)?(?![\d])"  # 22:22, 5:53 am
    r"|\b\d+\s+(?:hours?|minutes?|mins?|days?|hrs?)\s+ago\b"
    r"|\b(?:Today|Yesterday)\b",
    re.IGNORECASE,
)
# A full calendar date (day, month and year): the way photo captions end.
FULL_DATE = re.compile(
    rf"(?:{WEEKDAYS},?\s+)?(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}})"
)

# Words a timestamp or byline line may hold besides dates, names and outlets.
TIMESTAMP_WORDS = frozenset(
    """updated update published posted created modified last at on by ago am pm a m p and
    today yesterday edt est edt pdt pst cdt cst gmt utc bst cet cest ist uk et pt read min mins
    minute minutes hour hours hrs time first the of""".split()
)

# Lines that are the page's user interface, matched against the whole (short) line.
CHROME_LINE = re.compile(
    r"^(?:skip (?:to|navigation)\b.*|(?:open|close|toggle|main) (?:menu|navigation|search)"
    r"|menu|search|home|sign in|log ?in|sign up|register|short ?url|print|email|comments?"
    r"|listen to (?:this )?(?:article|story)\b.*|loading(?: audio| video)?\W*|play(?: video| audio)?"
    r"|advertisement|advertising|sponsored(?: content)?|ad|scroll to continue|continue reading"
    r"|(?:back|return) to [\w &-]{1,30}|follow us(?: on [\w ,&-]{1,40})?|published by|posted by"
    r"|audio by [\w .&-]{1,30}|powered by [\w .&-]{1,30}|most (?:read|popular|viewed)"
    r"|trending(?: now)?|top stories|latest(?: news)?|watch(?: live| now)?|live updates?"
    r"|(?:accept|reject|manage) (?:all )?cookies.*|we use cookies\b.*|cookie (?:settings|policy)"
    r"|privacy policy|terms (?:of (?:use|service)|and conditions)|all rights reserved\b.*"
    r"|copyright\b.*|©.*|image|photo|video|gallery|view (?:gallery|comments|all)\W*"
    r"|send this page to someone via email|copy link|link copied|click to (?:share|print|email)\b.*"
    r")\W*$",
    re.IGNORECASE,
)
# Page furniture that can run longer than a menu item: copyright notices, tags, reading time.
FOOTER_LINE = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved|(?:topics|tags|filed under|categories|keywords)\s*:"
    r"|\d+\s*min(?:ute)?s?\s+read\b|image \d+ of \d+|comments?\s*\(\d+\)"
    r"|(?:we|this (?:site|website)) uses? cookies\b|by (?:continuing to (?:browse|use)|using) this (?:site|website))",
    re.IGNORECASE,
)
# A markdown image or a bare link (trafilatura with images or links kept).
MARKUP_LINE = re.compile(r"^(?:!?\[[^\]]*\]\([^)]*\)\s*)+$")
# A line naming a logo or an icon ("The ... Logo") is an image's alt text.
LOGO_LINE = re.compile(r"\b(?:logo|icon)\W*$", re.IGNORECASE)
# Breadcrumbs and section kickers: "News > World", "Analysis | Middle East".
BREADCRUMB = re.compile(r"^[\w&’',.\- ]{1,40}(?:\s+[|>»›/]\s+[\w&’',.\- ]{1,40}){1,4}$")
# A line that is a bare number: a share or comment counter. (Ornamented numbers such as
# "- 2 -" or "• 2 •" are section markers of the article and stay body.)
BARE_NUMBER = re.compile(r"^\d{1,6}$")

SHARE = re.compile(
    r"^(?:share(?: this)?(?: article| story| page| post| on \w+)?|share via\b.*|tweet(?: this)?"
    r"|(?:share on|follow on) (?:facebook|twitter|x|linkedin|whatsapp|telegram|email|reddit)\b.*"
    r"|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|email this)\W*$",
    re.IGNORECASE,
)
SUBSCRIBE = re.compile(
    r"\b(?:subscribe|subscription|newsletters?|sign up (?:for|to)|sign-up|unlock (?:the )?[\w ]{0,40}"
    r"newsletter|get (?:our|the) [\w ]{0,30}(?:newsletter|briefing|alerts?|updates)"
    r"|delivered (?:to|straight to) your inbox|in your inbox|^donate\b|donate (?:now|today|here|to)"
    r"|support (?:our|independent)"
    r" (?:journalism|reporting|work)|become a (?:member|subscriber|supporter)|give to\s*:?"
    r"|make a (?:gift|contribution)|dear reader)\b",
    re.IGNORECASE,
)
ABOUT_HEADING = re.compile(r"^(?:about(?: us| the (?:author|publication|site|newspaper))?|who we are)\W*$", re.IGNORECASE)
# "<Name> is a daily online newspaper based in ...": a publication describing itself.
ABOUT_BODY = re.compile(
    r"^[\w .&’'-]{2,60}\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}"
    r"(?:newspaper|news (?:site|outlet|agency|organi[sz]ation|website|platform)|magazine|publication"
    r"|media (?:outlet|company|organi[sz]ation|group)|news ?room|broadcaster|outlet|website)\b",
    re.IGNORECASE,
)
DISCLAIMER = re.compile(
    r"\b(?:(?:opinions|views)(?: and [\w ]{1,20})? expressed (?:in|here|by|on)\b"
    r"|(?:do|does) not necessarily (?:reflect|represent)\b"
    r"|(?:do|does) not (?:reflect|represent) the (?:official )?(?:views?|stance|position|opinions?|policy) of"
    r" (?:our|this|the) (?:newspaper|publication|site|website|outlet|organi[sz]ation|company|editors?"
    r"|editorial board|employer|magazine|network|station)"
    r"|are (?:solely )?(?:those|the views) of the (?:individual )?(?:author|writer|contributor)s?"
    r"|this (?:article|story|post) (?:was|has been) (?:updated|corrected|amended)\b"
    r"|editor[’']?s note\s*:)",
    re.IGNORECASE,
)
TEASER_MARKER = re.compile(
    r"^(?:related(?: articles?| stories| content| coverage| reading| news)?|read (?:more|also|next)"
    r"|see also|more on (?:this|that)(?: story)?|also read|further reading|recommended(?: stories)?"
    r"|you may also like|more (?:from|stories|news)\b.*|must read|editor[’']?s picks?|in other news"
    r"|read|watch|listen)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# A teaser that carries its own headline: "Read more: <headline>", "Follow live: <topic>".
TEASER_INLINE = re.compile(
    r"^(?:related(?: article| story)?|read (?:more|also|next)|see also|also read|more|watch|listen"
    r"|follow (?:live|our live coverage|the latest)|live|latest|recommended|explainer|opinion|analysis)"
    r"\s*[:：|»›>]\s*\S",
    re.IGNORECASE,
)

# Wire services and picture agencies: the furniture of photo credits everywhere.
AGENCIES = (
    r"(?:Reuters|REUTERS|AFP|AP|Associated Press|Getty Images|Getty|EPA(?:-EFE)?|EFE"
    r"|Bloomberg|Xinhua|Shutterstock|Alamy|SIPA|Sipa|TASS|Sputnik|AAP|PA(?: Images| Wire)?"
    r"|dpa|DPA|Pool|POOL|NurPhoto|SOPA Images|UPI|WireImage|Imago|IMAGO|ANI|PTI|ZUMA(?: Press)?|Abaca)"
)
CREDIT_PREFIX = re.compile(
    r"^\(?\s*(?:(?:photo|image|picture|pic|video|graphic|illustration|cover|top|main|header|lead)\s*)?"
    r"(?:credits?|courtesy(?: of)?|source)\s*[:：]"
    r"|^\(?\s*(?:photo(?:graph)?s?|images?|pictures?|pic|illustration|video)(?: by)?\s*[:：]"
    r"|^\(?\s*(?:photo(?:graph)?|image|picture|illustration)\s+by\s+[A-Z]"
    r"|^courtesy(?: of)?\s+[A-Z]"
    r"|^(?:image|photo|picture|video) (?:source|credit)s?\s*[,:]",
    re.IGNORECASE,
)
# A caption announced as such ("Image caption, ...").
CAPTION_PREFIX = re.compile(r"^(?:image|photo|picture|video|media) caption\s*[,:]", re.IGNORECASE)
# A dateline alone on its line: "ORVEL, Kessary (Nordpress) —".
DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .’'\-]{2,40}(?:,\s*[A-Z][\w .’'\-]{1,40})?\s*(?:\([^)]{1,60}\))?\s*[—–-]{1,2}$")
# A line that is only an agency's name: the credit of the picture above or below.
AGENCY_ONLY = re.compile(rf"^\(?\s*{AGENCIES}(?:\s+(?:Photo|Images|Pictures))?(?:\s+via\s+{AGENCIES})?\s*\)?\.?$")
# Reporting credits at the end of wire copy: "(Reporting by X; Editing by Y)", "X contributed reporting."
REPORTING_CREDIT = re.compile(
    r"^\(?\s*(?:additional |contributing |further )?(?:reporting|writing|editing|research) by\b.*"
    r"|^[A-Z][\w’'.\- ]{2,80} contributed (?:reporting|to this (?:report|story|article))\b.*"
    r"|^contributing\s*:\s*[A-Z]",
    re.IGNORECASE,
)
# A credit printed at the end of a caption line.
CREDIT_SUFFIX = re.compile(
    rf"(?:\((?:{AGENCIES}|[A-Z][\w.\- ]{{0,30}}/{AGENCIES})(?:\s*Photo)?(?:\s*/[^)]*)?\)"  # (REUTERS), (AP Photo/X)
    r"|\(\s*(?:photo\s*)?(?:credit|courtesy|photo(?:graph)?|image|picture)\s*(?:by)?\s*[:：][^)]*\)?"  # (photo credit: X)
    r"|\([A-Z][A-Z.’'\- ]{2,60}\s*/\s*[A-Z][\w.’'\- ]{1,40}\)"  # (NAME SURNAME / AGENCY)
    r"|\(\s*(?:photo|image|picture) by [^)]*\)"  # (Photo by X/Getty Images)
    rf"|\b(?:Picture|Photo|Image|Credit|Photograph)\s*[:：]\s*[\w .’'/&-]{{1,60}}"  # Picture: Getty
    rf"|\s/\s*{AGENCIES}(?:\s+\w+)?"  # ... / Reuters
    rf"|[.!?)]\s*[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{0,3}}\s*/\s*(?:{AGENCIES}|[A-Z][\w]+)(?:\s+via\s+[\w ]+)?"  # .Name Surname / AFP
    r")\W*$"
)

# Person-name grammar for bylines: capitalized words, initials and the usual particles.
HONORIFIC = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Gen|Col|Capt|Rev|Rabbi|Sheikh|Amb)\.?"
NAME_PARTICLES = frozenset("al el bin ibn abu de da di du van von der den le la del dos das ben bint y".split())
NAME_TOKEN = re.compile(r"^(?:[A-Z]\.?|[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|(?:al|el)-[A-Z][a-z]+)$")
CAPS_NAME_TOKEN = re.compile(r"^[A-Z][A-Z’'\-]+$|^[A-Z]\.?$")
# Capitalized words that start headings, kickers and menu items, never a person's name.
NOT_NAME_WORDS = frozenset(
    """the a an this that these those our your my their his her its we you i it in on at of for to
    with from by and or but as is are was were be has have had will would can new news world live
    update updates breaking analysis opinion video videos photos photo watch read more latest home
    menu search share subscribe follow sign about contact editor editorial staff reporter team
    middle east west north south central january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday
    today yesterday why what how when where who which here there after before during over under
    president minister prime secretary state states united nations war peace talks deal plan
    ceasefire""".split()
)

# Roles that an author bio gives its subject.
BIO_ROLE = (
    r"(?:fellow|professor|lecturer|columnist|analyst|journalist|correspondent|writer|editor|director"
    r"|contributor|author|researcher|reporter|commentator|scholar|economist|historian|host|founder"
    r"|co-founder|chair|chairman|president|ceo|partner|adviser|advisor|consultant|expert|specialist"
    r"|strategist|diplomat|ambassador|officer|associate|student|candidate|blogger|producer|anchor"
    r"|member|head|manager|coordinator|scientist)"
)
BIO_EXTRA = re.compile(
    r"\b(?:(?:he|she|they) (?:writes|wrote|hosts|tweets|posts)|(?:his|her|their) (?:work|writing|articles?|"
    r"books?|latest book|research) (?:has|have|is|are|was|were|appears?|focus)|is the author of|follow (?:him|her|them)"
    r" on|can be reached at|views are (?:his|her|their) own|writes (?:a|the|about|on)\b)",
    re.IGNORECASE,
)

# Attribution verbs: their density separates news reports from commentary. (Present-tense forms
# that are also common nouns, "reports", "claims", "notes", are left out.)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|announces|added|adds|stated|confirmed"
    r"|confirms|reported|noted|declared|declares|insisted|insists|warned|warns|claimed"
    r"|wrote|tweeted|tweets|posted|reiterated|reiterates)\b",
    re.IGNORECASE,
)
# A dateline opening a report: "CITY, Country (Agency) —" or "CITY —".
DATELINE = re.compile(
    r"^[A-Z][A-Z .’'\-]{2,40}(?:,\s*[A-Z][\w .’'\-]{1,40})?\s*(?:\([^)]{1,60}\))?\s*[—–-]{1,2}\s*\S"
    r"|^\([A-Z][\w .]{1,30}\)\s*[—–-]\s*\S"
)
