#!/usr/bin/env python3
"""Generates one deterministic meeting transcript for `make bench` (not a test input):
a long series of generated meetings in one caption file, with fake personal values in it.

Usage: gen_transcript.py OUT MEGABYTES [teams|zoom] [ordinary|dense]

- teams: WebVTT as Microsoft Teams writes it: GUID cue identifiers (`<guid>/12-0`),
  `<v Name>text</v>` voice tags, a speaker's turn often spread over two or three cues.
- zoom: WebVTT as Zoom writes it: numbered cues, `Name: text` payloads.
- ordinary: one turn in twelve of the participant's holds a personal value (about one
  finding per 5 KB), as in an interview where the participant gives contact details now
  and then; some said as speech, some split across two cues of one speaker.
- dense: every turn of the participant's holds one (about one per 100 bytes of text), the
  worst case for redaction.

Every value is made up here, at random, in the formats hedgerow reports (values in
reserved ranges, such as example.com or Ofcom's drama numbers, are not reported, so they
would not exercise the scanner): names from short lists of common given names and surnames
combined at random, e-mail addresses of a name and a number at common mail providers,
mobile numbers of random digits, postcodes of real district letters and random digits,
streets of made-up names; a meeting's participants change every 600 cues, so the number
of distinct values grows with the file as in a real series of sessions.
"""
import random
import sys

out, megabytes = sys.argv[1], float(sys.argv[2])
style = sys.argv[3] if len(sys.argv) > 3 else "teams"
density = sys.argv[4] if len(sys.argv) > 4 else "ordinary"
if style not in ("teams", "zoom") or density not in ("ordinary", "dense"):
    sys.exit(__doc__)
rng = random.Random(2026)

# Lists of common words that become names only when combined at random (fake people),
# written in lower case so that hedgerow scanning this repository does not read them as names.
GIVEN = [w.capitalize() for w in ("amara ben chloe dev ellis farah gareth hana imran jude kemi liam maya niamh owen "
                                  "priya rhys sana tomasz uma wei yusuf zara aled bronwen ciaran dara eilidh femi grace").split()]
SURNAMES = [w.capitalize() for w in ("adeyemi bennett chowdhury davies evans fraser green hughes iqbal jones kowalski "
                                     "lewis murphy nowak okafor patel quinn reid singh thomas walsh zhang campbell doyle "
                                     "morgan").split()]
STREETS = [w.capitalize() for w in "fenwick larch quarry marsh orchard tanner willow beacon kiln ropewalk".split()]
STREET_TYPES = ("Road Street Lane Avenue Close Drive Crescent Terrace Grove Way").split()
PROVIDERS = ("gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk")
DISTRICTS = ("LS", "BD", "HX", "YO", "HG", "WF")
TOWNS = ("Hebden Bridge, Otley, Settle, Malton, Thirsk, Whitby, Selby, Ripon").split(", ")
FILLER = [
    "Right, I think we're recording now.", "Could you talk me through what you're looking at now?",
    "Probably about twenty minutes, because I had to find all the paperwork.", "Mm-hmm.",
    "If you could change one thing, what would it be?", "That's really helpful, thank you.",
    "I do most of it on the bus, on my phone, so the small buttons are a pain.",
    "Sorry, the signal's a bit rubbish here.", "And what happened after you pressed continue?",
    "It just went back to the start and I had to type everything in again.",
    "Would you prefer a letter, a text or an email for that?", "Yeah, that's fine.",
    "We looked at the form together and the second page was the confusing one.",
    "I wasn't sure whether it meant my address now or where I lived last year.",
    "OK, let's move on to the next task if that's alright with you.",
    "To be honest I'd rather ring someone than fill in a form like this.",
]
DIGITS = "oh one two three four five six seven eight nine".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth").split()


def person():
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def spoken_digits(number):
    return " ".join(DIGITS[int(c)] for c in number if c.isdigit())


class Meeting:
    """The participants of one session and the values each of them gives."""

    def __init__(self):
        self.host = person()
        self.guest = person()
        given, surname = self.guest.split()
        self.email = f"{given[0].lower()}.{surname.lower()}{rng.randint(1, 99)}@{rng.choice(PROVIDERS)}"
        self.phone = f"07{rng.randint(400, 999)} {rng.randint(100000, 999999)}"
        self.postcode = (f"{rng.choice(DISTRICTS)}{rng.randint(1, 20)} {rng.randint(1, 9)}"
                         f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
        self.street = f"{rng.randint(2, 180)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
        self.town = rng.choice(TOWNS)
        self.dob = (rng.randint(1, 20), rng.choice(MONTHS), rng.randint(1950, 2004))

    def value(self):
        """One turn of the guest's holding a personal value: a list of cue texts (more than
        one when the value is split across cues)."""
        kind = rng.randrange(9)
        given = self.guest.split()[0]
        if kind == 0:
            return [f"My name's {self.guest}, I look after my mum."]
        if kind == 1:
            return [f"You can email me on {self.email} if that's easier."]
        if kind == 2:
            local, domain = self.email.split("@")
            return [f"It's {local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}."]
        if kind == 3:
            return [f"My mobile is {self.phone}, any time after four."]
        if kind == 4:
            return [f"It's {spoken_digits(self.phone[:5])},", f"{spoken_digits(self.phone[6:])}."]
        if kind == 5:
            return [f"We're at {self.street}, {self.town} {self.postcode}."]
        if kind == 6:
            day, month, year = self.dob
            return [f"I was born on the {ORDINALS[day - 1]} of {month} {year}."]
        if kind == 7:
            local, domain = self.email.split("@")
            return [f"The address is {local}@", f"{domain}, all lower case."]
        return [f"Ask for {given} at reception, they know me there."]


def teams(f, target):
    guid = "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                            rng.getrandbits(12), rng.getrandbits(48))
    f.write("WEBVTT\n\n")
    written, n, t = 8, 0, 0.0
    meeting = Meeting()
    while written < target:
        if n % 600 == 0 and n:
            meeting = Meeting()
        speaker = meeting.guest if rng.random() < 0.55 else meeting.host
        if speaker == meeting.guest and (density == "dense" or rng.random() < 1 / 12):
            texts = meeting.value()
        else:
            texts = [rng.choice(FILLER) for _ in range(rng.choice([1, 1, 2, 3]))]
        for text in texts:
            start, t = t, t + rng.uniform(1.5, 6.0)
            cue = (f"{guid}/{n}-0\n{stamp(start)} --> {stamp(t)}\n<v {speaker}>{text}</v>\n\n")
            f.write(cue)
            written += len(cue.encode())
            n += 1


def zoom(f, target):
    f.write("WEBVTT\n\n")
    written, n, t = 8, 0, 0.0
    meeting = Meeting()
    while written < target:
        if n % 600 == 0 and n:
            meeting = Meeting()
        speaker = meeting.guest if rng.random() < 0.55 else meeting.host
        if speaker == meeting.guest and (density == "dense" or rng.random() < 1 / 12):
            texts = meeting.value()
        else:
            texts = [rng.choice(FILLER) for _ in range(rng.choice([1, 1, 2]))]
        for text in texts:
            start, t = t, t + rng.uniform(1.5, 6.0)
            cue = f"{n + 1}\n{stamp(start)} --> {stamp(t)}\n{speaker}: {text}\n\n"
            f.write(cue)
            written += len(cue.encode())
            n += 1


def stamp(seconds):
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


with open(out, "w", encoding="utf-8", newline="\n") as f:
    (teams if style == "teams" else zoom)(f, int(megabytes * 1_000_000))
